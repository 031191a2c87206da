/** `accounts list`: accounts with state, token source, organization count and last sync. */
import type { AccountSummary } from '../../../shared/domain/cache'
import { noPositionals } from '../args'
import { defineCommand } from '../command'
import { noAccountsHint } from '../context'
import { dateTimeFromMs, table } from '../format'

function tokenSource(a: AccountSummary): string {
  return a.tokenSource === 'environment' ? 'environment' : 'keychain'
}

export const accountsList = defineCommand({
  kind: 'accounts-list',
  words: ['accounts', 'list'],
  aliases: [['accounts', 'ls']],
  group: 'Accounts',
  options: {},
  usage: '  accounts list',
  parse({ positionals }) {
    noPositionals(positionals)
    return {}
  },
  run(ctx) {
    const accounts = ctx.core.services.accounts.list()
    noAccountsHint(ctx)
    return {
      json: accounts,
      human:
        accounts.length === 0
          ? ''
          : table(accounts, [
              { header: 'ID', value: (a) => a.id },
              { header: 'LABEL', value: (a) => a.label },
              { header: 'USER', value: (a) => a.email ?? a.displayName },
              { header: 'STATE', value: (a) => a.state },
              { header: 'TOKEN', value: tokenSource },
              { header: 'ORGS', value: (a) => a.orgCount, align: 'right' },
              { header: 'LAST SYNC', value: (a) => dateTimeFromMs(a.lastSyncAt) ?? 'never' },
              { header: 'API', value: (a) => a.baseUrl },
            ]),
    }
  },
})
