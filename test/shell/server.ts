import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { ApiPace } from '../../electron/main/core'
import type { CoreHostClient } from '../../electron/main/host/client'
import { startNodeCoreHost, type HostEntry } from '../../electron/main/host/node-host'
import { consoleLogger, type Logger } from '../../electron/main/lib/logger'
import { CONTENT_SECURITY_POLICY } from '../../electron/main/shell/csp'
import { mimeTypeFor } from '../../electron/main/shell/app-protocol-path'
import { resolveStaticPath } from './static-path'
import { BRIDGE_SCRIPT } from './bridge-script'
import { ShellFiles, UploadTooLarge } from './files'

export interface BrowserShellOptions {
  /** 0 picks a free port. */
  port?: number
  dataDir: string
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** Fixed secret (tests); random per run otherwise. */
  secret?: string
  logger?: Logger
  version?: string
  /** API pace override (e2e tests use a 1 s window against their own sandbox). */
  pace?: Partial<ApiPace>
  /** Largest JSON request body (default 5 MiB). */
  maxBodyBytes?: number
  /**
   * The core host entry the child runs: the TypeScript source through tsx (default), or the built
   * out/main/core-host.js that the app ships (the e2e suite, which builds first).
   */
  hostEntry?: HostEntry
  /** What the core host logs on stderr (default warn). */
  hostLogLevel?: 'debug' | 'info' | 'warn' | 'error'
}

export interface BrowserShell {
  /** Origin, e.g. http://127.0.0.1:5199 */
  origin: string
  /** The URL to open: sets the session cookie, then redirects to the app. */
  url: string
  secret: string
  /** The core, in its own process (a forked core host): dispatch, events, whenIdle, pid. */
  core: CoreHostClient
  dataDir: string
  stop(): Promise<void>
}

const COOKIE = 'switchboard_shell'
const MAX_BODY = 5 * 1024 * 1024
/** Largest file the browser may upload for an import. */
const MAX_UPLOAD = 64 * 1024 * 1024

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie
  if (!header) return undefined
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
  }
  return undefined
}

function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > max) {
        reject(new Error('body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' })
  res.end(body)
}

/**
 * The browser shell: runs the real core in a core host child process (the entry the app runs in
 * Electron's utility process) and serves the built renderer on 127.0.0.1 with `window.api` provided
 * over HTTP + SSE to the same `dispatch` the Electron IPC adapter reaches. This process only serves
 * HTTP and forwards, like Electron main. A test and development tool, never packaged. Tokens added
 * here live in this process's memory (not the host's), so they outlive a crash of the host.
 *
 * Files never go through `invoke`: exports are offered once at `/__shell/download/<token>` (streamed,
 * then deleted), imports are streamed to `/__shell/upload` (see files.ts).
 *
 * Protections: loopback bind only; Host header must be this origin (DNS rebinding);
 * a per-run secret exchanged once for an HttpOnly SameSite=Strict cookie; state-changing
 * calls must be JSON (or octet-stream uploads) POSTs from this origin.
 */
