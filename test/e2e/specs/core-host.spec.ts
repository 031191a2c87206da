import type { SyncStatus } from '../../../shared/domain/cache'
import { startSandbox, type Sandbox } from '../../../electron/sandbox'
import { test, expect } from '../fixtures'

let sandbox: Sandbox | undefined
test.afterEach(async () => {
  await sandbox?.stop()
  sandbox = undefined
})

test('the core runs in its own process; a crash is reported, the host restarted and the sync finishes', async ({
  app,
  shell,
}, testInfo) => {
  test.setTimeout(120_000)
  // The core host is a child of the shell's process, not the shell itself.
  const firstPid = shell.core.pid!
  expect(firstPid).not.toBe(process.pid)

  sandbox = await startSandbox({
    seed: 3,
    scale: 'demo',
    orgs: 30,
    settings: { rateLimit: { limit: 60, windowMs: 1_000 } },
  })
  const midway = new Promise<void>((resolve) => {
    const off = shell.core.onEvent((channel, payload) => {
      if (channel === 'sync:progress' && (payload as SyncStatus).requests >= 8) {
        off()
        resolve()
      }
    })
  })
  const added = await shell.core.dispatch(
    'accounts:add',
    { token: sandbox.tokens.owner!, baseUrl: sandbox.url, label: 'Agency' },
    { transport: 'test' },
  )
  if (!added.ok) throw new Error(added.error.reason)
  const accountId = (added.value as { id: string }).id
  await midway

  process.kill(firstPid, 'SIGKILL')
  const banner = app.getByTestId('core-status-banner')
  await expect(banner).toBeVisible()
  await expect(banner).toHaveAttribute('data-state', 'restarted', { timeout: 30_000 })
  await expect(banner).toContainText('The sync continues where it stopped.')
  expect(shell.core.pid).not.toBe(firstPid)
  await app.screenshot({ path: testInfo.outputPath('core-restarted.png'), animations: 'disabled' })

  // The new host resumed the sync by itself, with the token kept by the shell.
  await shell.core.whenIdle(accountId)
  const status = await shell.core.dispatch('sync:status', {}, { transport: 'test' })
  const mine = (status.ok ? (status.value as SyncStatus[]) : []).find((s) => s.accountId === accountId)
  expect(mine).toMatchObject({ state: 'idle', issues: [] })
  expect(mine?.lastSyncAt).not.toBeNull()
  await app.getByRole('button', { name: 'Dismiss' }).click()
  await expect(banner).toHaveCount(0)
})
