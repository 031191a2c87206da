/**
 * npm run sandbox -- [--seed 42] [--orgs 40] [--port 8787] [--scale tiny|demo|large] [--print-json]
 *                    [--invoice-route] [--products N] [--users N] [--reference-date 2026-11-27]
 *                    [--max-per-page 200] [--rate-limit 60/60000] [--rate-limit-off] [--control-secret S]
 *
 * With --print-json the first stdout line is
 *   {"url":"…","tokens":{"<name>":"<token>",…},"control":{"url":"…","secret":"…"}}
 * Stops cleanly on SIGINT / SIGTERM.
 */
import { parseArgs } from 'node:util'
import { startSandbox, type SandboxOptions } from './index'
import type { Scale } from './generate'
import { SANDBOX_PROFILES, type SandboxProfile, type SettingsPatch } from './settings'

const USAGE = `Usage: npm run sandbox -- [options]
  --seed N              PRNG seed (default 42)
  --scale S             tiny | demo | large (default demo)
  --orgs N              number of organisations, the agency included
  --products N          number of products
  --users N             number of users
  --port N              port on 127.0.0.1 (default 0 = random)
  --reference-date D    YYYY-MM-DD around which dates are generated (default today)
  --profile P           faithful (default) or live-shapes (the reference's §15 variants)
  --invoice-route       serve GET /2/invoicing/account/{id}/invoices and /1/accounts/{id}/invoices (off by default)
  --max-per-page N      largest page returned (default 200)
  --rate-limit L/W      L requests per W ms (default 60/60000)
  --rate-limit-off      no rate limit
  --control-secret S    secret for /__control (default random)
  --print-json          first stdout line: {"url","tokens","control"} as JSON
  --help`

function int(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new Error(`--${name} expects a non-negative integer, got "${value}"`)
  return Number(value)
}

function parseCli(argv: string[]): { options: SandboxOptions; printJson: boolean; help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string' },
      scale: { type: 'string' },
      orgs: { type: 'string' },
      products: { type: 'string' },
      users: { type: 'string' },
      port: { type: 'string' },
      'reference-date': { type: 'string' },
      profile: { type: 'string' },
      'invoice-route': { type: 'boolean' },
      'max-per-page': { type: 'string' },
      'rate-limit': { type: 'string' },
      'rate-limit-off': { type: 'boolean' },
      'control-secret': { type: 'string' },
      'print-json': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  })
  const options: SandboxOptions = {}
  const settings: SettingsPatch = {}
  const seed = int(values.seed, 'seed')
  if (seed !== undefined) options.seed = seed
  if (values.scale !== undefined) {
    if (!['tiny', 'demo', 'large'].includes(values.scale)) throw new Error(`--scale must be tiny, demo or large`)
    options.scale = values.scale as Scale
  }
  const orgs = int(values.orgs, 'orgs')
  if (orgs !== undefined) options.orgs = orgs
  const products = int(values.products, 'products')
  if (products !== undefined) options.products = products
  const users = int(values.users, 'users')
  if (users !== undefined) options.users = users
  const port = int(values.port, 'port')
  if (port !== undefined) options.port = port
  if (values['reference-date'] !== undefined) {
    const t = Date.parse(`${values['reference-date']}T00:00:00Z`)
    if (Number.isNaN(t)) throw new Error('--reference-date expects YYYY-MM-DD')
    options.referenceTime = t
  }
  if (values.profile !== undefined) {
    if (!(SANDBOX_PROFILES as readonly string[]).includes(values.profile))
      throw new Error(`--profile must be one of ${SANDBOX_PROFILES.join(', ')}`)
    options.profile = values.profile as SandboxProfile
  }
  if (values['invoice-route']) settings.invoiceRoute = true
  const maxPerPage = int(values['max-per-page'], 'max-per-page')
  if (maxPerPage !== undefined) settings.maxPerPage = maxPerPage
  if (values['rate-limit'] !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(values['rate-limit'])
    if (!m) throw new Error('--rate-limit expects LIMIT/WINDOW_MS, e.g. 60/60000')
    settings.rateLimit = { limit: Number(m[1]), windowMs: Number(m[2]) }
  }
  if (values['rate-limit-off']) settings.rateLimit = { ...settings.rateLimit, key: 'off' }
  options.settings = settings
  if (values['control-secret'] !== undefined) options.controlSecret = values['control-secret']
  return { options, printJson: values['print-json'] === true, help: values.help === true }
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseCli>
  try {
    parsed = parseCli(process.argv.slice(2))
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`)
    process.exit(2)
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const started = performance.now()
  const sb = await startSandbox(parsed.options)
  const ms = Math.round(performance.now() - started)
  if (parsed.printJson) {
    process.stdout.write(
      `${JSON.stringify({ url: sb.url, tokens: sb.tokens, control: { url: sb.control.url, secret: sb.control.secret } })}\n`,
    )
  } else {
    const d = sb.data
    const lines = [
      `Infomaniak API sandbox listening on ${sb.url} (ready in ${ms} ms)`,
      `  seed ${d.seed}, reference date ${new Date(d.referenceTime).toISOString().slice(0, 10)}: ${d.orgs.length} organisations, ${d.products.length} products, ${d.users.length} users, ${d.teams.length} teams, ${d.invitations.filter((i) => i.status === 'pending').length} pending invitations, ${d.partnerships.length} partnerships, ${d.invoices.length} invoices`,
      `  rate limit: ${sb.settings.rateLimit.key === 'off' ? 'off' : `${sb.settings.rateLimit.limit} per ${sb.settings.rateLimit.windowMs} ms (${sb.settings.rateLimit.mode}, per ${sb.settings.rateLimit.key})`}; max per_page ${sb.settings.maxPerPage}; shapes ${sb.settings.shapes.orgTypes === 'mobile' ? 'faithful' : 'live-shapes'}; invoice route ${sb.settings.invoiceRoute ? 'on' : 'off'}`,
      '',
      'Tokens:',
      ...d.tokens.map((t) => `  ${t.name.padEnd(8)} ${t.token}\n           ${t.description}`),
      '',
      `Control: ${sb.control.url}  (header X-Sandbox-Control: ${sb.control.secret})`,
      '',
      'Try:',
      `  curl -s -H "Authorization: Bearer ${sb.tokens.owner ?? ''}" "${sb.url}/1/accounts?order_by=name"`,
      `  curl -s -H "Authorization: Bearer ${sb.tokens.owner ?? ''}" "${sb.url}/1/products?page=1&per_page=100"`,
      '',
      'Ctrl+C to stop.',
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
  }
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    if (!parsed.printJson) process.stderr.write(`\n${signal}: stopping the sandbox\n`)
    sb.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((e: unknown) => {
  process.stderr.write(`sandbox failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})
