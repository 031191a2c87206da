import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from '../fixtures'

interface Org {
  accountId: string
  id: number
  name: string
}

/** Starts the demo account through the bridge and waits until its organizations are cached. */
async function demoOrgs(app: Page): Promise<Org[]> {
  await app.evaluate(async () => {
    const r = await window.api?.invoke('demo:start', {})
    if (!r?.ok) throw new Error('demo:start failed')
  })
  let orgs: Org[] = []
  await expect
    .poll(
      async () => {
        orgs = await app.evaluate(async () => {
          const r = await window.api?.invoke('orgs:list', {})
          return r?.ok ? (r.value as Org[]) : []
        })
        return orgs.length
      },
      { timeout: 60_000 },
    )
    .toBeGreaterThanOrEqual(3)
  return orgs
}

test('billing: import a Manager CSV, see the overview, export CSV, XLSX and PDF', async ({ app }, testInfo) => {
  test.setTimeout(150_000)
  const orgs = await demoOrgs(app)
  const [a, b, c] = orgs
  if (!a || !b || !c) throw new Error('the demo has too few organizations')
  const year = new Date().getFullYear()

  // A French Manager export: semicolons, Swiss numbers, dd.mm.yyyy, one name in capitals without accents.
  const csv = [
    'N° de facture;Client;Date de facture;Échéance;Montant HT;TVA;Montant TTC;Devise;Statut',
    `E2E-1;${a.name};15.01.${year};14.02.${year};1'000.00;81.00;1'081.00;CHF;Payée`,
    `E2E-2;${a.name.toUpperCase()};15.02.${year};17.03.${year};2'500.00;202.50;2'702.50;CHF;Impayée`,
    `E2E-3;${b.name};03.03.${year};02.04.${year};1'234.50;100.00;1'334.50;EUR;Payée`,
    `E2E-4;${c.name};10.04.${year};10.05.${year};400.00;32.40;432.40;EUR;Impayée`,
  ].join('\r\n')
  const file = testInfo.outputPath('manager-export.csv')
  writeFileSync(file, `\ufeff${csv}\r\n`)

  await app.getByRole('link', { name: 'Billing' }).click()
  await expect(app.getByRole('heading', { name: 'Billing' })).toBeVisible()
  await app.getByRole('tab', { name: 'Invoices and import' }).click()
  await app.locator('input[type="file"]').first().setInputFiles(file)
  await expect(app.getByTestId('import-detected')).toContainText('4 rows, 4 valid')
  await app.screenshot({ path: testInfo.outputPath('billing-import-preview.png'), fullPage: true })
  await app.getByTestId('import-commit').click()
  await expect(app.getByText('4 invoices imported, 0 already in the ledger.')).toBeVisible()
  await expect(app.getByTestId('ledger')).toContainText('E2E-3')

  // Importing the same file again adds nothing.
  await app.locator('input[type="file"]').first().setInputFiles(file)
  await expect(app.getByText('This exact file was already imported')).toBeVisible()

  // Overview: totals per currency, never added together.
  await app.getByRole('tab', { name: 'Overview' }).click()
  await expect(app.getByTestId('total-CHF')).toContainText("CHF 3'783.50")
  await expect(app.getByTestId('total-EUR')).toContainText("EUR 1'766.90")
  await expect(app.getByTestId('per-client')).toContainText(a.name)
  await expect(app.getByTestId('chart-CHF')).toBeVisible()
  await app.screenshot({ path: testInfo.outputPath('billing-overview.png'), fullPage: true })

  // Exports: each format arrives as a download.
  await app.getByRole('tab', { name: 'Exports' }).click()
  await app.getByTestId('partner-name').fill('Agence Léman Web')
  await app.getByTestId('profile-save').click()
  await expect(app.getByText('Profile saved')).toBeVisible()
  await app.screenshot({ path: testInfo.outputPath('billing-exports.png'), fullPage: true })
  const download = async (testId: string) => {
    const [d] = await Promise.all([app.waitForEvent('download'), app.getByTestId(testId).click()])
    const path = testInfo.outputPath(d.suggestedFilename())
    await d.saveAs(path)
    return { name: d.suggestedFilename(), path }
  }
  const csvOut = await download('export-csv')
  expect(csvOut.name).toBe(`billing-${year}-01-01-${year}-12-31.csv`)
  const csvText = readFileSync(csvOut.path, 'utf8')
  expect(csvText.charCodeAt(0)).toBe(0xfeff)
  expect(csvText).toContain('E2E-2')
  expect(csvText).toContain('2702.50')

  const xlsx = await download('export-xlsx')
  expect(readFileSync(xlsx.path).subarray(0, 2).toString()).toBe('PK')

  const pdf = await download('export-pdf')
  const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' })
  expect(text).toContain('Statement of account')
  expect(text).toContain('Agence Léman Web')
  expect(text).toContain(b.name)
  expect(join(pdf.name)).toMatch(/\.pdf$/)

  // Price list and renewal forecast, once the demo sync has cached the products.
  await expect(app.getByTestId('sync-indicator')).toHaveCount(0, { timeout: 90_000 })
  await app.evaluate(async (accountId) => {
    const services = await window.api?.invoke('billing:services', { accountId })
    const names = services?.ok ? (services.value as string[]) : []
    await window.api?.invoke('billing:prices-set', {
      accountId,
      entries: names.flatMap((serviceName) => [
        { serviceName, period: 'yearly', currency: 'CHF', priceCents: 24_000 },
        { serviceName, period: 'monthly', currency: 'EUR', priceCents: 1_500 },
      ]),
    })
  }, a.accountId)
  await app.getByRole('tab', { name: 'Price list' }).click()
  await expect(app.getByTestId('price-list').getByRole('row')).not.toHaveCount(1)
  await app.getByRole('tab', { name: 'Renewal forecast' }).click()
  await expect(app.getByTestId('forecast-table')).toBeVisible()
  await expect(app.getByTestId('forecast-total-CHF')).toBeVisible()

  // French: the same overview, every label translated.
  await app.evaluate(async () => {
    await window.api?.invoke('settings:set', { patch: { language: 'fr' } })
  })
  await app.getByRole('tab', { name: 'Aperçu' }).click()
  await expect(app.getByRole('heading', { name: 'Facturation' })).toBeVisible()
  await app.getByRole('tab', { name: 'Seuil partenaire' }).click()
  await expect(app.getByText('Seuil du programme partenaire')).toBeVisible()
  await app.screenshot({ path: testInfo.outputPath('billing-overview-fr.png'), fullPage: true })
})

