/** `accounts add`: adds an account, its token from an environment variable or stdin (then the keychain). */
import { UsageError, nonEmpty, noPositionals } from '../args'
import { defineCommand } from '../command'
import { assertPace, CliError } from '../context'
import { readSecretLine } from '../secret-input'

/** Names of environment variables the CLI accepts for --token-env. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export const accountsAdd = defineCommand({
  kind: 'accounts-add',
  words: ['accounts', 'add'],
  group: 'Accounts',
  options: { 'token-env': { type: 'string' }, 'base-url': { type: 'string' }, label: { type: 'string' } },
  usage: `  accounts add --token-env VAR [--base-url URL] [--label L]
      Add an account whose token is read from the environment variable VAR on every run.
      Only the NAME of the variable is stored, never the token.
  accounts add [--base-url URL] [--label L]
      Add an account; the token is read from stdin (one line, not echoed) and kept in the OS keychain.`,
  parse({ positionals, values }) {
    noPositionals(positionals)
    const tokenEnv = values['token-env']
    if (tokenEnv !== undefined && !ENV_NAME.test(tokenEnv)) {
      throw new UsageError(
        `--token-env takes the NAME of an environment variable (e.g. INFOMANIAK_TOKEN), not a value.`,
      )
    }
    return {
      tokenEnv,
      baseUrl: nonEmpty(values['base-url'], 'base-url'),
      label: nonEmpty(values.label, 'label'),
    }
  },
  async run(ctx, command) {
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
  },
})
