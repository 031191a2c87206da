/**
 * The parent side of the core host: starts the host process, forwards invokes to it and its events
 * to listeners, serves the host's requests (open a link, tokens in the browser shell), notices a
 * crash, tells the user (the `app:core-status` event), starts a new host and lets the sync resume.
 *
 * Plain Node: Electron main gives it a utility-process spawner (shell/utility-host.ts), the browser
 * shell and the tests a `child_process.fork` one (node-host.ts).
 */
import type { EventChannel } from '../../../shared/ipc/channels'
import type { FileRef } from '../../../shared/domain/files'
import type { CoreStatus } from '../../../shared/ipc/contracts/core-host'
import type { EventPayload } from '../../../shared/ipc/contract'
import { fail, type IpcResult } from '../../../shared/ipc/result'
import type { EventListener, IpcContext } from '../ipc/dispatch'
import type { Logger } from '../lib/logger'
import { Peer, PeerCallError, type Transport } from './peer'
import type { HostEvents, HostInit, HostMethods, HostStarted, ParentEvents, ParentMethods } from './protocol'
import type { HostSignal } from '../../../shared/domain/reminders'

/** A started host process, whatever runs it. */
export interface HostProcess {
  readonly pid: number | undefined
  readonly transport: Transport
  /** Called once when the process ends (crash, kill or normal exit). */
  onExit(listener: (info: { code: number | null; signal: string | null }) => void): void
  /** Ends the process at once. */
  kill(): void
}

export type SpawnHost = () => HostProcess

/** What the parent answers to the host: everything but `start`'s configuration. */
export type ParentHandlers = {
  [K in keyof ParentMethods]: (
    params: Parameters<ParentMethods[K]>[0],
  ) => Promise<ReturnType<ParentMethods[K]>> | ReturnType<ParentMethods[K]>
}

/** What a transport adapter (ipcMain, the browser shell's HTTP server) needs of the core. */
export interface CoreEndpoint {
  dispatch(channel: unknown, raw: unknown, ctx: IpcContext): Promise<IpcResult<unknown>>
  onEvent(listener: EventListener): () => void
}

export interface CoreHostClientOptions {
  spawn: SpawnHost
  init: HostInit
  parent: ParentHandlers
  logger: Logger
  /** Gives up restarting after this many crashes within `restartWindowMs` (default 3 in 60 s). */
  maxRestarts?: number
  restartWindowMs?: number
  /** How long a call waits for a restarting host before failing (default 30 s). */
  restartWaitMs?: number
  now?: () => number
}

type ParentPeer = Peer<ParentMethods, HostMethods, ParentEvents, HostEvents>

interface Running {
  process: HostProcess
  peer: ParentPeer
  ready: Promise<HostStarted>
}

export class CoreHostClient implements CoreEndpoint {
  private running: Running | null = null
  private readonly listeners = new Set<EventListener>()
  private readonly crashes: number[] = []
  private restarts = 0
  private state: CoreStatus['state'] = 'starting'
  private stopping = false
  private readonly now: () => number
  /** The last power state and whether the computer sleeps: a restarted host is told again. */
  private power: { onBattery: boolean; suspended: boolean } | null = null

  constructor(private readonly options: CoreHostClientOptions) {
    this.now = options.now ?? Date.now
  }

  /** Starts the host; resolves when its core is open (rejects if it cannot start). */
  async start(): Promise<HostStarted> {
    if (this.running) return this.running.ready
    this.stopping = false
    const running = this.launch()
    try {
      const started = await running.ready
      this.setState('running', null)
      return started
    } catch (error) {
      this.setState('failed', 'start_failed')
      running.process.kill()
      throw error
    }
  }

  /** The host's process id (to see it in the process tree, or to kill it in a crash test). */
  get pid(): number | undefined {
    return this.running?.process.pid
  }

  get status(): CoreStatus {
    return { state: this.state, restarts: this.restarts, at: this.now(), reason: null }
  }

