import { z } from 'zod'
import type { EventChannel, InvokeChannel } from './channels'
import { Language, Settings, SettingsPatch } from '../domain/settings'
import { AccountSummary, OrgSummary, OrgUserRow, ProductRow, SearchHit, SyncStatus } from '../domain/cache'
import { DeliveredFile } from '../domain/files'
import { CacheChange } from '../domain/cache-change'
import { RenewalKey, RenewalRow, RenewalsQuery } from '../domain/renewals'
import { billingContract, billingEvents } from './contracts/billing'
import { accessContract, accessEvents } from './contracts/access'
import { storeContract } from './contracts/store'
import { accountRemovalContract } from './contracts/account-removal'
import { offboardingRunsContract } from './contracts/offboarding-runs'
import { orgPrefsContract } from './contracts/org-prefs'
import { syncEstimateContract } from './contracts/sync-estimate'
import { fleetContract } from './contracts/fleet'
import { coverageContract } from './contracts/coverage'
import { filesContract } from './contracts/files'
import { remindersContract, remindersEvents } from './contracts/reminders'
import { coreHostEvents } from './contracts/core-host'

/** What the renderer may know about the running app. */
export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  dataDir: z.string(),
  /** `electron` for the desktop app, `browser-shell` for the test/dev host. */
  host: z.enum(['electron', 'browser-shell']),
})
export type AppInfo = z.infer<typeof AppInfo>

const Empty = z.object({}).strict()

/** Cache scopes named in `cache:changed`; the renderer maps each to query keys. */
export const CacheScope = z.enum([
  'settings',
  'accounts',
  'orgs',
  'products',
  'users',
  'teams',
  'sync',
  'billing',
  'store',
  'access',
  'reminders',
  'schedule',
])
export type CacheScope = z.infer<typeof CacheScope>

/**
 * The zod schemas of every invoke channel. One argument object per call.
 * `satisfies` makes a channel without a schema (or a schema without a channel) a compile error.
 */
