/**
 * Command-line parsing of the headless CLI (pure: no I/O, unit-tested). The commands themselves, with
 * their options and usage lines, are in `commands/` and listed in `commands/index.ts`.
 */
import { parseArgs } from 'node:util'
import type { AnyCommand, BoundCommand, OptionSpecs, ParsedCommand } from './command'
import { COMMANDS } from './commands'

export type Command = { kind: 'help' } | ParsedCommand<(typeof COMMANDS)[number]>

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

/** The `--help` headings in order, with the note printed under each (if any). */
const GROUPS: readonly { name: string; note?: string }[] = [
  { name: 'Accounts' },
  { name: 'Cache', note: 'A: account id, a unique prefix of it, or its label.  O: organization id or exact name.' },
  { name: 'Backups', note: 'Of the user data: accounts, settings, ledger, prices, access history, audit log.' },
]

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

/** The usage text of `commands` (every registered command by default). */
export function usageText(commands: readonly AnyCommand[] = COMMANDS): string {
  const names = [...GROUPS.map((g) => g.name), ...commands.map((c) => c.group)].filter(
    (name, i, all) => all.indexOf(name) === i,
  )
  const sections = names
    .map((name) => {
      const lines = commands.filter((c) => c.group === name).map((c) => c.usage)
      if (lines.length === 0) return ''
      const note = GROUPS.find((g) => g.name === name)?.note
      return `${name}\n${lines.join('\n')}\n${note ? `\n  ${note}\n` : ''}`
    })
    .filter((section) => section !== '')
  return `Usage: switchboard <command> [options]     (from a checkout: npm run cli -- <command> [options])

${sections.join('\n')}
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
}

export const USAGE = usageText()

/** `--option value` checked for a non-blank value (trimmed). */
export function nonEmpty(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined
  if (value.trim() === '') throw new UsageError(`--${option} needs a value.`)
  return value.trim()
}

/** For commands that take no positional argument. */
export function noPositionals(positionals: readonly string[]): void {
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals.join(' ')}`)
}

/** Every option of every command (one type per name) plus the global ones. */
function allOptions(commands: readonly AnyCommand[]): OptionSpecs & typeof GLOBAL_OPTIONS {
  const merged: Record<string, { type: 'string' | 'boolean'; short?: string }> = { ...GLOBAL_OPTIONS }
  for (const command of commands) {
    for (const [name, spec] of Object.entries(command.options)) {
      const known = merged[name]
      if (known && known.type !== spec.type) {
        throw new Error(`CLI option --${name} is declared as ${known.type} and as ${spec.type} (${command.kind}).`)
      }
      merged[name] = { type: spec.type }
    }
  }
  return merged as OptionSpecs & typeof GLOBAL_OPTIONS
}

function describeWords(commands: readonly AnyCommand[], group: string): string {
  const subs = commands.filter((c) => c.words[0] === group && c.words.length > 1).map((c) => c.words[1]!)
  if (subs.length === 1) return subs[0]!
  return `${subs.slice(0, -1).join(', ')} or ${subs.at(-1)!}`
}

/** The command named by the first positionals (the longest match), and the positionals after it. */
function findCommand(
  commands: readonly AnyCommand[],
  positionals: readonly string[],
): { command: AnyCommand; rest: string[] } {
  let best: { command: AnyCommand; length: number } | undefined
  for (const command of commands) {
    for (const words of [command.words, ...(command.aliases ?? [])]) {
      const matches = words.every((word, i) => positionals[i] === word)
      if (matches && (best === undefined || words.length > best.length)) best = { command, length: words.length }
    }
  }
  if (best) return { command: best.command, rest: positionals.slice(best.length) }
  const [group, sub] = positionals
  if (commands.some((c) => c.words[0] === group && c.words.length > 1)) {
    throw new UsageError(
      sub === undefined ? `${group}: ${describeWords(commands, group!)}?` : `Unknown command: ${group} ${sub}`,
    )
  }
  throw new UsageError(`Unknown command: ${group}`)
}

/** Parses `argv` (without node and the script) and binds the command to run. Throws {@link UsageError}. */
export function parseInvocation(
  argv: readonly string[],
  commands: readonly AnyCommand[] = COMMANDS,
): { line: CommandLine; bound: BoundCommand | null } {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], options: allOptions(commands), allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  const base = {
    json: values.json === true,
    dataDir: nonEmpty(values['data-dir'] as string | undefined, 'data-dir'),
    verbose: values.verbose === true,
  }
  if (values.help === true || positionals[0] === 'help')
    return { line: { ...base, command: { kind: 'help' } }, bound: null }
  if (positionals.length === 0) throw new UsageError('No command given.')

  const { command, rest } = findCommand(commands, positionals)
  const given = Object.keys(values).filter((name) => !(name in GLOBAL_OPTIONS))
  const wrong = given.filter((name) => !(name in command.options))
  if (wrong.length > 0) {
    throw new UsageError(`${command.words.join(' ')} does not take ${wrong.map((w) => `--${w}`).join(', ')}.`)
  }
  const bound = command.bind({ positionals: rest, values })
  // The registry's commands are exactly the members of Command; `bind` returned this one's arguments.
  return { line: { ...base, command: { kind: command.kind, ...bound.args } as Command }, bound }
}

/** Parses `argv` (without node and the script). Throws {@link UsageError}. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  return parseInvocation(argv).line
}
