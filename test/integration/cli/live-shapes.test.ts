/**
 * The CLI against the live-shapes sandbox: skipped items are named by field path with exit 0; jobs that only
 * meet missing scopes exit 0 with a summary; a job in error exits 1; `diagnostics --json` prints the shape report.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../electron/sandbox'
import { tempDir } from '../../helpers/temp'
import { runCli, type CliRun } from './run-cli'

const FAST = { rateLimit: { limit: 60, windowMs: 1_000 } }

describe('switchboard CLI against live shapes', () => {
  let sandbox: Sandbox
  let home: { dir: string; cleanup: () => void }
  const cli = (args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> =>
    runCli(args, { env: { HOME: home.dir, SWITCHBOARD_PACE: 'fast', ...env } })

  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 'tiny', seed: 3, profile: 'live-shapes', settings: FAST })
    home = tempDir('switchboard-cli-live-')
  })
  afterAll(async () => {
    await sandbox?.stop()
    home?.cleanup()
  })

  it('caches every other product, names the skipped one by field path, exits 0; diagnostics --json', async () => {
    const bad = sandbox.data.products[1]!
    // A product whose display name comes as a number: the one item does not fit, the rest of its page does.
    Object.assign(bad, { customerName: 12345 })
    const dir = join(home.dir, 'skipped')
    const env = { SB_TOKEN: sandbox.tokens['owner'] ?? '' }
    const add = await cli(
      ['accounts', 'add', '--token-env', 'SB_TOKEN', '--base-url', sandbox.url, '--data-dir', dir],
      env,
    )
    expect(add.code, add.stderr).toBe(0)
    const sync = await cli(['sync', '--data-dir', dir, '--json'], env)
    expect(sync.code, sync.stderr).toBe(0)
    const doc = JSON.parse(sync.stdout) as {
      ok: boolean
      accounts: {
        skippedCount: number
        skipped: { path: string; expected: string; seen: string }[]
        productCount: number
      }[]
    }
    expect(doc.ok).toBe(true)
    expect(doc.accounts[0]!.skippedCount).toBe(1)
    expect(doc.accounts[0]!.skipped[0]).toMatchObject({ path: 'customer_name', expected: 'string', seen: 'number' })
    const human = await cli(['sync', '--data-dir', dir], env)
    expect(human.code).toBe(0)
    expect(human.stdout).toMatch(/done with 1 skipped item/)
    expect(human.stdout).toMatch(/customer_name: expected string, got number/)
    const products = await cli(['products', '--data-dir', dir, '--json'])
    const ids = (JSON.parse(products.stdout) as { id: number }[]).map((p) => p.id)
    expect(ids).not.toContain(bad.id)
    expect(ids.length).toBe(doc.accounts[0]!.productCount)
    expect(ids.length).toBeGreaterThan(10)

    const diag = await cli(['diagnostics', '--data-dir', dir, '--json'])
    expect(diag.code).toBe(0)
    const report = JSON.parse(diag.stdout) as {
      accounts: { capabilities: { userTeams: string; productUsers: string } }[]
    }
    expect(report.accounts[0]!.capabilities).toMatchObject({ userTeams: 'absent', productUsers: 'with_users' })
    expect(diag.stdout).not.toContain(sandbox.tokens['owner'] ?? '-')
  }, 90_000)

  it('exits 0 with a summary when jobs only meet missing scopes, 1 when a job fails', async () => {
    const dir = join(home.dir, 'scopes')
    const env = { SB_TOKEN: sandbox.tokens['owner'] ?? '' }
    expect(
      (await cli(['accounts', 'add', '--token-env', 'SB_TOKEN', '--base-url', sandbox.url, '--data-dir', dir], env))
        .code,
    ).toBe(0)
    sandbox.control.setSettings({ routeScopes: { 'teams.list': 'workspace:teams' } })
    try {
      const scoped = await cli(['sync', '--data-dir', dir], env)
      expect(scoped.code, scoped.stderr).toBe(0)
      expect(scoped.stdout).toMatch(/needs the "workspace:teams" scope/)
      sandbox.control.setSettings({ routeScopes: { 'teams.list': 'accounts' } })
      sandbox.control.setFaults({ queue: ['error500', 'error500', 'error500', 'error500', 'error500', 'error500'] })
      const failed = await cli(['sync', '--data-dir', dir, '--json'], env)
      expect(failed.code).toBe(1)
      expect(JSON.parse(failed.stdout)).toMatchObject({ ok: false, error: { code: 'SYNC_INCOMPLETE' } })
    } finally {
      sandbox.control.setSettings({ routeScopes: { 'teams.list': 'accounts' } })
      sandbox.control.setFaults({ queue: [] })
    }
  }, 90_000)
})
