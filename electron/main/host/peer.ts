/**
 * One end of the link between the core host and its parent (Electron main, the browser shell, a
 * test): calls that are answered, and one-way events, over any message transport (an Electron
 * MessagePort, a Node child-process channel). Both ends use this same class, each with the methods
 * it serves and the methods it may call on the other side.
 *
 * Every message is checked against {@link WireMessage} on arrival; the payloads of calls are the
 * business of the methods (the IPC input inside an `invoke` is validated by `dispatch`, as always).
 */
import { z } from 'zod'

/** What a transport must offer: post a structured-clonable message, be told of incoming ones. */
export interface Transport {
  post(message: WireMessage): void
  /** Subscribes to incoming messages; returns the unsubscribe function. */
  onMessage(listener: (message: unknown) => void): () => void
}

const CallMessage = z.object({ k: z.literal('call'), id: z.number().int(), method: z.string(), params: z.unknown() })
const ReplyMessage = z.union([
  z.object({ k: z.literal('reply'), id: z.number().int(), ok: z.literal(true), value: z.unknown() }),
  z.object({
    k: z.literal('reply'),
    id: z.number().int(),
    ok: z.literal(false),
    error: z.object({ message: z.string(), code: z.string().optional() }),
  }),
])
const EventMessage = z.object({ k: z.literal('event'), name: z.string(), payload: z.unknown() })
export const WireMessage = z.union([CallMessage, ReplyMessage, EventMessage])
export type WireMessage = z.infer<typeof WireMessage>

/** Method name → (params) => result. */
export type MethodMap = { [method: string]: (params: never) => unknown }
/** Event name → payload. */
export type EventMap = { [name: string]: unknown }

/** A call the other side could not answer (unknown method, the method threw, the link closed). */
export class PeerCallError extends Error {
  override readonly name = 'PeerCallError'
  constructor(
    message: string,
    readonly code: string = 'FAILED',
  ) {
    super(message)
  }
}

type Handlers<M extends MethodMap> = {
  [K in keyof M]: (params: Parameters<M[K]>[0]) => Promise<Awaited<ReturnType<M[K]>>> | Awaited<ReturnType<M[K]>>
}

/**
 * `Local` are the methods this end serves, `Remote` those it calls; `LocalEvents` what it emits,
 * `RemoteEvents` what it receives.
 */
export class Peer<
  Local extends MethodMap,
  Remote extends MethodMap,
  LocalEvents extends EventMap,
  RemoteEvents extends EventMap,
> {
  private nextId = 1
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  private readonly eventListeners = new Set<
    <E extends keyof RemoteEvents & string>(name: E, payload: RemoteEvents[E]) => void
  >()
  private readonly unsubscribe: () => void
  private closedWith: PeerCallError | null = null

  constructor(
    private readonly transport: Transport,
    private readonly handlers: Partial<Handlers<Local>>,
    private readonly onInvalid: (message: unknown) => void = () => undefined,
  ) {
    this.unsubscribe = transport.onMessage((raw) => this.receive(raw))
  }

  /** Calls `method` on the other side and resolves with its answer. */
  call<K extends keyof Remote & string>(
    method: K,
    params: Parameters<Remote[K]>[0],
  ): Promise<Awaited<ReturnType<Remote[K]>>> {
    if (this.closedWith) return Promise.reject(this.closedWith)
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      try {
        this.transport.post({ k: 'call', id, method, params })
      } catch (error) {
        this.pending.delete(id)
        reject(new PeerCallError(error instanceof Error ? error.message : String(error), 'CLOSED'))
      }
    })
  }

  /** Sends a one-way event to the other side. */
  emit<E extends keyof LocalEvents & string>(name: E, payload: LocalEvents[E]): void {
    if (this.closedWith) return
    this.transport.post({ k: 'event', name, payload })
  }

  /** Subscribes to the other side's events; returns the unsubscribe function. */
  onEvent(listener: <E extends keyof RemoteEvents & string>(name: E, payload: RemoteEvents[E]) => void): () => void {
    this.eventListeners.add(listener)
    return () => {
      this.eventListeners.delete(listener)
    }
  }

  /** Number of calls still waiting for an answer. */
  get pendingCalls(): number {
    return this.pending.size
  }

  /** Stops listening; every pending call fails with `reason`. */
  close(reason = 'The link was closed.', code = 'CLOSED'): void {
    if (this.closedWith) return
    this.closedWith = new PeerCallError(reason, code)
    this.unsubscribe()
    for (const { reject } of this.pending.values()) reject(this.closedWith)
    this.pending.clear()
    this.eventListeners.clear()
  }

  private receive(raw: unknown): void {
    const parsed = WireMessage.safeParse(raw)
    if (!parsed.success) {
      this.onInvalid(raw)
      return
    }
    const message = parsed.data
    if (message.k === 'reply') {
      const waiting = this.pending.get(message.id)
      if (!waiting) return
      this.pending.delete(message.id)
      if (message.ok) waiting.resolve(message.value)
      else waiting.reject(new PeerCallError(message.error.message, message.error.code))
      return
    }
    if (message.k === 'event') {
      for (const listener of this.eventListeners)
        listener(
          message.name as keyof RemoteEvents & string,
          message.payload as RemoteEvents[keyof RemoteEvents & string],
        )
      return
    }
    void this.answer(message.id, message.method, message.params)
  }

  private async answer(id: number, method: string, params: unknown): Promise<void> {
    const handler = Object.hasOwn(this.handlers, method)
      ? (this.handlers[method] as ((params: unknown) => unknown) | undefined)
      : undefined
    let reply: WireMessage
    if (!handler) {
      reply = { k: 'reply', id, ok: false, error: { message: `Unknown method ${method}.`, code: 'UNKNOWN_METHOD' } }
    } else {
      try {
        reply = { k: 'reply', id, ok: true, value: await handler(params) }
      } catch (error) {
        reply = {
          k: 'reply',
          id,
          ok: false,
          error: {
            message: error instanceof Error ? error.message : String(error),
            ...(error instanceof PeerCallError ? { code: error.code } : {}),
          },
        }
      }
    }
    if (this.closedWith) return
    try {
      this.transport.post(reply)
    } catch {
      // The other side is gone; its pending call fails there.
    }
  }
}
