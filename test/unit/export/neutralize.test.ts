/**
 * One neutralisation rule (electron/main/export/neutralize.ts), property-tested over every CSV, XLSX
 * and ICS writer of the app: billing (CSV, XLSX), access (matrix CSV/XLSX, offboarding report CSV),
 * renewals (CSV, ICS). Each writer's output is read back with a real parser; every text cell must
 * come back as `neutralizeCell(input)` and none may look like a formula.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { matrixCsv, matrixXlsx, reportCsv } from '../../../electron/main/access/exports'
import { csvLine, writeCsv, writeXlsx, type ClientTotal } from '../../../electron/main/billing/export-writers'
import { toCsv } from '../../../electron/main/export/csv'
import { escapeText, toIcs } from '../../../electron/main/export/ics'
import { looksLikeFormula, neutralizeCell, xlsxText } from '../../../electron/main/export/neutralize'
import { RenewalsService } from '../../../electron/main/renewals/renewals-service'
import type { MatrixData, OffboardingRun } from '../../../shared/domain/access'
import type { InvoiceRow } from '../../../shared/domain/billing'
import type { RenewalRow } from '../../../shared/domain/renewals'
import { serviceLabel } from '../../../shared/domain/service-catalogue'
import { problemText } from '../../../shared/i18n/problems'
import { tempDir } from '../../helpers/temp'

const BLANKS = [' ', '\u00a0', '\u202f', '\u2007', '\u3000', '\u200b', '\ufeff', '\n', '\t', '\r']
const STARTS = ['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20', "'", 'a', '1', '"', ';', ',']

/** Text that often looks like a formula: optional blanks, a formula character, anything after. */
const hostile = fc
  .tuple(
    fc.array(fc.constantFrom(...BLANKS), { maxLength: 3 }),
    fc.constantFrom(...STARTS),
    fc.string({ maxLength: 12 }),
  )
  .map(([blanks, start, rest]) => blanks.join('') + start + rest)
const anyText = fc.oneof(hostile, fc.string({ maxLength: 12 }), fc.string({ maxLength: 6, unit: 'binary' }))

function assertSafe(written: string, original: string, rule: (s: string) => string = neutralizeCell): void {
  expect(written).toBe(rule(original))
  expect(looksLikeFormula(written)).toBe(false)
}
const assertXlsx = (written: string, original: string): void => assertSafe(written, original, xlsxText)

