import { logDirOf } from './lib/log-file'
import { join } from 'node:path'
import type { AppInfo } from '../../shared/ipc/contract'
import { createApiClient, RateLimiter, type ApiClient } from './api'
import type { Clock } from './lib/clock'
import type { Logger } from './lib/logger'
import type { Db } from './store/db'
import { openStores, type StoresStatus } from './store/stores'
import { StoreService } from './services/store-service'
import { OrgPrefsRepo } from './store/repos/org-prefs-repo'
import { SettingsRepo } from './store/settings-repo'
import { AccountsRepo, type AccountRecord } from './store/repos/accounts-repo'
import { CacheQueries } from './store/repos/cache-queries'
import { SettingsService } from './services/settings-service'
import { AccountsService, normalizeToken, secretKey } from './services/accounts-service'
import { SyncEngine } from './sync/engine'
import { RenewalsService } from './renewals/renewals-service'
import { AccessService } from './access/access-service'
import { FleetService } from './fleet/fleet-service'
import { BillingService } from './billing/billing-service'
import { FileDelivery, type FileHost } from './files/delivery'
import { FileInbox } from './files/inbox'
import { createDispatch, EventBus, type Dispatch, type EventListener } from './ipc/dispatch'
import { createHandlers } from './ipc/handlers'
import type { SecretStore } from './secrets/secret-store'
import { DemoService, DEMO_RATE_LIMIT } from './services/demo-service'
import { DiagnosticsService } from './services/diagnostics-service'
import { learnedOf } from './sync/capabilities'
import { startDemoSandbox } from './services/demo-sandbox'
import type { HostSignal } from '../../shared/domain/reminders'
import type { SyncStatus } from '../../shared/domain/cache'
import { createReminders } from './reminders'
import type { RemindersService } from './reminders/reminders-service'
import type { SyncScheduler } from './schedule/scheduler'

/** Pace of the API client. The real API allows 60 requests per minute per token. */
export interface ApiPace {
  limit: number
  windowMs: number
  /** Page size asked for on paginated lists (the server may answer smaller pages). */
  perPage: number
  timeoutMs: number
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number }
  offlineRetryMs?: { first: number; max: number }
}

/**
 * 60 per 61 s rather than 60 per 60 s: network jitter can make two requests sent 60 s apart
 * arrive 59.9 s apart; the 1.6 % margin keeps a strict server window from ever answering 429.
 */
export const DEFAULT_PACE: ApiPace = { limit: 60, windowMs: 61_000, perPage: 1000, timeoutMs: 30_000 }

export interface CoreOptions {
  /** Folder holding the SQLite cache (and nothing secret). */
  dataDir: string
  secretStore: SecretStore
  fetch: typeof fetch
  clock: Clock
  logger: Logger
  app: Omit<AppInfo, 'dataDir'>
  /** better-sqlite3 binary for the current runtime, when it is not the Node build. */
  nativeBinding?: string | undefined
  /** Validate handler outputs against the contract (tests and the browser shell). */
  validateOutput?: boolean
  pace?: Partial<ApiPace>
  /** Environment for accounts whose token comes from an environment variable (CLI). */
  env?: Readonly<Record<string, string | undefined>>
  random?: () => number
  /** Opens an external URL (the Electron shell passes its safe opener); absent: links are not opened. */
  openExternal?: (url: string) => Promise<boolean>
  /** Zone of the user's wall clock for schedules, digests and quiet hours (default: the system's). */
  timeZone?: string
  /** Delay of the background hygiene computation after a sync step (ms; 0 turns it off, e.g. in tests). */
  /** How long an interrupted products listing may resume at its next page (default 24 h; issue 18). */
  listingMaxAgeMs?: number
  fleetWarmDelayMs?: number
  /**
   * How files reach the user and come from them: the app's save and open dialogs, the browser
   * shell's downloads. Without it exports stay under `<dataDir>/exports` (tests, CLI).
   */
  files?: FileHost
  /** The OS's preferred locales (`de-CH`, `fr_FR.UTF-8`…): the language on first start. */
  systemLocales?: readonly string[]
  /** Take a backup of the user data once a day while the core runs (the app and the browser shell). */
  dailyBackups?: boolean
  /** Opens a folder of the data folder in the file manager (the app); absent: not offered. */
  openFolder?: (path: string) => Promise<boolean>
}

export interface CoreServices {
  appInfo: AppInfo
  settings: SettingsService
  accounts: AccountsService
  sync: SyncEngine
  queries: CacheQueries
  renewals: RenewalsService
  access: AccessService
  billing: BillingService
  /** Data files: notices, backups, read-only mode. */
  store: StoreService
  /** Pinned and recent organizations (user.sqlite). */
  orgPrefs: OrgPrefsRepo
  /** Across all clients: Home, product inventory, hygiene report. */
  fleet: FleetService
  clock: Clock
  demo: DemoService
  diagnostics: DiagnosticsService
  reminders: RemindersService
  /** Scheduled sync; hosts that run in the background call `start()`. */
  scheduler: SyncScheduler
  /** The host's safe external opener (false when there is none). */
  openExternal: (url: string) => Promise<boolean>
  /** Where exports go (save dialog, download, or `<dataDir>/exports`). */
  files: FileDelivery
  /** Files the user chose for imports, by opaque id. */
  inbox: FileInbox
  /** What the host offers for files (dialogs, downloads). */
  fileHost: FileHost
}

