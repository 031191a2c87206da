/**
 * `npm run bench -- billing-import [--mb=19] [--kind=all|invoices|narrow|bad|commas]`: reads a CSV of about
 * that size through the importer (the same `analyse` the preview and the commit run) and reports the time
 * (wall and CPU), the peak RSS and heap growth (run one kind per process for clean memory figures), and the longest event-loop block while it runs
 * (`monitorEventLoopDelay({ resolution: 1 })`, wall time) and in CPU time (`maxBlockCpuMs`, what the process
 * itself spent between two timer ticks, not inflated by other load on the machine).
 *
 * Kinds: `invoices` a realistic French Manager export (~200 bytes a row); `narrow` tiny rows (`x;y`), the
 * most records per megabyte (stops at the row cap); `bad` rows with errors everywhere; `commas` one line
 * of empty cells (stops at the column cap).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { analyse, ImportFileFailure, type OrgRef } from '../../electron/main/billing/csv-import'

type Kind = 'invoices' | 'narrow' | 'bad' | 'commas'

function file(kind: Kind, bytes: number, orgs: readonly OrgRef[]): Buffer {
  const header =
    'N° de facture;Client;Date de facture;Échéance;Montant HT;TVA;Montant TTC;Devise;Statut;Description\r\n'
  if (kind === 'commas') return Buffer.from(`a;b\r\n${';'.repeat(bytes)}`)
  if (kind === 'narrow') return Buffer.from(`a;b\r\n${'x;y\r\n'.repeat(Math.floor(bytes / 5))}`)
  const lines: string[] = []
  let size = header.length
  for (let i = 0; size < bytes; i++) {
    const line =
      kind === 'bad'
        ? `FA-${i};Nobody ${i % 50};31.02.2026;bad;x;y;z;XXX;??;\r\n`
        : `FA-2026-${String(i).padStart(7, '0')};${orgs[i % orgs.length]?.name ?? ''};15.01.2026;14.02.2026;` +
          `1'000.00;81.00;1'081.00;CHF;Payée;Renouvellement hébergement web client-${i}.ch\r\n`
    lines.push(line)
    size += Buffer.byteLength(line)
  }
  return Buffer.from(header + lines.join(''))
}

async function measure(kind: Kind, mb: number): Promise<Record<string, unknown>> {
  const orgs = Array.from({ length: 200 }, (_, i) => ({ id: 1_000 + i, name: `Client ${i} SA` }))
  const bytes = file(kind, Math.round(mb * 1024 * 1024), orgs)
  global.gc?.()
  const base = process.memoryUsage()
  let peakRss = base.rss
  let peakHeap = base.heapUsed
  // CPU the process used between two ticks of this timer: the longest block in CPU time, which other
  // load on the machine does not inflate (the event-loop delay below counts time spent waiting for a core).
  let tickCpu = process.cpuUsage()
  let maxBlockCpu = 0
  const sampler = setInterval(() => {
    const used = process.cpuUsage(tickCpu)
    maxBlockCpu = Math.max(maxBlockCpu, (used.user + used.system) / 1000)
    tickCpu = process.cpuUsage()
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss)
    peakHeap = Math.max(peakHeap, m.heapUsed)
  }, 5)
  const loop = monitorEventLoopDelay({ resolution: 1 })
  loop.enable()
  const started = performance.now()
  const cpu = process.cpuUsage()
  let outcome: Record<string, unknown>
  try {
    const a = await analyse({ bytes, orgs, options: {} })
    outcome = {
      rows: a.rowCount,
      invoices: a.invoices.length,
      errors: a.errorCount,
      totals: a.totals,
    }
  } catch (error) {
    outcome = {
      refused: error instanceof ImportFileFailure ? `${error.code} (line ${error.line ?? '-'})` : String(error),
    }
  }
  const ms = performance.now() - started
  const used = process.cpuUsage(cpu)
  loop.disable()
  clearInterval(sampler)
  const m = process.memoryUsage()
  peakRss = Math.max(peakRss, m.rss)
  peakHeap = Math.max(peakHeap, m.heapUsed)
  const mbOf = (n: number): number => Math.round((n / 1024 / 1024) * 10) / 10
  return {
    kind,
    fileMb: mbOf(bytes.length),
    ms: Math.round(ms),
    /** CPU time of the process meanwhile (less sensitive than `ms` to other load on the machine). */
    cpuMs: Math.round((used.user + used.system) / 1000),
    ...outcome,
    peakRssMb: mbOf(peakRss),
    peakRssDeltaMb: mbOf(peakRss - base.rss),
    peakHeapDeltaMb: mbOf(peakHeap - base.heapUsed),
    /** The longest the event loop was blocked while reading (ms). */
    maxLoopBlockMs: Math.round(loop.max / 1e6),
    /** The most CPU time spent between two 5 ms timer ticks (ms): the longest block, without waits for a core. */
    maxBlockCpuMs: Math.round(maxBlockCpu),
    p99LoopDelayMs: Math.round(loop.percentile(99) / 1e6),
  }
}

export default async function bench(argv: string[]): Promise<Record<string, unknown>> {
  const arg = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
  const mb = Number(arg('mb') ?? 19)
  const kind = arg('kind') ?? 'all'
  const kinds: Kind[] = kind === 'all' ? ['invoices', 'narrow', 'bad', 'commas'] : [kind as Kind]
  const runs: Record<string, unknown>[] = []
  for (const k of kinds) runs.push(await measure(k, mb))
  return { mb, node: process.version, runs }
}