describe('the neutralisation rule', () => {
  it.each([
    ['=SUM(A1)', true],
    ['+41 21 000 00 00', true],
    ['-x', true],
    ['@cmd', true],
    ['\tx', true],
    ['\rx', true],
    [' =1+1', true],
    ['\u00a0=HYPERLINK("x")', true],
    ['\u202f+1', true],
    ['\n\n-2', true],
    ['\u200b@x', true],
    ['\uff1d1+1', true],
    ["L'Atelier", false],
    ['a=b', false],
    ['  text', false],
    ['', false],
    ["'=already", false],
  ])('%j looks like a formula: %s', (value, expected) => {
    expect(looksLikeFormula(value)).toBe(expected)
    expect(neutralizeCell(value)).toBe(expected ? `'${value}` : value)
  })

  it('is idempotent and never yields formula-looking text', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = neutralizeCell(s)
        expect(neutralizeCell(once)).toBe(once)
        expect(looksLikeFormula(once)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('CSV writers', () => {
  it('toCsv (renewals, access, offboarding) round-trips neutralised text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(anyText, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 10 }),
        fc.constantFrom(',' as const, ';' as const, '\t' as const),
        (rows, delimiter) => {
          const back = parse(toCsv(['h1', '=h2', ' @h3'], rows, { delimiter, bom: true }), {
            delimiter,
            bom: true,
          }) as string[][]
          expect(back[0]).toEqual(['h1', "'=h2", "' @h3"])
          back.slice(1).forEach((r, i) => r.forEach((cell, j) => assertSafe(cell, rows[i]?.[j] ?? '')))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('billing csvLine round-trips neutralised text with every delimiter', () => {
    fc.assert(
      fc.property(
        fc.array(anyText, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(',' as const, ';' as const, '\t' as const),
        (cells, delimiter) => {
          const line = csvLine(
            cells.map((text) => ({ text })),
            { delimiter, decimal: '.', bom: false },
          )
          const [back] = parse(line, { delimiter }) as string[][]
          cells.forEach((c, i) => assertSafe(back?.[i] ?? '', c))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('billing writeCsv neutralises client names, invoice numbers and descriptions', async () => {
    const dir = tempDir()
    let n = 0
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(anyText, anyText, anyText), { minLength: 1, maxLength: 5 }), async (rows) => {
        const file = join(dir.dir, `b${n++}.csv`)
        await writeCsv(file, rows.map(invoice), { delimiter: ';', decimal: ',', bom: true }, 'en', () => undefined)
        const back = parse(readFileSync(file, 'utf8'), { delimiter: ';', bom: true }) as string[][]
        rows.forEach(([org, number, description], i) => {
          const r = back[i + 1] ?? []
          assertSafe(r[0] ?? '', org)
          assertSafe(r[2] ?? '', number)
          assertSafe(r[11] ?? '', description)
        })
      }),
      { numRuns: 40 },
    )
    dir.cleanup()
  })

  it('access matrix and offboarding report CSVs neutralise names, e-mails, teams and products', () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, anyText, (name, email, team, product) => {
        const m = matrix(name, email, team, product)
        const back = parse(Buffer.from(matrixCsv(m, 'en').bytes).toString('utf8'), {
          bom: true,
        }) as string[][]
        assertSafe(back[0]?.[9] ?? '', `${serviceLabel('web', 'en')}: ${product} (#7)`)
        assertSafe(back[1]?.[0] ?? '', name)
        assertSafe(back[1]?.[1] ?? '', email)
        const report = parse(Buffer.from(reportCsv(run(name, team), 'en').bytes).toString('utf8'), {
          bom: true,
        }) as string[][]
        assertSafe(report[1]?.[0] ?? '', name)
        assertSafe(report[1]?.[7] ?? '', problemText({ reason: 'api.network', params: { cause: team } }, 'en'))
      }),
      { numRuns: 200 },
    )
  })

  it('renewals CSV neutralises organisation and product names', () => {
    const service = new RenewalsService(new Database(':memory:'), {
      now: () => Date.UTC(2026, 10, 27),
      sleep: () => Promise.resolve(),
    })
    fc.assert(
      fc.property(anyText, anyText, anyText, (org, product, type) => {
        const file = service.export('csv', [renewal(org, product, type)], 'en', { delimiter: ';' })
        const back = parse(Buffer.from(file.bytes).toString('utf8'), {
          delimiter: ';',
          bom: true,
        }) as string[][]
        assertSafe(back[1]?.[0] ?? '', org)
        assertSafe(back[1]?.[1] ?? '', product)
        assertSafe(back[1]?.[2] ?? '', serviceLabel(type, 'en'))
      }),
      { numRuns: 200 },
    )
  })
})

describe('XLSX writers', () => {
  async function cells(buffer: Buffer | string): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook()
    if (typeof buffer === 'string') await wb.xlsx.readFile(buffer)
    else await wb.xlsx.load(buffer as unknown as ArrayBuffer)
    return wb
  }
  /** A text cell as read back (an empty string is stored as no cell at all). */
  const textOf = (cell: ExcelJS.Cell): string => {
    if (cell.type === ExcelJS.ValueType.Null) return ''
    expect(cell.type).toBe(ExcelJS.ValueType.String)
    return String(cell.value)
  }

  it('billing XLSX neutralises the summary, invoice numbers, statuses and descriptions', async () => {
    const dir = tempDir()
    let n = 0
    await fc.assert(
      fc.asyncProperty(fc.tuple(anyText, anyText, anyText), async ([org, number, description]) => {
        const file = join(dir.dir, `b${n++}.xlsx`)
        const row = invoice([org, number, description])
        const summary: ClientTotal[] = [
          { orgId: 1, orgName: org, currency: 'CHF', count: 1, exclCents: 100, vatCents: 8, inclCents: 108 },
        ]
        await writeXlsx(file, [row], summary, 'en', () => undefined)
        const wb = await cells(file)
        const [sum, client] = wb.worksheets
        assertXlsx(textOf(sum!.getRow(2).getCell(1)), org)
        assertXlsx(textOf(client!.getRow(2).getCell(1)), number)
        assertXlsx(textOf(client!.getRow(2).getCell(9)), description)
        for (const ws of wb.worksheets)
          ws.eachRow((r) =>
            r.eachCell((c) => {
              if (c.type === ExcelJS.ValueType.String) expect(looksLikeFormula(String(c.value))).toBe(false)
              expect(c.type).not.toBe(ExcelJS.ValueType.Formula)
            }),
          )
      }),
      { numRuns: 25 },
    )
    dir.cleanup()
  })

  it('access matrix XLSX neutralises every text cell', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, anyText, async (name, email, team, product) => {
        const file = await matrixXlsx(matrix(name, email, team, product), 'en')
        const ws = (await cells(Buffer.from(file.bytes))).worksheets[0]!
        assertXlsx(textOf(ws.getRow(2).getCell(1)), name)
        assertXlsx(textOf(ws.getRow(2).getCell(2)), email)
        assertXlsx(textOf(ws.getRow(1).getCell(10)), `${serviceLabel('web', 'en')}: ${product} (#7)`)
        ws.eachRow((r) =>
          r.eachCell((c) => {
            if (c.type === ExcelJS.ValueType.String) expect(looksLikeFormula(String(c.value))).toBe(false)
          }),
        )
      }),
      { numRuns: 25 },
    )
  })
})

describe('ICS writer', () => {
  it('escapes bare CR and LF: every property stays on its line and text round-trips', () => {
    expect(escapeText('a\rb')).toBe('a\\nb')
    expect(escapeText('a\r\nb\nc')).toBe('a\\nb\\nc')
    expect(escapeText('x\u0000y\u0007z\tw')).toBe('xyz\tw')
    const service = new RenewalsService(new Database(':memory:'), {
      now: () => Date.UTC(2026, 10, 27),
      sleep: () => Promise.resolve(),
    })
    fc.assert(
      fc.property(anyText, anyText, anyText, (org, product, type) => {
        const ics = Buffer.from(service.export('ics', [renewal(org, product, type)], 'en').bytes).toString('utf8')
        // No CR or LF except the CRLF line ends.
        expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
        const cal = new ICAL.Component(ICAL.parse(ics))
        const events = cal.getAllSubcomponents('vevent')
        expect(events).toHaveLength(1)
        // eslint-disable-next-line no-control-regex -- the control characters the ICS writer drops
        const controls = /[\u0000-\u0008\u000b-\u001f\u007f]/g
        const clean = (s: string): string => s.replace(/\r\n|\r|\n/g, '\n').replace(controls, '')
        expect(new ICAL.Event(events[0]).summary).toBe(`Expiry: ${clean(product)} (${clean(org)})`)
      }),
      { numRuns: 300 },
    )
  })

  it('keeps a hostile summary from injecting properties', () => {
    const ics = toIcs([{ uid: 'u', date: '2027-01-01', summary: 'x\rATTENDEE:mailto:evil@example.com' }], {
      calendarName: 'c',
      now: 0,
    })
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!
    expect(event.getAllProperties('attendee')).toHaveLength(0)
  })
})

function invoice([orgName, number, description]: readonly [string, string, string]): InvoiceRow {
  return {
    accountId: 'a',
    orgId: 1,
    orgName,
    number,
    issueDate: '2026-01-15',
    dueDate: null,
    amountExclVatCents: -1_000,
    vatCents: -81,
    amountInclVatCents: -1_081,
    currency: 'CHF',
    status: 'paid',
    source: 'csv',
    description,
    vatBasis: 'file',
    split: false,
  }
}

function matrix(name: string, email: string, team: string, product: string): MatrixData {
  return {
    accountId: 'a',
    orgId: 1,
    orgName: 'Org',
    myRole: 'owner',
    syncedAt: 0,
    products: [{ id: 7, serviceId: 1, serviceName: 'web', name: product }],
    users: [
      {
        memberKey: 'u:1',
        userId: 1,
        invitationId: null,
        email,
        displayName: name,
        roleType: 'normal',
        pending: false,
        billing: false,
        correspondent: false,
        correspondentBilling: false,
        has2fa: null,
        lastLoginAt: null,
        invitedAt: null,
        teamIds: [3],
      },
    ],
    teams: [{ id: 3, name: team }],
    cells: [[0, 0, 1, 0, [3]]],
  }
}

function run(orgName: string, cause: string): OffboardingRun {
  const error = { reason: 'api.network', params: { cause } } as const
  return {
    runId: 'r',
    email: 'x@example.com',
    displayName: 'X',
    startedAt: 0,
    finishedAt: null,
    state: 'done',
    orgs: [{ accountId: 'a', orgId: 1, orgName, resynced: true }],
    steps: [
      {
        id: 's',
        accountId: 'a',
        orgId: 1,
        kind: 'remove_from_team',
        api: true,
        userId: 1,
        teamId: 3,
        teamName: 't',
        invitationId: null,
        url: null,
        outcome: 'failed',
        verified: null,
        error,
        at: null,
      },
    ],
  }
}

function renewal(orgName: string, customerName: string, serviceName: string): RenewalRow {
  return {
    accountId: 'a',
    orgId: 1,
    orgName,
    productId: 1,
    customerName,
    serviceName,
    expiredAt: Date.UTC(2027, 0, 31) / 1000,
    daysLeft: 65,
    expired: false,
    underCutoff: false,
    autoRenew: 'unknown',
    price: { currency: 'CHF', cents: null },
  }
}
