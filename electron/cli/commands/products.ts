/** `products`: cached products, optionally of one organization or expiring within N days. */
import type { ProductRow } from '../../../shared/domain/cache'
import { serviceLabel } from '../../../shared/domain/service-catalogue'
import { nonEmpty, noPositionals, UsageError } from '../args'
import { defineCommand } from '../command'
import { accountFilter, noAccountsHint, resolveOrg, type Context, type Result } from '../context'
import { dateFromSeconds, plural, table } from '../format'

const DAY_SECONDS = 86_400

function listProducts(
  ctx: Context,
  command: { account: string | undefined; org: string | undefined; expiringDays: number | undefined },
): Result {
  const account = accountFilter(ctx, command.account)
  const orgId = command.org === undefined ? undefined : resolveOrg(ctx, command.org, account)
  const expiringBefore =
    command.expiringDays === undefined
      ? undefined
      : Math.floor(ctx.core.services.clock.now() / 1000) + command.expiringDays * DAY_SECONDS
  const rows = ctx.core.services.queries.products({
    accountId: account?.id,
    orgId,
    ...(expiringBefore === undefined
      ? {}
      : { expiringFrom: Math.floor(ctx.core.services.clock.now() / 1000), expiringBefore }),
  })
  if (expiringBefore !== undefined) rows.sort((a, b) => (a.expiredAt ?? 0) - (b.expiredAt ?? 0) || a.id - b.id)
  noAccountsHint(ctx)
  const orgNames = new Map(ctx.core.services.queries.orgs(account?.id).map((o) => [`${o.accountId}:${o.id}`, o.name]))
  const flags = (p: ProductRow): string =>
    [
      p.isTrial && 'trial',
      p.isLocked && 'locked',
      p.hasMaintenance && 'maintenance',
      p.hasOperationInProgress && 'busy',
    ]
      .filter((f): f is string => typeof f === 'string')
      .join(',')
  return {
    json: rows,
    human:
      rows.length === 0
        ? ''
        : `${table(rows, [
            { header: 'ID', value: (p) => p.id, align: 'right' },
            { header: 'ORGANIZATION', value: (p) => orgNames.get(`${p.accountId}:${p.orgId}`) ?? `#${p.orgId}` },
            // The CLI's tables are English; the service by its catalogue name (--json keeps the code).
            { header: 'SERVICE', value: (p) => serviceLabel(p.serviceName, 'en') },
            { header: 'NAME', value: (p) => p.customerName },
            { header: 'FQDN', value: (p) => p.fqdn },
            { header: 'EXPIRES', value: (p) => dateFromSeconds(p.expiredAt) },
            { header: 'FLAGS', value: flags },
          ])}\n${plural(rows.length, 'product')}`,
  }
}

export const products = defineCommand({
  kind: 'products',
  words: ['products'],
  group: 'Cache',
  options: { account: { type: 'string' }, org: { type: 'string' }, 'expiring-days': { type: 'string' } },
  usage: `  products [--org O] [--account A] [--expiring-days N]
                                     Products; with --expiring-days, those expiring within N days
                                     (already expired ones included).`,
  parse({ positionals, values }) {
    noPositionals(positionals)
    const account = nonEmpty(values.account, 'account')
    const org = nonEmpty(values.org, 'org')
    const raw = values['expiring-days']
    let expiringDays: number | undefined
    if (raw !== undefined) {
      if (!/^\d{1,5}$/.test(raw.trim())) throw new UsageError('--expiring-days takes a whole number of days.')
      expiringDays = Number(raw.trim())
    }
    return { account, org, expiringDays }
  },
  run: listProducts,
})
