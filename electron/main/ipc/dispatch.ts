import type { z } from 'zod'
import { isInvokeChannel, type EventChannel, type InvokeChannel } from '../../../shared/ipc/channels'
import { invokeContract, type EventPayload, type InvokeOutput, type ParsedInput } from '../../../shared/ipc/contract'
import { fail, ok, type IpcResult } from '../../../shared/ipc/result'
import { isAppError } from '../lib/app-error'
import type { Logger } from '../lib/logger'
import { STORE_ERROR_REASONS, storeErrorCode } from '../store/sqlite-errors'

/** Who is calling. Adapters (ipcMain, browser shell) fill it after their own trust checks. */
export interface IpcContext {
  transport: 'electron' | 'browser-shell' | 'test'
}

/** One handler per invoke channel; the mapped type makes a missing handler a compile error. */
export type Handlers = {
  [C in InvokeChannel]: (input: ParsedInput<C>, ctx: IpcContext) => Promise<InvokeOutput<C>> | InvokeOutput<C>
}

export type Dispatch = (channel: unknown, raw: unknown, ctx: IpcContext) => Promise<IpcResult<unknown>>

/** Zod's own wording of the issues, for the log only. */
function issueMessages(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 10).map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
}

/** Where the input was wrong, for developers: paths and zod issue codes (no sentences cross IPC). */
function summarize(error: z.ZodError): { path: string; code: string }[] {
  return error.issues.slice(0, 10).map((issue) => ({ path: issue.path.join('.'), code: issue.code }))
}

/**
 * Builds the transport-agnostic dispatcher: allowlist → input validation → handler →
 * (optionally) output validation → `IpcResult`. It never throws.
 */
export function createDispatch(
  handlers: Handlers,
  logger: Logger,
  options: { validateOutput?: boolean } = {},
): Dispatch {
  return async (channel, raw, ctx) => {
    if (!isInvokeChannel(channel)) return fail('UNKNOWN_CHANNEL', 'app.unknownChannel')
    const contract = invokeContract[channel]
    const parsed = contract.input.safeParse(raw ?? {})
    if (!parsed.success) {
      logger.warn('invalid IPC input', { channel, issues: issueMessages(parsed.error) })
      return fail('INVALID_INPUT', 'app.invalidInput', { details: summarize(parsed.error) })
    }
    try {
      const handler = handlers[channel] as (input: unknown, ctx: IpcContext) => unknown
      const value = await handler(parsed.data, ctx)
      if (options.validateOutput) {
        const checked = contract.output.safeParse(value)
        if (!checked.success) {
          logger.error('handler output does not match its contract', { channel, issues: issueMessages(checked.error) })
          return fail('INTERNAL', 'app.unexpectedAnswer')
        }
      }
      return ok(value)
    } catch (error) {
      if (isAppError(error)) {
        return fail(error.code, error.reason, { params: error.params, details: error.details })
      }
      // Disk full, read-only, damaged file: a typed cause instead of a raw SqliteError.
      const storeCode = storeErrorCode(error)
      if (storeCode) {
        logger.error('storage error', { channel, code: storeCode, error })
        return fail(storeCode, STORE_ERROR_REASONS[storeCode])
      }
      logger.error('handler failed', { channel, error })
      return fail('INTERNAL', 'app.internal')
    }
  }
}

export type EventListener = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void

/** A tiny typed event bus: the core emits, transports forward to their renderers. */
export class EventBus {
  private listeners = new Set<EventListener>()

  on(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void {
    for (const listener of this.listeners) listener(channel, payload)
  }
}
