/** `sync`: fetches everything the token(s) can see, with progress and ETA on stderr (or, with --watch, on schedule). */
import { problemText } from '../../../shared/i18n/problems'
import type { SyncStatus } from '../../../shared/domain/cache'
import { nonEmpty, noPositionals, UsageError } from '../args'
import { defineCommand } from '../command'
import {
  CliError,
  EXIT_FAILURE,
  EXIT_INTERRUPTED,
  EXIT_OK,
  safe,
  tokenEnvOf,
  type Context,
  type Output,
  type Result,
} from '../context'
import { dateTimeFromMs, duration, plural } from '../format'
import { parseEvery, watchSync, type SyncArgs } from './sync-watch'
import { syncTargets } from './sync-targets'

interface SyncReport {
  accountId: string
  label: string
  state: SyncStatus['state']
  requests: number
  planned: number
  durationMs: number | null
  lastSyncAt: number | null
  lastError: string | null
  orgCount: number
  productCount: number
  /** `sync --org`: the organisation refreshed, its products in the cache, and whether they are complete. */
  refreshed: { orgId: number; name: string | null; productCount: number; productsComplete: boolean } | null
  /** The run completed every job (for a full sync, this is what sets `lastSyncAt`). */
  complete: boolean
  issues: SyncStatus['issues']
  /** Items left out because they did not fit (never values): field paths and types. */
  skipped: SyncStatus['skipped']
  skippedCount: number
}

/** Progress on stderr: one rewritten line on a terminal, a line every few seconds otherwise. */
class ProgressReporter {
  private lastLine = new Map<string, number>()
  private lastState = new Map<string, string>()
  private tty: boolean
  private dirty = false

  constructor(
    private readonly stream: Output,
    private readonly labels: ReadonlyMap<string, string>,
    private readonly enabled: boolean,
    private readonly intervalMs = 2_000,
  ) {
    this.tty = stream.isTTY
  }

  update(status: SyncStatus): void {
    if (!this.enabled) return
    const label = this.labels.get(status.accountId)
    if (label === undefined) return
    const parts = [`${label}: ${status.requests}/${status.planned} requests`]
    if (status.etaMs !== null && status.state === 'syncing') parts.push(`ETA ${duration(status.etaMs)}`)
    if (status.current) {
      const where =
        status.current.orgName ?? (status.current.orgId === 0 ? 'all organizations' : `#${status.current.orgId}`)
      parts.push(`${status.current.resource} of ${where}`)
    }
    if (status.state !== 'syncing') parts.push(status.state === 'idle' ? 'done' : status.state.replace('_', ' '))
    const text = safe(parts.join(' · '))
    if (this.tty) {
      this.stream.write(`\r\u001b[K${text}`)
      this.dirty = true
      return
    }
    const now = Date.now()
    const changed = this.lastState.get(status.accountId) !== status.state
    if (changed || now - (this.lastLine.get(status.accountId) ?? 0) >= this.intervalMs) {
      this.stream.write(`${text}\n`)
      this.lastLine.set(status.accountId, now)
      this.lastState.set(status.accountId, status.state)
    }
  }

  end(): void {
    if (this.tty && this.dirty) this.stream.write('\n')
    this.dirty = false
  }
}

