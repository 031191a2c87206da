/**
 * Event-loop measurements shared by the benchmarks: `monitorEventLoopDelay({ resolution: 1 })` around a
 * measured phase, and a 1 ms ticker that times the longest stalls one by one with a label (the job that ran).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'

export interface EventLoopStats {
  maxEventLoopDelayMs: number
  p99EventLoopDelayMs: number
  p50EventLoopDelayMs: number
  meanEventLoopDelayMs: number
  samples: number
}

const ms = (ns: number): number => Math.round((ns / 1e6) * 10) / 10

/** An event-loop delay histogram (1 ms resolution): `start()` resets and enables, `stop()` answers the figures. */
export function eventLoopMonitor(): { start: () => void; stop: () => EventLoopStats } {
  const histogram = monitorEventLoopDelay({ resolution: 1 })
  return {
    start: () => {
      histogram.reset()
      histogram.enable()
    },
    stop: () => {
      histogram.disable()
      return {
        maxEventLoopDelayMs: ms(histogram.max),
        p99EventLoopDelayMs: ms(histogram.percentile(99)),
        p50EventLoopDelayMs: ms(histogram.percentile(50)),
        meanEventLoopDelayMs: ms(histogram.mean),
        samples: histogram.count,
      }
    },
  }
}

export interface Stall {
  ms: number
  during: string
}

/**
 * Times every block of at least `thresholdMs` with a 1 ms interval timer (how late it fires). A block runs
 * between two ticks: it belongs to the label noted at the tick before it (what was running when it began).
 */
export function stallTicker(
  label: () => string,
  thresholdMs = 20,
): { stop: () => { longest: Stall[]; byLabel: Record<string, { count: number; maxMs: number }> } } {
  const stalls: Stall[] = []
  let last = performance.now()
  let before = label()
  const ticker = setInterval(() => {
    const now = performance.now()
    const late = now - last - 1
    last = now
    if (late >= thresholdMs) stalls.push({ ms: Math.round(late), during: before })
    before = label()
  }, 1)
  return {
    stop: () => {
      clearInterval(ticker)
      stalls.sort((a, b) => b.ms - a.ms)
      const byLabel: Record<string, { count: number; maxMs: number }> = {}
      for (const s of stalls) {
        const entry = (byLabel[s.during] ??= { count: 0, maxMs: 0 })
        entry.count++
        entry.maxMs = Math.max(entry.maxMs, s.ms)
      }
      return { longest: stalls, byLabel }
    },
  }
}
