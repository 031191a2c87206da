/**
 * ESLint keeps the process boundaries: the sandbox (fake API) reaches electron/main only through
 * the demo seam, lazily; type imports stay allowed (they vanish from the build).
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function rules(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('lint: the sandbox stays out of electron/main', () => {
  it('forbids static and dynamic value imports of electron/sandbox outside the seam', async () => {
    expect(
      await rules(
        'electron/main/services/x.ts',
        "import { startSandbox } from '../../sandbox'\nexport const s = startSandbox\n",
      ),
    ).toContain('@typescript-eslint/no-restricted-imports')
    expect(
      await rules(
        'electron/main/core.ts',
        "import { generate } from '../sandbox/generate'\nexport const g = generate\n",
      ),
    ).toContain('@typescript-eslint/no-restricted-imports')
    expect(
      await rules('electron/main/sync/x.ts', "export const load = () => import('../../sandbox/index')\n"),
    ).toContain('no-restricted-syntax')
  })

  it('allows type imports, and the seam itself', async () => {
    expect(
      await rules(
        'electron/main/services/x.ts',
        "import type { Sandbox } from '../../sandbox'\nexport type S = Sandbox\n",
      ),
    ).toEqual([])
    expect(
      await rules('electron/main/services/demo-sandbox.ts', "export const load = () => import('../../sandbox')\n"),
    ).toEqual([])
  })
}, 60_000)
