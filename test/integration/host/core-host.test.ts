/**
 * The core host protocol with a real forked child (the very entry the app runs in Electron's utility
 * process): request/answer through the same dispatch and contract, events forwarded, requests from
 * the host to its parent, and a crash (SIGKILL mid-sync) detected, reported, followed by a new host
 * whose sync resumes and completes.
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventChannel } from '../../../shared/ipc/channels'
import type { CoreStatus } from '../../../shared/ipc/contracts/core-host'
import type { OrgSummary, SyncStatus } from '../../../shared/domain/cache'
import type { CoreHostClient, HostProcess } from '../../../electron/main/host/client'
import { nodeHostSpawner, startNodeCoreHost } from '../../../electron/main/host/node-host'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { secretKey } from '../../../electron/main/services/accounts-service'
import { MemorySecretStore } from '../../../electron/main/secrets/memory-secret-store'
import { startSandbox, type Sandbox } from '../../../electron/sandbox'
import { FAST_PACE } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'

const APP = { name: 'Switchboard', version: '0.0.0-test', platform: 'linux', host: 'browser-shell' } as const

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Collects every event the client forwards. */
function recorder(client: CoreHostClient) {
  const events: { channel: EventChannel; payload: unknown }[] = []
  client.onEvent((channel, payload) => events.push({ channel, payload }))
  return {
    events,
    /** Resolves with the first event (already seen or coming) that matches. */
    waitFor<T>(channel: EventChannel, match: (payload: T) => boolean, timeoutMs = 60_000): Promise<T> {
      return new Promise((resolve, reject) => {
        const seen = events.find((e) => e.channel === channel && match(e.payload as T))
        if (seen) return resolve(seen.payload as T)
        const timer = setTimeout(() => reject(new Error(`no ${channel} event in ${timeoutMs} ms`)), timeoutMs)
        const off = client.onEvent((c, payload) => {
          if (c === channel && match(payload as T)) {
            clearTimeout(timer)
            off()
            resolve(payload as T)
          }
        })
      })
    },
  }
}

