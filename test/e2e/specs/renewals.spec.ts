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
  test.setTimeout(120_000)
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
  const listed = await shell.core.dispatch(
    'renewals:list',
    { withinDays: 90, includeExpiredDays: 30 },
    { transport: 'test' },
  )
  const rows = (listed.ok ? listed.value : []) as RenewalRow[]
  expect(rows.length).toBeGreaterThan(3)

  const base = app.url().replace(/#.*$/, '')
  await app.goto(`${base}#/renewals`)
  await expect(app.getByRole('heading', { name: 'Renewals across all clients' })).toBeVisible()
  await expect(app.getByTestId('renewals-count')).toHaveText(`${rows.length} products`)
  await expect(app.getByTestId('renewal-row').first()).toBeVisible()
  await app.screenshot({ path: testInfo.outputPath('renewals-light.png'), animations: 'disabled' })

  // CSV export: parses, and lists exactly what the screen lists.
  const [csvDownload] = await Promise.all([
    app.waitForEvent('download'),
    app.getByRole('button', { name: 'Export CSV' }).click(),
  ])
  const csvPath = testInfo.outputPath(csvDownload.suggestedFilename())
  await csvDownload.saveAs(csvPath)
  const table = parse(readFileSync(csvPath, 'utf8'), { bom: true }) as string[][]
  expect(table[0]).toEqual(['Organization', 'Product', 'Type', 'Expiry date', 'Days left', 'Status'])
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

  // Group by month and filter.
  await app.getByText('Month', { exact: true }).click()
  await expect(app.getByRole('heading', { level: 2 }).first()).toHaveText(/^\d{4}-\d{2}$/)
  await app.getByLabel('Filter by client, product or type').fill(rows[0]!.customerName)
  await expect(app.getByTestId('renewal-row').first()).toContainText(rows[0]!.customerName)
  await app.getByLabel('Filter by client, product or type').fill('')

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
