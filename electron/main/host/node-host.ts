/**
 * Runs the core host as a forked Node child (the browser shell, the e2e suite, tests, benchmarks):
 * the very entry the app runs in Electron's utility process.
 */
import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Logger } from '../lib/logger'
import { MemorySecretStore } from '../secrets/memory-secret-store'
import type { SecretStore } from '../secrets/secret-store'
import { CoreHostClient, type HostProcess, type SpawnHost } from './client'
import { PeerCallError, type Transport, type WireMessage } from './peer'
import type { HostInit, HostStarted } from './protocol'

const root = resolve(__dirname, '../../..')

/** The host entry: the TypeScript source (run through tsx) or the built bundle out/main/core-host.js. */
export type HostEntry = 'source' | 'built'

export function hostEntryPath(entry: HostEntry): string {
  return entry === 'built' ? join(root, 'out/main/core-host.js') : join(root, 'electron/main/host/entry.ts')
}

export interface NodeHostOptions {
  entry?: HostEntry
  /** Extra environment for the child (merged over this process's). */
  env?: Readonly<Record<string, string>>
  /** Where the child's stdout/stderr go (default: this process's). */
  stdio?: 'inherit' | 'ignore'
}

/** A spawner for {@link CoreHostClient}: each call forks a fresh host. */
export function nodeHostSpawner(options: NodeHostOptions = {}): SpawnHost {
  const entry = options.entry ?? 'source'
  const path = hostEntryPath(entry)
  if (!existsSync(path))
    throw new Error(`The core host entry ${path} does not exist${entry === 'built' ? ' (run npm run build)' : ''}.`)
  return (): HostProcess => {
    const child = fork(path, [], {
      cwd: root,
      execArgv: entry === 'source' ? ['--import', 'tsx'] : [],
      env: { ...process.env, ...options.env },
      serialization: 'advanced',
      stdio: ['ignore', options.stdio ?? 'inherit', options.stdio ?? 'inherit', 'ipc'],
    })
    const transport: Transport = {
      post: (message: WireMessage) => {
        if (child.connected) child.send(message)
        else throw new Error('The core host is not connected.')
      },
      onMessage: (listener) => {
        child.on('message', listener)
        return () => {
          child.off('message', listener)
        }
      },
    }
    return {
      pid: child.pid,
      transport,
      onExit: (listener) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          listener({ code: child.exitCode, signal: child.signalCode })
          return
        }
        child.once('exit', (code, signal) => listener({ code, signal }))
      },
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      },
    }
  }
}

export interface StartNodeHostOptions extends NodeHostOptions {
  init: Omit<HostInit, 'secrets' | 'files'>
  logger: Logger
  /** Where the host's tokens live; they outlive a crash of the host (default: a new memory store). */
  secretStore?: SecretStore
  /**
   * Offers a finished export once (the browser shell's download URL). Without it, exports stay
   * under `<dataDir>/exports` and answer their path.
   */
  offerDownload?: (file: { path: string; fileName: string; mimeType: string; byteLength: number }) => Promise<string>
  /** Opens an allowed external link (default: none can be opened). */
  openExternal?: (url: string) => Promise<boolean>
  spawn?: SpawnHost
  maxRestarts?: number
  restartWindowMs?: number
}

/** Forks a core host under Node, starts its core and answers its requests from this process. */
export async function startNodeCoreHost(
  options: StartNodeHostOptions,
): Promise<{ client: CoreHostClient; started: HostStarted; secretStore: SecretStore }> {
  const secretStore = options.secretStore ?? new MemorySecretStore()
  const client = new CoreHostClient({
    spawn: options.spawn ?? nodeHostSpawner(options),
    init: { ...options.init, secrets: 'parent', files: options.offerDownload ? 'downloads' : 'local' },
    logger: options.logger,
    ...(options.maxRestarts !== undefined ? { maxRestarts: options.maxRestarts } : {}),
    ...(options.restartWindowMs !== undefined ? { restartWindowMs: options.restartWindowMs } : {}),
    parent: {
      openExternal: async ({ url }) => ({ opened: options.openExternal ? await options.openExternal(url) : false }),
      // No file manager under Node (browser shell, tests).
      openFolder: () => ({ opened: false }),
      offerDownload: async (file) => {
        if (!options.offerDownload) throw new PeerCallError('No downloads here.', 'NOT_SUPPORTED')
        return { url: await options.offerDownload(file) }
      },
      // No dialogs under Node: the browser shell's renderer uploads instead.
      chooseSavePath: () => {
        throw new PeerCallError('No save dialog here.', 'NOT_SUPPORTED')
      },
      chooseOpenPath: () => {
        throw new PeerCallError('No open dialog here.', 'NOT_SUPPORTED')
      },
      secretGet: async ({ key }) => ({ value: await secretStore.get(key) }),
      secretSet: async ({ key, value }) => {
        await secretStore.set(key, value)
        return null
      },
      secretDelete: async ({ key }) => ({ deleted: await secretStore.delete(key) }),
    },
  })
  const started = await client.start()
  return { client, started, secretStore }
}
