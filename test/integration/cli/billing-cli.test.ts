/**
 * `billing import | export | gauge` as accountants' scripts run them: a real CLI process against a
 * sandbox in this test process, on a data folder the test also opens (to set the price list).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PartnerGauge } from '../../../shared/domain/billing'
import type { AccountSummary, OrgSummary } from '../../../shared/domain/cache'
import { startSandbox, viewerRights, type Sandbox } from '../../../electron/sandbox'
import { testCore } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'
import { runCli, type CliRun } from './run-cli'

const FAST = { rateLimit: { limit: 60, windowMs: 1_000 } }

describe('billing from the command line', () => {
  let sandbox: Sandbox
  let home: { dir: string; cleanup: () => void }
  let dataDir: string
  let account: AccountSummary
  let orgs: OrgSummary[]
  const env = (): Record<string, string> => ({ HOME: home.dir, SWITCHBOARD_PACE: 'fast', SB_TOKEN: token() })
  const token = (): string => sandbox.tokens['owner'] ?? ''
  const cli = (args: readonly string[]): Promise<CliRun> =>
    runCli([...args, '--data-dir', dataDir], { env: env(), timeoutMs: 60_000 })
  const json = <T>(run: CliRun): T => JSON.parse(run.stdout) as T
  /** Runs something on the data folder's core (the CLI processes are not running meanwhile). */
  const withCore = async (f: (call: (channel: string, input: unknown) => Promise<unknown>) => Promise<void>) => {
    const ctx = testCore({ dataDir })
    try {
      await f(async (channel, input) => {
        const r = await ctx.core.dispatch(channel, input, { transport: 'test' })
        if (!r.ok) throw new Error(`${channel}: ${r.error.reason}`)
        return r.value
      })
    } finally {
      ctx.dispose()
    }
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 'tiny', seed: 5, settings: FAST })
    home = tempDir('switchboard-billing-cli-')
    dataDir = join(home.dir, 'data')
    const added = await cli(['accounts', 'add', '--token-env', 'SB_TOKEN', '--base-url', sandbox.url, '--json'])
    expect(added.code, added.stderr).toBe(0)
    account = json<AccountSummary>(added)
    const synced = await cli(['sync'])
    expect(synced.code, synced.stderr).toBe(0)
    orgs = json<OrgSummary[]>(await cli(['orgs', '--json']))
  }, 120_000)

  afterAll(async () => {
    await sandbox?.stop()
    home?.cleanup()
  })

  it('billing gauge --json counts exactly the qualifying products of the sandbox truth', async () => {
    // A price for every service in both currencies (so "no price" leaves nothing out), one client in EUR.
    const eurClient = sandbox.data.partnerships[0]?.customerAccountId
    expect(eurClient).toBeDefined()
    await withCore(async (call) => {
      const services = (await call('billing:services', { accountId: account.id })) as string[]
      await call('billing:prices-set', {
        accountId: account.id,
        entries: services.flatMap((serviceName) => [
          { serviceName, period: 'yearly', currency: 'CHF', priceCents: 10_000, purchaseCents: 8_000 },
          { serviceName, period: 'yearly', currency: 'EUR', priceCents: 9_000, purchaseCents: null },
        ]),
      })
      await call('billing:currency-set', { accountId: account.id, orgId: eurClient, currency: 'EUR' })
    })
    const run = await cli(['billing', 'gauge', '--json'])
    expect(run.code, run.stderr).toBe(0)
    const gauge = json<PartnerGauge>(run)

    // The truth: client organizations under a partnership the owner reaches, their visible products that
    // are active, paid and not trials; never the agency's own organization, never member-only ones.
    const nowSec = Date.now() / 1000
    const customers = new Set(sandbox.data.partnerships.map((p) => p.customerAccountId))
    const counted: { id: number; orgId: number }[] = []
    for (const a of sandbox.truth.orgAccess('owner').values()) {
      if (!customers.has(a.orgId) && a.type !== 'client') continue
      const teams = sandbox.data.teams.filter((t) => t.accountId === a.orgId)
      for (const p of sandbox.data.products.filter((x) => x.accountId === a.orgId)) {
        if (!viewerRights(a, p, teams) || p.isTrial || p.isFree) continue
        if (p.expiredAt !== null && p.expiredAt < nowSec) continue
        counted.push({ id: p.id, orgId: p.accountId })
      }
    }
    expect(counted.length).toBeGreaterThan(0)
    const countedIds = gauge.items.filter((i) => i.excluded === null).map((i) => i.productId)
    expect(countedIds.sort((a, b) => a - b)).toEqual(counted.map((c) => c.id).sort((a, b) => a - b))
    expect(gauge.countedProducts).toBe(counted.length)
    const eur = counted.filter((c) => c.orgId === eurClient).length
    expect(gauge.entries).toEqual([
      {
        currency: 'CHF',
        yearlyCents: (counted.length - eur) * 10_000,
        thresholdCents: 200_000,
        reached: (counted.length - eur) * 10_000 >= 200_000,
      },
      { currency: 'EUR', yearlyCents: eur * 9_000, thresholdCents: 180_000, reached: eur * 9_000 >= 180_000 },
    ])
    // The agency's own organization is there, left out as "not a client".
    const own = sandbox.data.agencyAccountId
    expect(gauge.items.filter((i) => i.orgId === own).every((i) => i.excluded === 'not_client')).toBe(true)
    expect(gauge.items.some((i) => i.orgId === own)).toBe(true)
    expect(gauge.excluded.map((e) => e.reason)).toContain('not_client')
    expect(gauge.excluded.map((e) => e.reason)).not.toContain('no_price')

    const human = await cli(['billing', 'gauge'])
    expect(human.stdout).toMatch(/^CHF \d[\d']*\.\d{2} of CHF 2'000\.00 per year: (not )?reached$/m)
    expect(human.stdout).toMatch(/^Counted: \d+ products? in \d+ client organizations?\.$/m)
    expect(human.stdout).not.toMatch(/\b1 client organizations\b/)
    expect(human.stdout).toMatch(/Left out: \d+ not a client organization/)
  }, 120_000)

  it('imports a per-organization file with --org, then exports CSV with the same totals per currency', async () => {
    const org = orgs[0]!
    const file = join(home.dir, 'historique.csv')
    writeFileSync(
      file,
      [
        'Numéro;Date;Montant TTC;Devise;Statut',
        "CLI-1;15.01.2026;1'081.00;CHF;Payée",
        'CLI-2;15.02.2026;270.25;CHF;Impayée',
        'CLI-3;01.03.2026;500.00;EUR;Payée',
        'CLI-4;05.03.2026;-108.10;CHF;Avoir',
        'CLI-5;10.04.2026;99.00;CHF;Annulée',
      ].join('\r\n'),
    )
    const dry = await cli(['billing', 'import', file, '--org', String(org.id), '--dry-run', '--json'])
    expect(dry.code, dry.stderr).toBe(0)
    expect(json<{ invoiceCount: number; dryRun: boolean }>(dry)).toMatchObject({ dryRun: true, invoiceCount: 5 })

    // Without --org the file names no organization: nothing is imported, exit 1, and the hint says why.
    const noOrg = await cli(['billing', 'import', file])
    expect(noOrg.code).toBe(1)
    expect(noOrg.stdout).toMatch(/--org O/)

    const imported = await cli(['billing', 'import', file, '--org', org.name, '--vat-rate', '8.1', '--json'])
    expect(imported.code, imported.stderr).toBe(0)
    const result = json<{ status: string; imported: number; totals: { currency: string; cents: number }[] }>(imported)
    expect(result.status).toBe('imported')
    expect(result.imported).toBe(5)
    // Credit note negative, cancelled left out.
    expect(result.totals).toEqual([
      { currency: 'CHF', cents: 108_100 + 27_025 - 10_810, count: 4 },
      { currency: 'EUR', cents: 50_000, count: 1 },
    ])
    const again = await cli(['billing', 'import', file, '--org', String(org.id), '--json'])
    expect(again.code).toBe(0)
    expect(json<{ status: string }>(again).status).toBe('duplicate_file')

    const out = join(home.dir, 'export.csv')
    const exported = await cli([
      'billing',
      'export',
      '--format',
      'csv',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--org',
      String(org.id),
      '--delimiter',
      ';',
      '--decimal',
      ',',
      '--out',
      out,
      '--json',
    ])
    expect(exported.code, exported.stderr).toBe(0)
    expect(json<{ rows: number; file: string }>(exported)).toMatchObject({ rows: 5, file: out })
    const rows = (parse(readFileSync(out, 'utf8'), { delimiter: ';' }) as string[][]).slice(1)
    const totals = new Map<string, number>()
    for (const r of rows) {
      if (r[5] === 'Cancelled') continue
      const cents = Math.round(Number((r[9] ?? '').replace(',', '.')) * 100)
      totals.set(r[6] ?? '', (totals.get(r[6] ?? '') ?? 0) + cents)
    }
    expect(Object.fromEntries(totals)).toEqual(Object.fromEntries(result.totals.map((t) => [t.currency, t.cents])))
    // VAT computed from the rate given at import: 1081.00 incl. = 1000.00 + 81.00.
    expect(rows.find((r) => r[2] === 'CLI-1')?.slice(7, 10)).toEqual(['1000,00', '81,00', '1081,00'])

    const xlsx = join(home.dir, 'export.xlsx')
    const x = await cli([
      'billing',
      'export',
      '--format',
      'xlsx',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--lang',
      'it',
      '--out',
      xlsx,
    ])
    expect(x.code, x.stderr).toBe(0)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(xlsx)
    expect(wb.worksheets[0]?.name).toBe('Riepilogo')

    const pdf = join(home.dir, 'statements.pdf')
    const p = await cli([
      'billing',
      'export',
      '--format',
      'pdf',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--lang',
      'de',
      '--out',
      pdf,
    ])
    expect(p.code, p.stderr).toBe(0)
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain('Kontoauszug')
    expect(text).toContain('Gutschrift')
  }, 120_000)

  it('a malformed or hostile file imports nothing and says why, with the exit codes of the other commands', async () => {
    const before = json<{ rows: number }>(
      await cli([
        'billing',
        'export',
        '--format',
        'csv',
        '--from',
        '2000-01-01',
        '--to',
        '2099-12-31',
        '--out',
        join(home.dir, 'b.csv'),
        '--json',
      ]),
    ).rows
    const bad = join(home.dir, 'bad.csv')
    writeFileSync(
      bad,
      'Numéro;Date;Montant TTC;Devise;Statut\nB-1;15.01.2026;10.00;CHF;Payée\nB-2;31.02.2026;abc;USD;peut-être\n',
    )
    const rejected = await cli(['billing', 'import', bad, '--org', String(orgs[0]!.id), '--json'])
    expect(rejected.code).toBe(1)
    expect(json<{ status: string; errorCount: number }>(rejected)).toMatchObject({ status: 'rejected', errorCount: 4 })

    const binary = join(home.dir, 'binary.csv')
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 3]))
    const refused = await cli(['billing', 'import', binary, '--json'])
    expect(refused.code).toBe(1)
    expect(json<{ error: { code: string; message: string } }>(refused).error).toEqual({
      code: 'INVALID_INPUT',
      message: 'This is a spreadsheet or a document, not a CSV file. Save it as CSV first.',
    })
    const unclosed = join(home.dir, 'unclosed.csv')
    writeFileSync(unclosed, 'Numéro;Date;Montant TTC;Devise\nU-1;"15.01.2026;1;CHF\nU-2;15.01.2026;1;CHF\n')
    const quote = await cli(['billing', 'import', unclosed, '--org', String(orgs[0]!.id)])
    expect(quote.code).toBe(1)
    expect(quote.stderr).toMatch(/opened on line 2 is never closed/)

    const after = json<{ rows: number }>(
      await cli([
        'billing',
        'export',
        '--format',
        'csv',
        '--from',
        '2000-01-01',
        '--to',
        '2099-12-31',
        '--out',
        join(home.dir, 'a.csv'),
        '--json',
      ]),
    ).rows
    expect(after).toBe(before)

    const usage = await cli([
      'billing',
      'export',
      '--format',
      'doc',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--out',
      'x',
    ])
    expect(usage.code).toBe(2)
    const mapping = await cli(['billing', 'import', bad, '--mapping', 'nonsense=1'])
    expect(mapping.code).toBe(2)
  }, 120_000)

  it('reads a file with odd headers through --mapping (header names or column numbers)', async () => {
    const file = join(home.dir, 'odd.csv')
    writeFileSync(file, 'Ref,When,Gross,Cur\nM-1,2026-05-01,10.00,CHF\nM-2,2026-05-02,20.00,CHF\n')
    const run = await cli([
      'billing',
      'import',
      file,
      '--org',
      String(orgs[1]!.id),
      '--mapping',
      'number=Ref,issueDate=when,amountInclVat=3,currency=Cur',
      '--json',
    ])
    expect(run.code, run.stderr).toBe(0)
    expect(json<{ imported: number }>(run).imported).toBe(2)
  }, 60_000)
})
