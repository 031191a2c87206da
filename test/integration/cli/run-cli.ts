import { spawn } from 'node:child_process'
import { resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../../..')

export interface CliRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/**
 * Runs the CLI in a child process (`node --import tsx electron/cli/index.ts …`), asynchronously so
 * that a sandbox in the test process keeps answering. The child gets only `env` (plus PATH), never
 * the test process's environment, unless `inheritEnv` is set.
 */
export function runCli(
  args: readonly string[],
  options: { env?: Record<string, string>; stdin?: string; inheritEnv?: boolean; timeoutMs?: number } = {},
): Promise<CliRun> {
  const base: Record<string, string> = options.inheritEnv
    ? Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined))
    : { PATH: process.env['PATH'] ?? '' }
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], {
      cwd: ROOT,
      env: { ...base, TZ: 'UTC', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000)
    child.on('error', fail)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      done({ code, signal, stdout, stderr })
    })
    child.stdin.end(options.stdin ?? '')
  })
}
