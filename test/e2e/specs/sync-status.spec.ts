import type { Sandbox } from '../../../electron/sandbox'
import { startSandbox } from '../../../electron/sandbox'
import { formatNumber } from '../../../shared/i18n/format'
import { test, expect, withCache } from '../fixtures'
import { setTheme } from '../helpers'

let sandbox: Sandbox | undefined
test.afterEach(async () => {
  await sandbox?.stop()
  sandbox = undefined
})

// The real pace: 60 requests per minute (a small sandbox syncs within the first minute's allowance).
test.use({
  shellPace: { limit: 60, windowMs: 60_000, timeoutMs: 10_000, offlineRetryMs: { first: 1_000, max: 5_000 } },
})

test('one sync status line; "Sync everything now" warns before re-reading a large fleet', async ({
  app,
  shell,
}, testInfo) => {
  test.setTimeout(180_000)
  sandbox = await startSandbox({ seed: 5, scale: 'tiny', settings: { rateLimit: { limit: 60, windowMs: 60_000 } } })
  const added = await shell.core.dispatch(
    'accounts:add',
    { token: sandbox.tokens.owner!, baseUrl: sandbox.url },
    { transport: 'test' },
  )
  if (!added.ok) throw new Error(added.error.reason)
  const accountId = (added.value as { id: string }).id
  await shell.core.whenIdle(accountId)

  // Up to date: one line in the header, with when everything was last read.
  await app.goto(`${app.url().replace(/#.*$/, '')}#/home`)
  const line = app.getByTestId('sync-status')
  await expect(line).toHaveAttribute('data-state', 'idle')
  await expect(line).toContainText('Up to date · synced')
  await app.screenshot({ path: testInfo.outputPath('sync-status-light.png'), animations: 'disabled' })
  await setTheme(app, 'dark')
  await expect(line).toContainText('Up to date')
  await app.screenshot({ path: testInfo.outputPath('sync-status-dark.png'), animations: 'disabled' })
  await setTheme(app, 'light')

  // A large fleet: 1,000 client organisations known to the cache, never read yet.
  withCache(shell, (db) => {
    const insert = db.prepare(`INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES (?, ?, ?, 'admin', ?)`)
    for (let i = 0; i < 1_000; i++)
      insert.run(accountId, 900_000 + i, `Client ${String(i + 1).padStart(4, '0')} SA`, Date.now())
  })
  const estimate = await shell.core.dispatch('sync:estimate', {}, { transport: 'test' })
  if (!estimate.ok) throw new Error(estimate.error.reason)
  const { requests, etaMs } = estimate.value as { requests: number; etaMs: number }
  // At 60 requests per minute: one second per request.
  expect(requests).toBeGreaterThan(1_000)
  expect(etaMs).toBe(requests * 1_000)

  await app.goto(`${app.url().replace(/#.*$/, '')}#/settings`)
  await app.getByTestId('sync-everything').click()
  const dialog = app.getByRole('dialog', { name: 'Re-read every organisation?' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('sync-confirm-eta')).toContainText(
    `makes about ${formatNumber(requests, 'en')} requests`,
  )
  await expect(dialog.getByTestId('sync-confirm-eta')).toContainText('60 requests per minute')
  await app.screenshot({ path: testInfo.outputPath('sync-confirm-light.png'), animations: 'disabled' })
  // Cancel starts nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(line).toHaveAttribute('data-state', 'idle')
})
