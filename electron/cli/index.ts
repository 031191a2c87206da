/**
 * Entry point of the headless CLI: `npm run cli -- <command>` (tsx) or the `switchboard` bin.
 * Wires the process (argv, streams, keychain, Ctrl+C) to runCli and exits with its code.
 */
import { homedir } from 'node:os'
import { redact } from '../main/lib/logger'
import { KeytarSecretStore } from '../main/secrets/keytar-secret-store'
import { version } from '../../package.json'
import { runCli } from './main'

// `switchboard products | head`: a closed pipe ends the output, it is not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

void runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  platform: process.platform,
  homedir: homedir(),
  fetch: globalThis.fetch.bind(globalThis),
  loadKeychain: () => KeytarSecretStore.load(),
  onInterrupt: (handler) => {
    process.on('SIGINT', handler)
    return () => {
      process.off('SIGINT', handler)
    }
  },
  version,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`switchboard: unexpected failure: ${JSON.stringify(redact(error))}\n`)
    process.exit(1)
  },
)
