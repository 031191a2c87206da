/**
 * Issue 18, first sync: the organisations are listed at once, the header counts the organisations whose products
 * have arrived while pages fill in, and an organisation opened mid-sync gets its products first.
 * Small pages and a slow sandbox make the products listing last long enough to watch.
 */
import { startSandbox, type Sandbox } from '../../../electron/sandbox'
import { test, expect, withCache } from '../fixtures'

let sandbox: Sandbox | undefined
test.afterEach(async () => {
  await sandbox?.stop()
  sandbox = undefined
})

test('first sync: progress while products arrive, the opened organisation first', async ({ app, shell }, testInfo) => {
  test.setTimeout(180_000)
  await app.setViewportSize({ width: 1280, height: 800 })
  sandbox = await startSandbox({
    seed: 21,
    scale: 'demo',
    orgs: 20,
    settings: { rateLimit: { limit: 60, windowMs: 1_000 }, maxPerPage: 5 },
    faults: { latencyMs: 600 },
  })
  const added = await shell.core.dispatch(
    'accounts:add',
    { token: sandbox.tokens.owner!, baseUrl: sandbox.url, label: 'Agence' },
    { transport: 'test' },
  )
  if (!added.ok) throw new Error(added.error.reason)
  const accountId = (added.value as { id: string }).id
  const base = app.url().replace(/#.*$/, '')

  // Organisations listed, products filling in: the header counts them.
  const progress = app.getByTestId('first-sync-progress')
  await expect(progress).toContainText(/Products of \d+ of 20 organisations \(page [1-9]\d* of \d+\)/, {
    timeout: 30_000,
  })
  // An organisation whose products have not arrived yet.
  const empty = withCache(shell, (db) =>
    db
      .prepare<[string], { id: number }>(
        'SELECT id FROM orgs WHERE account_id = ? AND product_count = 0 ORDER BY id DESC',
      )
      .all(accountId)
      .map((o) => o.id),
  )
  const orgId = empty.find((id) => sandbox!.data.products.filter((p) => p.accountId === id).length >= 2)
  expect(orgId).toBeDefined()
  // The switcher: every organisation listed, those without their products yet marked.
  await app.getByTestId('org-slot').click()
  const switcher = app.getByTestId('switcher-list')
  await expect(switcher).toContainText('Products incomplete')
  await expect(progress).toBeVisible()
  await app.screenshot({ path: testInfo.outputPath('first-sync-progress-light.png') })
  await app.keyboard.press('Escape')
  await app.goto(`${base}#/org/${encodeURIComponent(accountId)}/${orgId}/overview`)

  // Opened mid-sync, the organisation gets its products before the listing reaches it.
  await expect(app.getByTestId('org-products-arriving')).toHaveCount(0, { timeout: 20_000 })
  await expect(app.getByTestId('stat-products')).not.toHaveText('0')
  await expect(app.getByTestId('org-products-freshness')).toContainText('Products listed')
  // ...while the account-wide listing is still running.
  await expect(progress).toBeVisible()
  // ...and its users and teams, before the account-wide listing goes on.
  await expect(app.getByTestId('stat-users')).not.toHaveText('0', { timeout: 20_000 })
  await app.mouse.move(640, 600)
  await app.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await app.screenshot({ path: testInfo.outputPath('first-sync-focused-org-light.png') })
  const focused = sandbox.requests
    .list({ pathPrefix: '/1/products' })
    .filter((r) => r.path.includes(`account_id=${orgId}`))
  // Its own listing (5 products a page here), each page asked once.
  expect(focused.length).toBeGreaterThan(0)
  expect(new Set(focused.map((r) => r.path)).size).toBe(focused.length)
  // Its teams come right after its users (the screen shows users first).
  await expect
    .poll(() => sandbox!.requests.list().some((r) => r.path.startsWith(`/1/accounts/${orgId}/teams`)), {
      timeout: 20_000,
    })
    .toBe(true)
  const log = sandbox.requests.list()
  const from = log.indexOf(focused[0]!)
  const teams = log.findIndex((r) => r.path.startsWith(`/1/accounts/${orgId}/teams`))
  const between = log
    .slice(from, teams)
    .filter((r) => r.path.startsWith('/1/products') && !r.path.includes('account_id='))
  expect(teams).toBeGreaterThan(from)
  expect(between).toEqual([])
})
