import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fileLogger, RotatingLogFile } from '../../../electron/main/lib/log-file'
import { memoryLogger, redact } from '../../../electron/main/lib/logger'

const TOKEN = 'A'.repeat(30) + 'b-_'.repeat(10) + 'Z'.repeat(10)

describe('redact', () => {
  it('removes tokens at any depth, under secret keys, in errors and their causes', () => {
    let deep: Record<string, unknown> = { note: `Bearer ${TOKEN}`, raw: TOKEN }
    for (let i = 0; i < 40; i++) deep = { level: i, inner: deep, list: [{ at: i, note: `token ${TOKEN}` }] }
    const out = JSON.stringify(redact(deep))
    expect(out).not.toContain(TOKEN)
    expect(out).toContain('Bearer [redacted]')
    const error = new Error(`request failed with ${TOKEN}`, { cause: new Error(`inner ${TOKEN}`) })
    const redactedError = redact({ error, headers: { Authorization: 'anything', apiToken: 'x' } })
    expect(JSON.stringify(redactedError)).not.toContain(TOKEN)
    expect(redactedError).toEqual({
      error: {
        name: 'Error',
        message: 'request failed with [redacted]',
        cause: { name: 'Error', message: 'inner [redacted]' },
      },
      headers: { Authorization: '[redacted]', apiToken: '[redacted]' },
    })
  })

  it('never passes anything through raw: too deep is dropped, cycles are named', () => {
    let deep: unknown = TOKEN
    for (let i = 0; i < 200; i++) deep = [deep]
    const out = JSON.stringify(redact(deep))
    expect(out).not.toContain(TOKEN)
    expect(out).toContain('[too deep]')
    const cyclic: Record<string, unknown> = { name: 'loop' }
    cyclic.self = cyclic
    const shared = { t: TOKEN }
    // A shared sub-tree is redacted once (a wide DAG stays linear).
    let wide: Record<string, unknown> = { t: TOKEN }
    for (let i = 0; i < 60; i++) wide = { left: wide, right: wide }
    const wideOut = redact(wide) as { left: unknown; right: unknown }
    expect(wideOut.left).toBe(wideOut.right)
    expect(redact({ cyclic, a: shared, b: shared })).toEqual({
      cyclic: { name: 'loop', self: '[circular]' },
      a: { t: '[redacted]' },
      b: { t: '[redacted]' },
    })
    expect(JSON.stringify(redact(new Map([['k', TOKEN]])))).toBe('{"k":"[redacted]"}')
  })

  it('masks e-mail addresses, keeping the first character and the domain', () => {
    expect(redact({ note: 'invite jane.doe+ops@client-a.example.ch and bob@b.io', owner: 'x@y.org' })).toEqual({
      note: 'invite j…@client-a.example.ch and b…@b.io',
      owner: 'x…@y.org',
    })
    expect(redact('no address @ here, nor a@b')).toBe('no address @ here, nor a@b')
  })

  it('is applied by the logger to messages and fields', () => {
    const logger = memoryLogger()
    logger.error(`failed ${TOKEN}`, { a: { b: { c: { d: { e: { f: { g: { h: TOKEN } } } } } } } })
    expect(JSON.stringify(logger.records)).not.toContain(TOKEN)
  })
})

describe('rotating log files', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

  it('writes JSON lines, rotates at the size cap, keeps a bounded number of files, privately', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sb-logs-')), 'logs')
    dirs.push(join(dir, '..'))
    const { logger, file } = fileLogger({ dir, baseName: 'switchboard', maxBytes: 2_000, keep: 2 })
    for (let i = 0; i < 100; i++) logger.info('sync step', { i, token: TOKEN, padding: 'x'.repeat(50) })
    file.close()
    const names = readdirSync(dir).sort()
    expect(names).toEqual(['switchboard.1.log', 'switchboard.2.log', 'switchboard.log'])
    let total = 0
    for (const name of names) {
      const text = readFileSync(join(dir, name), 'utf8')
      expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(2_000)
      expect(text).not.toContain(TOKEN)
      const lines = text.trim().split('\n')
      for (const line of lines) expect(JSON.parse(line)).toMatchObject({ level: 'info', message: 'sync step' })
      total += lines.length
    }
    // The newest records are in the current file; the oldest were dropped with the third file.
    const current = readFileSync(join(dir, 'switchboard.log'), 'utf8').trim().split('\n')
    expect(JSON.parse(current.at(-1)!).fields.i).toBe(99)
    expect(total).toBeLessThan(100)
    if (process.platform !== 'win32') {
      expect(statSync(dir).mode & 0o777).toBe(0o700)
      for (const name of names) expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600)
    }
    expect(RotatingLogFile.list(dir).map((f) => f.name)).toEqual(expect.arrayContaining(names))
  })

  it('continues an existing file after a restart and never throws when it cannot write', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sb-logs-')), 'logs')
    dirs.push(join(dir, '..'))
    const first = fileLogger({ dir, baseName: 'cli' })
    first.logger.warn('one')
    first.file.close()
    const second = fileLogger({ dir, baseName: 'cli' })
    second.logger.warn('two')
    second.file.close()
    expect(readFileSync(join(dir, 'cli.log'), 'utf8').trim().split('\n')).toHaveLength(2)
    rmSync(dir, { recursive: true })
    const broken = fileLogger({ dir: join(dir, '\0bad'), baseName: 'x' })
    expect(() => broken.logger.error('still fine')).not.toThrow()
  })
})
