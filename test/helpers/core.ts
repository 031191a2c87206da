import { createCore, type Core } from '../../electron/main/core'
import { FakeClock } from '../../electron/main/lib/clock'
import { memoryLogger } from '../../electron/main/lib/logger'
import { MemorySecretStore } from '../../electron/main/secrets/memory-secret-store'
import { tempDir } from './temp'

/** A real core on a temporary SQLite file, with memory secrets and a fake clock. */
export function testCore(options: { dataDir?: string; fetch?: typeof fetch } = {}) {
  const temp = options.dataDir ? null : tempDir()
  const dataDir = options.dataDir ?? temp!.dir
  const logger = memoryLogger()
  const clock = new FakeClock()
  const secretStore = new MemorySecretStore()
  const core: Core = createCore({
    dataDir,
    secretStore,
    fetch: options.fetch ?? (() => Promise.reject(new Error('no network in this test'))),
    clock,
    logger,
    validateOutput: true,
    app: { name: 'Switchboard', version: '0.0.0-test', platform: 'linux', host: 'browser-shell' },
  })
  return {
    core,
    dataDir,
    logger,
    clock,
    secretStore,
    dispose: () => {
      core.close()
      temp?.cleanup()
    },
  }
}
