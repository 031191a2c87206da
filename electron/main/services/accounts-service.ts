import { problem, type Problem } from '../../../shared/domain/problem'
import { apiProblem } from '../lib/problem'
import { randomUUID } from 'node:crypto'
import type { AccountSummary, ScopeStatus } from '../../../shared/domain/cache'
import type { AccountRemovalPreview, RemovedAccount } from '../../../shared/domain/account-removal'
import { MANAGER_TOKENS_URL } from '../../../shared/domain/manager-links'
import { ApiError, type ApiClient } from '../api'
import { AppError } from '../lib/app-error'
import type { Clock } from '../lib/clock'
import type { Logger } from '../lib/logger'
import type { EventBus } from '../ipc/dispatch'
import type { SecretStore } from '../secrets/secret-store'
import { KeychainUnavailableError } from '../secrets/secret-store'
import { AccountsRepo } from '../store/repos/accounts-repo'
import type { SyncEngine } from '../sync/engine'
import { change, emitChanges } from '../lib/cache-events'

export const DEFAULT_BASE_URL = 'https://api.infomaniak.com'
export const TOKEN_PAGE = MANAGER_TOKENS_URL

/** Personal API tokens are 60–100 characters of [A-Za-z0-9_-] (observed format). */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{60,100}$/

/** Trims, drops a pasted "Bearer " prefix and surrounding quotes; checks the format. */
export function normalizeToken(raw: string): { ok: true; token: string } | { ok: false; problem: Problem } {
  let token = raw
    .trim()
    .replace(/^bearer\s+/i, '')
    .trim()
  token = token.replace(/^["'`]+|["'`]+$/g, '')
  if (token === '') return { ok: false, problem: problem('accounts.tokenEmpty') }
  if (/\s/.test(token)) return { ok: false, problem: problem('accounts.tokenHasSpaces') }
  if (!TOKEN_FORMAT.test(token))
    return { ok: false, problem: problem('accounts.tokenInvalid', { count: token.length }) }
  return { ok: true, token }
}

export function normalizeBaseUrl(raw: string | undefined): string {
  const url = new URL(raw ?? DEFAULT_BASE_URL)
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
  ) {
    throw new AppError('INVALID_INPUT', 'accounts.insecureBaseUrl')
  }
  return url.origin + url.pathname.replace(/\/+$/, '')
}

export interface AccountsServiceDeps {
  repo: AccountsRepo
  secrets: SecretStore
  clock: Clock
  logger: Logger
  events: EventBus
  sync: SyncEngine
  /** A throw-away client for a token being added (not yet stored anywhere). */
  probeClient(baseUrl: string, token: string, demo: boolean): ApiClient
  /** Lets the new account keep the probe's rate limiter: the quota is per token. */
  adoptProbe(accountId: string, probe: ApiClient): void
  /** Forget the cached client (and limiter) of a removed account. */
  forgetClient(accountId: string): void
}

/** Keychain entry name of an account's token. */
export function secretKey(accountId: string): string {
  return `token:${accountId}`
}

export class AccountsService {
  constructor(private readonly d: AccountsServiceDeps) {}

  list(): AccountSummary[] {
    return this.d.repo.list().map((a) => this.d.repo.summary(a))
  }

  private explain(error: unknown): AppError {
    if (error instanceof AppError) return error
    if (error instanceof KeychainUnavailableError) return new AppError('KEYCHAIN_UNAVAILABLE', 'app.keychain')
    if (error instanceof ApiError) {
      switch (error.kind) {
        case 'token_rejected':
          return new AppError('TOKEN_REJECTED', 'accounts.tokenRejected', { details: { manageUrl: TOKEN_PAGE } })
        case 'missing_scope': {
          const scopes = error.detail.kind === 'missing_scope' ? error.detail.scopes : []
          return new AppError('MISSING_SCOPE', 'accounts.missingScope', {
            params: { scopes: scopes.join(', ') || '?' },
            details: { scopes, manageUrl: TOKEN_PAGE },
          })
        }
        case 'network':
        case 'timeout':
          return new AppError('OFFLINE', 'accounts.offline')
        default: {
          const p = apiProblem(error.detail)
          return new AppError('API_ERROR', p.reason, p.params ? { params: p.params } : {})
        }
      }
    }
    return new AppError('INTERNAL', 'accounts.addFailed')
  }

  /**
   * Adds an account. The token is checked against /2/profile and its scopes probed before
   * anything is stored; it then goes to the keychain (or, for the headless CLI, only the NAME
   * of the environment variable holding it is recorded).
   */
  async add(input: {
    token: string
    baseUrl?: string | undefined
    label?: string | undefined
    tokenEnv?: string
    isDemo?: boolean
  }): Promise<AccountSummary> {
    const normalized = normalizeToken(input.token)
    if (!normalized.ok)
      throw new AppError(
        'INVALID_INPUT',
        normalized.problem.reason,
        normalized.problem.params ? { params: normalized.problem.params } : {},
      )
    const baseUrl = normalizeBaseUrl(input.baseUrl)
    const client = this.d.probeClient(baseUrl, normalized.token, input.isDemo ?? false)
    let profile
    let scopes: ScopeStatus[]
    try {
      profile = await client.getProfile()
      const existing = this.d.repo.findByUser(profile.id, baseUrl)
      if (existing && existing.removed_at === null) {
        throw new AppError('CONFLICT', 'accounts.alreadyAdded', {
          params: { label: existing.label },
          details: { accountId: existing.id },
        })
      }
      scopes = (await client.probeScopes()).map((p) => ({ scope: p.scope, granted: p.granted }))
    } catch (error) {
      throw this.explain(error)
    }
    if (scopes.some((s) => s.scope === 'accounts' && s.granted === false)) {
      throw new AppError('MISSING_SCOPE', 'accounts.accountsScopeNeeded', {
        details: { scopes: ['accounts'], manageUrl: TOKEN_PAGE },
      })
    }
    // The same login removed earlier with its data kept: it comes back with its ledger and history.
    const revived = this.d.repo.findByUser(profile.id, baseUrl)
    const id = revived?.id ?? `acc-${randomUUID()}`
    const label = input.label ?? profile.display_name ?? profile.email ?? profile.login ?? `Infomaniak ${profile.id}`
    if (!input.tokenEnv) {
      try {
        await this.d.secrets.set(secretKey(id), normalized.token)
      } catch (error) {
        throw this.explain(error)
      }
    }
    try {
      if (revived)
        this.d.repo.revive(id, {
          label,
          tokenEnv: input.tokenEnv ?? null,
          displayName: profile.display_name ?? null,
          email: profile.email ?? null,
          scopes,
          isDemo: input.isDemo ?? false,
        })
      else
        this.d.repo.insert({
          id,
          label,
          baseUrl,
          tokenEnv: input.tokenEnv ?? null,
          userId: profile.id,
          displayName: profile.display_name ?? null,
          email: profile.email ?? null,
          isDemo: input.isDemo ?? false,
          scopes,
          createdAt: this.d.clock.now(),
        })
    } catch (error) {
      if (!input.tokenEnv) await this.d.secrets.delete(secretKey(id)).catch(() => false)
      throw error
    }
    this.d.adoptProbe(id, client)
    this.d.logger.info('account added', {
      id,
      baseUrl,
      scopes: scopes.filter((s) => s.granted === true).map((s) => s.scope),
    })
    emitChanges(this.d.events, [change('accounts', id)])
    return this.d.repo.summary(this.d.repo.get(id)!)
  }

  rename(accountId: string, label: string): AccountSummary {
    if (!this.d.repo.setLabel(accountId, label)) throw new AppError('NOT_FOUND', 'accounts.notFound')
    emitChanges(this.d.events, [change('accounts', accountId)])
    return this.d.repo.summary(this.d.repo.get(accountId)!)
  }

  /**
   * After the user data was restored from a backup: accounts that are gone lose their token and
   * client; accounts whose token is no longer in the keychain are marked signed out.
   */
  async reconcileAfterRestore(gone: readonly string[]): Promise<void> {
    for (const id of gone) {
      this.d.sync.cancel(id)
      this.d.forgetClient(id)
      await this.d.secrets.delete(secretKey(id)).catch((error: unknown) => {
        this.d.logger.warn('token of a vanished account not removed', { id, error })
        return false
      })
    }
    for (const a of this.d.repo.list()) {
      if (a.token_env || a.state === 'signed_out') continue
      const token = await this.d.secrets.get(secretKey(a.id)).catch(() => null)
      if (token === null) this.d.repo.setState(a.id, 'signed_out', problem('accounts.tokenRemoved'))
    }
  }

  /**
   * Removes an account. Its token always leaves the keychain and its cached data (organizations,
   * products, people: a sync could fetch them again) is deleted. Its own data (billing ledger,
   * prices, access history, audit log, offboarding runs) stays, attached to the removed account,
   * unless `deleteUserData` says otherwise; adding the same login again brings it back.
   */
  async remove(accountId: string, deleteUserData: boolean): Promise<boolean> {
    const account = this.d.repo.get(accountId) ?? (deleteUserData ? this.d.repo.getAny(accountId) : undefined)
    if (!account) return false
    this.d.sync.cancel(accountId)
    await this.d.sync.whenIdle(accountId)
    if (!account.token_env) {
      try {
        await this.d.secrets.delete(secretKey(accountId))
      } catch (error) {
        throw this.explain(error)
      }
    }
    this.d.forgetClient(accountId)
    // Marked removed first (no longer listed, synced or counted as present), then the cache goes in
    // bounded chunks so the core keeps answering; a purge cut short is finished at the next start.
    if (account.removed_at === null) this.d.repo.markRemoved(accountId, this.d.clock.now())
    const purged = await this.d.repo.purgeRemovedCache(accountId)
    if (deleteUserData) this.d.repo.delete(accountId)
    this.d.logger.info('account removed', { id: accountId, userDataDeleted: deleteUserData, cachedRows: purged })
    // Everything cached of this account (and nothing of the others) changed …
    emitChanges(
      this.d.events,
      (['accounts', 'orgs', 'products', 'users', 'teams', 'memberships', 'sync'] as const).map((r) =>
        change(r, accountId),
      ),
    )
    // … and the lists of removed accounts and kept data.
    this.d.events.emit('cache:changed', { scopes: ['accounts', 'billing', 'store'] })
    return true
  }

  /**
   * Finishes the cache purges of removed accounts that a quit or a crash cut short (at start-up). Answers
   * the accounts purged.
   */
  async finishInterruptedRemovals(): Promise<string[]> {
    const ids = this.d.repo.removedWithCache()
    for (const id of ids) {
      const rows = await this.d.repo.purgeRemovedCache(id)
      this.d.logger.info('removed account cache purged', { id, rows })
    }
    return ids
  }

  /** What removing an account deletes and what it keeps (for the confirmation). */
  removalPreview(accountId: string): AccountRemovalPreview {
    const account = this.d.repo.get(accountId)
    if (!account) throw new AppError('NOT_FOUND', 'accounts.notFound')
    return {
      accountId,
      tokenSource: account.token_env ? 'environment' : 'keychain',
      cached: this.d.repo.cachedCounts(accountId),
      kept: this.d.repo.keptCounts(accountId),
    }
  }

  /** Removed accounts whose data was kept. */
  listRemoved(): RemovedAccount[] {
    return this.d.repo.listRemoved().map((a) => ({
      id: a.id,
      label: a.label,
      email: a.email,
      removedAt: a.removed_at ?? 0,
      kept: this.d.repo.keptCounts(a.id),
    }))
  }

  /** Deletes the kept data of a removed account (an explicit choice). */
  deleteRemovedData(accountId: string): boolean {
    const account = this.d.repo.getAny(accountId)
    if (!account || account.removed_at === null) throw new AppError('NOT_FOUND', 'accounts.removedNotFound')
    const deleted = this.d.repo.delete(accountId)
    this.d.events.emit('cache:changed', { scopes: ['accounts', 'billing', 'store'] })
    return deleted
  }
}
