/**
 * Fault decisions, drawn from a PRNG seeded by the sandbox seed: the same seed and the same
 * request sequence give the same faults.
 */
import { Rng } from './prng'
import { DEFAULT_FAULTS, applyFaults, type FaultKind, type FaultSettings } from './settings'

export interface FaultDecision {
  /** Replaces the response before auth and rate limiting (not counted against the quota). */
  pre: 'rate_limit' | 'drop' | 'error500' | 'error503' | null
  /** Corrupts a normally computed response. */
  post: 'malformed_json' | 'truncated' | null
  /** Extra delay before the response is written (latency + jitter, plus slowMs for a slow response). */
  delayMs: number
  /** The fault applied, for the request log. */
  kind: FaultKind | null
}

export class FaultEngine {
  config: FaultSettings
  private rng: Rng

  constructor(
    private readonly seed: number,
    initial?: unknown,
  ) {
    this.config = applyFaults(DEFAULT_FAULTS, initial ?? {})
    this.rng = Rng.derive(seed, 'faults')
  }

  set(patch: unknown): FaultSettings {
    this.config = applyFaults(this.config, patch)
    return this.config
  }

  /** Back to no faults, and restarts the fault PRNG stream. */
  clear(): FaultSettings {
    this.config = applyFaults(DEFAULT_FAULTS, {})
    this.rng = Rng.derive(this.seed, 'faults')
    return this.config
  }

  queue(kinds: readonly FaultKind[]): number {
    this.config.queue.push(...kinds)
    return this.config.queue.length
  }

  decide(): FaultDecision {
    const c = this.config
    let delayMs = c.latencyMs + (c.jitterMs > 0 ? this.rng.int(0, c.jitterMs) : 0)
    let kind: FaultKind | null = null
    const queued = c.queue.shift()
    if (queued !== undefined) kind = queued
    else if (c.rateLimitStorm > 0) {
      c.rateLimitStorm--
      kind = 'rate_limit'
    } else {
      const roll = (p: number): boolean => p > 0 && this.rng.next() < p
      if (roll(c.dropConnectionRate)) kind = 'drop'
      else if (roll(c.errorRate)) {
        kind =
          c.errorStatus === 500
            ? 'error500'
            : c.errorStatus === 503
              ? 'error503'
              : this.rng.chance(0.5)
                ? 'error500'
                : 'error503'
      } else if (roll(c.slowRate)) kind = 'slow'
      else if (roll(c.malformedJsonRate)) kind = 'malformed_json'
      else if (roll(c.truncatedBodyRate)) kind = 'truncated'
    }
    if (kind === 'slow') delayMs += c.slowMs
    const pre = kind === 'rate_limit' || kind === 'drop' || kind === 'error500' || kind === 'error503' ? kind : null
    const post = kind === 'malformed_json' || kind === 'truncated' ? kind : null
    return { pre, post, delayMs, kind }
  }
}
