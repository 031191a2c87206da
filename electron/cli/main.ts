/**
 * The headless CLI: the same core as the desktop app (services, sync engine, cache queries), no
 * Electron, no SQL of its own. `runCli` takes its I/O as arguments so that the process wiring
 * (index.ts) stays trivial. Each command is a file in `commands/`, registered in `commands/index.ts`.
 */
import { problemText } from '../../shared/i18n/problems'
import { resolve } from 'node:path'
import type { Core } from '../main/core'
import type { Logger } from '../main/lib/logger'
import { isAppError } from '../main/lib/app-error'
import { systemClock } from '../main/lib/clock'
import { cliLogger } from './log'
import { KeychainUnavailableError } from '../main/secrets/secret-store'
import { parseInvocation, USAGE, UsageError, type CommandLine } from './args'
import type { BoundCommand } from './command'
import {
  CliError,
  EXIT_INTERRUPTED,
  EXIT_OK,
  EXIT_USAGE,
  LazyKeychain,
  loadCore,
  Output,
  safe,
  type CliIo,
  type CoreModules,
} from './context'
import { defaultDataDir } from './data-dir'
import { paceFromEnv, type PaceChoice } from './pace'
import { InputCancelled } from './secret-input'
import { dateTimeFromMs } from './format'
import { STORE_ERROR_MESSAGES, storeErrorCode } from '../main/store/sqlite-errors'

export { CliError, EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, resolveAccount, type CliIo } from './context'

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
  let bound: BoundCommand | null
  let pace: PaceChoice
  try {
    ;({ line, bound } = parseInvocation(io.argv))
    pace = paceFromEnv(io.env)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return fail(new CliError('USAGE', message, EXIT_USAGE))
  }
  if (bound === null) {
    out.write(`${USAGE}\n`)
    return EXIT_OK
  }

  const dataDir = line.dataDir
    ? resolve(io.cwd, line.dataDir)
    : defaultDataDir({ platform: io.platform, env: io.env, homedir: io.homedir })
  const keychain = new LazyKeychain(io.loadKeychain)
  const log = cliLogger({ dataDir, stderrLevel: line.verbose ? 'debug' : 'error', write: (text) => err.write(text) })
  try {
    return await runWithCore(io, out, err, fail, line, bound, dataDir, keychain, pace, log.logger)
  } finally {
    log.file.close()
  }
}

async function runWithCore(
  io: CliIo,
  out: Output,
  err: Output,
  fail: (error: CliError) => number,
  line: CommandLine,
  bound: BoundCommand,
  dataDir: string,
  keychain: LazyKeychain,
  pace: PaceChoice,
  logger: Logger,
): Promise<number> {
  let core: Core
  let lib: CoreModules
  try {
    lib = await loadCore()
    core = lib.createCore({
      dataDir,
      secretStore: keychain,
      fetch: io.fetch,
      clock: systemClock,
      logger,
      // AppInfo.host has no 'cli' value yet; the CLI is a plain-Node host like the browser shell.
      app: { name: 'Switchboard', version: io.version, platform: io.platform, host: 'browser-shell' },
      env: io.env,
      ...(pace.pace ? { pace: pace.pace } : {}),
    })
  } catch (error) {
    logger.error('cli: data not opened', { error })
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
    const output = await bound.run({ io, lib, out, err, line, core, keychain, pace })
    // A streaming command (sync --watch) has written its JSON lines already.
    if (line.json && output.json !== undefined) out.write(`${JSON.stringify(output.json, null, 2)}\n`)
    else if (output.human !== '') out.write(`${output.human}\n`)
    return output.exitCode ?? EXIT_OK
  } catch (error) {
    const failure = toCliError(error)
    logger.info('cli: command failed', { code: failure.code, exitCode: failure.exitCode })
    return fail(failure)
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
  // The CLI speaks English: problems are worded from the shared catalogue.
  if (isAppError(error)) return new CliError(error.code, problemText(error.problem, 'en'))
  if (error instanceof KeychainUnavailableError) return new CliError('KEYCHAIN_UNAVAILABLE', error.message)
  if (error instanceof InputCancelled) return new CliError('CANCELLED', error.message, EXIT_INTERRUPTED)
  const storeCode = storeErrorCode(error)
  if (storeCode) return new CliError(storeCode, STORE_ERROR_MESSAGES[storeCode])
  return new CliError('INTERNAL', error instanceof Error ? `${error.name}: ${error.message}` : String(error))
}
