/**
 * The one seam between the core and the sandbox (the fake Infomaniak API of the demo workspace):
 * loaded on demand, so the bundler emits the sandbox as a chunk of its own that only "Explore with
 * demo data" ever loads. ESLint forbids any other electron/main module to import electron/sandbox
 * (types excepted), and test/unit/build/main-bundle.test.ts checks the built entries.
 */
import type { Sandbox, SandboxOptions } from '../../sandbox'

export async function startDemoSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { startSandbox } = await import('../../sandbox')
  return startSandbox(options)
}
