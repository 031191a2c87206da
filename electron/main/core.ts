import { join } from 'node:path'
import type { AppInfo } from '../../shared/ipc/contract'
import type { Clock } from './lib/clock'
import type { Logger } from './lib/logger'
import { openDatabase, type Db } from './store/db'
import { SettingsRepo } from './store/settings-repo'
import { SettingsService } from './services/settings-service'
import { createDispatch, EventBus, type Dispatch, type EventListener } from './ipc/dispatch'
import { createHandlers } from './ipc/handlers'
import type { SecretStore } from './secrets/secret-store'

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
}

export interface CoreServices {
  appInfo: AppInfo
  settings: SettingsService
}

export interface Core {
  dispatch: Dispatch
  /** Subscribes to core events (cache:changed, ...); returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void
  /** Set when the cache file was unreadable and moved aside at start. */
  recovered: { movedTo: string; reason: string } | undefined
  db: Db
  close(): void
}

/**
 * The composition root: database → repositories → services → IPC handlers.
 * It imports nothing from Electron, so tests, the CLI and the browser shell host it in Node.
 */
export function createCore(options: CoreOptions): Core {
  const { logger, clock } = options
  const opened = openDatabase({
    file: join(options.dataDir, 'switchboard.sqlite'),
    logger: logger.child('store'),
    nativeBinding: options.nativeBinding,
    now: () => clock.now(),
  })
  const db = opened.db
  const events = new EventBus()
  const services: CoreServices = {
    appInfo: { ...options.app, dataDir: options.dataDir },
    settings: new SettingsService(new SettingsRepo(db, () => clock.now()), events),
  }
  const dispatch = createDispatch(createHandlers(services), logger.child('ipc'), {
    validateOutput: options.validateOutput ?? false,
  })
  return {
    dispatch,
    onEvent: (listener) => events.on(listener),
    recovered: opened.recovered,
    db,
    close: () => db.close(),
  }
}
