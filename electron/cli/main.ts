/**
 * The headless CLI: the same core as the desktop app (services, sync engine, cache queries), no
 * Electron, no SQL of its own. `runCli` takes its I/O as arguments so that the process wiring
 * (index.ts) stays trivial.
 */
import { resolve } from 'node:path'
import type { AccountSummary, OrgSummary, OrgUserRow, ProductRow, SyncStatus } from '../../shared/domain/cache'
import type { Core } from '../main/core'
import { isAppError } from '../main/lib/app-error'
import { systemClock } from '../main/lib/clock'
import { consoleLogger, redact } from '../main/lib/logger'
import { KeychainUnavailableError, type SecretStore } from '../main/secrets/secret-store'
import { parseCommandLine, USAGE, UsageError, type Command, type CommandLine } from './args'
import { defaultDataDir } from './data-dir'
import { dateFromMs, dateFromSeconds, dateTimeFromMs, duration, plural, table } from './format'
import { isLoopback, PACE_ENV, paceFromEnv, type PaceChoice } from './pace'
import { InputCancelled, readSecretLine } from './secret-input'
import { runBackupCommand } from './commands/backup'
import { STORE_ERROR_MESSAGES, storeErrorCode } from '../main/store/sqlite-errors'

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2
/** Interrupted by Ctrl+C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130

/** Everything the CLI touches outside itself. */
export interface CliIo {
  argv: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  stdin: NodeJS.ReadStream
  cwd: string
  platform: NodeJS.Platform
  homedir: string
  fetch: typeof fetch
  /** Loads the OS keychain (KeytarSecretStore.load in production). Called only when a command needs it. */
  loadKeychain: () => Promise<SecretStore>
  /** Subscribes to Ctrl+C; returns the unsubscribe function. */
  onInterrupt: (handler: () => void) => () => void
  version: string
}

/** A failure with a message for people; `code` is the machine-readable cause (JSON output). */
export class CliError extends Error {
  override readonly name = 'CliError'
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message)
  }
}

/** What a command produced: one JSON document, or text for people. */
interface Result {
  json: unknown
  human: string
  exitCode?: number
}

/** The keychain, loaded on first use only (`accounts list`, `orgs`... never touch it). */
class LazyKeychain implements SecretStore {
  readonly kind = 'keychain'
  private loaded: Promise<SecretStore> | undefined
  constructor(private readonly load: () => Promise<SecretStore>) {}

  /** Loads the keychain and reads once, so that an unusable keychain is reported before anything else. */
  async check(): Promise<void> {
    const store = await this.store()
    await store.get('switchboard-cli:probe')
  }

  private store(): Promise<SecretStore> {
    this.loaded ??= this.load()
    return this.loaded
  }

  async get(account: string): Promise<string | null> {
    return (await this.store()).get(account)
  }

  async set(account: string, secret: string): Promise<void> {
    await (await this.store()).set(account, secret)
  }

  async delete(account: string): Promise<boolean> {
    return (await this.store()).delete(account)
  }
}

/**
 * The core and the modules that need it, loaded only once the command line is valid: `--help` and
 * usage errors answer without loading the whole core (zod schemas, SQLite, exporters...).
 */
async function loadCore() {
  const [core, accounts, repo] = await Promise.all([
    import('../main/core'),
    import('../main/services/accounts-service'),
    import('../main/store/repos/accounts-repo'),
  ])
  return { createCore: core.createCore, secretKey: accounts.secretKey, AccountsRepo: repo.AccountsRepo }
}

type CoreModules = Awaited<ReturnType<typeof loadCore>>

interface Context {
  io: CliIo
  lib: CoreModules
  out: Output
  err: Output
  line: CommandLine
  core: Core
  keychain: LazyKeychain
  pace: PaceChoice
}

/** Text safe to print: anything that looks like a token is replaced. */
function safe(text: string): string {
  return redact(text) as string
}

/**
 * An output stream whose writes can be awaited as a whole: writes to pipes are asynchronous on POSIX,
 * and exiting before they complete would cut the output.
 */
class Output {
  private last: Promise<void> = Promise.resolve()
  constructor(private readonly stream: NodeJS.WritableStream & { isTTY?: boolean }) {}

  get isTTY(): boolean {
    return this.stream.isTTY === true
  }

  write(text: string): void {
    if (text === '') return
    // Writes complete in order: waiting for the last one waits for all.
    this.last = new Promise((done) => this.stream.write(text, () => done()))
  }

  flushed(): Promise<void> {
    return this.last
  }
}

