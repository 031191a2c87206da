/**
 * Real-file imports over IPC (issue 15 item 1; issue 12 item 8): the fixture of each variant imports
 * exactly its rows and totals; hostile files are typed `INVALID_INPUT` errors that record no batch; the
 * preview answer stays under 1 MB whatever the file holds; a saved mapping is reused for the layout.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ImportFileError, IMPORT_LIMITS, type ImportPreview, type ImportResult } from '../../../shared/domain/billing'
import { testCore } from '../../helpers/core'

/** Registers bytes (or a fixture) as the file the user chose: the core reads it from disk by its id. */
let files = 0
async function fileId(content: string | Buffer): Promise<string> {
  const path = join(ctx.dataDir, `chosen-${files++}.csv`)
  writeFileSync(path, content)
  return (await ctx.core.services.inbox.register(path, { fileName: 'chosen.csv', owned: false })).fileId
}
const fixture = (name: string): Buffer => readFileSync(join(__dirname, '../../fixtures/billing', name))

let ctx: ReturnType<typeof testCore>
const dispatch = (channel: string, input: unknown) => ctx.core.dispatch(channel, input, { transport: 'test' })
async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.reason}`)
  return r.value as T
}
const count = (table: string): number =>
  (ctx.core.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n

beforeEach(() => {
  ctx = testCore()
  const db = ctx.core.db
  db.prepare(`INSERT INTO accounts (id, label, base_url, created_at) VALUES ('acc', 'Agency', 'http://x', 0)`).run()
  const org = db.prepare(`INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES ('acc', ?, ?, ?, 0)`)
  org.run(100, 'Agence Léman Web', 'owner')
  org.run(101, 'Café Müller SA', 'client')
  org.run(102, 'Boulangerie Dupont', 'client')
  org.run(103, 'Studio Rossi Sàrl', 'partner_admin')
  org.run(104, 'Acme GmbH', 'client')
  const product = db.prepare(
    `INSERT INTO products (account_id, id, org_id, service_name, customer_name, fqdn, synced_at) VALUES ('acc', ?, ?, ?, ?, ?, 0)`,
  )
  product.run(1, 101, 'web_hosting', 'cafe-muller.ch', 'cafe-muller.ch')
  product.run(2, 104, 'web_hosting', 'acme.de', 'acme.de')
  product.run(3, 102, 'kdrive', 'Drive Dupont', null)
  product.run(4, 103, 'domain', 'studio-rossi.it', 'studio-rossi.it')
})
afterEach(() => ctx.dispose())

describe('real Manager files over IPC', () => {
  it('a partner invoice split by lines: one part per client, lines kept, totals exact', async () => {
    const preview = await call<ImportPreview>('billing:import-preview', {
      accountId: 'acc',
      fileId: await fileId(fixture('fr-partner-invoice-lines.csv')),
      options: { fileOrgId: 100 },
    })
    expect(preview.split).toBe(true)
    expect(preview.unassignedLines.map((l) => l.line)).toEqual([6])
    const rejected = await call<ImportResult>('billing:import-commit', {
      accountId: 'acc',
      previewId: preview.previewId,
      options: { fileOrgId: 100 },
    })
    expect(rejected.status).toBe('rejected')
    expect(count('billing_invoices')).toBe(0)
    expect(count('billing_batches')).toBe(0)

    // The user assigns the remainder to the agency, re-reading the same file (no new upload).
    const options = { fileOrgId: 100, lineOrgs: { '6': 100 } }
    const again = await call<ImportPreview>('billing:import-preview', {
      accountId: 'acc',
      previewId: preview.previewId,
      options,
    })
    expect(again.errorCount).toBe(0)
    const r = await call<ImportResult>('billing:import-commit', {
      accountId: 'acc',
      previewId: preview.previewId,
      options,
    })
    expect(r).toMatchObject({ status: 'imported', imported: 5, skipped: 0 })
    expect(r.totals).toEqual([{ currency: 'CHF', cents: 47_564, count: 5 }])
    expect(
      ctx.core.db.prepare('SELECT org_id, number, incl_cents, split FROM billing_invoices ORDER BY org_id').all(),
    ).toEqual([
      { org_id: 100, number: 'P-2026-77', incl_cents: 1_081, split: 1 },
      { org_id: 101, number: 'P-2026-77', incl_cents: 18_377, split: 1 },
      { org_id: 102, number: 'P-2026-77', incl_cents: 6_486, split: 1 },
      { org_id: 103, number: 'P-2026-78', incl_cents: 8_648, split: 0 },
      { org_id: 104, number: 'P-2026-77', incl_cents: 12_972, split: 1 },
    ])
    expect(
      ctx.core.db
        .prepare('SELECT product_id, incl_cents FROM billing_invoice_lines WHERE org_id = 101 ORDER BY line_no')
        .all(),
    ).toEqual([
      { product_id: 1, incl_cents: 16_215 },
      { product_id: 1, incl_cents: 2_162 },
    ])
    // Overview totals agree with the import (credit notes negative, cancelled left out).
    const o = await call<{ perCurrency: { currency: string; inclCents: number }[] }>('billing:overview', {
      accountId: 'acc',
    })
    expect(o.perCurrency.map((c) => [c.currency, c.inclCents])).toEqual([['CHF', 47_564]])
  })

  it('per-organisation files, amounts incl. VAT only, refunds and credit notes: exact rows and totals', async () => {
    const imports: [string, object, number, [string, number][]][] = [
      ['fr-per-org-no-org-column.csv', { fileOrgId: 101 }, 5, [['CHF', 135_125]]],
      ['de-incl-vat-only.csv', { fileOrgId: 104 }, 4, [['CHF', 172_960]]],
      [
        'en-refunds-credit-notes.csv',
        {},
        6,
        [
          ['CHF', 102_695],
          ['EUR', 50_000],
        ],
      ],
    ]
    for (const [file, options, rows, totals] of imports) {
      const r = await call<ImportResult>('billing:import-commit', {
        accountId: 'acc',
        fileId: await fileId(fixture(file)),
        options,
      })
      expect(r.status, file).toBe('imported')
      expect(r.imported, file).toBe(rows)
      expect(
        r.totals.map((t) => [t.currency, t.cents]),
        file,
      ).toEqual(totals)
    }
    const o = await call<{ perCurrency: { currency: string; inclCents: number; vatUnknownCount: number }[] }>(
      'billing:overview',
      { accountId: 'acc' },
    )
    expect(o.perCurrency).toEqual([
      expect.objectContaining({ currency: 'CHF', inclCents: 135_125 + 172_960 + 102_695, vatUnknownCount: 4 }),
      expect.objectContaining({ currency: 'EUR', inclCents: 50_000, vatUnknownCount: 0 }),
    ])
    const unknown = await call<{ amountExclVatCents: number | null; vatBasis: string }[]>('billing:invoices', {
      accountId: 'acc',
      orgIds: [104],
      from: '2026-01-12',
      to: '2026-01-12',
    })
    expect(unknown).toEqual([expect.objectContaining({ amountExclVatCents: null, vatBasis: 'unknown' })])
  })

  it('remembers the mapping of a layout and applies it to the next file of that layout', async () => {
    const layout = 'Ref;When;Gross;Cur\n'
    const first = await call<ImportPreview>('billing:import-preview', {
      accountId: 'acc',
      fileId: await fileId(`${layout}X-1;01.02.2026;10.00;CHF\n`),
      options: { fileOrgId: 101 },
    })
    expect(first.mappingSource).toBe('detected')
    const mapping = { number: 0, issueDate: 1, amountInclVat: 2, currency: 3 }
    const r = await call<ImportResult>('billing:import-commit', {
      accountId: 'acc',
      previewId: first.previewId,
      options: { fileOrgId: 101, mapping },
    })
    expect(r.status).toBe('imported')
    const next = await call<ImportPreview>('billing:import-preview', {
      accountId: 'acc',
      fileId: await fileId(`${layout}X-2;01.03.2026;20.00;CHF\n`),
      options: { fileOrgId: 101 },
    })
    expect(next.mappingSource).toBe('saved')
    expect(next.errorCount).toBe(0)
    expect(next.mapping).toMatchObject(mapping)
  })
})

describe('hostile files over IPC', () => {
  const refuse = async (content: string | Buffer): Promise<ImportFileError> => {
    for (const channel of ['billing:import-preview', 'billing:import-commit']) {
      const r = await dispatch(channel, { accountId: 'acc', fileId: await fileId(content) })
      expect(r.ok, channel).toBe(false)
      if (r.ok) throw new Error('accepted')
      expect(r.error.code).toBe('INVALID_INPUT')
      expect(r.error.reason).toMatch(/^billing\.importFile\./)
      const details = ImportFileError.parse(r.error.details)
      if (channel === 'billing:import-commit') return details
    }
    throw new Error('unreachable')
  }

  it.each([
    ['empty', '', 'empty_file', null],
    ['BOM only', '\ufeff', 'bom_only', null],
    ['blank', '\n \n\t\n', 'blank_file', null],
    ['header only', 'Numéro;Date;Montant TTC\n', 'header_only', null],
    ['binary', Buffer.from([0x41, 0x00, 0x42, 0x00]), 'binary_file', null],
    ['unclosed quote', 'N;Date;Total\nA;"01.01.2026;1\nB;01.01.2026;2\n', 'unclosed_quote', 2],
    ['invalid closing quote', 'N;Date;Total\nA;"01.01.2026"x;1\n', 'invalid_quote', 2],
    ['too many columns', `N;Date\n${'x;'.repeat(IMPORT_LIMITS.columns + 1)}\n`, 'too_many_columns', 2],
  ] as const)('%s: a typed error, no batch recorded', async (_name, content, code, line) => {
    const e = await refuse(content)
    expect(e.code).toBe(code)
    expect(e.line).toBe(line)
    expect(count('billing_batches')).toBe(0)
    expect(count('billing_invoices')).toBe(0)
  })

  it('a chosen file above the size cap is refused before it is read', async () => {
    const e = await refuse(Buffer.alloc(IMPORT_LIMITS.fileBytes + 1, 0x41))
    expect([e.code, e.limit]).toEqual(['file_too_large', IMPORT_LIMITS.fileBytes])
    expect(count('billing_batches')).toBe(0)
  })

  it('the preview answer stays under 1 MB whatever the file holds', async () => {
    // Long cells, many columns, every row wrong, headers full of control characters and quotes.
    const header = Array.from(
      { length: IMPORT_LIMITS.columns },
      (_, i) => `"H${i}\u0001${'"'.repeat(20)}${'é'.repeat(300)}"`,
    )
    const cell = `"${'""'.repeat(100)}\u0007\u0007${'𝄞'.repeat(150)}${'x'.repeat(50)}"`
    const row = Array.from({ length: IMPORT_LIMITS.columns }, () => cell).join(';')
    const content = [header.join(';'), ...Array.from({ length: 60 }, () => row)].join('\n')
    expect(Buffer.byteLength(content)).toBeGreaterThan(4 * 1024 * 1024)
    const r = await dispatch('billing:import-preview', {
      accountId: 'acc',
      fileId: await fileId(content),
      options: { mapping: { number: 0, orgName: 1, issueDate: 2, amountInclVat: 3 } },
    })
    if (!r.ok) throw new Error(r.error.reason)
    const bytes = Buffer.byteLength(JSON.stringify(r.value), 'utf8')
    expect(bytes).toBeLessThanOrEqual(1024 * 1024)
    const preview = r.value as ImportPreview
    expect(preview.rowCount).toBe(60)
    expect(preview.errorCount).toBeGreaterThan(60)
    expect(preview.sample.length).toBeGreaterThan(0)
  })
})
