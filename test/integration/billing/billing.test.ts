import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { InvokeChannel } from '../../../shared/ipc/channels'
import type { InvokeInput, InvokeOutput } from '../../../shared/ipc/contract'
import { testCore } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'

/**
 * Registers a fixture (or the given bytes) as the file the user chose and answers its id: files
 * never travel through IPC, the core reads them from disk.
 */
async function fileOf(name: string, bytes?: Buffer): Promise<string> {
  let path = join(__dirname, '../../fixtures/billing', name)
  if (bytes) {
    path = join(ctx.dataDir, name)
    writeFileSync(path, bytes)
  }
  return (await ctx.core.services.inbox.register(path, { fileName: name, owned: false })).fileId
}

type Ctx = ReturnType<typeof testCore>
let ctx: Ctx

async function call<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<InvokeOutput<C>> {
  const r = await ctx.core.dispatch(channel, input, { transport: 'test' })
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.reason}`)
  return r.value as InvokeOutput<C>
}

/** One account with four cached organizations and a few products. */
function seed(): void {
  const db = ctx.core.db
  db.prepare(`INSERT INTO accounts (id, label, base_url, created_at) VALUES ('acc', 'Agency', 'http://x', 0)`).run()
  const org = db.prepare(`INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES ('acc', ?, ?, 'admin', 0)`)
  for (const [id, name] of [
    [101, 'Café Müller SA'],
    [102, 'Boulangerie Dupont'],
    [103, 'Studio Rossi Sàrl'],
    [104, 'Acme GmbH'],
  ] as const)
    org.run(id, name)
  const product = db.prepare(
    `INSERT INTO products (account_id, id, org_id, service_name, customer_name, expired_at, synced_at) VALUES ('acc', ?, ?, ?, ?, ?, 0)`,
  )
  product.run(1, 101, 'web_hosting', 'cafe-muller.ch', Date.parse('2026-06-10T00:00:00Z') / 1000)
  product.run(2, 104, 'web_hosting', 'acme.de', Date.parse('2026-07-01T00:00:00Z') / 1000)
  product.run(3, 102, 'kdrive', 'drive', Date.parse('2027-07-01T00:00:00Z') / 1000)
}

beforeEach(() => {
  ctx = testCore()
  seed()
})
afterEach(() => ctx.dispose())

const invoiceCount = (): number =>
  (ctx.core.db.prepare('SELECT COUNT(*) AS n FROM billing_invoices').get() as { n: number }).n

describe('CSV import over IPC', () => {
  it('previews, imports all four languages, and re-importing adds nothing', async () => {
    const files = [
      'fr-swiss-semicolon-bom.csv',
      'de-european-semicolon-cp1252.csv',
      'it-tab-spaces.csv',
      'en-comma-client-number.csv',
      'es-comma.csv',
    ]
    let total = 0
    for (const fileName of files) {
      const preview = await call('billing:import-preview', {
        accountId: 'acc',
        fileId: await fileOf(fileName),
      })
      expect(preview.errors).toEqual([])
      expect(preview.alreadyImported).toBe(false)
      const result = await call('billing:import-commit', { accountId: 'acc', previewId: preview.previewId })
      expect(result.status).toBe('imported')
      total += result.imported
    }
    expect(total).toBe(12)
    expect(invoiceCount()).toBe(12)

    // Same file again: recognised by hash, nothing added.
    const again = await call('billing:import-commit', {
      accountId: 'acc',
      fileId: await fileOf('fr-swiss-semicolon-bom.csv'),
    })
    expect(again).toMatchObject({ status: 'duplicate_file', imported: 0 })
    const preview = await call('billing:import-preview', {
      accountId: 'acc',
      fileId: await fileOf('fr-swiss-semicolon-bom.csv'),
    })
    expect(preview.alreadyImported).toBe(true)

    // Same invoices in a different file (another encoding/format): deduplicated by number + organization.
    const reencoded = Buffer.from(
      readFileSync(join(__dirname, '../../fixtures/billing/fr-swiss-semicolon-bom.csv')).subarray(3).toString('utf8') +
        '\r\n',
    )
    const overlap = await call('billing:import-commit', {
      accountId: 'acc',
      fileId: await fileOf('copy.csv', reencoded),
    })
    expect(overlap).toMatchObject({ status: 'imported', imported: 0, skipped: 4 })
    expect(invoiceCount()).toBe(12)
  })

  it('imports nothing when any row is invalid, and reports each row', async () => {
    const preview = await call('billing:import-preview', {
      accountId: 'acc',
      fileId: await fileOf('fr-malformed.csv'),
    })
    expect(preview.rowCount).toBe(8)
    expect(preview.validCount).toBe(1)
    expect(preview.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9])
    const result = await call('billing:import-commit', { accountId: 'acc', previewId: preview.previewId })
    expect(result.status).toBe('rejected')
    expect(result.imported).toBe(0)
    expect(invoiceCount()).toBe(0)
    expect(ctx.core.db.prepare('SELECT COUNT(*) AS n FROM billing_batches').get()).toEqual({ n: 0 })
  })

  it('refuses garbage input with INVALID_INPUT', async () => {
    const r = await ctx.core.dispatch(
      'billing:import-preview',
      { accountId: 'acc', fileId: '../../etc/passwd' },
      { transport: 'test' },
    )
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT')
    // A well-formed id the core never handed out: nothing is read.
    const unknown = await ctx.core.dispatch(
      'billing:import-preview',
      { accountId: 'acc', fileId: '00000000-0000-0000-0000-000000000000' },
      { transport: 'test' },
    )
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('removing the account removes its ledger (cascade)', async () => {
    await call('billing:import-commit', {
      accountId: 'acc',
      fileId: await fileOf('es-comma.csv'),
    })
    await call('billing:prices-set', {
      accountId: 'acc',
      entries: [{ serviceName: 'web_hosting', period: 'yearly', currency: 'CHF', priceCents: 100 }],
    })
    ctx.core.db.prepare(`DELETE FROM accounts WHERE id = 'acc'`).run()
    expect(invoiceCount()).toBe(0)
    expect(ctx.core.db.prepare('SELECT COUNT(*) AS n FROM billing_prices').get()).toEqual({ n: 0 })
  })
})

describe('overview, forecast, exports', () => {
  beforeEach(async () => {
    for (const f of ['fr-swiss-semicolon-bom.csv', 'de-european-semicolon-cp1252.csv', 'en-comma-client-number.csv'])
      await call('billing:import-commit', { accountId: 'acc', fileId: await fileOf(f) })
    await call('billing:prices-set', {
      accountId: 'acc',
      entries: [
        { serviceName: 'web_hosting', period: 'yearly', currency: 'CHF', priceCents: 250_000 },
        { serviceName: 'web_hosting', period: 'yearly', currency: 'EUR', priceCents: 90_000 },
      ],
    })
    await call('billing:profile-set', {
      accountId: 'acc',
      profile: { name: 'Agence Léman Web', logoBase64: null, logoMime: null },
    })
  })

  it('keeps CHF and EUR apart in every total', async () => {
    const o = await call('billing:overview', { accountId: 'acc' })
    expect(o.perCurrency).toEqual([
      // F-001 1081 + F-002 270.25 + R-101 2162 + INV-10 1334.50 (CHF)
      {
        currency: 'CHF',
        exclCents: 100_000 + 25_000 + 200_000 + 123_450,
        inclCents: 484_775,
        unpaidCents: 27_025 + 216_200 + 133_450,
        vatUnknownCount: 0,
      },
      // F-003 1334.50 + R-100 1334.49 + INV-9 1334.49 (EUR; cancelled ones excluded)
      { currency: 'EUR', exclCents: 123_450 * 3, inclCents: 400_348, unpaidCents: 0, vatUnknownCount: 0 },
    ])
    const cafe = o.perClient.filter((c) => c.orgId === 101)
    expect(cafe).toEqual([
      { orgId: 101, orgName: 'Café Müller SA', currency: 'CHF', count: 4, exclCents: 448_450, inclCents: 484_775 },
    ])
    expect(o.perMonth.every((m) => m.currency === 'CHF' || m.currency === 'EUR')).toBe(true)
    // Every month of the period, per currency, zeros included (April's only invoice is cancelled).
    const half = await call('billing:overview', { accountId: 'acc', from: '2026-01-01', to: '2026-06-30' })
    expect([...new Set(half.perMonth.map((m) => m.month))]).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ])
    expect(half.perMonth.filter((m) => m.month >= '2026-04').every((m) => m.inclCents === 0)).toBe(true)
    expect(half.perMonth).toHaveLength(12)

    const f = await call('billing:forecast', { accountId: 'acc', from: '2026-06-01', to: '2026-12-31' })
    expect(f.rows.map((r) => [r.orgName, r.renewalDate, r.currency, r.amountCents])).toEqual([
      ['Café Müller SA', '2026-06-10', 'CHF', 250_000],
      ['Acme GmbH', '2026-07-01', 'EUR', 90_000],
    ])
    expect(f.totals.map((t) => [t.currency, t.revenueCents])).toEqual([
      ['CHF', 250_000],
      ['EUR', 90_000],
    ])
  })

  it('exports CSV with options, reporting progress', async () => {
    const progress: number[] = []
    const off = ctx.core.onEvent((channel, payload) => {
      if (channel === 'billing:export-progress') progress.push((payload as { done: number }).done)
    })
    const r = await call('billing:export', {
      accountId: 'acc',
      format: 'csv',
      from: '2026-01-01',
      to: '2026-12-31',
      orgIds: [101],
      locale: 'en',
      csv: { delimiter: '\t', decimal: ',', bom: false },
    })
    off()
    expect(r.rows).toBe(4)
    expect(progress.at(-1)).toBe(4)
    // Written by the core to disk (here its exports folder; the app: the save dialog's path).
    expect(r.downloadUrl).toBeNull()
    const rows = parse(readFileSync(r.savedPath!), { delimiter: '\t' }) as string[][]
    expect(rows[0]?.[0]).toBe('Client')
    expect(rows.slice(1).map((x) => [x[2], x[9]])).toEqual([
      ['F-2026-001', '1081,00'],
      ['F-2026-002', '270,25'],
      ['INV-10', '1334,50'],
      ['R-101', '2162,00'],
    ])
    expect(rows.find((x) => x[2] === 'INV-10')?.[11]).toBe('\'=HYPERLINK("http://evil")')
  })

  it('exports XLSX: summary + one sheet per client, real dates, numbers and currency formats', async () => {
    const r = await call('billing:export', {
      accountId: 'acc',
      format: 'xlsx',
      from: '2026-01-01',
      to: '2026-12-31',
      locale: 'fr',
    })
    const wb = new ExcelJS.Workbook()
    const temp = tempDir()
    try {
      const file = join(temp.dir, 'out.xlsx')
      writeFileSync(file, readFileSync(r.savedPath!))
      await wb.xlsx.readFile(file)
    } finally {
      temp.cleanup()
    }
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Résumé', 'Acme GmbH', 'Boulangerie Dupont', 'Café Müller SA'])
    const summary = wb.getWorksheet('Résumé')
    expect(summary?.getRow(1).getCell(1).value).toBe('Client')
    const cafeTotals = summary?.getRow(4)
    expect(cafeTotals?.getCell(1).value).toBe('Café Müller SA')
    expect(cafeTotals?.getCell(7).value).toBe(4847.75)
    expect(cafeTotals?.getCell(7).numFmt).toContain('CHF')
    const cafe = wb.getWorksheet('Café Müller SA')
    expect(cafe?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(cafe?.autoFilter).toBeTruthy()
    const first = cafe?.getRow(2)
    expect(first?.getCell(1).value).toBe('F-2026-001')
    expect(first?.getCell(2).type).toBe(ExcelJS.ValueType.Date)
    expect((first?.getCell(2).value as Date).toISOString()).toBe('2026-01-15T00:00:00.000Z')
    expect(first?.getCell(2).numFmt).toBe('dd.mm.yyyy')
    expect(first?.getCell(8).type).toBe(ExcelJS.ValueType.Number)
    expect(first?.getCell(8).value).toBe(1081)
    expect(first?.getCell(8).numFmt).toContain('"CHF"')
    expect(first?.getCell(4).value).toBe('Payée')
    const acme = wb.getWorksheet('Acme GmbH')
    expect(acme?.getRow(2).getCell(8).numFmt).toContain('"EUR"')
  })

  it.each([
    ['de', 'Übersicht', ['Kunde', 'Kundennummer', 'Währung', 'Rechnungen', 'Betrag exkl. MWST', 'MWST'], 'Bezahlt'],
    ['it', 'Riepilogo', ['Cliente', 'Numero cliente', 'Valuta', 'Fatture', 'Importo IVA esclusa', 'IVA'], 'Pagata'],
  ] as const)(
    'exports XLSX in %s: sheet names, headers, statuses and Swiss dates',
    async (locale, summaryName, headers, paid) => {
      const r = await call('billing:export', {
        accountId: 'acc',
        format: 'xlsx',
        from: '2026-01-01',
        to: '2026-12-31',
        locale,
      })
      const wb = new ExcelJS.Workbook()
      const temp = tempDir()
      try {
        const file = join(temp.dir, 'out.xlsx')
        writeFileSync(file, readFileSync(r.savedPath!))
        await wb.xlsx.readFile(file)
      } finally {
        temp.cleanup()
      }
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        summaryName,
        'Acme GmbH',
        'Boulangerie Dupont',
        'Café Müller SA',
      ])
      const header = wb.getWorksheet(summaryName)?.getRow(1).values as unknown[]
      expect(header.slice(1, 7)).toEqual(headers)
      const first = wb.getWorksheet('Café Müller SA')?.getRow(2)
      expect(first?.getCell(2).numFmt).toBe('dd.mm.yyyy')
      expect(first?.getCell(4).value).toBe(paid)
    },
  )

  it.each([
    ['de', ';', ['Kunde', 'Kundennummer', 'Rechnung', 'Rechnungsdatum', 'Fälligkeit', 'Status', 'Währung']],
    ['it', ';', ['Cliente', 'Numero cliente', 'Fattura', 'Data fattura', 'Scadenza', 'Stato', 'Valuta']],
  ] as const)('exports CSV headers and values in %s', async (locale, delimiter, headers) => {
    const r = await call('billing:export', {
      accountId: 'acc',
      format: 'csv',
      from: '2026-01-01',
      to: '2026-12-31',
      orgIds: [101],
      locale,
      csv: { delimiter, decimal: '.', bom: true },
    })
    const rows = parse(readFileSync(r.savedPath!), { delimiter, bom: true }) as string[][]
    expect(rows[0]?.slice(0, 7)).toEqual(headers)
    expect(rows[1]?.[10]).toBe(locale === 'de' ? 'CSV-Import' : 'Importazione CSV')
  })

  it.each([
    [
      'en',
      [
        'Statement of account',
        'Agence Léman Web',
        'Café Müller SA',
        'Total CHF',
        "CHF 4'847.75",
        '15.01.2026',
        'Unpaid',
      ],
    ],
    [
      'fr',
      [
        'Relevé de compte',
        'Agence Léman Web',
        'Café Müller SA',
        'Total CHF',
        "CHF 4'847.75",
        '15.01.2026',
        'Impayée',
        'Échéance',
      ],
    ],
    [
      'de',
      [
        'Kontoauszug',
        'Kunde: Café Müller SA (Kundennummer 101)',
        'Zeitraum: 01.01.2026 – 31.12.2026',
        'Total CHF',
        "CHF 4'847.75",
        '15.01.2026',
        'Offen',
        'Fälligkeit',
        'Summen pro Währung',
      ],
    ],
    [
      'it',
      [
        'Estratto conto',
        'Cliente: Café Müller SA (Numero cliente 101)',
        'Periodo: 01.01.2026 – 31.12.2026',
        'Totale CHF',
        "CHF 4'847.75",
        '15.01.2026',
        'Non pagata',
        'Scadenza',
        'Totali per valuta',
      ],
    ],
    ['es', ['Estado de cuenta', 'Cliente: Café Müller SA', 'Total CHF', '4847,75 CHF', '15/01/2026', 'Pendiente']],
  ] as const)('exports a %s PDF statement per client, checked with pdftotext', async (locale, expected) => {
    const r = await call('billing:export', {
      accountId: 'acc',
      format: 'pdf',
      from: '2026-01-01',
      to: '2026-12-31',
      orgIds: [101, 104],
      locale,
    })
    const temp = tempDir()
    try {
      const file = join(temp.dir, 's.pdf')
      writeFileSync(file, readFileSync(r.savedPath!))
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      for (const s of expected) expect(text).toContain(s)
      expect(text).toContain('Acme GmbH')
      // one statement per client: each starts on its own page
      const pages = text.split('\f').filter((p) => p.trim() !== '')
      expect(pages.length).toBe(2)
      expect(pages[0]).toContain('Acme GmbH')
      expect(pages[0]).not.toContain('Café Müller SA')
    } finally {
      temp.cleanup()
    }
  })
})
