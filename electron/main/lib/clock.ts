/**
 * Time source injected into every core module (sync, limiter, API client, sandbox).
 *
 * Real code uses {@link systemClock}; tests pass a fake clock so that waiting for a
 * rate-limit window costs no real time.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number
  /** Resolves after `ms` milliseconds, or rejects with an AbortError when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason
  if (reason instanceof Error) return reason
  const error = new Error('The operation was aborted')
  error.name = 'AbortError'
  return error
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal))
        return
      }
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        },
        Math.max(0, ms),
      )
      const onAbort = (): void => {
        clearTimeout(timer)
        reject(abortError(signal as AbortSignal))
      }
      signal?.addEventListener('abort', onAbort, { once: true })
    }),
}

/**
 * A manually advanced clock for tests. `sleep` resolves when `advance` moves time past
 * its deadline; `runUntilIdle`-style loops can call `advanceToNext()`.
 */
export class FakeClock implements Clock {
  private current: number
  private waiters: { at: number; resolve: () => void; reject: (e: Error) => void }[] = []

  constructor(start = Date.UTC(2026, 10, 27, 12, 0, 0)) {
    this.current = start
  }

  now(): number {
    return this.current
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal))
    return new Promise<void>((resolve, reject) => {
      // Whole milliseconds, like real timers: a fractional clock would leak into INTEGER columns.
      const waiter = { at: this.current + Math.max(0, Math.ceil(ms)), resolve, reject }
      this.waiters.push(waiter)
      signal?.addEventListener(
        'abort',
        () => {
          this.waiters = this.waiters.filter((w) => w !== waiter)
          reject(abortError(signal))
        },
        { once: true },
      )
    })
  }

  /** Moves time forward by `ms` and wakes every sleeper whose deadline has passed. */
  advance(ms: number): void {
    this.current += ms
    this.flush()
  }

  /** Jumps to the earliest pending deadline; returns false when nobody sleeps. */
  advanceToNext(): boolean {
    if (this.waiters.length === 0) return false
    const next = Math.min(...this.waiters.map((w) => w.at))
    if (next > this.current) this.current = next
    this.flush()
    return true
  }

  pendingSleepers(): number {
    return this.waiters.length
  }

  private flush(): void {
    const due = this.waiters.filter((w) => w.at <= this.current)
    this.waiters = this.waiters.filter((w) => w.at > this.current)
    for (const w of due) w.resolve()
  }
}
