/** `accounts remove`: forgets an account's token and, unless --keep-cache, its cached data. */
import { UsageError } from '../args'
import { defineCommand } from '../command'
import { resolveAccount } from '../context'

export const accountsRemove = defineCommand({
  kind: 'accounts-remove',
  words: ['accounts', 'remove'],
  aliases: [['accounts', 'rm']],
  group: 'Accounts',
  options: { 'keep-cache': { type: 'boolean' } },
  usage: `  accounts remove <account> [--keep-cache]
      Forget the account's token; its cached data is deleted too unless --keep-cache.`,
  parse({ positionals, values }) {
    const [account, ...more] = positionals
    if (account === undefined) throw new UsageError('accounts remove needs the account (id, id prefix or label).')
    if (more.length > 0) throw new UsageError(`Unexpected argument: ${more.join(' ')}`)
    return { account, keepCache: values['keep-cache'] === true }
  },
  async run(ctx, command) {
    const account = resolveAccount(ctx.core.services.accounts.list(), command.account)
    const purge = !command.keepCache
    const removed = await ctx.core.services.accounts.remove(account.id, purge)
    return {
      json: { removed, accountId: account.id, cachePurged: removed && purge },
      human: purge
        ? `Removed "${account.label}" and its cached data.`
        : `Signed out "${account.label}": token forgotten, cached data kept (read-only).`,
    }
  },
})
