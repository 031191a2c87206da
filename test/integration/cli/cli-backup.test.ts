/**
 * `accounts list` on a fresh folder (private files) and `backup list | create | restore`, each as a
 * real CLI process.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/temp'
import { runCli } from './run-cli'

const posix = process.platform !== 'win32'

describe('switchboard CLI: data folder and backups', () => {
  let home: { dir: string; cleanup: () => void }
  beforeAll(() => {
    home = tempDir('switchboard-cli-backup-')
  })
  afterAll(() => home?.cleanup())
  const cli = (args: string[]) => runCli(args, { env: { HOME: home.dir }, timeoutMs: 60_000 })

  it.runIf(posix)(
    'creates cache.sqlite and user.sqlite 0600 in a 0700 folder on a fresh --data-dir',
    async () => {
      const dataDir = join(home.dir, 'fresh', 'D')
      const run = await cli(['accounts', 'list', '--data-dir', dataDir])
      expect(run.code, run.stderr).toBe(0)
      expect(statSync(dataDir).mode & 0o777).toBe(0o700)
      const files = readdirSync(dataDir)
      expect(files).toEqual(expect.arrayContaining(['cache.sqlite', 'user.sqlite']))
      // Files 0600; the CLI's log folder (logs/cli.log) 0700 like the data folder.
      for (const f of files) {
        const st = statSync(join(dataDir, f))
        expect([f, st.mode & 0o777]).toEqual([f, st.isDirectory() ? 0o700 : 0o600])
      }
      expect(statSync(join(dataDir, 'logs', 'cli.log')).mode & 0o777).toBe(0o600)
    },
    60_000,
  )

  it('lists, creates and restores backups, as JSON and for people', async () => {
    const dataDir = join(home.dir, 'backups')
    const empty = await cli(['backup', 'list', '--json', '--data-dir', dataDir])
    expect(empty.code, empty.stderr).toBe(0)
    expect(JSON.parse(empty.stdout)).toEqual({ backupDir: join(dataDir, 'backups'), backups: [] })

    const created = await cli(['backup', 'create', '--json', '--data-dir', dataDir])
    expect(created.code, created.stderr).toBe(0)
    const backup = JSON.parse(created.stdout) as { id: string; reason: string; size: number }
    expect(backup).toMatchObject({ reason: 'manual' })
    expect(backup.size).toBeGreaterThan(0)

    const listed = await cli(['backup', 'list', '--json', '--data-dir', dataDir])
    expect((JSON.parse(listed.stdout) as { backups: { id: string }[] }).backups.map((b) => b.id)).toEqual([backup.id])
    const human = await cli(['backup', 'list', '--data-dir', dataDir])
    expect(human.stdout).toContain(backup.id)
    expect(human.stdout).toMatch(/manual/)

    const restored = await cli(['backup', 'restore', backup.id, '--json', '--data-dir', dataDir])
    expect(restored.code, restored.stderr).toBe(0)
    expect(JSON.parse(restored.stdout)).toMatchObject({
      restored: { id: backup.id },
      safetyBackup: { reason: 'restore' },
    })

    const missing = await cli([
      'backup',
      'restore',
      'user-20990101T000000000Z-daily.sqlite',
      '--json',
      '--data-dir',
      dataDir,
    ])
    expect(missing.code).toBe(1)
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } })
    const usage = await cli(['backup', 'restore', '--data-dir', dataDir])
    expect(usage.code).toBe(2)
  }, 120_000)
})