// Each test forks one or more hosts (tsx compiles the core at start): slow on a busy machine.
describe('core host (forked Node child)', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({
      seed: 5,
      scale: 'demo',
      orgs: 30,
      settings: { rateLimit: { limit: 60, windowMs: 1_000 } },
    })
  })
  afterAll(async () => {
    await sandbox.stop()
  })

  it(
    'answers invokes through the same dispatch, forwards events and asks its parent',
    { timeout: 120_000 },
    async () => {
      const temp = tempDir()
      let checkLog = false
      const opened: string[] = []
      const secrets = new MemorySecretStore()
      const { client, started } = await startNodeCoreHost({
        init: { dataDir: temp.dir, app: APP, validateOutput: true, pace: FAST_PACE },
        logger: memoryLogger(),
        secretStore: secrets,
        openExternal: (url) => {
          opened.push(url)
          return Promise.resolve(true)
        },
      })
      try {
        expect(started.pid).not.toBe(process.pid)
        expect(client.pid).toBe(started.pid)
        expect(isAlive(started.pid)).toBe(true)
        const rec = recorder(client)

        const info = await client.dispatch('app:info', {}, { transport: 'test' })
        expect(info).toEqual({ ok: true, value: { ...APP, dataDir: temp.dir } })
        // The contract is the core's: unknown channels and bad input answer typed errors.
        expect(await client.dispatch('nope', {}, { transport: 'test' })).toMatchObject({
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL' },
        })
        expect(
          await client.dispatch('settings:set', { patch: { theme: 'purple' } }, { transport: 'test' }),
        ).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT' },
        })

        // Events: a settings change is pushed as cache:changed.
        const set = await client.dispatch('settings:set', { patch: { theme: 'dark' } }, { transport: 'test' })
        expect(set).toMatchObject({ ok: true, value: { theme: 'dark' } })
        await rec.waitFor<{ scopes: unknown[] }>('cache:changed', (p) => JSON.stringify(p.scopes).includes('settings'))

        // A host request: the parent's opener is asked (only allowed links reach it).
        expect(
          await client.dispatch(
            'app:open-external',
            { url: 'https://manager.infomaniak.com/v3/' },
            { transport: 'test' },
          ),
        ).toEqual({
          ok: true,
          value: { opened: true },
        })
        expect(
          await client.dispatch('app:open-external', { url: 'https://evil.example/' }, { transport: 'test' }),
        ).toEqual({
          ok: true,
          value: { opened: false },
        })
        expect(opened).toEqual(['https://manager.infomaniak.com/v3/'])

        // The token goes to the parent's store; the sync runs in the host and reports progress.
        const added = await client.dispatch(
          'accounts:add',
          { token: sandbox.tokens.owner!, baseUrl: sandbox.url },
          { transport: 'test' },
        )
        if (!added.ok) throw new Error(added.error.reason)
        const accountId = (added.value as { id: string }).id
        expect(await secrets.get(secretKey(accountId))).toBe(sandbox.tokens.owner)
        await client.whenIdle(accountId)
        await rec.waitFor<SyncStatus>('sync:progress', (s) => s.accountId === accountId && s.state === 'idle')
        const orgs = await client.dispatch('orgs:list', {}, { transport: 'test' })
        expect(orgs.ok && (orgs.value as OrgSummary[]).length).toBe(sandbox.truth.orgAccess('owner').size)
        checkLog = true
      } finally {
        const pid = client.pid!
        await client.stop()
        expect(isAlive(pid)).toBe(false)
        if (checkLog) {
          // The host logs to <dataDir>/logs/core.log: JSON lines, private, never the token.
          const logFile = join(temp.dir, 'logs', 'core.log')
          const log = readFileSync(logFile, 'utf8')
          expect(log).not.toContain(sandbox.tokens.owner!)
          const records = log
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as { level: string; message: string })
          expect(records).toContainEqual(expect.objectContaining({ level: 'info', message: 'account added' }))
          if (process.platform !== 'win32') {
            expect(statSync(logFile).mode & 0o777).toBe(0o600)
            expect(statSync(join(temp.dir, 'logs')).mode & 0o777).toBe(0o700)
          }
        }
        temp.cleanup()
      }
    },
  )

  it(
    'detects a crash, reports it, starts a new host and the sync resumes to the end',
    { timeout: 120_000 },
    async () => {
      const temp = tempDir()
      const { client } = await startNodeCoreHost({
        init: { dataDir: temp.dir, app: APP, pace: FAST_PACE },
        logger: memoryLogger(),
      })
      try {
        const rec = recorder(client)
        const added = await client.dispatch(
          'accounts:add',
          { token: sandbox.tokens.owner!, baseUrl: sandbox.url },
          { transport: 'test' },
        )
        if (!added.ok) throw new Error(added.error.reason)
        const accountId = (added.value as { id: string }).id
        // Mid-sync: some requests done, many to go.
        const midway = await rec.waitFor<SyncStatus>(
          'sync:progress',
          (s) => s.accountId === accountId && s.state === 'syncing' && s.requests >= 8,
        )
        expect(midway.planned).toBeGreaterThan(midway.requests)
        const firstPid = client.pid!
        process.kill(firstPid, 'SIGKILL')

        const restarting = await rec.waitFor<CoreStatus>('app:core-status', (s) => s.state === 'restarting')
        expect(restarting).toMatchObject({ restarts: 1, reason: 'crashed' })
        await rec.waitFor<CoreStatus>('app:core-status', (s) => s.state === 'running' && s.restarts === 1)
        expect(client.pid).not.toBe(firstPid)
        expect(isAlive(firstPid)).toBe(false)

        // The new host resumed the interrupted sync by itself (its token still in the parent's store).
        const done = await rec.waitFor<SyncStatus>(
          'sync:progress',
          (s) => s.accountId === accountId && s.state === 'idle' && s.lastSyncAt !== null,
        )
        expect(done.issues).toEqual([])
        const orgs = await client.dispatch('orgs:list', { accountId }, { transport: 'test' })
        expect(orgs.ok && (orgs.value as OrgSummary[]).length).toBe(sandbox.truth.orgAccess('owner').size)
      } finally {
        await client.stop()
        temp.cleanup()
      }
    },
  )

  it('gives up after repeated crashes and answers UNAVAILABLE', { timeout: 120_000 }, async () => {
    const temp = tempDir()
    const spawnReal = nodeHostSpawner()
    let spawned = 0
    // Every host after the first dies as soon as it starts.
    const spawn = (): HostProcess => {
      const host = spawnReal()
      if (spawned++ > 0) setTimeout(() => host.kill(), 0)
      return host
    }
    const { client } = await startNodeCoreHost({
      init: { dataDir: temp.dir, app: APP },
      logger: memoryLogger(),
      spawn,
      maxRestarts: 2,
    })
    try {
      const rec = recorder(client)
      process.kill(client.pid!, 'SIGKILL')
      const failed = await rec.waitFor<CoreStatus>('app:core-status', (s) => s.state === 'failed')
      expect(failed.restarts).toBe(2)
      expect(spawned).toBe(3)
      expect(await client.dispatch('app:info', {}, { transport: 'test' })).toMatchObject({
        ok: false,
        error: { code: 'UNAVAILABLE' },
      })
    } finally {
      await client.stop()
      temp.cleanup()
    }
  })
})
