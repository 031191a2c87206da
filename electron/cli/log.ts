/**
 * The CLI's log: the same redacted JSON lines as the app, in a rotating private file of the data folder
 * (`<data>/logs/cli.log`, 0600, next to the app's `core.log`), each record marked `process: 'cli'`; stderr gets
 * the same records worded for people (errors only, everything with --verbose).
 */
import { fileLogger, logDirOf, type RotatingLogFile } from '../main/lib/log-file'
import { atLeast, type LogLevel, type LogRecord, type Logger } from '../main/lib/logger'

/** One record for people: `error: sync: job failed (resource=products, orgId=3)`. Records arrive redacted. */
export function humanLine(record: LogRecord): string {
  const scope = record.scope.replace(/^core:?/, '')
  const fields = Object.entries(record.fields ?? {})
    .filter(([key]) => key !== 'process')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
  return `${record.level}: ${scope ? `${scope}: ` : ''}${record.message}${fields.length > 0 ? ` (${fields.join(', ')})` : ''}`
}

export function cliLogger(o: {
  dataDir: string
  /** stderr from this level up (`error`; `debug` with --verbose). */
  stderrLevel: LogLevel
  write: (text: string) => void
  maxBytes?: number
  keep?: number
}): { logger: Logger; file: RotatingLogFile } {
  const opened = fileLogger({
    dir: logDirOf(o.dataDir),
    baseName: 'cli',
    minLevel: 'info',
    console: (r) => {
      if (atLeast(r.level, o.stderrLevel)) o.write(`${humanLine(r)}\n`)
    },
    ...(o.maxBytes !== undefined ? { maxBytes: o.maxBytes } : {}),
    ...(o.keep !== undefined ? { keep: o.keep } : {}),
  })
  return { logger: withProcess(opened.logger), file: opened.file }
}

/** Marks every record `process: 'cli'` (a log sent with the app's tells which process wrote it). */
function withProcess(logger: Logger): Logger {
  const add = (fields?: Record<string, unknown>): Record<string, unknown> => ({ process: 'cli', ...fields })
  return {
    debug: (m, f) => logger.debug(m, add(f)),
    info: (m, f) => logger.info(m, add(f)),
    warn: (m, f) => logger.warn(m, add(f)),
    error: (m, f) => logger.error(m, add(f)),
    child: (scope) => withProcess(logger.child(scope)),
  }
}
