import type { Sandbox } from '../../../electron/sandbox'
import { auditA11y } from '../axe'
import { test, expect, withCache } from '../fixtures'
import { fleetSandbox, setTheme, shots } from '../helpers'

let sandbox: Sandbox | undefined
test.afterEach(async () => {
  await sandbox?.stop()
  sandbox = undefined
})

test('home, inventory and hygiene across 150 clients', async ({ app, shell }, testInfo) => {
  test.setTimeout(300_000)
  const fleet = await fleetSandbox(shell, { orgs: 150 })
  sandbox = fleet.sandbox
  const { accountId } = fleet
  const agency = sandbox.data.agencyAccountId
  // Unpaid invoices in the ledger (as a Manager CSV import would leave them), in two currencies.
  withCache(shell, (db) => {
    const insert = db.prepare(
      `INSERT INTO billing_invoices (account_id, org_id, number, issue_date, excl_cents, vat_cents, incl_cents, currency, status, source)
       VALUES (?, ?, ?, '2026-10-01', 0, 0, ?, ?, ?, 'csv')`,
    )
    const orgIds = db
      .prepare('SELECT id FROM orgs WHERE account_id = ? ORDER BY id LIMIT 12')
      .pluck()
      .all(accountId) as number[]
    orgIds.forEach((id, i) =>
      insert.run(
        accountId,
        id,
        `INV-${i}`,
        12_345 + i * 1_000,
        i % 3 === 0 ? 'EUR' : 'CHF',
        i % 2 === 0 ? 'unpaid' : 'paid',
      ),
    )
  })
  const base = app.url().replace(/#.*$/, '')

  // Home is the default screen once an account exists.
  await app.goto(`${base}#/`)
  await expect(app).toHaveURL(/#\/home$/)
  await expect(app.getByRole('heading', { level: 1, name: 'All clients' })).toBeVisible()
  const rows = app.getByTestId('home-row')
  await expect(rows.first()).toBeVisible()
  await expect(app.getByTestId('home-count')).toHaveText('150 clients shown')
  // Virtualized: a window of rows, not 150.
  expect(await rows.count()).toBeLessThan(60)
  await expect(app.getByTestId('tile-unpaid')).toContainText('CHF')
  await expect(app.getByTestId('tile-unpaid')).toContainText('EUR')
  await shots(app, testInfo, 'home-all-clients')
  await auditA11y(app, testInfo, 'home')

  // Sort by hygiene score (lowest first), filter by role, then open the products behind a number.
  await app.getByRole('button', { name: 'Hygiene' }).click()
  await expect(app.getByRole('columnheader', { name: /Hygiene/ })).toHaveAttribute('aria-sort', 'ascending')
  await app.getByTestId('home-search').fill('agence')
  await expect(app.getByTestId('home-count')).toContainText('of 150 clients shown')
  await shots(app, testInfo, 'home-filtered')
  await app.getByTestId('home-search').fill('')
  await app.getByText('Needs attention', { exact: true }).click()
  await expect(app.getByTestId('home-count')).toContainText('of 150 clients shown')
  await app.getByText('Needs attention', { exact: true }).click()
  const agencyName = sandbox.data.orgs.find((o) => o.id === agency)!.name
  await app.getByTestId('home-search').fill(agencyName)
  const agencyRow = rows.filter({ hasText: agencyName }).first()
  await expect(agencyRow).toBeVisible()
  await agencyRow.getByRole('link', { name: /products of/ }).click()
  await expect(app).toHaveURL(new RegExp(`#/inventory\\?client=${encodeURIComponent(`${accountId}:${agency}`)}`))

  // The inventory, filtered to that client by the link.
  await expect(app.getByRole('heading', { level: 1, name: 'All products' })).toBeVisible()
  const invRows = app.getByTestId('inventory-row')
  await expect(invRows.first()).toBeVisible()
  const clientCount = Number(
    (await app.getByTestId('inventory-count').textContent())?.split(' ')[0]?.replace(/\D/g, ''),
  )
  expect(clientCount).toBeGreaterThan(0)
  await expect(invRows.first()).toContainText(agencyName)
  // Clear filters: the whole fleet, virtualized and paged from the core.
  await app.getByRole('button', { name: 'Clear filters' }).click()
  await expect(app.getByTestId('inventory-count')).toContainText(/of [\d,'’]+ products/)
  expect(await invRows.count()).toBeLessThan(80)
  await shots(app, testInfo, 'inventory-all')
  await auditA11y(app, testInfo, 'inventory')
  // Type + expiry window; sort by expiry; choose columns; save the view.
  await app.getByTestId('inventory-expiry').click()
  await app.getByRole('option', { name: 'Within 90 days' }).click()
  await app.getByRole('button', { name: /^Expiry/ }).click()
  await expect(app.getByRole('columnheader', { name: /Expiry/ })).toHaveAttribute('aria-sort', 'ascending')
  await app.getByTestId('inventory-columns').click()
  await app.getByRole('checkbox', { name: 'Tags' }).check()
  await app.getByRole('checkbox', { name: 'Domain' }).check()
  await app.keyboard.press('Escape')
  await app.getByTestId('inventory-save-view').click()
  await app.getByTestId('inventory-view-name').fill('Next 90 days')
  await app.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(app.getByText('View “Next 90 days” saved.')).toBeVisible()
  await expect(app.getByTestId('inventory-views')).toHaveValue('Next 90 days')
  await shots(app, testInfo, 'inventory-filtered-view')
  // Export exactly what is shown.
  const download = app.waitForEvent('download')
  await app.getByRole('button', { name: 'Export CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^switchboard-products-.*\.csv$/)
  // The drawer from the inventory.
  await invRows.first().click()
  await expect(app.getByRole('dialog')).toContainText('Product id')
  await shots(app, testInfo, 'inventory-product-drawer')
  await app.keyboard.press('Escape')

  // Hygiene: grouped by rule then client, counts, scores; accept a risk with a reason.
  await app.goto(`${base}#/access/hygiene`)
  const ruleRows = app.getByTestId('hygiene-rule-row')
  await expect(ruleRows.first()).toBeVisible()
  await expect(app.getByTestId('hygiene-client-row').first()).toBeVisible()
  await shots(app, testInfo, 'hygiene-grouped')
  await auditA11y(app, testInfo, 'hygiene-report')
  const firstClient = app.getByTestId('hygiene-client-row').first()
  await firstClient.getByRole('button', { expanded: false }).click()
  const finding = app.getByTestId('hygiene-finding').first()
  await expect(finding).toBeVisible()
  await shots(app, testInfo, 'hygiene-expanded')
  const openBefore = Number((await app.getByTestId('total-high').textContent())?.replace(/\D/g, '')) || 0
  await finding.getByTestId('finding-decide').click()
  await app.getByRole('radio', { name: 'Accept the risk' }).check()
  await app.getByTestId('decision-reason').fill('Hardware key kept in the office safe')
  await shots(app, testInfo, 'hygiene-decision')
  await app.getByTestId('decision-confirm').click()
  await expect(app.getByText('1 finding decided.')).toBeVisible()
  await app
    .getByTestId('hygiene-status')
    .getByText(/Accepted or snoozed/)
    .click()
  await expect(app.getByTestId('hygiene-client-row').first()).toBeVisible()
  expect(openBefore).toBeGreaterThanOrEqual(0)
  // The client opened above stays open in the other view.
  await expect(app.getByTestId('finding-decision').first()).toHaveText('Risk accepted')
  await shots(app, testInfo, 'hygiene-decided')

  // Severity and client filters come from the address (as Home's numbers link them).
  await app.goto(`${base}#/access/hygiene?severity=high&rule=no_2fa`)
  await expect(app.getByTestId('severity-high')).toBeChecked()
  await expect(ruleRows).toHaveCount(1)
  await setTheme(app, 'light')
})
