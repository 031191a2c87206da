import { createCore, type ApiPace, type Core } from '../../electron/main/core'
import { FakeClock, systemClock, type Clock } from '../../electron/main/lib/clock'
import { memoryLogger } from '../../electron/main/lib/logger'
import { MemorySecretStore } from '../../electron/main/secrets/memory-secret-store'
import { tempDir } from './temp'

/** A fast pace for integration tests against the sandbox (same 60-per-window rule, 1 s window). */
export const FAST_PACE: Partial<ApiPace> = {
  limit: 60,
  windowMs: 1_000,
  timeoutMs: 5_000,
  retry: { baseDelayMs: 5, maxDelayMs: 20 },
  offlineRetryMs: { first: 200, max: 1_000 },
}

/**
 * A real core on a temporary SQLite file, with memory secrets. The clock is a FakeClock
 * unless `clock` is given (integration tests against the sandbox pass systemClock).
 */
export function testCore(
  options: {
    dataDir?: string
    fetch?: typeof fetch
    clock?: Clock
    pace?: Partial<ApiPace>
    env?: Record<string, string | undefined>
    secretStore?: MemorySecretStore
    systemLocales?: readonly string[]
  } = {},
) {
  const temp = options.dataDir ? null : tempDir()
  const dataDir = options.dataDir ?? temp!.dir
  const logger = memoryLogger()
  const clock = options.clock ?? new FakeClock()
  const secretStore = options.secretStore ?? new MemorySecretStore()
  const core: Core = createCore({
    dataDir,
    secretStore,
    fetch: options.fetch ?? (() => Promise.reject(new Error('no network in this test'))),
    clock,
    logger,
    validateOutput: true,
    ...(options.pace ? { pace: options.pace } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.systemLocales ? { systemLocales: options.systemLocales } : {}),
    app: { name: 'Switchboard', version: '0.0.0-test', platform: 'linux', host: 'browser-shell' },
  })
  let disposed = false
  return {
    core,
    dataDir,
    logger,
    clock,
    secretStore,
    dispose: () => {
      if (disposed) return
      disposed = true
      core.close()
      temp?.cleanup()
    },
  }
}

export { systemClock }
