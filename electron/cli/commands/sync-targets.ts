/** Which accounts `sync` (and `sync --watch`) works on, each with a usable token source. */
import type { AccountSummary } from '../../../shared/domain/cache'
import { accountFilter, assertPace, CliError, resolveOrg, tokenEnvOf, type Context } from '../context'

/**
 * The accounts a sync (or a watch) works on, each checked for a usable token source before anything
 * is sent: a missing token must not mark the account "rejected".
 */
export async function syncTargets(
  ctx: Context,
  command: { account: string | undefined; org: string | undefined },
): Promise<{ targets: AccountSummary[]; orgId: number | undefined }> {
  const { accounts: accountsService, queries } = ctx.core.services
  const all = accountsService.list()
  const chosen = accountFilter(ctx, command.account)
  let targets = chosen ? [chosen] : all.filter((a) => a.state !== 'signed_out')
  if (targets.length === 0) {
    throw new CliError(
      'NO_ACCOUNT',
      all.length === 0
        ? 'No account to sync. Add one with: switchboard accounts add --token-env VAR'
        : 'No account to sync: every account is signed out. Add one again with: switchboard accounts add',
    )
  }
  let orgId: number | undefined
  const knownIds = new Set(queries.orgs(chosen?.id).map((o) => o.id))
  if (command.org !== undefined && /^\d+$/.test(command.org) && !knownIds.has(Number(command.org))) {
    // An organisation id the cache does not know yet (e.g. `sync --org X` right after `accounts add`): the
    // engine lists the organisations first, then reads that organisation's products, users and teams.
    orgId = Number(command.org)
  } else if (command.org !== undefined) {
    orgId = resolveOrg(ctx, command.org, chosen)
    const withOrg = new Set(
      queries
        .orgs(chosen?.id)
        .filter((o) => o.id === orgId)
        .map((o) => o.accountId),
    )
    targets = targets.filter((a) => withOrg.has(a.id))
  }

  for (const account of targets) {
    if (account.state === 'signed_out') {
      throw new CliError(
        'SIGNED_OUT',
        `"${account.label}" was signed out (its token was removed). Add it again to sync.`,
      )
    }
    assertPace(ctx, account.baseUrl)
    const envName = tokenEnvOf(ctx, account)
    if (envName !== null) {
      const value = ctx.io.env[envName]
      if (value === undefined || value.trim() === '') {
        throw new CliError(
          'TOKEN_MISSING',
          `"${account.label}" reads its token from the environment variable ${envName}, which is not set or is empty.`,
        )
      }
    } else {
      await ctx.keychain.check()
      if ((await ctx.keychain.get(ctx.lib.secretKey(account.id))) === null) {
        throw new CliError(
          'TOKEN_MISSING',
          `The keychain holds no token for "${account.label}". Remove the account and add it again.`,
        )
      }
    }
  }
  return { targets, orgId }
}