export const invokeContract = {
  /** Version, platform and data directory of the running app. */
  'app:info': { input: Empty, output: AppInfo },
  /** The stored preferences (defaults filled in). */
  /**
   * The preferences. `localeHints` (the renderer's `navigator.languages`) choose the language on first
   * start when the host could not (browser shell); once a language is stored they change nothing.
   */
  'settings:get': {
    input: z.object({ localeHints: z.array(z.string().max(40)).max(20).optional() }).strict(),
    output: Settings,
  },
  /** Changes some preferences; answers the full new set. */
  'settings:set': { input: z.object({ patch: SettingsPatch }).strict(), output: Settings },
  /** Every account with its state and scopes (never its token). */
  'accounts:list': { input: Empty, output: z.array(AccountSummary) },
  /**
   * Adds an account from a pasted personal API token: trimmed, format-checked, verified
   * against /2/profile, scopes probed, then stored in the OS keychain. Starts a first sync.
   */
  'accounts:add': {
    input: z
      .object({
        token: z.string().max(4096),
        baseUrl: z.string().url().max(2048).optional(),
        label: z.string().trim().min(1).max(120).optional(),
      })
      .strict(),
    output: AccountSummary,
  },
  /** Renames an account. */
  'accounts:rename': {
    input: z.object({ accountId: z.string().min(1).max(100), label: z.string().trim().min(1).max(120) }).strict(),
    output: AccountSummary,
  },
  /**
   * Removes an account: its token leaves the keychain and its cached data is deleted; its own data
   * (ledger, prices, history, audit) stays unless `deleteUserData` (a separate, explicit choice).
   */
  'accounts:remove': {
    input: z.object({ accountId: z.string().min(1).max(100), deleteUserData: z.boolean() }).strict(),
    output: z.object({ removed: z.boolean() }),
  },
  /** Starts (or re-prioritizes) a sync; `orgId` limits it to one organization, `focusOrgId` puts one first. */
  'sync:start': {
    input: z
      .object({
        accountId: z.string().min(1).max(100).optional(),
        orgId: z.number().int().nonnegative().optional(),
        focusOrgId: z.number().int().nonnegative().optional(),
      })
      .strict(),
    output: z.array(SyncStatus),
  },
  /** Cancels running syncs (of one account, or all). */
  'sync:cancel': {
    input: z.object({ accountId: z.string().min(1).max(100).optional() }).strict(),
    output: z.array(SyncStatus),
  },
  /** Sync state of every account. */
  'sync:status': { input: Empty, output: z.array(SyncStatus) },
  /** Organizations of every account (or one). */
  'orgs:list': {
    input: z.object({ accountId: z.string().min(1).max(100).optional() }).strict(),
    output: z.array(OrgSummary),
  },
  /** Products of one organization, or of every organization. */
  'products:list': {
    input: z
      .object({
        accountId: z.string().min(1).max(100).optional(),
        orgId: z.number().int().nonnegative().optional(),
        expiringWithinDays: z.number().int().min(0).max(3650).optional(),
      })
      .strict(),
    output: z.array(ProductRow),
  },
  /** What expires in the next N days across every organization (and what expired recently). */
  'renewals:list': { input: RenewalsQuery, output: z.array(RenewalRow) },
  /** The same list (or only the selected rows, `keys`) as a CSV, XLSX or ICS calendar file. */
  'renewals:export': {
    input: RenewalsQuery.extend({
      format: z.enum(['csv', 'xlsx', 'ics']),
      /** Only these rows (a selection, or what a filter leaves), in list order. */
      keys: z.array(RenewalKey).max(100_000).optional(),
      delimiter: z.enum([',', ';', '\t']).optional(),
      bom: z.boolean().optional(),
      /** The language of the file (default: the interface's). */
      language: Language.optional(),
    }).strict(),
    output: DeliveredFile,
  },
  /** Full-text search over organizations, products, domains and people of every account. */
  'search:query': {
    input: z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(50).optional() }).strict(),
    output: z.array(SearchHit),
  },
  /** Members and pending invitees of one organization. */
  'users:list': {
    input: z.object({ accountId: z.string().min(1).max(100), orgId: z.number().int().nonnegative() }).strict(),
    output: z.array(OrgUserRow),
  },
  /**
   * Starts the in-process demo sandbox (a seeded demo agency) and answers its account, added
   * through the same path as a pasted token the first time; later calls answer the same account.
   */
  'demo:start': { input: Empty, output: AccountSummary },
  /**
   * Opens a Manager or Infomaniak page in the system browser through the host's safe opener
   * (which allows only https://manager.infomaniak.com/… and https://www.infomaniak.com/…).
   * `opened: false` when the URL is refused or the host cannot open links (browser shell).
   */
  'app:open-external': {
    input: z.object({ url: z.string().url().max(2048) }).strict(),
    output: z.object({ opened: z.boolean() }),
  },
  ...billingContract,
  ...accessContract,
  ...storeContract,
  ...accountRemovalContract,
  ...offboardingRunsContract,
  ...orgPrefsContract,
  ...syncEstimateContract,
  ...fleetContract,
  ...coverageContract,
  ...filesContract,
  ...remindersContract,
} satisfies Record<InvokeChannel, { input: z.ZodType; output: z.ZodType }>

/** Payload schemas of the events main pushes to the renderer. */
export const eventContract = {
  /**
   * Some cached data changed. `changes` says precisely what (resource, account, organization) and the
   * renderer invalidates only the queries that depend on it; `scopes` is the coarse summary (used when
   * an emitter gives no `changes`).
   */
  'cache:changed': z.object({ scopes: z.array(CacheScope), changes: z.array(CacheChange).optional() }),
  /** Sync progress of one account (planned and done requests, ETA, current job, issues). */
  'sync:progress': SyncStatus,
  ...billingEvents,
  ...accessEvents,
  ...remindersEvents,
  ...coreHostEvents,
} satisfies Record<EventChannel, z.ZodType>

export type InvokeInput<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['input']>
export type ParsedInput<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['input']>
export type InvokeOutput<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['output']>
export type EventPayload<C extends EventChannel> = z.output<(typeof eventContract)[C]>