/** Runs one command line; resolves with the exit code once stdout and stderr are flushed. */
export async function runCli(io: CliIo): Promise<number> {
  const out = new Output(io.stdout)
  const err = new Output(io.stderr)
  const code = await run(io, out, err)
  await Promise.all([out.flushed(), err.flushed()])
  return code
}

async function run(io: CliIo, out: Output, err: Output): Promise<number> {
  const wantsJson = io.argv.includes('--json')
  const fail = (error: CliError): number => {
    const message = safe(error.message)
    if (error.exitCode === EXIT_USAGE) err.write(`error: ${message}\nRun "switchboard --help" for the usage.\n`)
    else err.write(`error: ${message}\n`)
    if (wantsJson) out.write(`${JSON.stringify({ error: { code: error.code, message } })}\n`)
    return error.exitCode
  }

  let line: CommandLine
  let pace: PaceChoice
  try {
    line = parseCommandLine(io.argv)
    pace = paceFromEnv(io.env)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return fail(new CliError('USAGE', message, EXIT_USAGE))
  }
  if (line.command.kind === 'help') {
    out.write(`${USAGE}\n`)
    return EXIT_OK
  }

  const dataDir = line.dataDir
    ? resolve(io.cwd, line.dataDir)
    : defaultDataDir({ platform: io.platform, env: io.env, homedir: io.homedir })
  const keychain = new LazyKeychain(io.loadKeychain)
  let core: Core
  let lib: CoreModules
  try {
    lib = await loadCore()
    core = lib.createCore({
      dataDir,
      secretStore: keychain,
      fetch: io.fetch,
      clock: systemClock,
      logger: consoleLogger(line.verbose ? 'debug' : 'error'),
      // AppInfo.host has no 'cli' value yet; the CLI is a plain-Node host like the browser shell.
      app: { name: 'Switchboard', version: io.version, platform: io.platform, host: 'browser-shell' },
      env: io.env,
      ...(pace.pace ? { pace: pace.pace } : {}),
    })
  } catch (error) {
    const storeCode = storeErrorCode(error)
    return fail(
      new CliError(
        storeCode ?? 'CACHE_UNAVAILABLE',
        `The data in ${dataDir} cannot be opened: ${storeCode ? STORE_ERROR_MESSAGES[storeCode] : error instanceof Error ? error.message : String(error)}`,
      ),
    )
  }
  for (const line of storeWarnings(core)) err.write(`warning: ${safe(line)}\n`)

  try {
    const output = await execute({ io, lib, out, err, line, core, keychain, pace }, line.command)
    if (line.json) out.write(`${JSON.stringify(output.json, null, 2)}\n`)
    else if (output.human !== '') out.write(`${output.human}\n`)
    return output.exitCode ?? EXIT_OK
  } catch (error) {
    return fail(toCliError(error))
  } finally {
    core.close()
  }
}

/** What opening the data files found, for people (the app shows the same as a banner). */
function storeWarnings(core: Core): string[] {
  const out: string[] = []
  for (const n of core.services.store.status().notices) {
    switch (n.kind) {
      case 'cache_rebuilt':
        out.push(`the cache file was unreadable; it was moved to ${n.movedTo} and the next sync rebuilds it.`)
        break
      case 'user_restored':
        out.push(
          `your data file was damaged and was restored from the backup of ${dateTimeFromMs(n.backupAt) ?? '?'}; the damaged file is kept as ${n.damagedKeptAs}.`,
        )
        break
      case 'user_read_only':
        out.push(
          `your data file was damaged and there is no backup: what could be read (${n.copiedRows} rows) is shown read-only; the damaged file is kept as ${n.damagedKeptAs}.`,
        )
        break
      case 'split':
        out.push(
          `the data file of an earlier version was split into user.sqlite and cache.sqlite; the old file is kept as ${n.keptAs}${n.skippedRows ? ` (${n.skippedRows} unreadable rows skipped)` : ''}.`,
        )
        break
    }
  }
  return out
}

function toCliError(error: unknown): CliError {
  if (error instanceof CliError) return error
  if (error instanceof UsageError) return new CliError('USAGE', error.message, EXIT_USAGE)
  if (isAppError(error)) return new CliError(error.code, error.message)
  if (error instanceof KeychainUnavailableError) return new CliError('KEYCHAIN_UNAVAILABLE', error.message)
  if (error instanceof InputCancelled) return new CliError('CANCELLED', error.message, EXIT_INTERRUPTED)
  const storeCode = storeErrorCode(error)
  if (storeCode) return new CliError(storeCode, STORE_ERROR_MESSAGES[storeCode])
  return new CliError('INTERNAL', error instanceof Error ? `${error.name}: ${error.message}` : String(error))
}

