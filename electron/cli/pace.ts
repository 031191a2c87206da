/**
 * The API pace of the CLI. Normally the core's default (60 requests per 61 s, the real API's limit
 * with a margin). `SWITCHBOARD_PACE=fast` is a development and test switch honoured only by the CLI:
 * 60 requests per 1 s window, to match a local sandbox started with `rateLimit: { limit: 60, windowMs: 1000 }`
 * (`npm run sandbox -- --rate-limit 60/1000`). It is refused for any API address off this computer,
 * where it would only collect 429 answers.
 */
import type { ApiPace } from '../main/core'

export const PACE_ENV = 'SWITCHBOARD_PACE'

/** Same shape as the integration tests' FAST_PACE (test/helpers/core.ts). */
export const FAST_PACE: Partial<ApiPace> = {
  limit: 60,
  windowMs: 1_000,
  timeoutMs: 5_000,
  retry: { baseDelayMs: 5, maxDelayMs: 20 },
  offlineRetryMs: { first: 200, max: 1_000 },
}

export type PaceChoice = { name: 'default'; pace: undefined } | { name: 'fast'; pace: Partial<ApiPace> }

/** Reads SWITCHBOARD_PACE; throws on an unknown value (a usage error). */
export function paceFromEnv(env: Readonly<Record<string, string | undefined>>): PaceChoice {
  const raw = (env[PACE_ENV] ?? '').trim().toLowerCase()
  if (raw === '' || raw === 'default') return { name: 'default', pace: undefined }
  if (raw === 'fast') return { name: 'fast', pace: FAST_PACE }
  throw new Error(`${PACE_ENV} must be "fast" or "default".`)
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

/** True when `baseUrl` points at this computer (where the sandbox runs). */
export function isLoopback(baseUrl: string): boolean {
  try {
    return LOOPBACK.has(new URL(baseUrl).hostname)
  } catch {
    return false
  }
}
