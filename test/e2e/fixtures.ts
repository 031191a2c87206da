import { test as base, expect, type Page } from '@playwright/test'
import { join, resolve } from 'node:path'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { memoryLogger } from '../../electron/main/lib/logger'
import type { ApiPace } from '../../electron/main/core'
import type { Db } from '../../electron/main/store/db'
import { openStores } from '../../electron/main/store/stores'
import { startBrowserShell, type BrowserShell } from '../shell/server'

const root = resolve(__dirname, '../..')

interface Fixtures {
  /** The shell's API pace (default: 60 per 1 s window); `test.use({ shellPace })` for the real one. */
  shellPace: Partial<ApiPace> | undefined
  /** A browser shell with a fresh data folder, stopped after the test. */
  shell: BrowserShell
  /** The page, signed in to the shell and showing the app. */
  app: Page
}

export const test = base.extend<Fixtures>({
  shellPace: [undefined, { option: true }],
  shell: async ({ shellPace }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'))
    const shell = await startBrowserShell({
      port: 0,
      dataDir,
      rendererDir: join(root, 'out/renderer'),
      logger: memoryLogger(),
      // What ships: the built core host (npm run e2e builds first), in its own process.
      hostEntry: 'built',
      hostLogLevel: 'error',
      // Same "60 per window" rule as the real API, with a 1 s window, against sandboxes started by tests.
      pace: shellPace ?? {
        limit: 60,
        windowMs: 1_000,
        timeoutMs: 10_000,
        offlineRetryMs: { first: 1_000, max: 5_000 },
      },
    })
    await use(shell)
    await shell.stop()
    rmSync(dataDir, { recursive: true, force: true })
  },
  app: async ({ page, shell }, use) => {
    await page.goto(shell.url)
    await use(page)
  },
})

/**
 * Runs `fn` on a second connection to the shell's stores (WAL allows it): the core lives in another
 * process, so tests seed large data sets straight into the file.
 */
export function withCache<T>(shell: BrowserShell, fn: (db: Db) => T): T {
  const stores = openStores({ dataDir: shell.dataDir, logger: memoryLogger(), now: Date.now })
  try {
    return fn(stores.db)
  } finally {
    stores.close()
  }
}

export { expect }
