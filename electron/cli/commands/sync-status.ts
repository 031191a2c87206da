/** `sync status`: each account's last sync run (kept in the cache, so known after a restart) and last complete sync. */
import { problemText } from '../../../shared/i18n/problems'
import type { SyncRunSummary } from '../../../shared/domain/cache'
import { nonEmpty, noPositionals } from '../args'
import { defineCommand } from '../command'
import { accountFilter, noAccountsHint, safe } from '../context'
import { dateTimeFromMs, duration, plural, table } from '../format'

interface StatusRow {
  accountId: string
  label: string
  state: string
  lastSyncAt: number | null
  lastRun: SyncRunSummary | null
}

function runText(run: SyncRunSummary | null): string {
  if (run === null) return 'none yet'
  const what = run.kind === 'org' ? `organisation #${run.orgId ?? '?'} refreshed` : 'full sync'
  const outcome =
    run.outcome === 'done' ? (run.complete ? 'complete' : `${plural(run.jobErrors, 'part')} failed`) : run.outcome
  const parts = [
    `${what}, ${outcome}`,
    `${dateTimeFromMs(run.finishedAt) ?? '?'} (${duration(Math.max(0, run.finishedAt - run.startedAt))})`,
    plural(run.requests, 'request'),
  ]
  if (run.skippedCount > 0) parts.push(`${plural(run.skippedCount, 'skipped item')}`)
  if (run.problem && run.outcome !== 'done') parts.push(problemText(run.problem, 'en'))
  return parts.join('; ')
}

export const syncStatus = defineCommand({
  kind: 'sync-status',
  words: ['sync', 'status'],
  group: 'Cache',
  options: { account: { type: 'string' } },
  usage: '  sync status [--account A]          The last sync run of each account (also after a restart).',
  parse({ positionals, values }) {
    noPositionals(positionals)
    return { account: nonEmpty(values.account, 'account') }
  },
  run(ctx, command) {
    const { accounts, sync } = ctx.core.services
    const chosen = accountFilter(ctx, command.account)
    const list = chosen ? [chosen] : accounts.list()
    noAccountsHint(ctx)
    const statuses = new Map(sync.status().map((s) => [s.accountId, s]))
    const rows: StatusRow[] = list.map((a) => {
      const s = statuses.get(a.id)
      return {
        accountId: a.id,
        label: a.label,
        state: a.state === 'signed_out' ? 'signed_out' : (s?.state ?? 'idle'),
        lastSyncAt: s?.lastSyncAt ?? a.lastSyncAt,
        lastRun: s?.lastRun ?? null,
      }
    })
    return {
      json: { accounts: rows },
      human:
        rows.length === 0
          ? ''
          : safe(
              table(rows, [
                { header: 'ID', value: (r) => r.accountId },
                { header: 'LABEL', value: (r) => r.label },
                { header: 'LAST COMPLETE SYNC', value: (r) => dateTimeFromMs(r.lastSyncAt) ?? 'never' },
                { header: 'LAST RUN', value: (r) => runText(r.lastRun) },
              ]),
            ),
    }
  },
})
