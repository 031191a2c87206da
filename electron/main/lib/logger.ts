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

/**
 * E-mail addresses of clients are personal data: a log a user sends must not carry them. The first
 * character and the domain stay (enough to tell two mailboxes apart while debugging).
 */
const EMAIL_PATTERN =
  /(?<![A-Za-z0-9._%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g

const SECRET_KEYS = /^(authorization|token|secret|password|apiToken|api_token)$/i

/** Nesting beyond this is not logged at all (a record that deep is a bug, not information). */
const MAX_DEPTH = 64

function redactString(value: string): string {
  let out = value
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, (_match, prefix: unknown) =>
      typeof prefix === 'string' ? `${prefix}[redacted]` : '[redacted]',
    )
  }
  return out.replace(EMAIL_PATTERN, (_match, first: string, domain: string) => `${first}…@${domain}`)
}

/**
 * Replaces anything that looks like a token with `[redacted]` and masks e-mail addresses
 * (`j…@example.com`), at any depth: strings by pattern,
 * values under secret-looking keys entirely, errors by their name, message and cause. Cycles become
 * `[circular]`; nesting deeper than 64 levels is replaced by `[too deep]` (never passed through raw).
 */
export function redact(value: unknown): unknown {
  // An object reached twice (a shared sub-tree) is redacted once: linear in the size of the graph.
  const done = new Map<object, unknown>()
  const inProgress = new WeakSet<object>()
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return redactString(v)
    if (v === null || typeof v !== 'object') return typeof v === 'bigint' ? v.toString() : v
    if (depth > MAX_DEPTH) return '[too deep]'
    if (inProgress.has(v)) return '[circular]'
    if (done.has(v)) return done.get(v)
    inProgress.add(v)
    let out: unknown
    try {
      if (v instanceof Error) {
        const error: Record<string, unknown> = { name: v.name, message: redactString(v.message) }
        const code = (v as { code?: unknown }).code
        if (typeof code === 'string' || typeof code === 'number') error.code = code
        if (v.cause !== undefined) error.cause = walk(v.cause, depth + 1)
        out = error
      } else if (Array.isArray(v)) out = v.map((x) => walk(x, depth + 1))
      else if (v instanceof Map) out = walk(Object.fromEntries(v), depth)
      else if (v instanceof Set) out = walk([...v], depth)
      else {
        const record: Record<string, unknown> = {}
        for (const [key, x] of Object.entries(v))
          record[key] = SECRET_KEYS.test(key) ? '[redacted]' : walk(x, depth + 1)
        out = record
      }
    } finally {
      inProgress.delete(v)
    }
    done.set(v, out)
    return out
  }
  return walk(value, 0)
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

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 }

/** True when a record of `level` passes a threshold of `min`. */
export function atLeast(level: LogLevel, min: LogLevel): boolean {
  return LEVEL_ORDER[level] >= LEVEL_ORDER[min]
}

/** A sink writing JSON lines to stderr, from `minLevel` up. */
export function stderrSink(minLevel: LogLevel = 'info'): (record: LogRecord) => void {
  return (r) => {
    if (atLeast(r.level, minLevel)) process.stderr.write(`${JSON.stringify(r)}\n`)
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