function execute(ctx: Context, command: Exclude<Command, { kind: 'help' }>): Promise<Result> | Result {
  switch (command.kind) {
    case 'accounts-add':
      return addAccount(ctx, command)
    case 'accounts-list':
      return listAccounts(ctx)
    case 'accounts-remove':
      return removeAccount(ctx, command)
    case 'sync':
      return sync(ctx, command)
    case 'orgs':
      return orgs(ctx, command)
    case 'products':
      return products(ctx, command)
    case 'users':
      return users(ctx, command)
    case 'backup-list':
    case 'backup-create':
    case 'backup-restore':
      return runBackupCommand(ctx.core.services.store, command)
  }
}

// ------------------------------------------------------------------ resolution

/** Finds an account by id, label (case-insensitive) or unique id prefix. */
export function resolveAccount(accounts: readonly AccountSummary[], ref: string): AccountSummary {
  const exact = accounts.find((a) => a.id === ref)
  if (exact) return exact
  const byLabel = accounts.filter((a) => a.label.toLowerCase() === ref.toLowerCase())
  if (byLabel.length === 1) return byLabel[0]!
  if (byLabel.length > 1) {
    throw new CliError('AMBIGUOUS', `Several accounts are labelled "${ref}"; use the account id (accounts list).`)
  }
  const prefix = ref.startsWith('acc-') ? ref : `acc-${ref}`
  const byPrefix = accounts.filter((a) => a.id.startsWith(prefix))
  if (byPrefix.length === 1) return byPrefix[0]!
  if (byPrefix.length > 1) {
    throw new CliError('AMBIGUOUS', `"${ref}" matches ${byPrefix.length} accounts; give more of the id.`)
  }
  throw new CliError('NOT_FOUND', `No account "${ref}". See: switchboard accounts list`)
}

function accountFilter(ctx: Context, ref: string | undefined): AccountSummary | undefined {
  return ref === undefined ? undefined : resolveAccount(ctx.core.services.accounts.list(), ref)
}

/** Organization ids matching `ref` (an id, or an exact name) among the cached organizations. */
function resolveOrg(ctx: Context, ref: string, account: AccountSummary | undefined): number {
  const known = ctx.core.services.queries.orgs(account?.id)
  if (/^\d+$/.test(ref)) {
    const id = Number(ref)
    if (known.some((o) => o.id === id)) return id
    throw new CliError(
      'NOT_FOUND',
      `Organization ${id} is not in the cache${account ? ` of "${account.label}"` : ''}. Run sync first?`,
    )
  }
  const ids = [...new Set(known.filter((o) => o.name.toLowerCase() === ref.toLowerCase()).map((o) => o.id))]
  if (ids.length === 1) return ids[0]!
  if (ids.length > 1)
    throw new CliError('AMBIGUOUS', `Several organizations are named "${ref}"; use the id (${ids.join(', ')}).`)
  throw new CliError('NOT_FOUND', `No cached organization named "${ref}". See: switchboard orgs`)
}

function noAccountsHint(ctx: Context): void {
  if (ctx.core.services.accounts.list().length === 0 && !ctx.line.json) {
    ctx.err.write('No account yet. Add one with: switchboard accounts add --token-env VAR (see --help)\n')
  }
}

// ------------------------------------------------------------------ accounts

function assertPace(ctx: Context, baseUrl: string): void {
  if (ctx.pace.name === 'fast' && !isLoopback(baseUrl)) {
    throw new CliError(
      'USAGE',
      `${PACE_ENV}=fast is for a local sandbox only; ${baseUrl} is not on this computer. Unset ${PACE_ENV}.`,
      EXIT_USAGE,
    )
  }
}

function tokenSource(a: AccountSummary): string {
  return a.tokenSource === 'environment' ? 'environment' : 'keychain'
}

async function addAccount(ctx: Context, command: Extract<Command, { kind: 'accounts-add' }>): Promise<Result> {
  assertPace(ctx, command.baseUrl ?? 'https://api.infomaniak.com')
  let token: string
  if (command.tokenEnv !== undefined) {
    const value = ctx.io.env[command.tokenEnv]
    if (value === undefined || value.trim() === '') {
      throw new CliError('TOKEN_MISSING', `The environment variable ${command.tokenEnv} is not set or is empty.`)
    }
    token = value
  } else {
    // Fail before asking for the token when there is nowhere to keep it.
    await ctx.keychain.check()
    token = await readSecretLine('Infomaniak API token (input hidden): ', ctx.io.stdin, ctx.io.stderr)
  }
  const account = await ctx.core.services.accounts.add({
    token,
    baseUrl: command.baseUrl,
    label: command.label,
    ...(command.tokenEnv !== undefined ? { tokenEnv: command.tokenEnv } : {}),
  })
  const where =
    command.tokenEnv !== undefined
      ? `the token is read from $${command.tokenEnv} on every run and is not stored`
      : 'the token is stored in the OS keychain'
  return {
    json: account,
    human: [
      `Added "${account.label}" (${account.id})${account.email ? ` for ${account.email}` : ''}; ${where}.`,
      `Next: switchboard sync${ctx.core.services.accounts.list().length > 1 ? ` --account ${account.id}` : ''}`,
    ].join('\n'),
  }
}

