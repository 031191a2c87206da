/**
 * Sandbox benchmark: data generation time and counts per scale, request latency of the hot
 * routes against the generated data, and peak RSS.
 *
 *   bench(['--scale', 'large'])        one scale
 *   bench(['--scale', 'tiny,demo'])    several
 *   bench([])                          tiny, demo and large
 *   bench(['--no-serve'])              generation only
 */
import { generate, hashData, startSandbox, type Scale } from '../../electron/sandbox/index'

const SCALES: readonly Scale[] = ['tiny', 'demo', 'large']

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name)
  if (i >= 0) return argv[i + 1]
  const eq = argv.find((a) => a.startsWith(`${name}=`))
  return eq ? eq.slice(name.length + 1) : undefined
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now()
  const value = await fn()
  return [value, Math.round((performance.now() - t0) * 10) / 10]
}

export default async function bench(argv: string[]): Promise<Record<string, unknown>> {
  const requested = (arg(argv, '--scale') ?? SCALES.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  for (const s of requested)
    if (!(SCALES as readonly string[]).includes(s)) throw new Error(`unknown scale ${s} (tiny, demo, large)`)
  const seed = Number(arg(argv, '--seed') ?? 42)
  const serve = !argv.includes('--no-serve')
  const referenceTime = Date.UTC(2026, 10, 27)
  const results: Record<string, unknown> = {}

  for (const scale of requested as Scale[]) {
    const [data, generateMs] = await timed(() => generate({ seed, referenceTime, scale }))
    const [, hashMs] = await timed(() => hashData(data))
    const entry: Record<string, unknown> = {
      generateMs,
      hashMs,
      counts: {
        orgs: data.orgs.length,
        products: data.products.length,
        users: data.users.length,
        memberships: data.memberships.length,
        teams: data.teams.length,
        invitations: data.invitations.length,
        pendingInvitations: data.invitations.filter((i) => i.status === 'pending').length,
        partnerships: data.partnerships.length,
        invoices: data.invoices.length,
      },
    }
    if (serve) {
      const sb = await startSandbox({ data, seed, settings: { rateLimit: { key: 'off' } } })
      try {
        const headers = { authorization: `Bearer ${sb.tokens.owner ?? ''}` }
        const get = async (path: string): Promise<number> => {
          const res = await fetch(`${sb.url}${path}`, { headers })
          await res.arrayBuffer()
          if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
          return res.status
        }
        const org = data.orgs[1]?.id ?? data.agencyAccountId
        const requestMs: Record<string, number> = {}
        for (const path of [
          '/1/accounts?order_by=name&with=logo',
          '/1/products?page=1&per_page=200',
          '/1/products?page=2&per_page=200',
          `/2/accounts/${org}/users?page=1&per_page=200`,
          '/2/domains/domains?order_by=expiration&page=1&per_page=200',
        ]) {
          const [, ms] = await timed(() => get(path))
          requestMs[path] = ms
        }
        const pages = Math.ceil(data.products.length / 200)
        const sweepPages = Math.min(pages, 20)
        const [, sweepMs] = await timed(async () => {
          for (let p = 1; p <= sweepPages; p++) await get(`/1/products?page=${p}&per_page=200`)
        })
        entry.requestMs = requestMs
        entry.productPagesPerSecond = Math.round((sweepPages / (sweepMs / 1000)) * 10) / 10
      } finally {
        await sb.stop()
      }
    }
    results[scale] = entry
  }
  results.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
  results.node = process.version
  return results
}
