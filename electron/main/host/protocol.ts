/**
 * The core-host protocol: what the parent (Electron main, the browser shell, tests) asks of the
 * core host, what the host asks of its parent (things only the parent can do: dialogs, opening
 * links, and in the browser shell the token store that must outlive a host crash), and the events.
 *
 * The IPC contract does not change: `invoke` carries the renderer's (channel, input) to the same
 * `dispatch`, which validates the input with the same zod schemas and answers the same `IpcResult`.
 */
import type { Language } from '../../../shared/i18n/languages'
import { z } from 'zod'
import type { EventChannel } from '../../../shared/ipc/channels'
import type { HostSignal } from '../../../shared/domain/reminders'
import type { EventPayload } from '../../../shared/ipc/contract'
import type { IpcResult } from '../../../shared/ipc/result'
import type { FileRef } from '../../../shared/domain/files'
import type { IpcContext } from '../ipc/dispatch'

const AppInfoWithoutDir = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  host: z.enum(['electron', 'browser-shell']),
})

/** How the parent configures a host (the first call, `start`). */
export const HostInit = z
  .object({
    dataDir: z.string().min(1),
    app: AppInfoWithoutDir,
    /** better-sqlite3 binary for this runtime (Electron's ABI), when it is not the Node build. */
    nativeBinding: z.string().optional(),
    validateOutput: z.boolean().optional(),
    pace: z
      .object({
        limit: z.number().int().positive().optional(),
        windowMs: z.number().int().positive().optional(),
        perPage: z.number().int().positive().optional(),
        timeoutMs: z.number().int().nonnegative().optional(),
        retry: z
          .object({
            maxAttempts: z.number().int().positive().optional(),
            baseDelayMs: z.number().nonnegative().optional(),
            maxDelayMs: z.number().nonnegative().optional(),
          })
          .optional(),
        offlineRetryMs: z.object({ first: z.number().positive(), max: z.number().positive() }).optional(),
      })
      .optional(),
    /**
     * Where tokens live: the OS keychain, opened by the host itself (the app), or the parent's store,
     * reached with `secret*` calls (the browser shell keeps them in memory, so they survive a crash of
     * the host).
     */
    secrets: z.enum(['keychain', 'parent']),
    logLevel: z.enum(['debug', 'info', 'warn', 'error']).optional(),
    /**
     * How files reach the user: `dialogs` (the app: save and open dialogs shown by main, the core
     * writes and reads the chosen paths), `downloads` (the browser shell offers finished exports as
     * one-time downloads and registers uploads), `local` (exports stay under `<dataDir>/exports`).
     */
    files: z.enum(['dialogs', 'downloads', 'local']),
    /** The OS's preferred locales (the app: Electron's), for the language on first start. */
    systemLocales: z.array(z.string().max(40)).max(20).optional(),
    /** Back up the user data once a day while the host runs (the app and the browser shell). */
    dailyBackups: z.boolean().optional(),
  })
  .strict()
export type HostInit = z.infer<typeof HostInit>

/** The host's answer to `start`. */
export interface HostStarted {
  pid: number
  /** Set when the cache file was unreadable and moved aside. */
  recovered: { movedTo: string; reason: string } | null
  /** The interface language (stored, or from the OS on first start), for the parent's own dialogs. */
  language: Language
}

/** What the parent may call on the host. */
export type HostMethods = {
  start: (init: HostInit) => HostStarted
  invoke: (params: { channel: unknown; input: unknown; transport: IpcContext['transport'] }) => IpcResult<unknown>
  /** Resolves once the account's sync queue is idle (tests and benchmarks). */
  whenIdle: (params: { accountId: string }) => null
  /** Power, sleep and wake as the parent's OS tells them, for the scheduler. */
  signal: (params: HostSignal) => null
  /** Registers a file the parent wrote for an import (a browser-shell upload); the host deletes it later. */
  registerUpload: (params: { path: string; fileName: string }) => FileRef
  /** Closes the core (database, sync, demo sandbox); the process exits right after answering. */
  stop: (params: Record<string, never>) => null
}

/** What the host may call on its parent. */
export type ParentMethods = {
  /** Opens a Manager or documentation link in the user's browser (the parent's safe opener). */
  openExternal: (params: { url: string }) => { opened: boolean }
  /** The app: the save dialog for an export, shown before the core writes (null: cancelled). */
  chooseSavePath: (params: { suggestedName: string; mimeType: string }) => { path: string | null }
  /** The app: the open dialog for an import (null: cancelled). */
  chooseOpenPath: (params: { purpose: 'billing-import' }) => { path: string | null }
  /** The app: shows a folder of the data folder (the logs) in the file manager; the parent checks which. */
  openFolder: (params: { path: string }) => { opened: boolean }
  /** The browser shell: offers a finished export once at a URL; the shell deletes the file after. */
  offerDownload: (params: { path: string; fileName: string; mimeType: string; byteLength: number }) => { url: string }
  secretGet: (params: { key: string }) => { value: string | null }
  secretSet: (params: { key: string; value: string }) => null
  secretDelete: (params: { key: string }) => { deleted: boolean }
}

/** A core event (cache:changed, sync:progress, …) as it crosses the link. */
export type CoreEventMessage = { [C in EventChannel]: { channel: C; payload: EventPayload<C> } }[EventChannel]

export type HostEvents = { core: CoreEventMessage }
export type ParentEvents = Record<string, never>
