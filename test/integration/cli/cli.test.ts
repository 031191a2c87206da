/**
 * The headless CLI, spawned as a real process against a sandbox running in this test process
 * (tiny scale, 60 requests per 1 s on both sides: the sandbox setting and SWITCHBOARD_PACE=fast).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountSummary, OrgSummary, OrgUserRow, ProductRow } from '../../../shared/domain/cache'
import { startSandbox, viewerRights, type Sandbox } from '../../../electron/sandbox'
import { tempDir } from '../../helpers/temp'
import { runCli, type CliRun } from './run-cli'

const FAST = { rateLimit: { limit: 60, windowMs: 1_000 } }

describe('switchboard CLI', () => {
  let sandbox: Sandbox
  let home: { dir: string; cleanup: () => void }
  let dataDir: string
  /** Every run of this file, to check that no token ever reaches stdout or stderr. */
  const runs: CliRun[] = []

  const cli = async (
    args: readonly string[],
    env: Record<string, string> = {},
    options: { stdin?: string; inheritEnv?: boolean } = {},
  ): Promise<CliRun> => {
    const run = await runCli(args, {
      env: { HOME: home.dir, SWITCHBOARD_PACE: 'fast', ...env },
      ...options,
    })
    runs.push(run)
    return run
  }
  const token = (name: string): string => {
    const value = sandbox.tokens[name]
    if (!value) throw new Error(`no sandbox token ${name}`)
    return value
  }

  /** What the sandbox says the owner token sees. */
  const truth = () => {
    const access = sandbox.truth.orgAccess('owner')
    const products: number[] = []
    for (const a of access.values()) {
      const teams = sandbox.data.teams.filter((t) => t.accountId === a.orgId)
      for (const p of sandbox.data.products.filter((x) => x.accountId === a.orgId)) {
        if (viewerRights(a, p, teams)) products.push(p.id)
      }
    }
    return { orgIds: [...access.keys()].sort((a, b) => a - b), productIds: products.sort((a, b) => a - b) }
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 'tiny', seed: 3, settings: FAST })
    home = tempDir('switchboard-cli-')
    dataDir = join(home.dir, 'cache')
  })

  afterAll(async () => {
    await sandbox?.stop()
    home?.cleanup()
  })

  it('adds an account from an environment variable, syncs, and reads back every product', async () => {
    const env = { SB_TOKEN: token('owner') }
    const added = await cli(
      ['accounts', 'add', '--token-env', 'SB_TOKEN', '--base-url', sandbox.url, '--data-dir', dataDir, '--json'],
      env,
    )
    expect(added.code, added.stderr).toBe(0)
    const account = JSON.parse(added.stdout) as AccountSummary
    expect(account).toMatchObject({ tokenSource: 'environment', baseUrl: sandbox.url, state: 'ok' })

    const synced = await cli(['sync', '--data-dir', dataDir], env)
    expect(synced.code, synced.stderr).toBe(0)
    // Progress on stderr: done/planned requests, and a summary on stdout.
    expect(synced.stderr).toMatch(/\d+\/\d+ requests/)
    expect(synced.stdout).toMatch(/synced, \d+ requests/)

    const t = truth()
    const products = await cli(['products', '--data-dir', dataDir, '--json'])
    expect(products.code, products.stderr).toBe(0)
    const rows = JSON.parse(products.stdout) as ProductRow[]
    expect(rows.map((p) => p.id).sort((a, b) => a - b)).toEqual(t.productIds)
    expect(rows.every((p) => p.accountId === account.id)).toBe(true)

    const orgs = await cli(['orgs', '--data-dir', dataDir, '--json'])
    const orgRows = JSON.parse(orgs.stdout) as OrgSummary[]
    expect(orgRows.map((o) => o.id).sort((a, b) => a - b)).toEqual(t.orgIds)

    // One organization's products and users, by id and by name.
    const org = orgRows[0]!
    const ofOrg = JSON.parse((await cli(['products', '--org', String(org.id), '--data-dir', dataDir, '--json'])).stdout)
    expect((ofOrg as ProductRow[]).length).toBe(rows.filter((p) => p.orgId === org.id).length)
    const users = await cli(['users', '--org', org.name, '--data-dir', dataDir, '--json'])
    expect(users.code, users.stderr).toBe(0)
    const expectedUsers =
      sandbox.data.memberships.filter((m) => m.accountId === org.id).length +
      sandbox.data.invitations.filter((i) => i.accountId === org.id && i.status === 'pending').length
    expect((JSON.parse(users.stdout) as OrgUserRow[]).length).toBe(expectedUsers)

    // The token itself is stored nowhere in the cache (only the variable's name).
    const files = ['user.sqlite', 'user.sqlite-wal', 'cache.sqlite', 'cache.sqlite-wal']
      .map((f) => join(dataDir, f))
      .filter(existsSync)
    for (const f of files) expect(readFileSync(f).includes(Buffer.from(token('owner')))).toBe(false)
    const listed = JSON.parse((await cli(['accounts', 'list', '--data-dir', dataDir, '--json'])).stdout)
    expect(listed).toEqual([expect.objectContaining({ id: account.id, tokenSource: 'environment' })])
  }, 60_000)

  it('prints aligned tables with YYYY-MM-DD dates for people', async () => {
    const [products, orgs, expiring] = await Promise.all([
      cli(['products', '--data-dir', dataDir]),
      cli(['orgs', '--data-dir', dataDir]),
      cli(['products', '--expiring-days', '36500', '--data-dir', dataDir]),
    ])
    expect(products.code, products.stderr).toBe(0)
    const lines = products.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^\s*ID\s+ORGANIZATION\s+SERVICE\s+NAME\s+FQDN\s+EXPIRES\s+FLAGS$/)
    // Aligned: the EXPIRES column starts at the same offset on every row.
    const at = lines[0]!.indexOf('EXPIRES')
    for (const row of lines.slice(1, -1)) expect(row.slice(at, at + 10)).toMatch(/^(\d{4}-\d{2}-\d{2}|- {9}|-$)/)
    expect(lines.at(-1)).toMatch(/^\d+ products?$/)
    expect(orgs.stdout).toMatch(/^\s*ID\s+NAME\s+ROLE\s+PRODUCTS\s+USERS\s+SYNCED/)
    expect(orgs.stdout).toMatch(/\d{4}-\d{2}-\d{2}/)
    // Expiring within a century: every product with an expiry date, soonest first.
    const dates = expiring.stdout.match(/\d{4}-\d{2}-\d{2}/g) ?? []
    expect(dates.length).toBeGreaterThan(0)
    expect([...dates].sort()).toEqual(dates)
  }, 30_000)

  it('fails with exit 1 and names the cause when the token is rejected', async () => {
    const add = await cli(
      ['accounts', 'add', '--token-env', 'SB_TOKEN', '--base-url', sandbox.url, '--data-dir', join(home.dir, 'x')],
      { SB_TOKEN: token('revoked') },
    )
    expect(add.code).toBe(1)
    expect(add.stderr).toMatch(/rejected/i)

    // The account added above now syncs with a revoked token in its variable.
    const sync = await cli(['sync', '--data-dir', dataDir, '--json'], { SB_TOKEN: token('revoked') })
    expect(sync.code).toBe(1)
    expect(sync.stderr).toMatch(/rejected/i)
    const doc = JSON.parse(sync.stdout) as { ok: boolean; error: { code: string }; accounts: { state: string }[] }
    expect(doc).toMatchObject({ ok: false, error: { code: 'TOKEN_REJECTED' }, accounts: [{ state: 'token_rejected' }] })

    // The variable unset: a precise message, and the account is not marked rejected for it.
    const unset = await cli(['sync', '--data-dir', dataDir])
    expect(unset.code).toBe(1)
    expect(unset.stderr).toMatch(/SB_TOKEN.*not set/)

    // The right token again: the account recovers (with the core's debug log on stderr, for people, redacted).
    const again = await cli(['sync', '--verbose', '--data-dir', dataDir], { SB_TOKEN: token('owner') })
    expect(again.code, again.stderr).toBe(0)
    expect(again.stderr).toMatch(/^debug: api: api response \(/m)
    expect(again.stderr).not.toContain(token('owner'))
  }, 60_000)

  it('fails with exit 1 and names the cause when the API is unreachable', async () => {
    const other = await startSandbox({ scale: 'tiny', seed: 4, settings: FAST })
    const dir = join(home.dir, 'unreachable')
    const env = { SB_TOKEN: other.tokens['owner'] ?? '' }
    const add = await cli(
      ['accounts', 'add', '--token-env', 'SB_TOKEN', '--base-url', other.url, '--data-dir', dir],
      env,
    )
    expect(add.code, add.stderr).toBe(0)
    await other.stop()
    const sync = await cli(['sync', '--data-dir', dir, '--json'], env)
    expect(sync.code).toBe(1)
    expect(sync.stderr).toMatch(/cannot be reached/)
    expect(JSON.parse(sync.stdout)).toMatchObject({ ok: false, error: { code: 'OFFLINE' } })
  }, 60_000)

  it('exits 2 on usage errors', async () => {
    const cases: string[][] = [
      [],
      ['frobnicate'],
      ['accounts'],
      ['accounts', 'remove'],
      ['users'],
      ['products', '--expiring-days', 'soon'],
      ['orgs', '--no-such-option'],
      ['orgs', '--org', '1'],
      ['accounts', 'add', '--token-env', 'NOT A NAME'],
      ['sync', 'extra'],
    ]
    const results = await Promise.all(cases.map((args) => cli([...args, '--data-dir', dataDir])))
    results.forEach((r, i) => {
      expect(r.code, `${cases[i]!.join(' ')}: ${r.stderr}`).toBe(2)
      expect(r.stderr).toMatch(/^error: /)
    })
    const pace = await cli(['orgs', '--data-dir', dataDir], { SWITCHBOARD_PACE: 'ludicrous' })
    expect(pace.code).toBe(2)
    // The fast pace is refused for an API off this computer.
    const remote = await cli(['accounts', 'add', '--token-env', 'SB_TOKEN', '--data-dir', dataDir], {
      SB_TOKEN: token('owner'),
    })
    expect(remote.code).toBe(2)
    expect(remote.stderr).toMatch(/SWITCHBOARD_PACE=fast is for a local sandbox only/)
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: switchboard/)
  }, 60_000)

  it('reads a keychain token from stdin without echoing it, or explains that there is no keychain', async () => {
    const dir = join(home.dir, 'keychain')
    // The real environment (a Secret Service when there is one); the data dir is private to this test.
    const add = await cli(
      ['accounts', 'add', '--base-url', sandbox.url, '--data-dir', dir, '--json'],
      {},
      {
        stdin: `${token('staff')}\n`,
        inheritEnv: true,
      },
    )
    if (add.code === 0) {
      const account = JSON.parse(add.stdout) as AccountSummary
      expect(account.tokenSource).toBe('keychain')
      const removed = await cli(['accounts', 'remove', account.id, '--data-dir', dir], {}, { inheritEnv: true })
      expect(removed.code, removed.stderr).toBe(0)
    } else {
      expect(add.code).toBe(1)
      expect(add.stderr).toMatch(/keychain/i)
      expect(JSON.parse(add.stdout)).toMatchObject({ error: { code: 'KEYCHAIN_UNAVAILABLE' } })
    }
  }, 30_000)

  it('uses the per-user data folder by default ($XDG_CONFIG_HOME/Switchboard on Linux)', async () => {
    const xdg = join(home.dir, 'xdg')
    const env = { SB_TOKEN: token('owner'), XDG_CONFIG_HOME: xdg }
    const add = await cli(
      ['accounts', 'add', '--token-env', 'SB_TOKEN', '--base-url', sandbox.url, '--label', 'XDG'],
      env,
    )
    expect(add.code, add.stderr).toBe(0)
    if (process.platform === 'linux') expect(existsSync(join(xdg, 'Switchboard', 'user.sqlite'))).toBe(true)
    const list = await cli(['accounts', 'list', '--json'], env)
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ label: 'XDG' })])
  }, 30_000)

  it('removes an account and its cached data', async () => {
    const list = JSON.parse(
      (await cli(['accounts', 'list', '--data-dir', dataDir, '--json'])).stdout,
    ) as AccountSummary[]
    const id = list[0]!.id
    // A unique prefix of the id is enough.
    const removed = await cli(['accounts', 'remove', id.slice(0, 12), '--data-dir', dataDir, '--json'])
    expect(removed.code, removed.stderr).toBe(0)
    expect(JSON.parse(removed.stdout)).toEqual({
      removed: true,
      accountId: id,
      cachePurged: true,
      userDataDeleted: false,
    })
    expect(JSON.parse((await cli(['products', '--data-dir', dataDir, '--json'])).stdout)).toEqual([])
    const missing = await cli(['accounts', 'remove', id, '--data-dir', dataDir])
    expect(missing.code).toBe(1)
  }, 30_000)

  it('never prints a token, even when one is passed by mistake', async () => {
    const owner = token('owner')
    const mistakes = await Promise.all([
      cli(['accounts', 'add', owner, '--data-dir', dataDir]),
      cli([
        'accounts',
        'add',
        '--token-env',
        owner.replace(/-/g, '_'),
        '--base-url',
        sandbox.url,
        '--data-dir',
        dataDir,
      ]),
    ])
    expect(mistakes[0]!.code).toBe(2)
    expect([1, 2]).toContain(mistakes[1]!.code)
    expect(runs.length).toBeGreaterThan(20)
    for (const run of runs) {
      for (const value of Object.values(sandbox.tokens)) {
        expect(run.stdout.includes(value) || run.stderr.includes(value)).toBe(false)
        expect(run.stdout.includes(value.replace(/-/g, '_')) || run.stderr.includes(value.replace(/-/g, '_'))).toBe(
          false,
        )
      }
    }
  }, 30_000)
})
