/**
 * Command-line parsing of the headless CLI (pure: no I/O, unit-tested).
 */
import { parseArgs } from 'node:util'
import { BACKUP_USAGE, parseBackupCommand, type BackupCommand } from './commands/backup'

export type Command =
  | { kind: 'help' }
  | { kind: 'accounts-add'; tokenEnv: string | undefined; baseUrl: string | undefined; label: string | undefined }
  | { kind: 'accounts-list' }
  | { kind: 'accounts-remove'; account: string; keepCache: boolean }
  | { kind: 'sync'; account: string | undefined; org: string | undefined }
  | { kind: 'orgs'; account: string | undefined }
  | { kind: 'products'; account: string | undefined; org: string | undefined; expiringDays: number | undefined }
  | { kind: 'users'; account: string | undefined; org: string }
  | BackupCommand

export interface CommandLine {
  command: Command
  /** Machine output: one JSON document on stdout. */
  json: boolean
  /** `--data-dir`, as given (resolved against the working directory by the caller). */
  dataDir: string | undefined
  verbose: boolean
}

/** A command line that cannot be understood: exit code 2 and the usage text. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export const USAGE = `Usage: switchboard <command> [options]     (from a checkout: npm run cli -- <command> [options])

Accounts
  accounts add --token-env VAR [--base-url URL] [--label L]
      Add an account whose token is read from the environment variable VAR on every run.
      Only the NAME of the variable is stored, never the token.
  accounts add [--base-url URL] [--label L]
      Add an account; the token is read from stdin (one line, not echoed) and kept in the OS keychain.
  accounts list
  accounts remove <account> [--keep-cache]
      Forget the account's token; its cached data is deleted too unless --keep-cache.

Cache
  sync [--account A] [--org O]       Fetch everything the token(s) can see; progress and ETA on stderr.
  orgs [--account A]                 Organizations.
  products [--org O] [--account A] [--expiring-days N]
                                     Products; with --expiring-days, those expiring within N days
                                     (already expired ones included).
  users --org O [--account A]        Members and pending invitations of an organization.

  A: account id, a unique prefix of it, or its label.  O: organization id or exact name.

${BACKUP_USAGE}

Options (every command)
  --json          Machine output: one JSON document on stdout (errors too: {"error":{code,message}}).
  --data-dir D    Cache folder (default: the per-user data folder, e.g. ~/.config/Switchboard, the app's own).
  --verbose       Core diagnostics as JSON lines on stderr (tokens are always redacted).
  -h, --help      This text.

Environment
  SWITCHBOARD_PACE=fast   Development only: 60 requests per 1 s window instead of 60 per 61 s, to
                          match a local sandbox started with --rate-limit 60/1000. Refused for any
                          API address that is not on this computer.

Exit codes: 0 success, 1 failure, 2 usage error.`

const OPTIONS = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'token-env': { type: 'string' },
  'base-url': { type: 'string' },
  label: { type: 'string' },
  'keep-cache': { type: 'boolean' },
  account: { type: 'string' },
  org: { type: 'string' },
  'expiring-days': { type: 'string' },
} as const

type OptionName = keyof typeof OPTIONS
const GLOBAL: readonly OptionName[] = ['json', 'data-dir', 'verbose', 'help']

const ALLOWED: Record<Exclude<Command['kind'], 'help'>, readonly OptionName[]> = {
  'accounts-add': ['token-env', 'base-url', 'label'],
  'accounts-list': [],
  'accounts-remove': ['keep-cache'],
  sync: ['account', 'org'],
  orgs: ['account'],
  products: ['account', 'org', 'expiring-days'],
  users: ['account', 'org'],
  'backup-list': [],
  'backup-create': [],
  'backup-restore': [],
}

/** Names of environment variables the CLI accepts for --token-env. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

function nonEmpty(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined
  if (value.trim() === '') throw new UsageError(`--${option} needs a value.`)
  return value.trim()
}

/** Parses `argv` (without node and the script). Throws {@link UsageError}. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  const base = {
    json: values.json === true,
    dataDir: nonEmpty(values['data-dir'], 'data-dir'),
    verbose: values.verbose === true,
  }
  const [group, sub, ...rest] = positionals
  if (values.help === true || group === 'help') return { ...base, command: { kind: 'help' } }
  if (group === undefined) throw new UsageError('No command given.')

  let kind: Exclude<Command['kind'], 'help'>
  let extra: string[]
  if (group === 'accounts') {
    if (sub === 'add') kind = 'accounts-add'
    else if (sub === 'list' || sub === 'ls') kind = 'accounts-list'
    else if (sub === 'remove' || sub === 'rm') kind = 'accounts-remove'
    else throw new UsageError(sub === undefined ? 'accounts: add, list or remove?' : `Unknown command: accounts ${sub}`)
    extra = rest
  } else if (group === 'backup') {
    const backup = parseBackupCommand(sub === undefined ? [] : [sub, ...rest])
    if ('error' in backup) throw new UsageError(backup.error)
    const given = (Object.keys(values) as OptionName[]).filter((name) => !GLOBAL.includes(name))
    if (given.length > 0) throw new UsageError(`backup does not take ${given.map((w) => `--${w}`).join(', ')}.`)
    return { ...base, command: backup }
  } else if (group === 'sync' || group === 'orgs' || group === 'products' || group === 'users') {
    kind = group
    extra = sub === undefined ? [] : [sub, ...rest]
  } else {
    throw new UsageError(`Unknown command: ${group}`)
  }

  const given = (Object.keys(values) as OptionName[]).filter((name) => !GLOBAL.includes(name))
  const wrong = given.filter((name) => !ALLOWED[kind].includes(name))
  if (wrong.length > 0) {
    throw new UsageError(`${kind.replace('-', ' ')} does not take ${wrong.map((w) => `--${w}`).join(', ')}.`)
  }

  if (kind === 'accounts-remove') {
    const [account, ...more] = extra
    if (account === undefined) throw new UsageError('accounts remove needs the account (id, id prefix or label).')
    if (more.length > 0) throw new UsageError(`Unexpected argument: ${more.join(' ')}`)
    return { ...base, command: { kind, account, keepCache: values['keep-cache'] === true } }
  }
  if (extra.length > 0) throw new UsageError(`Unexpected argument: ${extra.join(' ')}`)

  const account = nonEmpty(values.account, 'account')
  const org = nonEmpty(values.org, 'org')
  switch (kind) {
    case 'accounts-add': {
      const tokenEnv = values['token-env']
      if (tokenEnv !== undefined && !ENV_NAME.test(tokenEnv)) {
        throw new UsageError(
          `--token-env takes the NAME of an environment variable (e.g. INFOMANIAK_TOKEN), not a value.`,
        )
      }
      return {
        ...base,
        command: {
          kind,
          tokenEnv,
          baseUrl: nonEmpty(values['base-url'], 'base-url'),
          label: nonEmpty(values.label, 'label'),
        },
      }
    }
    case 'accounts-list':
      return { ...base, command: { kind } }
    case 'sync':
      return { ...base, command: { kind, account, org } }
    case 'orgs':
      return { ...base, command: { kind, account } }
    case 'products': {
      const raw = values['expiring-days']
      let expiringDays: number | undefined
      if (raw !== undefined) {
        if (!/^\d{1,5}$/.test(raw.trim())) throw new UsageError('--expiring-days takes a whole number of days.')
        expiringDays = Number(raw.trim())
      }
      return { ...base, command: { kind, account, org, expiringDays } }
    }
    case 'users':
      if (org === undefined) throw new UsageError('users needs --org (organization id or name).')
      return { ...base, command: { kind, account, org } }
  }
}
