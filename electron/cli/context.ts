/**
 * What every CLI command shares: the process I/O, the open core, output streams, failures with exit
 * codes, and how accounts and organizations named on the command line are found.
 */
import type { AccountSummary } from '../../shared/domain/cache'
import type { Core } from '../main/core'
import { redact } from '../main/lib/logger'
import type { SecretStore } from '../main/secrets/secret-store'
import type { CommandLine } from './args'
import { isLoopback, PACE_ENV, type PaceChoice } from './pace'

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
export interface Result {
  json: unknown
  human: string
  exitCode?: number
}

/** The keychain, loaded on first use only (`accounts list`, `orgs`... never touch it). */
export class LazyKeychain implements SecretStore {
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
export async function loadCore() {
  const [core, accounts, repo] = await Promise.all([
    import('../main/core'),
    import('../main/services/accounts-service'),
    import('../main/store/repos/accounts-repo'),
  ])
  return { createCore: core.createCore, secretKey: accounts.secretKey, AccountsRepo: repo.AccountsRepo }
}

export type CoreModules = Awaited<ReturnType<typeof loadCore>>

/** What a command runs with. */
export interface Context {
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
export function safe(text: string): string {
  return redact(text) as string
}

/**
 * An output stream whose writes can be awaited as a whole: writes to pipes are asynchronous on POSIX,
 * and exiting before they complete would cut the output.
 */
export class Output {
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

export function accountFilter(ctx: Context, ref: string | undefined): AccountSummary | undefined {
  return ref === undefined ? undefined : resolveAccount(ctx.core.services.accounts.list(), ref)
}

/** Organization ids matching `ref` (an id, or an exact name) among the cached organizations. */
export function resolveOrg(ctx: Context, ref: string, account: AccountSummary | undefined): number {
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

export function noAccountsHint(ctx: Context): void {
  if (ctx.core.services.accounts.list().length === 0 && !ctx.line.json) {
    ctx.err.write('No account yet. Add one with: switchboard accounts add --token-env VAR (see --help)\n')
  }
}

/** `SWITCHBOARD_PACE=fast` only against a sandbox on this computer. */
export function assertPace(ctx: Context, baseUrl: string): void {
  if (ctx.pace.name === 'fast' && !isLoopback(baseUrl)) {
    throw new CliError(
      'USAGE',
      `${PACE_ENV}=fast is for a local sandbox only; ${baseUrl} is not on this computer. Unset ${PACE_ENV}.`,
      EXIT_USAGE,
    )
  }
}

/**
 * The NAME of the environment variable holding an account's token, or null for the keychain.
 * AccountSummary only says "environment"; the name is what `accounts add --token-env` recorded.
 */
export function tokenEnvOf(ctx: Context, account: AccountSummary): string | null {
  if (account.tokenSource !== 'environment') return null
  return new ctx.lib.AccountsRepo(ctx.core.db).get(account.id)?.token_env ?? null
}

export function accountLabels(ctx: Context): Map<string, string> {
  return new Map(ctx.core.services.accounts.list().map((a) => [a.id, a.label]))
}
