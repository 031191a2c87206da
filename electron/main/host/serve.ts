/**
 * The host side of the core-host protocol: waits for `start`, creates the core, answers `invoke`
 * with the core's `dispatch`, forwards the core's events, and asks the parent for what only it can
 * do. Plain Node: the same code runs in Electron's utility process and in a forked Node child.
 */
import { createCore, type ApiPace, type Core } from '../core'
import type { FileHost } from '../files/delivery'
import { systemClock } from '../lib/clock'
import { fileLogger, logDirOf, type RotatingLogFile } from '../lib/log-file'
import { consoleLogger, stderrSink, type Logger } from '../lib/logger'
import { KeychainUnavailableError, type SecretStore } from '../secrets/secret-store'
import { Peer, PeerCallError, type Transport } from './peer'
import { HostSignal } from '../../../shared/domain/reminders'
import {
  HostInit,
  type HostEvents,
  type HostMethods,
  type HostStarted,
  type ParentEvents,
  type ParentMethods,
} from './protocol'

export interface ServeOptions {
  transport: Transport
  /** Opens the OS keychain (keytar); only called when the parent asks for `secrets: 'keychain'`. */
  loadKeychain: () => Promise<SecretStore>
  /** Ends the process once the core is closed. */
  exit: (code: number) => void
  logger?: Logger
}

export type HostPeer = Peer<HostMethods, ParentMethods, HostEvents, ParentEvents>

/** Tokens kept by the parent (browser shell, tests): they outlive a crash of the host. */
class ParentSecretStore implements SecretStore {
  readonly kind = 'parent'
  constructor(private readonly peer: HostPeer) {}

  async get(key: string): Promise<string | null> {
    return (await this.peer.call('secretGet', { key })).value
  }

  async set(key: string, value: string): Promise<void> {
    await this.peer.call('secretSet', { key, value })
  }

  async delete(key: string): Promise<boolean> {
    return (await this.peer.call('secretDelete', { key })).deleted
  }
}

/** Serves one core over `transport` until the parent says `stop` (or the process dies). */
export function serveCore(options: ServeOptions): { peer: HostPeer; close: () => void } {
  let core: Core | null = null
  let logger = options.logger ?? consoleLogger('warn')
  let logFile: RotatingLogFile | null = null
  const requireCore = (): Core => {
    if (!core) throw new PeerCallError('The core has not been started.', 'NOT_STARTED')
    return core
  }

  const peer: HostPeer = new Peer<HostMethods, ParentMethods, HostEvents, ParentEvents>(
    options.transport,
    {
      start: async (raw) => {
        if (core) throw new PeerCallError('The core is already started.', 'ALREADY_STARTED')
        const init = HostInit.parse(raw)
        if (!options.logger) {
          // What a user can send: rotating, redacted, private files in <dataDir>/logs (core.log).
          const opened = fileLogger({
            dir: logDirOf(init.dataDir),
            baseName: 'core',
            minLevel: 'info',
            console: stderrSink(init.logLevel ?? 'warn'),
          })
          logger = opened.logger
          logFile = opened.file
        }
        const secretStore =
          init.secrets === 'keychain' ? await loadKeychain(options.loadKeychain) : new ParentSecretStore(peer)
        const created = createCore({
          dataDir: init.dataDir,
          secretStore,
          fetch: globalThis.fetch.bind(globalThis),
          clock: systemClock,
          logger,
          app: init.app,
          nativeBinding: init.nativeBinding,
          ...(init.validateOutput !== undefined ? { validateOutput: init.validateOutput } : {}),
          ...(init.pace ? { pace: withoutUndefined(init.pace) as Partial<ApiPace> } : {}),
          openExternal: async (url) => (await peer.call('openExternal', { url })).opened,
          files: fileHost(init.files, peer),
          ...(init.systemLocales ? { systemLocales: init.systemLocales } : {}),
          // Only the app has a file manager to show a folder in.
          ...(init.files === 'dialogs'
            ? { openFolder: async (path: string) => (await peer.call('openFolder', { path })).opened }
            : {}),
          ...(init.dailyBackups !== undefined ? { dailyBackups: init.dailyBackups } : {}),
        })
        core = created
        created.onEvent((channel, payload) => {
          peer.emit('core', { channel, payload } as HostEvents['core'])
        })
        // A sync interrupted by a quit or a crash of this process continues where it stopped, and
        // scheduled syncs, reminder digests and what quiet hours held back run wherever the core
        // runs: neither while the user data is open read-only.
        if (!created.services.store.readOnly) {
          created.services.sync.resumeInterrupted()
          created.services.scheduler.start()
        }
        const started: HostStarted = {
          pid: process.pid,
          recovered: created.recovered ?? null,
          language: created.services.settings.get().language,
        }
        return started
      },
      invoke: ({ channel, input, transport }) => requireCore().dispatch(channel, input, { transport }),
      registerUpload: ({ path, fileName }) => requireCore().services.inbox.register(path, { fileName, owned: true }),
      whenIdle: async ({ accountId }) => {
        await requireCore().services.sync.whenIdle(accountId)
        return null
      },
      signal: (raw) => {
        requireCore().signal(HostSignal.parse(raw))
        return null
      },
      stop: () => {
        close()
        // Answer first, then leave.
        setImmediate(() => options.exit(0))
        return null
      },
    },
    (message) => logger.warn('core host: malformed message from the parent ignored', { type: typeof message }),
  )
  const close = (): void => {
    core?.close()
    core = null
    logFile?.close()
  }
  return { peer, close }
}

/** What the parent does with files, as the core's FileHost. */
function fileHost(mode: HostInit['files'], peer: HostPeer): FileHost {
  if (mode === 'dialogs')
    return {
      chooseSavePath: async (suggestedName, mimeType) =>
        (await peer.call('chooseSavePath', { suggestedName, mimeType })).path,
      chooseOpenPath: async (purpose) => (await peer.call('chooseOpenPath', { purpose })).path,
    }
  if (mode === 'downloads') return { offerDownload: async (file) => (await peer.call('offerDownload', file)).url }
  return {}
}

/** zod's optional fields come out as `T | undefined`; the core's options are exact. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

/** Opens the keychain; its failure gets a code the parent turns into a sentence in the user's language. */
async function loadKeychain(load: () => Promise<SecretStore>): Promise<SecretStore> {
  try {
    return await load()
  } catch (error) {
    if (error instanceof KeychainUnavailableError) throw new PeerCallError(error.message, 'KEYCHAIN_UNAVAILABLE')
    throw error
  }
}
