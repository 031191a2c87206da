/** `orgs`: the cached organizations with role, product and user counts and last sync. */
import type { OrgSummary } from '../../../shared/domain/cache'
import { nonEmpty, noPositionals } from '../args'
import { defineCommand } from '../command'
import { accountFilter, accountLabels, noAccountsHint, type Context, type Result } from '../context'
import { dateFromMs, plural, table } from '../format'

function listOrgs(ctx: Context, command: { account: string | undefined }): Result {
  const account = accountFilter(ctx, command.account)
  const rows = ctx.core.services.queries.orgs(account?.id)
  noAccountsHint(ctx)
  const multi = new Set(rows.map((r) => r.accountId)).size > 1
  const labels = accountLabels(ctx)
  const columns = [
    { header: 'ID', value: (o: OrgSummary) => o.id, align: 'right' as const },
    { header: 'NAME', value: (o: OrgSummary) => o.name },
    { header: 'ROLE', value: (o: OrgSummary) => o.role },
    { header: 'PRODUCTS', value: (o: OrgSummary) => o.productCount, align: 'right' as const },
    { header: 'USERS', value: (o: OrgSummary) => o.userCount, align: 'right' as const },
    { header: 'SYNCED', value: (o: OrgSummary) => dateFromMs(o.syncedAt) ?? 'never' },
    ...(multi ? [{ header: 'ACCOUNT', value: (o: OrgSummary) => labels.get(o.accountId) ?? o.accountId }] : []),
  ]
  return {
    json: rows,
    human: rows.length === 0 ? '' : `${table(rows, columns)}\n${plural(rows.length, 'organization')}`,
  }
}

export const orgs = defineCommand({
  kind: 'orgs',
  words: ['orgs'],
  group: 'Cache',
  options: { account: { type: 'string' } },
  usage: '  orgs [--account A]                 Organizations.',
  parse({ positionals, values }) {
    noPositionals(positionals)
    return { account: nonEmpty(values.account, 'account') }
  },
  run: listOrgs,
})