  /** Same contract as the in-process core's dispatch: never throws, answers an IpcResult. */
  async dispatch(channel: unknown, raw: unknown, ctx: IpcContext): Promise<IpcResult<unknown>> {
    const running = await this.whenRunning()
    if (!running) return fail('UNAVAILABLE', 'app.engineDown')
    try {
      return await running.peer.call('invoke', { channel, input: raw, transport: ctx.transport })
    } catch (error) {
      if (error instanceof PeerCallError && (error.code === 'CRASHED' || error.code === 'CLOSED'))
        return fail('UNAVAILABLE', 'app.engineRestarting')
      this.options.logger.error('core host call failed', { channel, error })
      return fail('INTERNAL', 'app.internal')
    }
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Resolves once an account's sync queue is idle (tests and benchmarks). */
  async whenIdle(accountId: string): Promise<void> {
    const running = await this.whenRunning()
    if (!running) throw new Error('The core host is not running.')
    await running.peer.call('whenIdle', { accountId })
  }

  /**
   * Passes a host signal (battery, sleep, wake) to the scheduler in the core host. Remembered, so
   * that a host restarted after a crash knows the power state too.
   */
  signal(signal: HostSignal): void {
    const power = this.power ?? { onBattery: false, suspended: false }
    if (signal.kind === 'power') power.onBattery = signal.onBattery
    else power.suspended = signal.kind === 'suspend'
    this.power = power
    const running = this.running
    if (!running) return
    void running.ready
      .then(() => running.peer.call('signal', signal))
      .catch((error: unknown) => this.options.logger.warn('core host signal not delivered', { error }))
  }

  /** Registers a file written for an import (a browser-shell upload); the host deletes it later. */
  async registerUpload(path: string, fileName: string): Promise<FileRef> {
    const running = await this.whenRunning()
    if (!running) throw new Error('The core host is not running.')
    return running.peer.call('registerUpload', { path, fileName })
  }

  /** Closes the core and ends the host process. */
  async stop(): Promise<void> {
    this.stopping = true
    const running = this.running
    if (!running) return
    const exited = new Promise<void>((resolve) => running.process.onExit(() => resolve()))
    try {
      await running.ready
      await Promise.race([running.peer.call('stop', {}), exited])
    } catch {
      // Not started or already gone: kill below.
    }
    const timer = setTimeout(() => running.process.kill(), 5_000)
    await exited
    clearTimeout(timer)
    this.running = null
    this.setState('stopped', null)
  }

  private emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void {
    for (const listener of this.listeners) listener(channel, payload)
  }

  private setState(state: CoreStatus['state'], reason: CoreStatus['reason']): void {
    this.state = state
    this.emit('app:core-status', { state, restarts: this.restarts, at: this.now(), reason })
  }

  /** The running host once it is ready; null when it failed for good or was stopped. */
  private async whenRunning(): Promise<Running | null> {
    const deadline = this.now() + (this.options.restartWaitMs ?? 30_000)
    for (;;) {
      const running = this.running
      if (running) {
        try {
          await running.ready
          if (this.running === running) return running
        } catch {
          // It crashed while starting; a restart may follow.
        }
      }
      if (this.stopping || this.state === 'failed' || this.now() >= deadline) return null
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  private launch(): Running {
    const process = this.options.spawn()
    const peer: ParentPeer = new Peer<ParentMethods, HostMethods, ParentEvents, HostEvents>(
      process.transport,
      this.options.parent,
      () => this.options.logger.warn('core host: malformed message ignored'),
    )
    peer.onEvent((name, payload) => {
      if (name === 'core') this.emit(payload.channel, payload.payload as never)
    })
    const ready = peer.call('start', this.options.init)
    const power = this.power
    if (power) {
      // A restarted host starts from "on AC, awake": tell it what the parent knows.
      void ready
        .then(async () => {
          await peer.call('signal', { kind: 'power', onBattery: power.onBattery })
          if (power.suspended) await peer.call('signal', { kind: 'suspend' })
        })
        .catch(() => undefined)
    }
    const running: Running = { process, peer, ready }
    // A host that cannot open its core is ended; its exit is then handled like a crash.
    ready.catch(() => {
      if (this.state !== 'failed' && !this.stopping) process.kill()
    })
    this.running = running
    process.onExit(({ code, signal }) => this.exited(running, code, signal))
    return running
  }

  private exited(running: Running, code: number | null, signal: string | null): void {
    running.peer.close('The core host exited.', 'CRASHED')
    if (this.running !== running) return
    this.running = null
    if (this.stopping || this.state === 'failed') return
    this.options.logger.error('core host exited unexpectedly', { code, signal, pid: running.process.pid })
    const now = this.now()
    this.crashes.push(now)
    const window = this.options.restartWindowMs ?? 60_000
    while (this.crashes.length > 0 && this.crashes[0]! < now - window) this.crashes.shift()
    if (this.crashes.length > (this.options.maxRestarts ?? 3)) {
      this.setState('failed', 'crashed')
      return
    }
    this.restarts++
    this.setState('restarting', 'crashed')
    const next = this.launch()
    next.ready.then(
      () => {
        if (this.running === next) this.setState('running', 'crashed')
      },
      (error: unknown) => this.options.logger.error('core host failed to restart', { error }),
    )
  }
}
