/**
 * The CLI command registry: every command is reachable and documented, names and option types do not
 * clash, and a new command plugs in without touching the parser.
 */
import { describe, expect, it } from 'vitest'
import { parseInvocation, usageText, UsageError } from '../../../electron/cli/args'
import { defineCommand } from '../../../electron/cli/command'
import { COMMANDS } from '../../../electron/cli/commands'

describe('CLI command registry', () => {
  it('has unique kinds and unique words, each listed in --help', () => {
    const kinds = COMMANDS.map((c) => c.kind)
    expect(new Set(kinds).size).toBe(kinds.length)
    const spellings = COMMANDS.flatMap((c) => [c.words, ...(c.aliases ?? [])].map((w) => w.join(' ')))
    expect(new Set(spellings).size).toBe(spellings.length)
    const usage = usageText()
    for (const c of COMMANDS) expect(usage, c.kind).toContain(`  ${c.words.join(' ')}`)
  })

  it('parses every spelling of every command to its kind', () => {
    const required: Record<string, string[]> = {
      'accounts-remove': ['x'],
      users: ['--org', '1'],
      'billing-import': ['invoices.csv'],
      'backup-restore': ['backup-id'],
      'billing-export': ['--format', 'csv', '--from', '2026-01-01', '--to', '2026-12-31', '--out', 'x.csv'],
    }
    for (const c of COMMANDS) {
      for (const words of [c.words, ...(c.aliases ?? [])]) {
        expect(parseInvocation([...words, ...(required[c.kind] ?? [])]).line.command.kind).toBe(c.kind)
      }
    }
  })

  it('accepts a new command from its definition alone', async () => {
    const echo = defineCommand({
      kind: 'echo',
      words: ['debug', 'echo'],
      group: 'Debugging',
      options: { times: { type: 'string' } },
      usage: '  debug echo <text> [--times N]',
      parse({ positionals, values }) {
        if (positionals.length !== 1) throw new UsageError('echo needs one text')
        return { text: positionals[0]!, times: Number(values.times ?? '1') }
      },
      run: (_ctx, args) => ({ json: args, human: args.text.repeat(args.times) }),
    })
    const list = [...COMMANDS, echo]
    const { line, bound } = parseInvocation(['debug', 'echo', 'hi', '--times', '3', '--json'], list)
    expect(line).toMatchObject({ json: true, command: { kind: 'echo', text: 'hi', times: 3 } })
    const result = await bound!.run({} as never)
    expect(result.human).toBe('hihihi')
    expect(usageText(list)).toMatch(/Debugging\n {2}debug echo <text> \[--times N\]/)
    expect(() => parseInvocation(['debug'], list)).toThrow('debug: echo?')
    expect(() => parseInvocation(['orgs', '--times', '2'], list)).toThrow('orgs does not take --times.')
  })

  it('refuses two commands declaring one option with different types', () => {
    const clash = defineCommand({
      kind: 'clash',
      words: ['clash'],
      group: 'Cache',
      options: { account: { type: 'boolean' } },
      usage: '  clash',
      parse: () => ({}),
      run: () => ({ json: null, human: '' }),
    })
    expect(() => parseInvocation(['orgs'], [...COMMANDS, clash])).toThrow(
      /--account is declared as string and as boolean/,
    )
  })
})
