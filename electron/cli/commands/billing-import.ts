/**
 * `billing import FILE`: a Manager invoice-history CSV into the ledger, all or nothing, like the app's
 * import (same reader, same checks). `--dry-run` reads and reports without writing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  IMPORT_FIELDS,
  IMPORT_LIMITS,
  type ImportField,
  type ImportOptions,
  type ImportPreview,
  type ImportRowError,
} from '../../../shared/domain/billing'
import { nonEmpty, UsageError } from '../args'
import { defineCommand } from '../command'
import { CliError, EXIT_FAILURE, resolveOrg, type Context, type Result } from '../context'
import { billingAccount, totalsLine } from './billing-common'

/** A column named by its header (case-insensitive) or its 1-based number. */
type ColumnRef = string | number

/**
 * `--mapping`: a JSON file `{"number": "Facture", "amountInclVat": 5}`, or inline
 * `number=Facture,amountInclVat=5` (header names or 1-based column numbers).
 */
export function parseMappingOption(value: string, cwd: string): Partial<Record<ImportField, ColumnRef>> {
  const path = resolve(cwd, value)
  let entries: [string, unknown][]
  if (existsSync(path) && statSync(path).isFile()) {
    let json: unknown
    try {
      json = JSON.parse(readFileSync(path, 'utf8'))
    } catch {
      throw new UsageError(`--mapping: ${value} is not a JSON file.`)
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new UsageError('--mapping: the JSON file must hold an object {"field": "Header" or column number}.')
    entries = Object.entries(json)
  } else {
    entries = value.split(',').map((pair) => {
      const at = pair.indexOf('=')
      if (at <= 0) throw new UsageError(`--mapping: "${pair}" is not field=COLUMN.`)
      const column = pair.slice(at + 1).trim()
      return [pair.slice(0, at).trim(), /^\d+$/.test(column) ? Number(column) : column]
    })
  }
  const out: Partial<Record<ImportField, ColumnRef>> = {}
  for (const [field, column] of entries) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(field))
      throw new UsageError(`--mapping: unknown field "${field}" (fields: ${IMPORT_FIELDS.join(', ')}).`)
    if (!(typeof column === 'string' && column.trim() !== '') && !(typeof column === 'number' && column >= 1))
      throw new UsageError(`--mapping: ${field} needs a header name or a column number from 1.`)
    out[field as ImportField] = column
  }
  return out
}

/** Column numbers (0-based) for a mapping by header names or 1-based numbers. */
function resolveMapping(
  mapping: Partial<Record<ImportField, ColumnRef>>,
  headers: readonly string[],
): Partial<Record<ImportField, number>> {
  const out: Partial<Record<ImportField, number>> = {}
  for (const [field, column] of Object.entries(mapping) as [ImportField, ColumnRef][]) {
    const index =
      typeof column === 'number'
        ? column - 1
        : headers.findIndex((h) => h.trim().toLowerCase() === column.trim().toLowerCase())
    if (index < 0 || index >= headers.length)
      throw new CliError('INVALID_INPUT', `--mapping: the file has no column "${column}" for ${field}.`)
    out[field] = index
  }
  return out
}

function errorLines(errors: readonly ImportRowError[], total: number): string {
  const lines = errors
    .slice(0, 20)
    .map((e) => `  line ${e.line}: ${e.field ?? 'row'} ${e.code}${e.value !== null ? ` (${e.value})` : ''}`)
  if (total > lines.length) lines.push(`  … ${total - lines.length} more`)
  return lines.join('\n')
}

interface ImportArgs {
  file: string
  account: string | undefined
  org: string | undefined
  mapping: string | undefined
  vatRate: number | undefined
  split: boolean | undefined
  dryRun: boolean
}

