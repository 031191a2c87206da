/**
 * The process serving the UI in the responsiveness benchmark: a browser shell (its HTTP server, and
 * whatever of the core it hosts in-process), with `monitorEventLoopDelay({ resolution: 1 })` around
 * the measured phase. Driven by the benchmark over the fork IPC channel:
 *   → { t: 'start' } starts measuring; { t: 'stop' } answers { t: 'stats', ... }; { t: 'exit' } stops.
 *   ← { t: 'ready', origin, secret, dataDir, pid, corePid }
 */
import { join, resolve } from 'node:path'
import { consoleLogger } from '../../electron/main/lib/logger'
import { startBrowserShell } from '../shell/server'
import { eventLoopMonitor } from './_event-loop'

type Command = { t: 'start' } | { t: 'stop' } | { t: 'exit' }

async function main(): Promise<void> {
  const dataDir = process.argv[2]
  if (!dataDir) throw new Error('usage: _ui-process.ts <dataDir>')
  const shell = await startBrowserShell({
    port: 0,
    dataDir,
    rendererDir: join(resolve(__dirname, '../..'), 'out/renderer'),
    logger: consoleLogger('error'),
    // The sandbox of the benchmark allows 2,000 requests per second: the sync is bound by the
    // machine (HTTP, validation, SQLite writes), not by the rate limit.
    pace: { limit: 2_000, windowMs: 1_000, timeoutMs: 60_000 },
    maxBodyBytes: 64 * 1024 * 1024,
  })
  const loop = eventLoopMonitor()
  const send = (message: Record<string, unknown>): void => {
    process.send?.(message)
  }
  process.on('message', (message: Command) => {
    if (message.t === 'start') loop.start()
    else if (message.t === 'stop') {
      send({ t: 'stats', ...loop.stop(), peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) })
    } else if (message.t === 'exit') {
      void shell.stop().then(() => process.exit(0))
    }
  })
  send({ t: 'ready', origin: shell.origin, secret: shell.secret, pid: process.pid })
}

void main().catch((error: unknown) => {
  process.stderr.write(`ui process failed: ${String(error)}\n`)
  process.exit(1)
})
