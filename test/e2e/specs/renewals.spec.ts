import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import ICAL from 'ical.js'
import { startSandbox, type Sandbox } from '../../../electron/sandbox'
import type { RenewalRow } from '../../../shared/domain/renewals'
import { test, expect } from '../fixtures'

let sandbox: Sandbox | undefined
test.afterEach(async () => {
  await sandbox?.stop()
  sandbox = undefined
})

test('renewals across clients: grouped list, CSV and ICS exports that match the screen, offline and recovery', async ({
  app,
  shell,
}, testInfo) => {
  test.setTimeout(180_000)
  sandbox = await startSandbox({
    seed: 17,
    scale: 'demo',
    orgs: 10,
    settings: { rateLimit: { limit: 60, windowMs: 1_000 } },
  })
  const added = await shell.core.dispatch(
    'accounts:add',
    { token: sandbox.tokens.owner!, baseUrl: sandbox.url },
    { transport: 'test' },
  )
  if (!added.ok) throw new Error(added.error.reason)
  const accountId = (added.value as { id: string }).id
  await shell.core.whenIdle(accountId)
  // A price list for some services (CHF: clients without invoices are billed in CHF); the others have no price.
  const priced = ['domain', 'web_hosting', 'email_hosting', 'ksuite']
  const prices = await shell.core.dispatch(
    'billing:prices-set',
    {
      accountId,
      entries: priced.map((serviceName, i) => ({
        serviceName,
        period: 'yearly',
        currency: 'CHF',
        priceCents: 2_000 + i * 11_000,
        purchaseCents: null,
      })),
    },
    { transport: 'test' },
  )
  if (!prices.ok) throw new Error(prices.error.reason)
  const listed = await shell.core.dispatch(
    'renewals:list',
    { withinDays: 90, includeExpiredDays: 30 },
    { transport: 'test' },
  )
  const rows = (listed.ok ? listed.value : []) as RenewalRow[]
  expect(rows.length).toBeGreaterThan(3)
  expect(rows.some((r) => r.price.cents !== null)).toBe(true)
  expect(rows.some((r) => r.price.cents === null)).toBe(true)

  const base = app.url().replace(/#.*$/, '')
  await app.goto(`${base}#/renewals`)
  await expect(app.getByRole('heading', { name: 'Renewals across all clients' })).toBeVisible()
  await expect(app.getByTestId('renewals-count')).toHaveText(`${rows.length} products`)
  await expect(app.getByTestId('renewal-row').first()).toBeVisible()
  // Prices from the price list, "No price" (never 0) otherwise; the type by its catalogue name.
  await expect(
    app
      .getByTestId('renewal-price')
      .filter({ hasText: /^CHF \d+\.\d{2} \/ year$/ })
      .first(),
  ).toBeVisible()
  await expect(app.getByTestId('renewal-price').filter({ hasText: 'No price' }).first()).toBeVisible()
  await expect(app.getByTestId('renewal-row').filter({ hasText: /web_hosting|email_hosting|ksuite/ })).toHaveCount(0)
  // Group badges say what they count in words.
  await expect(app.getByTestId('renewal-group').first()).toContainText(/expired|within 7 days|within 30 days|later/)
  await app.screenshot({ path: testInfo.outputPath('renewals-light.png'), animations: 'disabled' })

  // CSV export: parses, and lists exactly what the screen lists.
  const [csvDownload] = await Promise.all([
    app.waitForEvent('download'),
    app.getByRole('button', { name: 'Export CSV' }).click(),
  ])
  const csvPath = testInfo.outputPath(csvDownload.suggestedFilename())
  await csvDownload.saveAs(csvPath)
  const table = parse(readFileSync(csvPath, 'utf8'), { bom: true }) as string[][]
  expect(table[0]).toEqual([
    'Organization',
    'Product',
    'Type',
    'Expiry date',
    'Days left',
    'Status',
    'Renewal',
    'Currency',
    'Price per year',
  ])
  expect(table.length - 1).toBe(rows.length)
  expect(new Set(table.slice(1).map((r) => r[1]))).toEqual(new Set(rows.map((r) => r.customerName)))

  // ICS export: a calendar parser accepts it, one event per product.
  const [icsDownload] = await Promise.all([
    app.waitForEvent('download'),
    app.getByRole('button', { name: 'Export calendar (ICS)' }).click(),
  ])
  const icsPath = testInfo.outputPath(icsDownload.suggestedFilename())
  await icsDownload.saveAs(icsPath)
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(icsPath, 'utf8')))
  expect(calendar.getAllSubcomponents('vevent')).toHaveLength(rows.length)

  // A row opens the product drawer, with the keyboard.
  const first = app.getByTestId('renewal-row').first()
  const firstName = (await first.getByTestId('renewal-open').innerText()).trim()
  await first.getByTestId('renewal-open').focus()
  await app.keyboard.press('Enter')
  const drawer = app.getByRole('dialog', { name: firstName })
  await expect(drawer).toBeVisible()
  await app.screenshot({ path: testInfo.outputPath('renewals-drawer-light.png'), animations: 'disabled' })
  await app.keyboard.press('Escape')
  await expect(drawer).toBeHidden()

  // "Renew in the Manager": the browser shell never opens external pages, so the address is offered to copy.
  await first.getByTestId('renewal-manager').click()
  await expect(app.getByTestId('renewal-manager-url')).toContainText(
    /^.*https:\/\/manager\.infomaniak\.com\/v3\/\d+\/accounts\/accounting\/renewal/,
  )
  await app.keyboard.press('Escape')
  await expect(app.getByTestId('renewal-manager-url')).toBeHidden()

  // Select: one row, then shift-click a third (a range of three), then export and copy the selection.
  const boxes = app.getByTestId('renewal-select')
  await boxes.nth(0).click()
  await boxes.nth(2).click({ modifiers: ['Shift'] })
  await expect(app.getByTestId('renewals-selection')).toContainText('3 selected')
  await app.screenshot({ path: testInfo.outputPath('renewals-selected-light.png'), animations: 'disabled' })
  const [selDownload] = await Promise.all([
    app.waitForEvent('download'),
    app.getByRole('button', { name: 'Export selection (CSV)' }).click(),
  ])
  const selPath = testInfo.outputPath(`selection-${selDownload.suggestedFilename()}`)
  await selDownload.saveAs(selPath)
  expect((parse(readFileSync(selPath, 'utf8'), { bom: true }) as string[][]).length - 1).toBe(3)
  await app.getByRole('button', { name: 'Copy client-ready list' }).click()
  const copyText = app.getByTestId('renewals-copy-text')
  await expect(copyText).toHaveValue(/^Renewals as of .+\n\n.+\n- .+: (renews|expired) on \d{1,2} [A-Z][a-z]{2} \d{4}/)
  expect(await copyText.inputValue()).not.toMatch(/web_hosting|email_hosting|ksuite|\b0\.00\b/)
  await app.getByTestId('renewals-copy-language').click()
  await app.getByRole('option', { name: 'Français' }).click()
  await expect(copyText).toHaveValue(/^Renouvellements au /)
  await app.keyboard.press('Escape')
  await app.getByRole('button', { name: 'Clear selection' }).click()
  await expect(app.getByTestId('renewals-selection')).toHaveCount(0)

  // 900 px wide: rows stack client, type and status under the product; nothing is cut off sideways.
  await app.setViewportSize({ width: 900, height: 800 })
  await expect(first.getByTestId('renewal-manager')).toBeVisible()
  const overflow = await app
    .getByRole('list', { name: 'Renewals, grouped' })
    .evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await app.screenshot({ path: testInfo.outputPath('renewals-900-light.png'), animations: 'disabled' })
  await app.setViewportSize({ width: 1280, height: 800 })

  // Group by month (month names in the UI language) and filter.
  await app.getByText('Month', { exact: true }).click()
  await expect(app.getByRole('heading', { level: 2 }).first()).toHaveText(/^[A-Z][a-z]+ \d{4}$/)
  await app.getByLabel('Filter by client, product or type').fill(rows[0]!.customerName)
  await expect(app.getByTestId('renewal-row').first()).toContainText(rows[0]!.customerName)
  await app.getByLabel('Filter by client, product or type').fill('')
  await app.getByText('Client', { exact: true }).click()

  // Home's "expiring in 30 days" link: one client, 30 days; the filter is shown and can be cleared.
  const client = rows.find((r) => r.daysLeft <= 30)!
  const ofClient = rows.filter((r) => r.accountId === client.accountId && r.orgId === client.orgId && r.daysLeft <= 30)
  await app.goto(`${base}#/settings`)
  await app.goto(
    `${base}#/renewals?${new URLSearchParams([
      ['client', `${client.accountId}:${client.orgId}`],
      ['within', '30'],
    ]).toString()}`,
  )
  await expect(app.getByTestId('renewals-client-filter')).toContainText(`Only ${client.orgName}`)
  await expect(app.getByTestId('renewals-count')).toHaveText(
    `${ofClient.length} product${ofClient.length === 1 ? '' : 's'}`,
  )
  await app.getByRole('button', { name: 'Show all clients' }).click()
  await expect(app.getByTestId('renewals-client-filter')).toHaveCount(0)
  await app.goto(`${base}#/settings`)
  await app.goto(`${base}#/renewals`)
  await expect(app.getByTestId('renewals-count')).toHaveText(`${rows.length} products`)

  // Dark theme screenshot.
  await app.evaluate(async () => {
    await window.api?.invoke('settings:set', { patch: { theme: 'dark' } })
  })
  await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await app.screenshot({ path: testInfo.outputPath('renewals-dark.png'), animations: 'disabled' })

  // Offline: the API drops every connection. The banner says so; cached data stays readable.
  sandbox.control.setFaults({ dropConnectionRate: 1 })
  await shell.core.dispatch('sync:start', { accountId }, { transport: 'test' })
  await expect(app.getByTestId('offline-banner')).toBeVisible({ timeout: 20_000 })
  await expect(app.getByTestId('offline-banner')).toContainText('Offline since')
  await expect(app.getByTestId('renewal-row').first()).toBeVisible()
  await app.screenshot({ path: testInfo.outputPath('renewals-offline-dark.png'), animations: 'disabled' })

  // Recovery: the API is back; the sync resumes by itself and the banner goes away.
  sandbox.control.clearFaults()
  await expect(app.getByTestId('offline-banner')).toHaveCount(0, { timeout: 30_000 })
  await expect(app.getByTestId('renewals-count')).toHaveText(`${rows.length} products`)
})
