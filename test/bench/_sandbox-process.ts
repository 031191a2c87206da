/** The large sandbox in a process of its own, for the benchmarks that measure the process serving the core. */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { resolve } from 'node:path'

const root = resolve(__dirname, '../..')

export interface SandboxProcess {
  child: ChildProcess
  url: string
  /** The owner's token. */
  token: string
  stop: () => Promise<void>
}

/** Starts `electron/sandbox/cli.ts --scale large` at 2,000 requests per second (bound by the machine, not the limit). */
export async function startSandboxProcess(o: { orgs: number; profile?: string }): Promise<SandboxProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/sandbox/cli.ts',
      '--scale',
      'large',
      '--orgs',
      String(o.orgs),
      ...(o.profile ? ['--profile', o.profile] : []),
      '--rate-limit',
      '2000/1000',
      '--print-json',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let buffer = ''
  const line = await new Promise<string>((resolveLine, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8')
      const end = buffer.indexOf('\n')
      if (end >= 0) resolveLine(buffer.slice(0, end))
    })
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code})`)))
  })
  const info = JSON.parse(line) as { url: string; tokens: Record<string, string> }
  return {
    child,
    url: info.url,
    token: info.tokens['owner']!,
    stop: async () => {
      child.kill('SIGTERM')
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit')
    },
  }
}