export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const logger = options.logger ?? consoleLogger('warn')
  const secret = options.secret ?? randomBytes(24).toString('base64url')
  const files = new ShellFiles({ uploadDir: join(options.dataDir, 'shell-uploads'), maxUploadBytes: MAX_UPLOAD })
  const { client: core } = await startNodeCoreHost({
    entry: options.hostEntry ?? 'source',
    logger,
    offerDownload: (file) => Promise.resolve(files.offer(file)),
    init: {
      ...(options.pace ? { pace: options.pace } : {}),
      dataDir: options.dataDir,
      validateOutput: true,
      logLevel: options.hostLogLevel ?? 'warn',
      app: {
        name: 'Switchboard',
        version: options.version ?? '0.0.0',
        platform: process.platform,
        host: 'browser-shell',
      },
      dailyBackups: true,
    },
  })
  const sseClients = new Set<ServerResponse>()
  const unsubscribe = core.onEvent((channel, payload) => {
    const frame = `data: ${JSON.stringify({ channel, payload })}\n\n`
    for (const client of sseClients) client.write(frame)
  })

  let origin = ''
  let allowedHosts: string[] = []

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      logger.error('shell request failed', { error })
      if (!res.headersSent) send(res, 500, 'Internal error')
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      send(res, 421, 'Misdirected request')
      return
    }
    const url = new URL(req.url ?? '/', origin)
    if (url.pathname === '/__shell/auth') {
      const given = url.searchParams.get('secret') ?? ''
      if (!safeEqual(given, secret)) {
        send(res, 403, 'Wrong or missing secret. Open the URL printed by `npm run shell`.')
        return
      }
      res.writeHead(302, {
        'Set-Cookie': `${COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      })
      res.end()
      return
    }
    const cookie = readCookie(req, COOKIE)
    if (!cookie || !safeEqual(cookie, secret)) {
      send(res, 401, 'Not signed in. Open the URL printed by `npm run shell`.')
      return
    }
    if (url.pathname === '/__shell/bridge.js') {
      send(res, 200, BRIDGE_SCRIPT, 'text/javascript; charset=utf-8')
      return
    }
    if (url.pathname === '/__shell/invoke') {
      const fromOrigin = req.headers.origin === undefined || req.headers.origin === origin
      if (req.method !== 'POST' || !fromOrigin || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
        send(res, 403, 'Forbidden')
        return
      }
      let message: unknown
      try {
        message = JSON.parse(await readBody(req, options.maxBodyBytes ?? MAX_BODY)) as unknown
      } catch {
        send(
          res,
          400,
          JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', reason: 'app.invalidInput' } }),
          'application/json',
        )
        return
      }
      const { channel, input } = (typeof message === 'object' && message !== null ? message : {}) as {
        channel?: unknown
        input?: unknown
      }
      const result = await core.dispatch(channel, input, { transport: 'browser-shell' })
      send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8')
      return
    }
    if (url.pathname.startsWith('/__shell/download/')) {
      if (req.method !== 'GET' || !(await files.download(url.pathname.slice('/__shell/download/'.length), res)))
        send(res, 404, 'This download is no longer available. Export again.')
      return
    }
    if (url.pathname === '/__shell/upload') {
      const fromOrigin = req.headers.origin === undefined || req.headers.origin === origin
      const fileName = url.searchParams.get('name') ?? ''
      if (
        req.method !== 'POST' ||
        !fromOrigin ||
        req.headers['content-type'] !== 'application/octet-stream' ||
        fileName === '' ||
        fileName.length > 255
      ) {
        send(res, 403, 'Forbidden')
        return
      }
      const answer = (result: unknown): void =>
        send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8')
      let path: string
      try {
        path = await files.receive(req)
      } catch (error) {
        if (error instanceof UploadTooLarge)
          answer({ ok: false, error: { code: 'INVALID_INPUT', message: 'This file is too large.' } })
        else answer({ ok: false, error: { code: 'INTERNAL', message: 'The upload failed.' } })
        return
      }
      answer({ ok: true, value: await core.registerUpload(path, fileName) })
      return
    }
    if (url.pathname === '/__shell/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
      res.write(': connected\n\n')
      sseClients.add(res)
      req.on('close', () => sseClients.delete(res))
      return
    }
    const file = resolveStaticPath(options.rendererDir, url.pathname)
    if (!file) {
      send(res, 404, 'Not found')
      return
    }
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      send(res, 404, 'Not found')
      return
    }
    const type = mimeTypeFor(file)
    const headers = {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    }
    if (type.startsWith('text/html')) {
      const html = body
        .toString('utf8')
        .replace('<script type="module"', '<script src="./__shell/bridge.js"></script>\n    <script type="module"')
      res.writeHead(200, headers)
      res.end(html)
      return
    }
    res.writeHead(200, headers)
    res.end(body)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]

  return {
    origin,
    url: `${origin}/__shell/auth?secret=${encodeURIComponent(secret)}`,
    secret,
    core,
    dataDir: options.dataDir,
    async stop() {
      unsubscribe()
      for (const client of sseClients) client.end()
      sseClients.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await core.stop()
      await files.close()
    },
  }
}
