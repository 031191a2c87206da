/**
 * `sync --org X` on a fresh cache (issue 18): lists the organisations, then fills X's products (one
 * `GET /1/products?account_id=X`), users and teams, reports "organisation refreshed" and never claims a complete
 * sync.
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, viewerRights, type Sandbox } from '../../../electron/sandbox'
import { tempDir } from '../../helpers/temp'
import { runCli } from './run-cli'

let sandbox: Sandbox
let home: { dir: string; cleanup: () => void }

beforeAll(async () => {
  sandbox = await startSandbox({ scale: 'tiny', seed: 5, settings: { rateLimit: { limit: 60, windowMs: 1_000 } } })
  home = tempDir('switchboard-cli-org-')
})

afterAll(async () => {
  await sandbox?.stop()
  home?.cleanup()
})

it('sync --org X on a fresh cache fills X’s products and does not claim a complete sync', async () => {
  const dataDir = join(home.dir, 'data')
  const env = { HOME: home.dir, SWITCHBOARD_PACE: 'fast', SB_TOKEN: sandbox.tokens['owner']! }
  const cli = (args: string[]) => runCli([...args, '--data-dir', dataDir], { env })
  const added = await cli(['accounts', 'add', '--token-env', 'SB_TOKEN', '--base-url', sandbox.url])
  expect(added.code, added.stderr).toBe(0)

  // The organisation with the most products the owner sees.
  const access = sandbox.truth.orgAccess('owner')
  const visible = (orgId: number): number[] => {
    const a = access.get(orgId)!
    const teams = sandbox.data.teams.filter((t) => t.accountId === orgId)
    return sandbox.data.products
      .filter((p) => p.accountId === orgId && viewerRights(a, p, teams))
      .map((p) => p.id)
      .sort((x, y) => x - y)
  }
  const org = [...access.keys()].sort((x, y) => visible(y).length - visible(x).length)[0]!
  expect(visible(org).length).toBeGreaterThan(0)

  sandbox.requests.clear()
  const synced = await cli(['sync', '--org', String(org), '--json'])
  expect(synced.code, synced.stderr).toBe(0)
  const report = JSON.parse(synced.stdout) as {
    accounts: {
      lastSyncAt: number | null
      refreshed: { orgId: number; productCount: number; productsComplete: boolean }
    }[]
  }
  expect(report.accounts[0]).toMatchObject({
    lastSyncAt: null,
    refreshed: { orgId: org, productCount: visible(org).length, productsComplete: true },
  })
  // Only that organisation's products were listed, and no cross-organisation listing ran.
  const productRequests = sandbox.requests.list({ pathPrefix: '/1/products' }).map((r) => r.path)
  expect(productRequests).toEqual([expect.stringContaining(`account_id=${org}`)])

  const human = await cli(['sync', '--org', String(org)])
  expect(human.code, human.stderr).toBe(0)
  expect(human.stdout).toMatch(/organisation refreshed/)
  expect(human.stdout).toMatch(/not a complete sync \(last complete sync: never\)/)

  // Another process (a restart): the last run is read from the cache store, not from memory.
  const status = await cli(['sync', 'status', '--json'])
  expect(status.code, status.stderr).toBe(0)
  const { accounts } = JSON.parse(status.stdout) as {
    accounts: { lastSyncAt: number | null; lastRun: Record<string, unknown> | null }[]
  }
  expect(accounts).toHaveLength(1)
  expect(accounts[0]!.lastSyncAt).toBeNull()
  expect(accounts[0]!.lastRun).toMatchObject({
    kind: 'org',
    orgId: org,
    outcome: 'done',
    complete: true,
    jobErrors: 0,
    skippedCount: 0,
    problem: null,
  })
  const run = accounts[0]!.lastRun as { startedAt: number; finishedAt: number; requests: number }
  expect(run.requests).toBeGreaterThan(0)
  expect(run.finishedAt).toBeGreaterThanOrEqual(run.startedAt)
  // Each process wrote the app's redacted JSON lines to <data>/logs/cli.log (private), never the token.
  const logFile = join(dataDir, 'logs', 'cli.log')
  const log = readFileSync(logFile, 'utf8')
  expect(log).not.toContain(sandbox.tokens['owner']!)
  const records = log
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { message: string; fields?: { process?: string } })
  expect(records.some((r) => r.message === 'account added')).toBe(true)
  expect(records.every((r) => r.fields?.process === 'cli')).toBe(true)
  if (process.platform !== 'win32') expect(statSync(logFile).mode & 0o777).toBe(0o600)
  const table = await cli(['sync', 'status'])
  expect(table.stdout).toMatch(new RegExp(`organisation #${org} refreshed, complete;`))
}, 90_000)
