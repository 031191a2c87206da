/**
 * `accounts remove`: forgets an account's token and deletes its cached data; its own data (ledger,
 * prices, history, audit) stays unless --delete-user-data.
 */
import { UsageError } from '../args'
import { defineCommand } from '../command'
import { resolveAccount } from '../context'

export const accountsRemove = defineCommand({
  kind: 'accounts-remove',
  words: ['accounts', 'remove'],
  aliases: [['accounts', 'rm']],
  group: 'Accounts',
  options: { 'delete-user-data': { type: 'boolean' } },
  usage: `  accounts remove <account> [--delete-user-data]
      Forget the account's token and delete its cached data. Its billing ledger, prices, access
      history and audit log are kept (adding the same login again brings them back) unless
      --delete-user-data.`,
  parse({ positionals, values }) {
    const [account, ...more] = positionals
    if (account === undefined) throw new UsageError('accounts remove needs the account (id, id prefix or label).')
    if (more.length > 0) throw new UsageError(`Unexpected argument: ${more.join(' ')}`)
    return { account, deleteUserData: values['delete-user-data'] === true }
  },
  async run(ctx, command) {
    const account = resolveAccount(ctx.core.services.accounts.list(), command.account)
    const kept = ctx.core.services.accounts.removalPreview(account.id).kept
    const removed = await ctx.core.services.accounts.remove(account.id, command.deleteUserData)
    return {
      json: {
        removed,
        accountId: account.id,
        cachePurged: removed,
        userDataDeleted: removed && command.deleteUserData,
      },
      human: command.deleteUserData
        ? `Removed "${account.label}", its cached data and its own data (ledger, prices, history, audit).`
        : `Removed "${account.label}" and its cached data. Kept: ${kept.invoices} invoices, ${kept.prices} prices, ${kept.historyEntries} access-history and ${kept.auditEntries} audit entries (add the same login again to get them back; --delete-user-data deletes them).`,
    }
  },
})