export interface Core {
  dispatch: Dispatch
  /** Subscribes to core events (cache:changed, sync:progress); returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void
  /** A host signal (power, sleep, wake) for the scheduler. */
  signal(signal: HostSignal): void
  /** Set when the cache file was unreadable and moved aside at start. */
  recovered: { movedTo: string; reason: string } | undefined
  /** What opening the two stores found and did (split, rebuilt cache, ...). */
  storeStatus: StoresStatus
  /** `user.sqlite`, with `cache.sqlite` attached as `cache`. */
  db: Db
  services: CoreServices
  close(): void
}

/**
 * The composition root: database → repositories → services → IPC handlers.
 * It imports nothing from Electron, so tests, the CLI and the browser shell host it in Node.
 */
export function createCore(options: CoreOptions): Core {
  const { logger, clock } = options
  const pace: ApiPace = { ...DEFAULT_PACE, ...options.pace }
  const env = options.env ?? process.env
  const stores = openStores({
    dataDir: options.dataDir,
    logger: logger.child('store'),
    nativeBinding: options.nativeBinding,
    now: () => clock.now(),
  })
  const db = stores.db
  const events = new EventBus()
  const accountsRepo = new AccountsRepo(db)
  const diagnostics = new DiagnosticsService({ db, clock, appVersion: options.app.version })

  const newLimiter = (rate: { limit: number; windowMs: number }): RateLimiter =>
    new RateLimiter({
      clock,
      limit: rate.limit,
      windowMs: rate.windowMs,
      ...(options.random ? { random: options.random } : {}),
    })
  // The quota is per token: the requests made while adding an account (profile, scope probes)
  // count against the same limiter as the sync that follows.
  const limiters = new Map<string, RateLimiter>()
  const probeLimiters = new WeakMap<ApiClient, RateLimiter>()

  const makeClient = (
    baseUrl: string,
    getToken: () => Promise<string>,
    rate: { limit: number; windowMs: number } = pace,
    limiter: RateLimiter = newLimiter(rate),
    accountId?: string,
  ): ApiClient =>
    createApiClient({
      // What this account's server refused before, and a recorder of the shapes it answers (diagnostics).
      ...(accountId !== undefined
        ? { learned: learnedOf(db, accountId), observer: diagnostics.recorder(accountId) }
        : {}),
      baseUrl,
      getToken,
      fetch: options.fetch,
      clock,
      limiter,
      logger: logger.child('api'),
      timeoutMs: pace.timeoutMs,
      perPage: pace.perPage,
      ...(pace.retry ? { retry: pace.retry } : {}),
      ...(options.random ? { random: options.random } : {}),
    })

  // The demo sandbox allows 10x the real rate; keep a margin of one second per window.
  const rateOf = (demo: boolean): { limit: number; windowMs: number } =>
    demo ? { limit: DEMO_RATE_LIMIT.limit, windowMs: DEMO_RATE_LIMIT.windowMs + 1_000 } : pace
  const limiterOf = (account: AccountRecord): RateLimiter => {
    let limiter = limiters.get(account.id)
    if (!limiter) limiters.set(account.id, (limiter = newLimiter(rateOf(account.is_demo === 1))))
    return limiter
  }

  // One client (and so one rate limiter) per account, for the life of the core.
  const clients = new Map<string, ApiClient>()
  const clientFor = (account: AccountRecord): ApiClient => {
    let client = clients.get(account.id)
    if (!client) {
      const tokenEnv = account.token_env
      client = makeClient(
        account.base_url,
        async () => {
          const raw = tokenEnv ? env[tokenEnv] : await options.secretStore.get(secretKey(account.id))
          const token = raw ? normalizeToken(raw) : null
          if (!token?.ok) throw new Error('token unavailable')
          return token.token
        },
        rateOf(account.is_demo === 1),
        limiterOf(account),
        account.id,
      )
      clients.set(account.id, client)
    }
    return client
  }

  const sync = new SyncEngine({
    db,
    clock,
    logger: logger.child('sync'),
    events,
    clientFor,
    msPerRequest: (account) =>
      account.is_demo === 1 ? (DEMO_RATE_LIMIT.windowMs + 1_000) / DEMO_RATE_LIMIT.limit : pace.windowMs / pace.limit,
    ...(pace.offlineRetryMs ? { offlineRetryMs: pace.offlineRetryMs } : {}),
    appVersion: options.app.version,
    onJobDone: (accountId) => diagnostics.flush(accountId),
    ...(options.listingMaxAgeMs !== undefined ? { listingMaxAgeMs: options.listingMaxAgeMs } : {}),
  })
  const accounts = new AccountsService({
    repo: accountsRepo,
    secrets: options.secretStore,
    clock,
    logger: logger.child('accounts'),
    events,
    sync,
    probeClient: (baseUrl, token, demo) => {
      const limiter = newLimiter(rateOf(demo))
      const client = makeClient(baseUrl, () => Promise.resolve(token), rateOf(demo), limiter)
      probeLimiters.set(client, limiter)
      return client
    },
    adoptProbe: (accountId, probe) => {
      const limiter = probeLimiters.get(probe)
      if (limiter) limiters.set(accountId, limiter)
    },
    forgetClient: (id) => {
      limiters.delete(id)
      return clients.delete(id)
    },
  })
  const store = new StoreService({
    stores,
    dataDir: options.dataDir,
    logDir: logDirOf(options.dataDir),
    clock,
    logger: logger.child('store'),
    events,
    nativeBinding: options.nativeBinding,
    accountIds: () => accountsRepo.list().map((a) => a.id),
    quiesce: async () => {
      const ids = accountsRepo.list().map((a) => a.id)
      for (const id of ids) sync.cancel(id)
      await Promise.all(ids.map((id) => sync.whenIdle(id)))
    },
    reconcileAccounts: (gone) => accounts.reconcileAfterRestore(gone),
    openFolder: options.openFolder,
  })
  const settings = new SettingsService(new SettingsRepo(db, () => clock.now()), events, options.systemLocales ?? [])
  const fileHost: FileHost = options.files ?? {}
  const files = new FileDelivery({ exportsDir: join(options.dataDir, 'exports'), host: fileHost })
  const inbox = new FileInbox({ now: () => clock.now() })
  const services: CoreServices = {
    appInfo: { ...options.app, dataDir: options.dataDir },
    settings,
    accounts,
    sync,
    queries: new CacheQueries(db),
    renewals: new RenewalsService(db, clock, (accountId) => services.billing.renewalPricer(accountId)),
    access: new AccessService({
      db,
      clock,
      logger: logger.child('access'),
      events,
      sync,
      clientFor,
      account: (id) => accountsRepo.get(id),
    }),
    billing: new BillingService({
      db,
      clock,
      events,
      logger: logger.child('billing'),
      dataDir: options.dataDir,
      files,
      clientFor: (id) => {
        const a = accountsRepo.get(id)
        return a ? clientFor(a) : undefined
      },
    }),
    store,
    orgPrefs: new OrgPrefsRepo(db),
    fleet: new FleetService({
      db,
      clock,
      logger: logger.child('fleet'),
      events,
      language: () => settings.get().language,
      ...(options.fleetWarmDelayMs !== undefined ? { warmDelayMs: options.fleetWarmDelayMs } : {}),
    }),
    clock,
    diagnostics,
    demo: new DemoService({
      accounts,
      repo: accountsRepo,
      secrets: options.secretStore,
      sync,
      events,
      clock,
      logger: logger.child('demo'),
      startSandbox: startDemoSandbox,
      forgetClient: (id) => {
        limiters.delete(id)
        return clients.delete(id)
      },
    }),
    openExternal: options.openExternal ?? (() => Promise.resolve(false)),
    files,
    inbox,
    fileHost,
    ...(() => {
      const background = createReminders({
        userDb: db,
        cacheDb: db,
        dataDir: options.dataDir,
        clock,
        logger,
        events,
        timeZone: options.timeZone,
        engine: sync,
        gauge: (id) => (services.billing.prices(id).length === 0 ? null : services.billing.gauge(id).entries),
        renewalsIcs: () => {
          const rows = services.renewals.list({ withinDays: 365, includeExpiredDays: 30 })
          const file = services.renewals.export('ics', rows, services.settings.get().language)
          return { text: new TextDecoder().decode(file.bytes), events: rows.length }
        },
      })
      // Rules run after each sync; the scheduler decides again when one ends.
      events.on((channel, payload) => {
        if (channel === 'sync:progress') background.onSyncProgress(payload as SyncStatus)
      })
      return { reminders: background.reminders, scheduler: background.scheduler }
    })(),
  }
  // Read-only (damaged user data without backup): nothing may write, not even the demo's address.
  if (!store.readOnly) services.demo.resumeIfPresent()
  if (options.dailyBackups) store.startDailyBackups()
  const dispatch = createDispatch(createHandlers(services), logger.child('ipc'), {
    validateOutput: options.validateOutput ?? false,
  })
  return {
    dispatch,
    onEvent: (listener) => events.on(listener),
    signal: (signal) => services.scheduler.signal(signal),
    recovered:
      stores.status.cache.state === 'rebuilt'
        ? { movedTo: stores.status.cache.movedTo, reason: stores.status.cache.detail }
        : undefined,
    storeStatus: stores.status,
    db,
    services,
    close: () => {
      void services.scheduler.stop()
      services.fleet.close()
      sync.close()
      void store.close()
      void services.demo.close()
      void inbox.clear()
      stores.close()
    },
  }
}
