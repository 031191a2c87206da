/**
 * What a CLI command is: the words that name it, the options it takes, its usage lines, how it reads
 * its arguments (pure, unit-tested through `parseCommandLine`) and what it does with the core.
 *
 * A new command is one file under `commands/` exporting `defineCommand({...})` plus one line in
 * `commands/index.ts`.
 */
import type { Context, Result } from './context'

/** An option's type, as `node:util` parseArgs understands it. */
export type OptionType = 'string' | 'boolean'
export type OptionSpecs = Readonly<Record<string, { readonly type: OptionType }>>

/** The parsed values of a command's own options (undefined when not given). */
export type OptionValues<O extends OptionSpecs> = {
  readonly [N in keyof O]?: O[N]['type'] extends 'string' ? string : boolean
}

/** What parseArgs gives back for any set of options. */
export type RawValues = Readonly<Record<string, string | boolean | undefined>>

export interface CommandSpec<K extends string, O extends OptionSpecs, A extends object> {
  /** The machine name (`accounts-add`), also the `kind` of the parsed command. */
  readonly kind: K
  /** The words that call it, e.g. `['accounts', 'add']`; `aliases` are other spellings (`['accounts', 'ls']`). */
  readonly words: readonly string[]
  readonly aliases?: readonly (readonly string[])[]
  /** The options it accepts besides the global ones (--json, --data-dir, --verbose, --help). */
  readonly options: O
  /** The heading it is listed under in `--help` (see GROUPS in args.ts). */
  readonly group: string
  /** Its lines in `--help`, already indented by two spaces. */
  readonly usage: string
  /** Reads the positional arguments after the words and the option values; throws UsageError. */
  parse(input: { positionals: readonly string[]; values: OptionValues<O> }): A
  /** Runs the command with the core open. */
  run(ctx: Context, args: A): Promise<Result> | Result
}

/** A command once parsed: its arguments and the function that runs it. */
export interface BoundCommand {
  readonly args: object
  run(ctx: Context): Promise<Result> | Result
}

/** A registered command: its spec plus a type-erased `bind` the parser can call without knowing A. */
export type DefinedCommand<K extends string, O extends OptionSpecs, A extends object> = CommandSpec<K, O, A> & {
  bind(input: { positionals: readonly string[]; values: RawValues }): BoundCommand
}

/** Declares a command (infers K, O and A from the object). */
export function defineCommand<K extends string, const O extends OptionSpecs, A extends object>(
  spec: CommandSpec<K, O, A>,
): DefinedCommand<K, O, A> {
  return {
    ...spec,
    bind({ positionals, values }) {
      // The parser ran parseArgs with every command's options, these included, and rejected any
      // option this command does not declare: what is left has the declared types.
      const args = spec.parse({ positionals, values: values as OptionValues<O> })
      return { args, run: (ctx) => spec.run(ctx, args) }
    },
  }
}

/** Any registered command, as the parser sees it. */
export interface AnyCommand {
  readonly kind: string
  readonly words: readonly string[]
  readonly aliases?: readonly (readonly string[])[]
  readonly options: OptionSpecs
  readonly group: string
  readonly usage: string
  bind(input: { positionals: readonly string[]; values: RawValues }): BoundCommand
}

/** The parsed form of one command: `{ kind, ...its arguments }`. */
export type ParsedCommand<C> = C extends DefinedCommand<infer K, infer _O, infer A> ? { kind: K } & A : never
