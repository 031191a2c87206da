/**
 * `reminders` and `sync --watch`, spawned as real processes against a sandbox in this test process.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../electron/sandbox'
import { tempDir } from '../../helpers/temp'
import { ROOT, runCli } from './run-cli'

const FAST = { rateLimit: { limit: 60, windowMs: 1_000 } }
const DAY = 86_400

interface Printed {
  rule: string
  subject: string
  severity: string
  title: string
  body: string
  readAt: number | null
  orgName: string | null
}

describe('switchboard reminders / sync --watch', () => {
  let sandbox: Sandbox
  let home: { dir: string; cleanup: () => void }
  let env: Record<string, string>
  let soon: { id: number; name: string }

  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 'tiny', seed: 5, settings: FAST })
    home = tempDir('switchboard-cli-reminders-')
    env = { HOME: home.dir, SWITCHBOARD_PACE: 'fast', SB_TOKEN: sandbox.tokens['owner']! }
    // Nothing else due soon; one product of the agency in its last 14 days.
    const now = Math.floor(Date.now() / 1000)
    sandbox.control.moveExpiry({ productIds: sandbox.data.products.map((p) => p.id), to: now + 200 * DAY })
    for (const i of sandbox.data.invitations) i.sentAt = now - DAY
    const p = sandbox.data.products.find((x) => x.accountId === sandbox.data.agencyAccountId)!
    sandbox.control.updateProduct({ productId: p.id, expiredAt: now + 9 * DAY })
    soon = { id: p.id, name: p.customerName }
  })

  afterAll(async () => {
    await sandbox?.stop()
    home?.cleanup()
  })

  const add = async (dataDir: string) => {
    const added = await runCli(
      ['accounts', 'add', '--token-env', 'SB_TOKEN', '--base-url', sandbox.url, '--data-dir', dataDir],
      { env },
    )
    expect(added.code, added.stderr).toBe(0)
  }

  it('lists the reminders of a synced sandbox as JSON, with their text; --mark-read for relays', async () => {
    const dataDir = join(home.dir, 'listed')
    await add(dataDir)
    const synced = await runCli(['sync', '--data-dir', dataDir], { env })
    expect(synced.code, synced.stderr).toBe(0)

    const listed = await runCli(['reminders', '--json', '--data-dir', dataDir], { env })
    expect(listed.code, listed.stderr).toBe(0)
    const doc = JSON.parse(listed.stdout) as { unread: number; total: number; reminders: Printed[] }
    expect(doc.reminders.map((r) => `${r.rule}:${r.subject}`)).toEqual([`renewal_14:${soon.name}`])
    expect(doc).toMatchObject({ unread: 1, total: 1 })
    expect(doc.reminders[0]).toMatchObject({ severity: 'high', title: `${soon.name} expires in 9 days` })
    expect(doc.reminders[0]!.body).toMatch(/Automatic renewal can no longer be switched on/)

    const human = await runCli(['reminders', '--data-dir', dataDir], { env })
    expect(human.stdout).toMatch(/^DATE\s+SEVERITY\s+RULE\s+ORGANIZATION\s+REMINDER\s+READ$/m)
    expect(human.stdout).toContain(`${soon.name} expires in 9 days`)

    const relayed = await runCli(['reminders', '--unread', '--mark-read', '--json', '--data-dir', dataDir], { env })
    expect((JSON.parse(relayed.stdout) as { reminders: Printed[]; unread: number }).unread).toBe(0)
    const again = await runCli(['reminders', '--unread', '--json', '--data-dir', dataDir], { env })
    expect((JSON.parse(again.stdout) as { reminders: Printed[] }).reminders).toEqual([])

    const usage = await runCli(['reminders', '--limit', 'lots', '--data-dir', dataDir], { env })
    expect(usage.code).toBe(2)
  }, 60_000)

  it('sync --watch syncs on schedule, prints the reminders as JSON lines, and stops cleanly on Ctrl+C', async () => {
    const dataDir = join(home.dir, 'watched')
    await add(dataDir)
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/cli/index.ts',
        'sync',
        '--watch',
        '--every',
        'hourly',
        '--json',
        '--data-dir',
        dataDir,
      ],
      { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const events: { event: string; [k: string]: unknown }[] = []
    const sawReminders = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no reminders event; stdout: ${stdout}; stderr: ${stderr}`)),
        45_000,
      )
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d
        const lines = stdout.split('\n')
        events.length = 0
        for (const line of lines.slice(0, -1)) events.push(JSON.parse(line) as { event: string })
        if (events.some((e) => e.event === 'reminders')) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
    try {
      await sawReminders
    } finally {
      child.kill('SIGINT')
    }
    expect(await exited).toBe(0)
    for (const line of stdout.trim().split('\n')) events.push(JSON.parse(line) as { event: string })
    const kinds = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; state?: string })
      .map((e) => (e.state ? `${e.event}:${e.state}` : e.event))
    expect(kinds).toEqual(['watching', 'sync:started', 'sync:idle', 'reminders', 'stopped'])
    const watching = JSON.parse(stdout.split('\n')[0]!) as { accounts: { schedule: { mode: string } }[] }
    expect(watching.accounts.map((a) => a.schedule.mode)).toEqual(['hourly'])
    const reminders = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; reminders?: Printed[] })
      .find((e) => e.event === 'reminders')!
    expect(reminders.reminders!.map((r) => r.title)).toEqual([`${soon.name} expires in 9 days`])
  }, 60_000)
})
