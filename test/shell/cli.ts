/**
 * `npm run shell -- [--port N] [--data-dir D]`: serves the app in a browser against the
 * real core. Prints the URL to open as the first line of output.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import { startBrowserShell } from './server'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5199' },
    'data-dir': { type: 'string' },
    rebuild: { type: 'boolean', default: false },
  },
})

const root = resolve(__dirname, '../..')
const rendererDir = join(root, 'out/renderer')
if (values.rebuild || !existsSync(join(rendererDir, 'index.html'))) {
  process.stderr.write('Building the renderer…\n')
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0) {
    process.stderr.write('The build failed.\n')
    process.exit(1)
  }
}

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`Invalid --port ${values.port}\n`)
  process.exit(2)
}
const dataDir = values['data-dir'] ? resolve(values['data-dir']) : mkdtempSync(join(tmpdir(), 'switchboard-shell-'))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }

void startBrowserShell({ port, dataDir, rendererDir, version: pkg.version }).then((shell) => {
  process.stdout.write(`${shell.url}\n`)
  process.stderr.write(`Switchboard browser shell on ${shell.origin} (data: ${dataDir}). Ctrl+C stops it.\n`)
  const stop = (): void => {
    void shell.stop().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
})
