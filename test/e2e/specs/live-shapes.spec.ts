/**
 * The app against a sandbox serving the live shapes (reference §15 variants): partner organisation types show
 * their Manager labels, never "unknown"; with per-product rights not offered, the matrix says so and still
 * shows rights through teams.
 */
import { startSandbox, type Sandbox } from '../../../electron/sandbox'
import { test, expect } from '../fixtures'

let sandbox: Sandbox | undefined
test.afterEach(async () => {
  await sandbox?.stop()
  sandbox = undefined
})

test('coverage notice in the matrix, partner roles in the switcher', async ({ app, shell }, testInfo) => {
  test.setTimeout(180_000)
  await app.setViewportSize({ width: 1280, height: 800 })
  sandbox = await startSandbox({
    seed: 11,
    scale: 'demo',
    orgs: 8,
    profile: 'live-shapes',
    // Per-product rights never offered: the matrix can only show rights through teams.
    settings: { rateLimit: { limit: 60, windowMs: 1_000 }, shapes: { productUsers: 'never' } },
  })
  const agency = sandbox.data.agencyAccountId
  const added = await shell.core.dispatch(
    'accounts:add',
    { token: sandbox.tokens.owner!, baseUrl: sandbox.url, label: 'Agence' },
    { transport: 'test' },
  )
  if (!added.ok) throw new Error(added.error.reason)
  const accountId = (added.value as { id: string }).id
  await shell.core.whenIdle(accountId)
  const base = app.url().replace(/#.*$/, '')

  await app.goto(`${base}#/org/${encodeURIComponent(accountId)}/${agency}/access`)
  const notice = app.getByTestId('coverage-notice')
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('Per-product rights are not available from the API')
  await expect(notice).toContainText('rights through teams are shown')
  // Team rights still appear.
  await expect(app.getByTestId('matrix-row').first()).toBeVisible()
  await app.screenshot({ path: testInfo.outputPath('matrix-coverage-light.png') })

  // The switcher: partner organisations carry their Manager labels.
  await app.getByTestId('org-slot').click()
  await expect(app.getByTestId('org-search')).toBeVisible()
  const switcher = app.getByTestId('switcher-list')
  await expect(switcher).toBeVisible()
  await expect(switcher.getByTestId('role-badge').filter({ hasText: 'Partner, full access' }).first()).toBeVisible()
  await expect(switcher).not.toContainText('Unknown role')
  const roles = await switcher
    .getByTestId('role-badge')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-role')))
  expect(roles).toContain('partner_admin')
  await app.screenshot({ path: testInfo.outputPath('switcher-partner-roles-light.png') })
})
