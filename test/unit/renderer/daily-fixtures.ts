import { vi } from 'vitest'
import type { AccountSummary, OrgSummary, ProductRow, SyncStatus } from '../../../shared/domain/cache'
import type { IpcResult } from '../../../shared/ipc/result'

type Listener = (payload: unknown) => void
type Handler = (input: unknown) => IpcResult<unknown> | Promise<IpcResult<unknown>>

export function account(over: Partial<AccountSummary> = {}): AccountSummary {
  return {
    id: 'acc-1',
    label: 'Agency staff',
    baseUrl: 'https://api.infomaniak.com',
    userId: 1,
    displayName: 'Claire',
    email: 'claire@example.ch',
    state: 'ok',
    isDemo: false,
    tokenSource: 'keychain',
    scopes: [
      { scope: 'user_info', granted: true },
      { scope: 'accounts', granted: true },
      { scope: 'domain:read', granted: false },
    ],
    createdAt: 0,
    lastSyncAt: null,
    lastError: null,
    orgCount: 0,
    ...over,
  }
}

export function org(id: number, name: string, over: Partial<OrgSummary> = {}): OrgSummary {
  return {
    accountId: 'acc-1',
    id,
    name,
    role: 'admin',
    legalEntityType: null,
    isPartnerClient: false,
    productCount: 0,
    userCount: 0,
    syncedAt: Date.now() - 60_000,
    ...over,
  }
}

export function product(id: number, over: Partial<ProductRow> = {}): ProductRow {
  return {
    accountId: 'acc-1',
    id,
    orgId: 1,
    serviceName: 'domain',
    customerName: `product-${id}.ch`,
    internalName: null,
    fqdn: `product-${id}.ch`,
    createdAt: null,
    expiredAt: null,
    isTrial: false,
    isLocked: false,
    hasMaintenance: false,
    hasOperationInProgress: false,
    tags: [],
    ...over,
  }
}

export function syncStatus(over: Partial<SyncStatus> = {}): SyncStatus {
  return {
    accountId: 'acc-1',
    state: 'idle',
    planned: 0,
    done: 0,
    requests: 0,
    etaMs: null,
    current: null,
    skipped: [],
    skippedCount: 0,
    startedAt: null,
    lastSyncAt: null,
    lastError: null,
    offlineSince: null,
    nextAttemptAt: null,
    issues: [],
    ...over,
  }
}

/**
 * A stub `window.api` answering from in-memory data like the core would; `handlers`
 * override channels. Unknown channels answer UNKNOWN_CHANNEL.
 */
export function stubDailyBridge(
  data: { accounts?: AccountSummary[]; orgs?: OrgSummary[]; products?: ProductRow[]; status?: SyncStatus[] } = {},
  handlers: Record<string, Handler> = {},
) {
  const state = {
    settings: { language: 'en', theme: 'light' },
    accounts: data.accounts ?? [],
    orgs: data.orgs ?? [],
    products: data.products ?? [],
    status: data.status ?? [],
    orgPrefs: { pins: [] as string[], recents: [] as string[] },
  }
  const listeners = new Map<string, Set<Listener>>()
  const base: Record<string, Handler> = {
    'settings:get': () => ({ ok: true, value: state.settings }),
    'settings:set': (input) => {
      state.settings = { ...state.settings, ...(input as { patch: object }).patch }
      return { ok: true, value: state.settings }
    },
    'app:info': () => ({
      ok: true,
      value: { name: 'Switchboard', version: '1.2.3', platform: 'linux', dataDir: '/tmp/x', host: 'browser-shell' },
    }),
    'accounts:list': () => ({ ok: true, value: state.accounts }),
    'orgs:list': () => ({ ok: true, value: state.orgs }),
    'sync:status': () => ({ ok: true, value: state.status }),
    'sync:start': () => ({ ok: true, value: state.status }),
    'products:list': (input) => {
      const { orgId } = input as { orgId?: number }
      return { ok: true, value: state.products.filter((p) => orgId === undefined || p.orgId === orgId) }
    },
    'users:list': () => ({ ok: true, value: [] }),
    'prefs:orgs-get': () => ({ ok: true, value: state.orgPrefs }),
    'prefs:orgs-set': (input) => {
      state.orgPrefs = { ...state.orgPrefs, ...(input as Partial<typeof state.orgPrefs>) }
      return { ok: true, value: state.orgPrefs }
    },
  }
  const invoke = vi.fn(async (channel: string, input: unknown): Promise<IpcResult<unknown>> => {
    const handler = handlers[channel] ?? base[channel]
    if (handler) return handler(input)
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', reason: 'app.unknownChannel' } }
  })
  window.api = {
    invoke,
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
      return () => set.delete(listener)
    },
  }
  return {
    invoke,
    state,
    emit: (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload)),
  }
}