function listAccounts(ctx: Context): Result {
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
}

async function removeAccount(ctx: Context, command: Extract<Command, { kind: 'accounts-remove' }>): Promise<Result> {
  const account = resolveAccount(ctx.core.services.accounts.list(), command.account)
  const purge = !command.keepCache
  const removed = await ctx.core.services.accounts.remove(account.id, purge)
  return {
    json: { removed, accountId: account.id, cachePurged: removed && purge },
    human: purge
      ? `Removed "${account.label}" and its cached data.`
      : `Signed out "${account.label}": token forgotten, cached data kept (read-only).`,
  }
}

// ------------------------------------------------------------------ sync

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
  issues: SyncStatus['issues']
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

async function sync(ctx: Context, command: Extract<Command, { kind: 'sync' }>): Promise<Result> {
  const { accounts: accountsService, sync: engine, queries } = ctx.core.services
  ctx.core.services.store.assertWritable()
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
  if (command.org !== undefined) {
    orgId = resolveOrg(ctx, command.org, chosen)
    const withOrg = new Set(
      queries
        .orgs(chosen?.id)
        .filter((o) => o.id === orgId)
        .map((o) => o.accountId),
    )
    targets = targets.filter((a) => withOrg.has(a.id))
  }

  // Check every token source before sending anything: a missing token must not mark the account "rejected".
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
      lastError: status?.lastError ?? null,
      orgCount: orgsOf.length,
      productCount: orgsOf.reduce((n, o) => n + o.productCount, 0),
      issues,
    }
  })

  const failures: { code: string; message: string }[] = []
  const lines: string[] = []
  for (const r of reports) {
    const account = targets.find((a) => a.id === r.accountId)!
    if (r.state === 'token_rejected') {
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
            .map((i) => `${i.resource}${i.orgId ? ` of #${i.orgId}` : ''}: ${i.message ?? 'error'}`)
            .join('; ')}`,
        })
      }
    }
    lines.push(
      `${r.label}: ${r.state === 'idle' ? 'synced' : r.state}, ${plural(r.requests, 'request')} in ${duration(r.durationMs ?? 0)}; ` +
        `${plural(r.orgCount, 'organization')}, ${plural(r.productCount, 'product')} in the cache` +
        (r.lastSyncAt ? ` (last complete sync ${dateTimeFromMs(r.lastSyncAt)})` : ''),
    )
    const notes = r.issues.filter((i) => i.status !== 'error')
    if (notes.length > 0) {
      const byKind = new Map<string, number>()
      for (const i of notes) {
        const key =
          i.status === 'needs_scope'
            ? `${i.resource}: needs the "${i.scope ?? '?'}" scope`
            : `${i.resource}: ${i.message ?? i.status}`
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

/**
 * The NAME of the environment variable holding an account's token, or null for the keychain.
 * AccountSummary only says "environment"; the name is what `accounts add --token-env` recorded.
 */
function tokenEnvOf(ctx: Context, account: AccountSummary): string | null {
  if (account.tokenSource !== 'environment') return null
  return new ctx.lib.AccountsRepo(ctx.core.db).get(account.id)?.token_env ?? null
}

// ------------------------------------------------------------------ reads

function orgs(ctx: Context, command: Extract<Command, { kind: 'orgs' }>): Result {
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

function accountLabels(ctx: Context): Map<string, string> {
  return new Map(ctx.core.services.accounts.list().map((a) => [a.id, a.label]))
}

const DAY_SECONDS = 86_400

function products(ctx: Context, command: Extract<Command, { kind: 'products' }>): Result {
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
            { header: 'SERVICE', value: (p) => p.serviceName },
            { header: 'NAME', value: (p) => p.customerName },
            { header: 'FQDN', value: (p) => p.fqdn },
            { header: 'EXPIRES', value: (p) => dateFromSeconds(p.expiredAt) },
            { header: 'FLAGS', value: flags },
          ])}\n${plural(rows.length, 'product')}`,
  }
}

function users(ctx: Context, command: Extract<Command, { kind: 'users' }>): Result {
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
        `note: users of organization ${orgId} are not in the cache: ${safe(issue.message ?? issue.status)}\n`,
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
