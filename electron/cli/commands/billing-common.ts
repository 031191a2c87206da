/** What the `billing` commands share: the account they work on and how totals print. */
import type { AccountSummary } from '../../../shared/domain/cache'
import type { CurrencyAmount, DocumentLanguage } from '../../../shared/domain/billing'
import { UsageError } from '../args'
import { CliError, EXIT_USAGE, resolveAccount, type Context } from '../context'
import { formatMoney } from '../../../shared/i18n/format'

/** The account named by `--account`, or the only one there is. */
export function billingAccount(ctx: Context, ref: string | undefined): AccountSummary {
  const accounts = ctx.core.services.accounts.list()
  if (ref !== undefined) return resolveAccount(accounts, ref)
  if (accounts.length === 1) return accounts[0]!
  if (accounts.length === 0)
    throw new CliError('NOT_FOUND', 'No account yet. Add one with: switchboard accounts add --token-env VAR')
  throw new CliError('USAGE', 'Several accounts exist: say which with --account A.', EXIT_USAGE)
}

/** `2026-01-31`, checked. */
export function isoDateOption(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined
  const v = value.trim()
  const date = new Date(`${v}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== v)
    throw new UsageError(`--${option} takes a date as YYYY-MM-DD.`)
  return v
}

const LANGUAGES: readonly DocumentLanguage[] = ['en', 'fr', 'de', 'it', 'es']

export function languageOption(value: string | undefined): DocumentLanguage | undefined {
  if (value === undefined) return undefined
  const lang = LANGUAGES.find((l) => l === value.trim().toLowerCase())
  if (!lang) throw new UsageError(`--lang takes one of ${LANGUAGES.join(', ')}.`)
  return lang
}

/** `CHF 1'234.50 (3 invoices)` per currency (the app's English formats): never added across currencies. */
export function totalsLine(totals: readonly CurrencyAmount[]): string {
  if (totals.length === 0) return 'no total'
  return totals
    .map((t) => `${formatMoney(t.cents, t.currency, 'en')} (${t.count} invoice${t.count === 1 ? '' : 's'})`)
    .join(', ')
}
