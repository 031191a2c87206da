import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { startBrowserShell, type BrowserShell } from '../../shell/server'
import { tempDir } from '../../helpers/temp'

/** Raw HTTP so the Host header can be forged (fetch forbids setting it). */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      )
    })
    req.on('error', reject)
    if (options.body) req.write(options.body)
    req.end()
  })
}

describe('browser shell', () => {
  const t = tempDir()
  let shell: BrowserShell
  let cookie = ''

  beforeAll(async () => {
    const rendererDir = join(t.dir, 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(
      join(rendererDir, 'index.html'),
      '<html><head><script type="module" src="./app.js"></script></head></html>',
    )
    writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)')
    shell = await startBrowserShell({ port: 0, dataDir: join(t.dir, 'data'), rendererDir, logger: memoryLogger() })
    const auth = await raw(shell.url)
    expect(auth.status).toBe(302)
    cookie = String(auth.headers['set-cookie']).split(';')[0]!
  })
  afterAll(async () => {
    await shell.stop()
    t.cleanup()
  })

  it('listens on loopback only', () => {
    expect(shell.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('sets an HttpOnly SameSite=Strict cookie only for the right secret', async () => {
    const wrong = await raw(`${shell.origin}/__shell/auth?secret=nope`)
    expect(wrong.status).toBe(403)
    const right = await raw(shell.url)
    expect(String(right.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
  })

  it('refuses requests without the session cookie', async () => {
    expect((await raw(`${shell.origin}/`)).status).toBe(401)
    const invoke = await raw(`${shell.origin}/__shell/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: 'app:info', input: {} }),
    })
    expect(invoke.status).toBe(401)
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await raw(`${shell.origin}/`, { headers: { Host: 'evil.example:80', Cookie: cookie } })
    expect(res.status).toBe(421)
  })

  it('refuses cross-origin and non-JSON invokes', async () => {
    const crossOrigin = await raw(`${shell.origin}/__shell/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: 'http://evil.example' },
      body: JSON.stringify({ channel: 'app:info', input: {} }),
    })
    expect(crossOrigin.status).toBe(403)
    const form = await raw(`${shell.origin}/__shell/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      body: 'channel=app:info',
    })
    expect(form.status).toBe(403)
  })

  it('injects the bridge before the app bundle and sends the CSP', async () => {
    const res = await raw(`${shell.origin}/`, { headers: { Cookie: cookie } })
    expect(res.status).toBe(200)
    expect(res.body.indexOf('__shell/bridge.js')).toBeGreaterThan(-1)
    expect(res.body.indexOf('__shell/bridge.js')).toBeLessThan(res.body.indexOf('app.js'))
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'")
  })

  it('dispatches invokes to the real core', async () => {
    const res = await raw(`${shell.origin}/__shell/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: shell.origin },
      body: JSON.stringify({ channel: 'app:info', input: {} }),
    })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { host: 'browser-shell', name: 'Switchboard' } })
    const bad = await raw(`${shell.origin}/__shell/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify({ channel: 'settings:set', input: { patch: { language: 42 } } }),
    })
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it.skipIf(process.platform !== 'linux')(
    'runs the core in a child process of its own (visible in the process tree)',
    () => {
      const pid = shell.core.pid
      expect(pid).toBeGreaterThan(0)
      expect(pid).not.toBe(process.pid)
      // /proc/<pid>/stat: "pid (comm) state ppid …"; the host is this process's child.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      expect(ppid).toBe(process.pid)
    },
  )

  it('streams an upload to a file the core reads by id, and refuses uploads that are not ours', async () => {
    const csv = 'Invoice number,Customer,Issue date,Total,VAT,Currency\nU-1,Nobody,2026-01-15,108.10,8.10,CHF\n'
    const upload = (headers: Record<string, string>, body = csv, name = 'manager.csv') =>
      raw(`${shell.origin}/__shell/upload?purpose=billing-import&name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { Cookie: cookie, ...headers },
        body,
      })
    const ok = await upload({ 'Content-Type': 'application/octet-stream', Origin: shell.origin })
    const ref = JSON.parse(ok.body) as { ok: true; value: { fileId: string; fileName: string; byteLength: number } }
    expect(ref).toMatchObject({ ok: true, value: { fileName: 'manager.csv', byteLength: Buffer.byteLength(csv) } })
    // Only the id goes through invoke; the core reads the file (the account does not exist here).
    const preview = await raw(`${shell.origin}/__shell/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: shell.origin },
      body: JSON.stringify({
        channel: 'billing:import-preview',
        input: { accountId: 'nobody', fileId: ref.value.fileId },
      }),
    })
    expect(JSON.parse(preview.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

    expect((await upload({ 'Content-Type': 'text/plain', Origin: shell.origin })).status).toBe(403)
    expect((await upload({ 'Content-Type': 'application/octet-stream', Origin: 'http://evil.example' })).status).toBe(
      403,
    )
    const noCookie = await raw(`${shell.origin}/__shell/upload?name=x.csv`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: csv,
    })
    expect(noCookie.status).toBe(401)
  })

  it('offers an export once as a streamed download, then forgets it', async () => {
    const exported = await raw(`${shell.origin}/__shell/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: shell.origin },
      body: JSON.stringify({ channel: 'renewals:export', input: { withinDays: 30, format: 'csv' } }),
    })
    const file = (
      JSON.parse(exported.body) as {
        ok: true
        value: { downloadUrl: string; fileName: string; byteLength: number; savedPath: null }
      }
    ).value
    expect(file.savedPath).toBeNull()
    expect(file.downloadUrl).toMatch(/^\/__shell\/download\/[A-Za-z0-9_-]{20,}$/)
    const first = await raw(`${shell.origin}${file.downloadUrl}`, { headers: { Cookie: cookie } })
    expect(first.status).toBe(200)
    expect(String(first.headers['content-disposition'])).toContain(`filename="${file.fileName}"`)
    expect(Buffer.byteLength(first.body)).toBe(file.byteLength)
    expect(first.body).toContain('Organization')
    const again = await raw(`${shell.origin}${file.downloadUrl}`, { headers: { Cookie: cookie } })
    expect(again.status).toBe(404)
  })

  it('does not serve files outside the renderer folder', async () => {
    const res = await raw(`${shell.origin}/%2e%2e/%2e%2e/data/user.sqlite`, { headers: { Cookie: cookie } })
    expect(res.status).toBe(404)
  })
})
