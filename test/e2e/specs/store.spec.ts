import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { openStores } from '../../../electron/main/store/stores'
import { startBrowserShell } from '../../shell/server'
import { test, expect } from '../fixtures'

const root = resolve(__dirname, '../../..')

test('Settings → Backups lists a backup taken by hand; removing an account says what goes and what stays', async ({
  app,
}, testInfo) => {
  test.setTimeout(120_000)
  // An account to remove: the demo (its sync runs while we look at Settings).
  await app.getByTestId('start-demo').click()
  await expect(app).toHaveURL(/#\/home/, { timeout: 30_000 })

  await app.getByRole('link', { name: 'Settings' }).click()
  await app.getByTestId('backup-now').click()
  const table = app.getByTestId('backups-table')
  // The one taken by hand is listed (the daily backup may also be taken while the app runs: not counted here).
  await expect(table.getByRole('row').filter({ hasText: 'By hand' })).toHaveCount(1)
  await app.getByTestId('backups-section').scrollIntoViewIfNeeded()
  await app.screenshot({ path: testInfo.outputPath('settings-backups-light.png'), animations: 'disabled' })

  await app
    .getByRole('button', { name: /^Remove / })
    .first()
    .click()
  const dialog = app.getByRole('dialog')
  await expect(dialog).toContainText('Removed from this computer')
  await app.screenshot({ path: testInfo.outputPath('remove-account-confirm-light.png'), animations: 'disabled' })
})

test('a damaged user.sqlite is restored from the newest backup and the user is told', async ({ page }, testInfo) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'))
  // Yesterday's data with a backup, then the file is damaged (as by a disk fault).
  const stores = openStores({ dataDir, logger: memoryLogger(), now: Date.now })
  stores.db.prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('theme', '\"light\"', 1)").run()
  stores.backups.createNow(stores.db, 'daily')
  stores.close()
  writeFileSync(join(dataDir, 'user.sqlite'), 'not an SQLite database '.repeat(400))

  const shell = await startBrowserShell({
    port: 0,
    dataDir,
    rendererDir: join(root, 'out/renderer'),
    logger: memoryLogger(),
    hostEntry: 'built',
    hostLogLevel: 'error',
  })
  try {
    await page.goto(shell.url)
    const notice = page.getByTestId('store-notice-user_restored')
    await expect(notice).toContainText('Your data was restored from a backup')
    await expect(notice).toContainText('user.sqlite.damaged-')
    // The app works on the restored data (no account in that backup: the onboarding).
    await expect(page.getByRole('heading', { name: 'Welcome to Switchboard' })).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath('restored-from-backup-light.png'), animations: 'disabled' })
  } finally {
    await shell.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
