/**
 * Structured logger used by the core. Every message and field goes through {@link redact}
 * so that an API token can never reach a log line, even by accident.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
  child(scope: string): Logger
}

/** Infomaniak personal tokens are 60–100 characters of [A-Za-z0-9_-]; bearer headers too. */
const TOKEN_PATTERNS: RegExp[] = [
  /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{60,100}(?![A-Za-z0-9_-])/g,
]

const SECRET_KEYS = /^(authorization|token|secret|password|apiToken|api_token)$/i

/** Replaces anything that looks like a token with `[redacted]`. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    let out = value
    for (const pattern of TOKEN_PATTERNS) {
      out = out.replace(pattern, (_match, prefix: unknown) =>
        typeof prefix === 'string' ? `${prefix}[redacted]` : '[redacted]',
      )
    }
    return out
  }
  if (depth > 5 || value === null || typeof value !== 'object') return value
  if (value instanceof Error) return redact(`${value.name}: ${value.message}`, depth + 1)
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEYS.test(key) ? '[redacted]' : redact(v, depth + 1)
  }
  return out
}

export interface LogRecord {
  level: LogLevel
  scope: string
  message: string
  fields?: Record<string, unknown>
  at: number
}

/** A logger that hands redacted records to `sink` (console, file, or a test array). */
export function createLogger(sink: (record: LogRecord) => void, scope = 'core', minLevel: LogLevel = 'info'): Logger {
  const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 }
  const log =
    (level: LogLevel) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (order[level] < order[minLevel]) return
      const record: LogRecord = { level, scope, message: redact(message) as string, at: Date.now() }
      if (fields) record.fields = redact(fields) as Record<string, unknown>
      sink(record)
    }
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (child) => createLogger(sink, `${scope}:${child}`, minLevel),
  }
}

/** Logger writing JSON lines to stderr (the CLI, the browser shell, the Electron main process). */
export function consoleLogger(minLevel: LogLevel = 'info'): Logger {
  return createLogger((r) => process.stderr.write(`${JSON.stringify(r)}\n`), 'core', minLevel)
}

/** Logger that keeps records in memory (tests). */
export function memoryLogger(): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = []
  return Object.assign(
    createLogger((r) => records.push(r), 'core', 'debug'),
    { records },
  )
}
