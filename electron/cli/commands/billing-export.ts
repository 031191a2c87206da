/** `billing export`: the ledger of a period as CSV, XLSX or PDF statements, written to a file. */
import { existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { CsvOptions, ExportFormat } from '../../../shared/domain/billing'
import { nonEmpty, noPositionals, UsageError } from '../args'
import { defineCommand } from '../command'
import { CliError, resolveOrg, type Context, type Result } from '../context'
import { billingAccount, isoDateOption, languageOption } from './billing-common'

interface ExportArgs {
  format: ExportFormat
  from: string
  to: string
  org: string | undefined
  account: string | undefined
  lang: 'en' | 'fr' | 'de' | 'it' | 'es'
  out: string
  csv: CsvOptions
}

async function runExport(ctx: Context, args: ExportArgs): Promise<Result> {
  const account = billingAccount(ctx, args.account)
  const out = resolve(ctx.io.cwd, args.out)
  if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory())
    throw new CliError('NOT_FOUND', `No folder ${dirname(out)} to write ${args.out} into.`)
  const orgIds = args.org === undefined ? undefined : [resolveOrg(ctx, args.org, account)]
  const r = await ctx.core.services.billing.export(
    {
      accountId: account.id,
      format: args.format,
      from: args.from,
      to: args.to,
      locale: args.lang,
      ...(orgIds ? { orgIds } : {}),
      ...(args.format === 'csv' ? { csv: args.csv } : {}),
    },
    out,
  )
  return {
    json: { file: out, format: args.format, rows: r.rows, bytes: r.bytes, from: args.from, to: args.to },
    human: `Wrote ${r.rows} invoices (${args.from} to ${args.to}) to ${out}`,
  }
}

export const billingExport = defineCommand({
  kind: 'billing-export',
  words: ['billing', 'export'],
  group: 'Billing',
  options: {
    format: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    org: { type: 'string' },
    account: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
    delimiter: { type: 'string' },
    decimal: { type: 'string' },
    bom: { type: 'boolean' },
  },
  usage: `  billing export --format csv|xlsx|pdf --from D --to D --out F [--org O] [--lang en|fr|de|it|es]
                 [--delimiter ,|;|tab] [--decimal .|,] [--bom] [--account A]
                                     The ledger of a period (issue dates, YYYY-MM-DD) to a file: CSV,
                                     XLSX (a sheet per client) or PDF statements in the document language.`,
  parse({ positionals, values }): ExportArgs {
    noPositionals(positionals)
    const format = nonEmpty(values.format, 'format')
    if (format !== 'csv' && format !== 'xlsx' && format !== 'pdf')
      throw new UsageError('--format takes csv, xlsx or pdf.')
    const from = isoDateOption(nonEmpty(values.from, 'from'), 'from')
    const to = isoDateOption(nonEmpty(values.to, 'to'), 'to')
    if (!from || !to) throw new UsageError('billing export needs --from and --to (YYYY-MM-DD).')
    if (from > to) throw new UsageError('--from comes after --to.')
    const out = nonEmpty(values.out, 'out')
    if (!out) throw new UsageError('billing export needs --out FILE.')
    const delimiter = nonEmpty(values.delimiter, 'delimiter') ?? ','
    const decimal = nonEmpty(values.decimal, 'decimal') ?? '.'
    const d = delimiter === 'tab' ? '\t' : delimiter
    if (d !== ',' && d !== ';' && d !== '\t') throw new UsageError('--delimiter takes , ; or tab.')
    if (decimal !== '.' && decimal !== ',') throw new UsageError('--decimal takes . or ,')
    return {
      format,
      from,
      to,
      org: nonEmpty(values.org, 'org'),
      account: nonEmpty(values.account, 'account'),
      lang: languageOption(nonEmpty(values.lang, 'lang')) ?? 'en',
      out,
      csv: { delimiter: d, decimal, bom: values.bom === true },
    }
  },
  run: runExport,
})
