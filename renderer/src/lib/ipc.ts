import type { EventChannel, InvokeChannel } from '../../../shared/ipc/channels'
import type { EventPayload, InvokeInput, InvokeOutput } from '../../../shared/ipc/contract'
import type { Problem } from '../../../shared/domain/problem'
import type { ErrorCode } from '../../../shared/ipc/result'

/**
 * A failed IPC call, with the code the UI branches on and the problem it words (`errorText` in
 * `lib/problem.ts`). Its `message` is the reason key, for the console only.
 */
export class IpcError extends Error {
  override readonly name = 'IpcError'
  constructor(
    readonly code: ErrorCode | 'NO_BRIDGE',
    readonly problem: Problem,
    readonly details?: unknown,
  ) {
    super(problem.reason)
  }
}

function bridge(): NonNullable<Window['api']> {
  if (!window.api) throw new IpcError('NO_BRIDGE', { reason: 'app.noBridge' })
  return window.api
}

/**
 * Calls a main-process channel with one argument object; resolves with the typed output
 * or throws {@link IpcError}. TanStack Query wraps it.
 */
export async function invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<InvokeOutput<C>> {
  const result = await bridge().invoke(channel, input)
  if (result.ok) return result.value as InvokeOutput<C>
  const { code, reason, params, details } = result.error
  throw new IpcError(code, params === undefined ? { reason } : { reason, params }, details)
}

/** Subscribes to a main-process event; returns the unsubscribe function. */
export function onEvent<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void {
  if (!window.api) return () => undefined
  return window.api.on(channel, (payload) => listener(payload as EventPayload<C>))
}
