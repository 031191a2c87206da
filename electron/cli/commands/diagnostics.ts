/** `diagnostics`: the API shape report (endpoints, statuses, field names and types, skipped items, capabilities). */
import { nonEmpty, noPositionals } from '../args'
import { defineCommand } from '../command'
import { accountFilter, type Context, type Result } from '../context'
import { plural } from '../format'

function diagnostics(ctx: Context, command: { account: string | undefined }): Result {
  const account = accountFilter(ctx, command.account)
  const report = ctx.core.services.diagnostics.report(account?.id)
  const lines: string[] = []
  for (const a of report.accounts) {
    lines.push(`${a.account}: ${plural(a.endpoints.length, 'endpoint')} seen`)
    const c = a.capabilities
    lines.push(
      `  per-product rights: ${c.productUsers}; team membership on users: ${c.userTeams}; 2FA: ${c.userSecurity}; invitation details: ${c.invitationDetails}`,
    )
    if (c.learned.perPageCap !== null) lines.push(`  page size capped at ${c.learned.perPageCap}`)
    for (const [endpoint, values] of Object.entries(c.learned.rejectedWith))
      lines.push(`  ${endpoint} refused with=${values.join(',')}`)
    for (const s of a.skipped)
      lines.push(`  skipped ${s.count}× ${s.endpoint} ${s.path}: expected ${s.expected}, got ${s.seen}`)
  }
  lines.push('No values, names, e-mails, ids or tokens are in this report; --json prints it whole.')
  return { json: report, human: lines.join('\n') }
}

export const diagnosticsCommand = defineCommand({
  kind: 'diagnostics',
  words: ['diagnostics'],
  group: 'Cache',
  options: { account: { type: 'string' } },
  usage: '  diagnostics [--account A]          API shape report to share (no values, no personal data).',
  parse({ positionals, values }) {
    noPositionals(positionals)
    return { account: nonEmpty(values.account, 'account') }
  },
  run: diagnostics,
})
