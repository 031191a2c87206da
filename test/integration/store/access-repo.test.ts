/**
 * The access services' SQL lives in one repository, each statement prepared once; the services
 * themselves write no SQL.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { AccessRepo } from '../../../electron/main/store/repos/access-repo'
import { openStores, type Stores } from '../../../electron/main/store/stores'
import { tempDir } from '../../helpers/temp'

let temp: ReturnType<typeof tempDir>
let stores: Stores
beforeEach(() => {
  temp = tempDir()
  stores = openStores({ dataDir: temp.dir, logger: memoryLogger(), now: Date.now })
})
afterEach(() => {
  stores.db.close()
  temp.cleanup()
})

describe('AccessRepo', () => {
  it('prepares each statement once, however many organizations it reads', () => {
    const db = stores.db
    for (let i = 1; i <= 50; i++)
      db.prepare('INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES (?, ?, ?, ?, 0)').run(
        'a1',
        i,
        `Org ${i}`,
        'owner',
      )
    const prepare = vi.spyOn(db, 'prepare')
    const repo = new AccessRepo(db)
    for (let i = 1; i <= 50; i++) {
      expect(repo.org('a1', i)).toEqual({ name: `Org ${i}`, role: 'owner' })
      expect(repo.ownerCount('a1', i)).toBe(0)
    }
    expect(repo.org('a1', 999)).toBeUndefined()
    expect(prepare).toHaveBeenCalledTimes(2)
  })

  it('writes the audit log', () => {
    const repo = new AccessRepo(stores.db)
    repo.audit({ at: 5, accountId: 'a1', orgId: 3, action: 'x', target: 't', outcome: 'applied', detail: { id: 1 } })
    expect(stores.db.prepare('SELECT at, org_id, action, detail FROM audit_log').all()).toEqual([
      { at: 5, org_id: 3, action: 'x', detail: '{"id":1}' },
    ])
  })

  it('the access services call it and write no SQL of their own', () => {
    const dir = resolve(__dirname, '../../../electron/main/access')
    for (const file of ['access-service.ts', 'teams-invitations.ts', 'offboarding.ts']) {
      const source = readFileSync(join(dir, file), 'utf8')
      expect(source, file).not.toMatch(/\.prepare\s*[<(]/)
      expect(source, file).not.toMatch(/\b(SELECT|INSERT|UPDATE|DELETE)\b\s/)
    }
  })
})
