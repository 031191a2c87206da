import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cliLogger, humanLine } from '../../../electron/cli/log'
import { tempDir } from '../../helpers/temp'

// A planted token: the shape of an Infomaniak personal token (and a bearer header carrying it).
const TOKEN = 'Zq3' + 'x7Kp_2mN-9vB4wT8yR1cL6sD0fG5hJ3kQ'.repeat(2)

describe('the CLI log file', () => {
  let home: ReturnType<typeof tempDir> | undefined
  afterEach(() => home?.cleanup())

  it('writes the redacted JSON lines of the app to <data>/logs/cli.log (0600, process: cli); stderr stays human', () => {
    home = tempDir('switchboard-cli-log-')
    const stderr: string[] = []
    const { logger, file } = cliLogger({ dataDir: home.dir, stderrLevel: 'error', write: (t) => stderr.push(t) })
    const sync = logger.child('sync')
    sync.info('job done', { accountId: 'acc-1', resource: 'products', items: 3 })
    sync.warn(`job failed with Bearer ${TOKEN}`, { token: TOKEN, error: new Error(`bad ${TOKEN}`) })
    sync.error('keychain unreadable', { detail: `token=${TOKEN}`, email: 'urs.meier@example.ch' })
    sync.debug('not in the file', { n: 1 })
    file.close()

    const path = join(home.dir, 'logs', 'cli.log')
    const text = readFileSync(path, 'utf8')
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain('urs.meier@')
    if (process.platform !== 'win32') {
      expect(statSync(path).mode & 0o777).toBe(0o600)
      expect(statSync(join(home.dir, 'logs')).mode & 0o777).toBe(0o700)
    }
    const records = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { level: string; scope: string; message: string; fields: Record<string, unknown> })
    expect(records.map((r) => [r.level, r.scope, r.message.slice(0, 10)])).toEqual([
      ['info', 'core:sync', 'job done'],
      ['warn', 'core:sync', 'job failed'],
      ['error', 'core:sync', 'keychain u'],
    ])
    expect(records.every((r) => r.fields['process'] === 'cli')).toBe(true)
    expect(records[1]!.message).toContain('Bearer [redacted]')
    expect(records[1]!.fields['token']).toBe('[redacted]')

    // stderr: errors only, one line each, for people (not JSON), no secret either.
    expect(stderr).toHaveLength(1)
    expect(stderr[0]).toMatch(
      /^error: sync: keychain unreadable \(detail=token=\[redacted\], email=u…@example\.ch\)\n$/,
    )
    expect(stderr.join('')).not.toContain(TOKEN)
  })

  it('--verbose puts everything on stderr; the file rotates at its size cap and keeps a bounded number', () => {
    home = tempDir('switchboard-cli-log-')
    const stderr: string[] = []
    const { logger, file } = cliLogger({
      dataDir: home.dir,
      stderrLevel: 'debug',
      write: (t) => stderr.push(t),
      maxBytes: 2_000,
      keep: 2,
    })
    for (let i = 0; i < 100; i++) logger.info('page committed', { page: i, payload: 'x'.repeat(50) })
    logger.debug('debug only on stderr')
    file.close()
    expect(stderr).toHaveLength(101)
    expect(stderr[100]).toBe('debug: debug only on stderr\n')
    const files = readdirSync(join(home.dir, 'logs')).sort()
    expect(files).toEqual(['cli.1.log', 'cli.2.log', 'cli.log'])
    for (const f of files) expect(statSync(join(home.dir, 'logs', f)).size).toBeLessThanOrEqual(2_000)
  })

  it('words a record with its scope and fields', () => {
    expect(humanLine({ level: 'warn', scope: 'core', message: 'slow', at: 0 })).toBe('warn: slow')
    expect(
      humanLine({
        level: 'info',
        scope: 'core:api',
        message: 'retry',
        fields: { process: 'cli', n: 2, o: { a: 1 } },
        at: 0,
      }),
    ).toBe('info: api: retry (n=2, o={"a":1})')
  })
})