test('billing: forecast from today, truthful gauge and margins (screenshots)', async ({ app }, testInfo) => {
  test.setTimeout(240_000)
  const orgs = await demoOrgs(app)
  await expect(app.getByTestId('sync-indicator')).toHaveCount(0, { timeout: 120_000 })
  const accountId = orgs[0]?.accountId ?? ''
  // Resale and purchase prices for every service (monthly in EUR for some), and one client invoiced in EUR.
  const eurClient = await app.evaluate(async (account) => {
    const api = window.api
    if (!api) throw new Error('no bridge')
    const services = await api.invoke('billing:services', { accountId: account })
    const names = services.ok ? (services.value as string[]) : []
    await api.invoke('billing:prices-set', {
      accountId: account,
      entries: names.flatMap((serviceName, i) => [
        {
          serviceName,
          period: 'yearly',
          currency: 'CHF',
          priceCents: 18_000 + i * 2_500,
          purchaseCents: Math.round((18_000 + i * 2_500) * (0.62 + (i % 4) * 0.07)),
        },
        ...(i % 3 === 2
          ? []
          : [{ serviceName, period: 'monthly', currency: 'EUR', priceCents: 1_500 + i * 200, purchaseCents: null }]),
      ]),
    })
    const gauge = await api.invoke('billing:gauge', { accountId: account })
    const clients = gauge.ok
      ? [
          ...new Set(
            (gauge.value as { items: { orgId: number; excluded: string | null }[] }).items
              .filter((i) => i.excluded === null)
              .map((i) => i.orgId),
          ),
        ]
      : []
    const eur = clients[1] ?? clients[0] ?? 0
    await api.invoke('billing:currency-set', { accountId: account, orgId: eur, currency: 'EUR' })
    return eur
  }, accountId)
  expect(eurClient).toBeGreaterThan(0)

  await app.getByRole('link', { name: 'Billing' }).click()
  await app.getByRole('tab', { name: 'Renewal forecast' }).click()
  // The forecast looks ahead: from today, twelve months.
  const today = new Date()
  const iso = (d: Date): string =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  await expect(app.getByTestId('forecast-from')).toHaveValue(iso(today))
  await expect(app.getByTestId('forecast-total-CHF')).toBeVisible()
  await expect(app.getByTestId('forecast-chart-CHF')).toBeVisible()
  // Every month of the period, zero months included: 12, or 13 when the period starts after the 1st.
  await expect(app.getByTestId('forecast-chart-CHF').locator('svg > g:has(title)')).toHaveCount(
    today.getDate() === 1 ? 12 : 13,
  )
  await expect(app.getByTestId('forecast-missing')).toContainText('No price in EUR for')
  await app.screenshot({ path: testInfo.outputPath('billing-forecast-light.png'), animations: 'disabled' })
  const [download] = await Promise.all([app.waitForEvent('download'), app.getByTestId('forecast-export-xlsx').click()])
  expect(download.suggestedFilename()).toMatch(/^forecast-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/)

  await app.getByRole('tab', { name: 'Partner gauge' }).click()
  await expect(app.getByTestId('gauge-CHF')).toBeVisible()
  await expect(app.getByTestId('gauge-explain')).toContainText('client organisations under a partnership')
  await expect(app.getByTestId('gauge-explain')).toContainText('Your own organisation')
  await expect(app.getByTestId('gauge-items').getByRole('row')).not.toHaveCount(1)
  await app.screenshot({ path: testInfo.outputPath('billing-gauge-light.png'), animations: 'disabled' })

  await app.getByRole('tab', { name: 'Margins' }).click()
  await expect(app.getByTestId('margin-total-CHF')).toContainText('Margin')
  await expect(app.getByTestId('margins-per-client')).toBeVisible()
  await app.screenshot({ path: testInfo.outputPath('billing-margin-light.png'), animations: 'disabled' })
})
