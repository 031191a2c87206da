/** `users`: members and pending invitations of one organization. */
import { problemText } from '../../../shared/i18n/problems'
import type { OrgUserRow } from '../../../shared/domain/cache'
import { nonEmpty, noPositionals, UsageError } from '../args'
import { defineCommand } from '../command'
import { accountFilter, accountLabels, resolveOrg, safe, type Context, type Result } from '../context'
import { dateFromSeconds, plural, table } from '../format'

function listUsers(ctx: Context, command: { account: string | undefined; org: string }): Result {
  const account = accountFilter(ctx, command.account)
  const orgId = resolveOrg(ctx, command.org, account)
  const holders = [
    ...new Set(
      ctx.core.services.queries
        .orgs(account?.id)
        .filter((o) => o.id === orgId)
        .map((o) => o.accountId),
    ),
  ]
  const rows: OrgUserRow[] = holders.flatMap((id) => ctx.core.services.queries.users(id, orgId))
  for (const id of holders) {
    const issue = ctx.core.services.sync.status(id)[0]?.issues.find((i) => i.orgId === orgId && i.resource === 'users')
    if (issue && !ctx.line.json) {
      ctx.err.write(
        `note: users of organization ${orgId} are not in the cache: ${safe(issue.problem ? problemText(issue.problem, 'en') : issue.status)}\n`,
      )
    }
  }
  const labels = accountLabels(ctx)
  const yesNo = (v: boolean | null): string | null => (v === null ? null : v ? 'yes' : 'no')
  return {
    json: rows,
    human:
      rows.length === 0
        ? ''
        : `${table(rows, [
            { header: 'NAME', value: (u) => u.displayName },
            { header: 'EMAIL', value: (u) => u.email },
            { header: 'ROLE', value: (u) => u.roleType },
            { header: 'STATE', value: (u) => u.state },
            { header: 'BILLING', value: (u) => yesNo(u.hasBillingAccess) },
            { header: '2FA', value: (u) => yesNo(u.has2fa) },
            { header: 'LAST LOGIN', value: (u) => dateFromSeconds(u.lastLoginAt) ?? 'never' },
            { header: 'TEAMS', value: (u) => u.teamIds.length, align: 'right' },
            ...(holders.length > 1 ? [{ header: 'ACCOUNT', value: (u: OrgUserRow) => labels.get(u.accountId) }] : []),
          ])}\n${plural(rows.length, 'person', 'people')}`,
  }
}

export const users = defineCommand({
  kind: 'users',
  words: ['users'],
  group: 'Cache',
  options: { account: { type: 'string' }, org: { type: 'string' } },
  usage: '  users --org O [--account A]        Members and pending invitations of an organization.',
  parse({ positionals, values }) {
    noPositionals(positionals)
    const account = nonEmpty(values.account, 'account')
    const org = nonEmpty(values.org, 'org')
    if (org === undefined) throw new UsageError('users needs --org (organization id or name).')
    return { account, org }
  },
  run: listUsers,
})