async function syncAccounts(ctx: Context, command: SyncArgs): Promise<Result> {
  // A sync writes the cache and the access history: not while the user data is read-only.
  ctx.core.services.store.assertWritable()
  if (command.watch) return watchSync(ctx, command)
  const { sync: engine, queries } = ctx.core.services
  const { targets, orgId } = await syncTargets(ctx, command)

  const labels = new Map(targets.map((a) => [a.id, a.label]))
  const progress = new ProgressReporter(ctx.err, labels, true)
  const off = ctx.core.onEvent((channel, payload) => {
    if (channel === 'sync:progress') progress.update(payload as SyncStatus)
  })
  let interrupted = false
  const stopInterrupt = ctx.io.onInterrupt(() => {
    interrupted = true
    for (const a of targets) engine.cancel(a.id)
  })
  const started = new Map<string, number>()
  try {
    for (const a of targets) {
      started.set(a.id, Date.now())
      engine.start(a.id, orgId !== undefined ? { orgId } : {})
    }
    await Promise.all(targets.map((a) => engine.whenIdle(a.id)))
  } finally {
    off()
    stopInterrupt()
    progress.end()
  }

  const reports: SyncReport[] = targets.map((a) => {
    const status = engine.status(a.id)[0]
    // A scheduled offline retry must not outlive this run.
    if (status?.state === 'offline') engine.cancel(a.id)
    const orgsOf = queries.orgs(a.id)
    const issues = (status?.issues ?? []).filter((i) => orgId === undefined || i.orgId === orgId || i.orgId === 0)
    return {
      accountId: a.id,
      label: a.label,
      state: status?.state ?? 'idle',
      requests: status?.requests ?? 0,
      planned: status?.planned ?? 0,
      durationMs: Date.now() - (started.get(a.id) ?? Date.now()),
      lastSyncAt: status?.lastSyncAt ?? null,
      lastError: status?.lastError ? problemText(status.lastError, 'en') : null,
      orgCount: orgsOf.length,
      productCount: orgsOf.reduce((n, o) => n + o.productCount, 0),
      refreshed:
        orgId === undefined
          ? null
          : {
              orgId,
              name: orgsOf.find((o) => o.id === orgId)?.name ?? null,
              productCount: orgsOf.find((o) => o.id === orgId)?.productCount ?? 0,
              productsComplete: engine.productsComplete(a.id, orgId),
            },
      complete: status?.lastRun?.complete ?? false,
      issues,
      skipped: status?.skipped ?? [],
      skippedCount: status?.skippedCount ?? 0,
    }
  })

  const failures: { code: string; message: string }[] = []
  const lines: string[] = []
  for (const r of reports) {
    const account = targets.find((a) => a.id === r.accountId)!
    if (r.state === 'token_missing') {
      failures.push({
        code: 'TOKEN_MISSING',
        message: `"${r.label}": ${r.lastError ?? 'the token source (keychain entry or environment variable) is missing.'}`,
      })
    } else if (r.state === 'token_rejected') {
      const envName = tokenEnvOf(ctx, account)
      failures.push({
        code: 'TOKEN_REJECTED',
        message: `"${r.label}": ${r.lastError ?? 'the API rejected the token (HTTP 401).'}${envName ? ` (The token comes from $${envName}.)` : ''}`,
      })
    } else if (r.state === 'offline') {
      failures.push({
        code: 'OFFLINE',
        message: `"${r.label}": the API at ${account.baseUrl} cannot be reached. ${r.lastError ?? ''}`,
      })
    } else {
      const errors = r.issues.filter((i) => i.status === 'error')
      if (errors.length > 0) {
        failures.push({
          code: 'SYNC_INCOMPLETE',
          message: `"${r.label}": ${plural(errors.length, 'part')} of the sync failed (the previous data is kept): ${errors
            .slice(0, 3)
            .map(
              (i) =>
                `${i.resource}${i.orgId ? ` of #${i.orgId}` : ''}: ${i.problem ? problemText(i.problem, 'en') : 'error'}`,
            )
            .join('; ')}`,
        })
      }
    }
    if (r.refreshed) {
      const org = r.refreshed.name ?? `#${r.refreshed.orgId}`
      lines.push(
        `${r.label}: ${r.state === 'idle' ? 'organisation refreshed' : r.state} (${org}), ${plural(r.requests, 'request')} in ${duration(r.durationMs ?? 0)}; ` +
          `${plural(r.refreshed.productCount, 'product')} of this organisation in the cache` +
          (r.refreshed.productsComplete ? '' : ' (incomplete)') +
          `; not a complete sync (last complete sync: ${r.lastSyncAt ? dateTimeFromMs(r.lastSyncAt) : 'never'})`,
      )
    } else
      lines.push(
        `${r.label}: ${r.state === 'idle' ? 'synced' : r.state}, ${plural(r.requests, 'request')} in ${duration(r.durationMs ?? 0)}; ` +
          `${plural(r.orgCount, 'organization')}, ${plural(r.productCount, 'product')} in the cache` +
          (r.lastSyncAt ? ` (last complete sync ${dateTimeFromMs(r.lastSyncAt)})` : ''),
      )
    if (r.skippedCount > 0) {
      lines.push(`  done with ${plural(r.skippedCount, 'skipped item')} (left out, the rest is cached):`)
      for (const s of r.skipped.slice(0, 10))
        lines.push(`    ${s.count}× ${s.resource} ${s.endpoint} ${s.path}: expected ${s.expected}, got ${s.seen}`)
    }
    const notes = r.issues.filter((i) => i.status !== 'error')
    if (notes.length > 0) {
      const byKind = new Map<string, number>()
      for (const i of notes) {
        const key =
          i.status === 'needs_scope'
            ? `${i.resource}: needs the "${i.scope ?? '?'}" scope`
            : `${i.resource}: ${i.problem ? problemText(i.problem, 'en') : i.status}`
        byKind.set(key, (byKind.get(key) ?? 0) + 1)
      }
      for (const [key, n] of byKind) lines.push(`  not cached for ${plural(n, 'organization')}: ${key}`)
    }
  }

  if (interrupted) {
    throw new CliError(
      'CANCELLED',
      'Sync cancelled; every part completed before is kept in the cache.',
      EXIT_INTERRUPTED,
    )
  }
  for (const f of failures) ctx.err.write(`error: ${safe(f.message)}\n`)
  const first = failures[0]
  return {
    json: {
      ok: failures.length === 0,
      ...(first ? { error: { code: first.code, message: safe(first.message) } } : {}),
      accounts: reports.map((r) => ({ ...r, lastError: r.lastError === null ? null : safe(r.lastError) })),
    },
    human: safe(lines.join('\n')),
    exitCode: failures.length === 0 ? EXIT_OK : EXIT_FAILURE,
  }
}

export const sync = defineCommand({
  kind: 'sync',
  words: ['sync'],
  group: 'Cache',
  options: {
    account: { type: 'string' },
    org: { type: 'string' },
    watch: { type: 'boolean' },
    every: { type: 'string' },
  },
  usage: `  sync [--account A] [--org O]       Fetch everything the token(s) can see; progress and ETA on stderr.
  sync --watch [--account A] [--every hourly|6h|daily[@HH:MM]|off]
                                     Keep running: sync on each account's schedule (--every sets it, as
                                     Settings does) and print reminders as they come; Ctrl+C stops.`,
  parse({ positionals, values }): SyncArgs {
    noPositionals(positionals)
    const watch = values.watch === true
    const org = nonEmpty(values.org, 'org')
    const every = nonEmpty(values.every, 'every')
    if (watch && org !== undefined) throw new UsageError('sync --watch works on whole accounts; drop --org.')
    if (!watch && every !== undefined) throw new UsageError('--every goes with --watch.')
    return {
      account: nonEmpty(values.account, 'account'),
      org,
      watch,
      every: every === undefined ? undefined : parseEvery(every),
    }
  },
  run: syncAccounts,
})
