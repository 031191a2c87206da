/**
 * `npm run bench -- billing [--rows=100000] [--clients=200] [--repeat=3]`: ledger rows to CSV and to XLSX through
 * the streaming writers (rows read one at a time from SQLite), with time and peak memory.
 * Memory is sampled every 10 ms; "flat" means the peak does not grow with the row count, so the
 * figures are given for a tenth of the rows as well.
 */
import os from 'node:os'
import { join } from 'node:path'
import { statSync } from 'node:fs'
import { testCore } from '../helpers/core'
import { writeCsv, writeXlsx } from '../../electron/main/billing/export-writers'
import type { LedgerInvoice } from '../../electron/main/billing/ledger-repo'

interface Measure {
  rows: number
  /** Best of the runs (the machine may be shared), then every run. */
  ms: number
  msRuns: number[]
  bytes: number
  peakRssDeltaMb: number
  peakHeapDeltaMb: number
}

async function measure(run: () => Promise<number>, file: string, repeat: number): Promise<Measure> {
  const runs: Measure[] = []
  for (let i = 0; i < repeat; i++) runs.push(await measureOnce(run, file))
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a))
  return {
    ...best,
    msRuns: runs.map((r) => r.ms),
    peakRssDeltaMb: Math.max(...runs.map((r) => r.peakRssDeltaMb)),
    peakHeapDeltaMb: Math.max(...runs.map((r) => r.peakHeapDeltaMb)),
  }
}

async function measureOnce(run: () => Promise<number>, file: string): Promise<Measure> {
  global.gc?.()
  const base = process.memoryUsage()
  let peakRss = base.rss
  let peakHeap = base.heapUsed
  const timer = setInterval(() => {
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss)
    peakHeap = Math.max(peakHeap, m.heapUsed)
  }, 10)
  const t = performance.now()
  const rows = await run()
  const ms = performance.now() - t
  clearInterval(timer)
  const m = process.memoryUsage()
  peakRss = Math.max(peakRss, m.rss)
  peakHeap = Math.max(peakHeap, m.heapUsed)
  const mb = (n: number): number => Math.round((n / 1024 / 1024) * 10) / 10
  return {
    rows,
    ms: Math.round(ms),
    msRuns: [],
    bytes: statSync(file).size,
    peakRssDeltaMb: mb(peakRss - base.rss),
    peakHeapDeltaMb: mb(peakHeap - base.heapUsed),
  }
}

export default async function bench(argv: string[]): Promise<Record<string, unknown>> {
  const arg = (name: string, fallback: number): number =>
    Number(argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
  const rows = arg('rows', 100_000)
  const clients = arg('clients', 200)
  const repeat = arg('repeat', 3)
  const ctx = testCore()
  try {
    const db = ctx.core.db
    db.prepare(`INSERT INTO accounts (id, label, base_url, created_at) VALUES ('bench', 'Bench', 'http://x', 0)`).run()
    const org = db.prepare(
      `INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES ('bench', ?, ?, 'admin', 0)`,
    )
    for (let c = 1; c <= clients; c++) org.run(c, `Client ${String(c).padStart(4, '0')} Sàrl`)
    const repo = ctx.core.services.billing.repo
    const invoices: LedgerInvoice[] = []
    for (let i = 0; i < rows; i++) {
      const excl = 1_000 + ((i * 7919) % 500_000)
      const vat = Math.round(excl * 0.081)
      invoices.push({
        orgId: 1 + (i % clients),
        number: `B-${i}`,
        issueDate: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        dueDate: null,
        exclCents: excl,
        vatCents: vat,
        inclCents: excl + vat,
        currency: i % 3 === 0 ? 'EUR' : 'CHF',
        status: i % 5 === 0 ? 'unpaid' : 'paid',
        description: i % 10 === 0 ? '=SUM(A1:A2) hosting' : 'Web hosting renewal',
      })
    }
    repo.insertBatch('bench', { source: 'csv', fileName: null, fileHash: null, rowCount: rows, at: 0 }, invoices)
    invoices.length = 0

    const out = (name: string): string => join(ctx.dataDir, name)
    const run = async (n: number): Promise<Record<string, Measure>> => {
      // A tenth of the rows: the first clients only.
      const f =
        n === rows
          ? { accountId: 'bench' }
          : { accountId: 'bench', orgIds: Array.from({ length: Math.ceil(clients / 10) }, (_, i) => i + 1) }
      const csvFile = out(`b-${n}.csv`)
      const csv = await measure(
        () => writeCsv(csvFile, repo.iterate(f), { delimiter: ';', decimal: ',', bom: true }, 'fr', () => undefined),
        csvFile,
        repeat,
      )
      const xlsxFile = out(`b-${n}.xlsx`)
      const xlsx = await measure(
        () => writeXlsx(xlsxFile, repo.iterate(f), repo.totalsPerClient(f), 'fr', () => undefined),
        xlsxFile,
        repeat,
      )
      return { csv, xlsx }
    }
    // The floor: reading the rows from SQLite without writing anything.
    const readStarted = performance.now()
    let read = 0
    for (const row of repo.iterate({ accountId: 'bench' })) if (row.orgId > 0) read++
    const sqliteReadMs = Math.round(performance.now() - readStarted)
    const tenth = await run(Math.round(rows / 10))
    const full = await run(rows)
    return {
      rows,
      clients,
      sqliteReadMs,
      sqliteReadRows: read,
      loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
      csv: full.csv,
      xlsx: full.xlsx,
      tenthOfRows: tenth,
      goals: { csvUnder1s: (full.csv?.ms ?? Infinity) < 1_000, xlsxUnder10s: (full.xlsx?.ms ?? Infinity) < 10_000 },
    }
  } finally {
    ctx.dispose()
  }
}
