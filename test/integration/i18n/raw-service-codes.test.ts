/**
 * Guard: no raw service code (`web_hosting`, `ksuite`, `email_hosting` …) in anything a person reads.
 *
 * One sandbox sync fills a realistic cache (every service of the catalogue's vocabulary, invoices from
 * the API); then every export and document type is generated and read back as a person would see it
 * (CSV text, XLSX cells through exceljs, PDF through pdftotext, ICS text), search results are asked
 * for each service, and the CLI's human tables are printed. Any catalogue code (or alias) found as a
 * word fails the test with where it was seen.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../electron/cli/main'
import { calendarFeedPath } from '../../../electron/main/reminders/calendar-feed'
import { reminderText } from '../../../electron/main/reminders/reminder-text'
import { SERVICE_CATALOGUE, serviceLabel } from '../../../shared/domain/service-catalogue'
import type { DeliveredFile } from '../../../shared/domain/files'
import type { InvokeChannel } from '../../../shared/ipc/channels'
import type { InvokeInput, InvokeOutput } from '../../../shared/ipc/contract'
import { syncFixture } from '../../helpers/sync'

/**
 * Codes that are also ordinary lowercase words a sentence may hold ("pending invitation", "mail") are
 * not looked for; every other code and alias is, as a whole word, case-sensitively.
 */
const ORDINARY_WORDS = new Set([
  'backup',
  'certificate',
  'cloud',
  'domain',
  'drive',
  'hosting',
  'housing',
  'invitation',
  'mail',
  'mailbox',
  'newsletter',
  'radio',
  'video',
])
const RAW_CODES = [...new Set(SERVICE_CATALOGUE.flatMap((e) => [e.name, ...(e.aliases ?? [])]))].filter(
  (c) => !ORDINARY_WORDS.has(c),
)
const RAW = new RegExp(`(?<![A-Za-z0-9_])(${RAW_CODES.join('|')})(?![A-Za-z0-9_])`, 'g')

/** Every raw code in a text, with a little context, for a readable failure. */
function rawCodesIn(text: string): string[] {
  return [...text.matchAll(RAW)].map((m) => `${m[1]} in “…${text.slice(Math.max(0, m.index - 30), m.index + 30)}…”`)
}

type Fixture = Awaited<ReturnType<typeof syncFixture>>
let fx: Fixture
let accountId: string
let serviceCodes: string[]