async function runImport(ctx: Context, args: ImportArgs): Promise<Result> {
  const account = billingAccount(ctx, args.account)
  const billing = ctx.core.services.billing
  const path = resolve(ctx.io.cwd, args.file)
  if (!existsSync(path) || !statSync(path).isFile()) throw new CliError('NOT_FOUND', `No file ${args.file}.`)
  if (statSync(path).size > IMPORT_LIMITS.fileBytes)
    throw new CliError(
      'INVALID_INPUT',
      `The file is larger than ${Math.round(IMPORT_LIMITS.fileBytes / 1024 / 1024)} MB.`,
      EXIT_FAILURE,
    )
  const bytes = readFileSync(path)
  const fileName = path.split(/[\\/]/).pop() ?? args.file
  const options: ImportOptions = {
    ...(args.org !== undefined ? { fileOrgId: resolveOrg(ctx, args.org, account) } : {}),
    ...(args.vatRate !== undefined ? { vatRatePercent: args.vatRate } : {}),
    ...(args.split !== undefined ? { split: args.split } : {}),
  }
  let preview: ImportPreview = await billing.preview({ accountId: account.id, fileName, bytes, options })
  if (args.mapping !== undefined) {
    options.mapping = resolveMapping(parseMappingOption(args.mapping, ctx.io.cwd), preview.headers)
    preview = await billing.preview({ accountId: account.id, previewId: preview.previewId, options })
  }
  const needsOrg = !preview.orgColumn && !preview.split && preview.fileOrgId === null
  const hint = needsOrg ? '\nThe file names no organization: say whose invoices these are with --org O.' : ''

  if (args.dryRun) {
    const ok = preview.errorCount === 0 && preview.invoiceCount > 0
    return {
      json: { dryRun: true, ...preview },
      human:
        `${fileName}: ${preview.rowCount} rows, ${preview.invoiceCount} invoices, ${preview.errorCount} errors ` +
        `(${preview.encoding}, delimiter ${preview.delimiter === '\t' ? 'tab' : preview.delimiter})\n` +
        `Totals incl. VAT: ${totalsLine(preview.totals)}` +
        (preview.vatUnknownCount > 0
          ? `\n${preview.vatUnknownCount} invoices without VAT breakdown (see --vat-rate)`
          : '') +
        (preview.errorCount > 0 ? `\n${errorLines(preview.errors, preview.errorCount)}` : '') +
        hint +
        (ok ? '\nDry run: nothing was written.' : '\nNothing would be imported.'),
      exitCode: ok ? 0 : EXIT_FAILURE,
    }
  }
  const result = await billing.commit({ accountId: account.id, previewId: preview.previewId, options })
  const human =
    result.status === 'imported'
      ? `Imported ${result.imported} invoices from ${fileName} (${result.skipped} already in the ledger).\nTotals incl. VAT: ${totalsLine(result.totals)}`
      : result.status === 'duplicate_file'
        ? `${fileName} was already imported: nothing added.`
        : `Nothing imported: ${result.errorCount} row errors.\n${errorLines(result.errors, result.errorCount)}${hint}`
  return {
    json: { fileName, ...result },
    human,
    exitCode: result.status === 'rejected' ? EXIT_FAILURE : 0,
  }
}

export const billingImport = defineCommand({
  kind: 'billing-import',
  words: ['billing', 'import'],
  group: 'Billing',
  options: {
    account: { type: 'string' },
    org: { type: 'string' },
    mapping: { type: 'string' },
    'vat-rate': { type: 'string' },
    split: { type: 'boolean' },
    'no-split': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  usage: `  billing import FILE [--org O] [--mapping M] [--vat-rate R] [--split|--no-split] [--dry-run] [--account A]
                                     Imports a Manager invoice-history CSV, all or nothing. --org: the
                                     file's organization (per-organization exports name none). --mapping:
                                     field=HEADER[,field=N...] or a JSON file. --vat-rate: % for files
                                     with amounts incl. VAT only. --dry-run: report, write nothing.`,
  parse({ positionals, values }): ImportArgs {
    const [file, ...rest] = positionals
    if (!file) throw new UsageError('billing import needs a FILE.')
    if (rest.length > 0) throw new UsageError(`Unexpected argument: ${rest.join(' ')}`)
    const rate = nonEmpty(values['vat-rate'], 'vat-rate')
    if (rate !== undefined && !(/^\d{1,2}([.,]\d{1,2})?$/.test(rate) && Number(rate.replace(',', '.')) <= 100))
      throw new UsageError('--vat-rate takes a percentage such as 8.1.')
    if (values.split === true && values['no-split'] === true)
      throw new UsageError('--split and --no-split cannot go together.')
    return {
      file,
      account: nonEmpty(values.account, 'account'),
      org: nonEmpty(values.org, 'org'),
      mapping: nonEmpty(values.mapping, 'mapping'),
      vatRate: rate === undefined ? undefined : Number(rate.replace(',', '.')),
      split: values.split === true ? true : values['no-split'] === true ? false : undefined,
      dryRun: values['dry-run'] === true,
    }
  },
  run: runImport,
})