async function call<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<InvokeOutput<C>> {
  const r = await fx.core.dispatch(channel, input, { transport: 'test' })
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.reason}`)
  return r.value as InvokeOutput<C>
}

async function xlsxText(path: string): Promise<string> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  const parts: string[] = []
  book.eachSheet((sheet) => {
    parts.push(sheet.name)
    sheet.eachRow((row) => row.eachCell((cell) => parts.push(cell.text)))
  })
  return parts.join('\n')
}

const pdfText = (path: string): string => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })

async function fileText(file: { savedPath: string | null; fileName: string }): Promise<string> {
  expect(file.savedPath).not.toBeNull()
  const path = file.savedPath!
  if (file.fileName.endsWith('.xlsx')) return xlsxText(path)
  if (file.fileName.endsWith('.pdf')) return pdfText(path)
  return readFileSync(path, 'utf8')
}

beforeAll(async () => {
  fx = await syncFixture({ settings: { invoiceRoute: true } })
  accountId = await fx.addAccount('owner')
  await call('billing:fetch-invoices', { accountId })
  serviceCodes = (
    fx.db.prepare('SELECT DISTINCT service_name AS s FROM products ORDER BY s').all() as { s: string }[]
  ).map((r) => r.s)
}, 120_000)
afterAll(async () => fx?.dispose())

describe('raw service codes', () => {
  it('the cache holds the codes this guard looks for (otherwise it proves nothing)', () => {
    const guarded = serviceCodes.filter((c) => RAW_CODES.includes(c))
    expect(guarded).toEqual(expect.arrayContaining(['web_hosting', 'email_hosting', 'ksuite']))
    // The pattern itself finds a code as a word and leaves display names alone.
    expect(rawCodesIn('Client;web_hosting;2026')).toHaveLength(1)
    expect(rawCodesIn(`${serviceLabel('web_hosting', 'en')} ${serviceLabel('ksuite', 'de')}`)).toEqual([])
  })

  it.each(['en', 'de'] as const)(
    'exports and documents in %s name services by the catalogue',
    async (language) => {
      await call('settings:set', { patch: { language } })
      const orgId = (
        fx.db.prepare('SELECT org_id AS o FROM products GROUP BY org_id ORDER BY count(*) DESC LIMIT 1').get() as {
          o: number
        }
      ).o
      const period = { from: '2000-01-01', to: '2099-12-31' }
      const files: [string, DeliveredFile | { savedPath: string | null; fileName: string }][] = []
      for (const format of ['csv', 'ics'] as const)
        files.push([
          `renewals ${format}`,
          await call('renewals:export', { format, withinDays: 730, includeExpiredDays: 365, language }),
        ])
      for (const format of ['csv', 'xlsx', 'pdf'] as const)
        files.push([
          `billing ${format}`,
          await call('billing:export', { accountId, format, ...period, locale: language }),
        ])
      for (const format of ['csv', 'xlsx'] as const)
        files.push([
          `forecast ${format}`,
          await call('billing:forecast-export', { accountId, format, ...period, locale: language }),
        ])
      for (const format of ['csv', 'xlsx'] as const)
        files.push([`matrix ${format}`, await call('access:matrix-export', { accountId, orgId, format, language })])
      for (const format of ['csv', 'xlsx'] as const)
        files.push([
          `inventory ${format}`,
          await call('fleet:inventory-export', {
            filter: {},
            columns: ['name', 'client', 'type', 'status', 'expiry'],
            format,
          }),
        ])
      // The calendar feed calendar apps subscribe to (written when the setting is switched on).
      await call('reminders:settings-set', { patch: { calendarFeed: false } })
      await call('reminders:settings-set', { patch: { calendarFeed: true } })
      files.push(['calendar feed', { savedPath: calendarFeedPath(fx.ctx.dataDir), fileName: 'feed.ics' }])

      const found: string[] = []
      for (const [what, file] of files) {
        const text = await fileText(file)
        expect(text.length, what).toBeGreaterThan(50)
        found.push(...rawCodesIn(text).map((f) => `${what}: ${f}`))
        if (!what.startsWith('billing') && !what.startsWith('forecast'))
          expect(text, `${what} names services`).toContain(serviceLabel('web_hosting', language))
      }
      expect(found).toEqual([])
    },
    120_000,
  )

  it('search results name services by the catalogue', async () => {
    await call('settings:set', { patch: { language: 'fr' } })
    const found: string[] = []
    let products = 0
    for (const code of serviceCodes) {
      for (const text of [code, serviceLabel(code, 'fr')]) {
        const hits = await call('search:query', { text, limit: 20 })
        for (const h of hits) {
          if (h.kind === 'product') products++
          found.push(...rawCodesIn(`${h.title} ${h.subtitle}`).map((f) => `search “${text}”: ${f}`))
        }
      }
    }
    expect(products).toBeGreaterThan(0)
    expect(found).toEqual([])
  })

  it('the CLI’s human tables name services by the catalogue', async () => {
    const found: string[] = []
    for (const argv of [['products'], ['products', '--expiring-days', '3650']]) {
      const stdout = new PassThrough()
      let text = ''
      stdout.setEncoding('utf8').on('data', (d: string) => (text += d))
      const stderr = new PassThrough()
      const code = await runCli({
        argv: [...argv, '--data-dir', fx.ctx.dataDir],
        env: {},
        stdout,
        stderr,
        stdin: process.stdin,
        cwd: process.cwd(),
        platform: 'linux',
        homedir: fx.ctx.dataDir,
        fetch: () => Promise.reject(new Error('no network')),
        loadKeychain: () => Promise.reject(new Error('no keychain')),
        onInterrupt: () => () => undefined,
        version: '0.0.0-test',
      })
      expect(code, argv.join(' ')).toBe(0)
      expect(text, argv.join(' ')).toMatch(/kSuite|Web hosting|Mail service/)
      found.push(...rawCodesIn(text).map((f) => `cli ${argv.join(' ')}: ${f}`))
    }
    expect(found).toEqual([])
  })

  it('reminder sentences outside the renderer (notifications, tray, CLI) name services by the catalogue', () => {
    const reminders = fx.core.services.reminders.list({ unreadOnly: false, includeMuted: true, limit: 500 }).items
    const aboutProducts = reminders.filter((r) => typeof r.params['service'] === 'string')
    expect(aboutProducts.length).toBeGreaterThan(0)
    const found: string[] = []
    for (const language of ['en', 'fr']) {
      for (const r of aboutProducts) {
        const { title, body } = reminderText(r, language)
        expect(body).toContain(serviceLabel(String(r.params['service']), language))
        found.push(...rawCodesIn(`${title} ${body}`).map((f) => `reminder ${r.rule} (${language}): ${f}`))
      }
    }
    expect(found).toEqual([])
  })
})
