import { afterEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { HygieneDecisionsRepo } from '../../../electron/main/store/repos/hygiene-decisions-repo'
import { openStores, type Stores } from '../../../electron/main/store/stores'
import { tempDir } from '../../helpers/temp'

describe('hygiene decisions (user.sqlite)', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => cleanups.splice(0).forEach((c) => c()))
  const open = (dir: string): Stores => {
    const stores = openStores({ dataDir: dir, logger: memoryLogger(), now: Date.now })
    cleanups.unshift(() => stores.close())
    return stores
  }

  it('keeps accepted risks and live snoozes, replaces a decision, survives a restart', () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const first = open(t.dir)
    const repo = new HygieneDecisionsRepo(first.db)
    const key = { rule: 'no_2fa', accountId: 'acc', orgId: 7, subject: 'a@b.ch' }
    repo.set({ ...key, decision: 'snoozed', reason: 'phone lost', until: 2_000, decidedAt: 1 })
    repo.set({
      ...key,
      rule: 'agency_staff',
      accountId: '',
      orgId: 0,
      decision: 'accepted',
      reason: 'us',
      until: 5,
      decidedAt: 2,
    })
    expect(repo.active(1_000).map((d) => [d.rule, d.decision, d.until])).toEqual([
      ['agency_staff', 'accepted', null],
      ['no_2fa', 'snoozed', 2_000],
    ])
    // Expired snooze: no longer in force.
    expect(repo.active(3_000).map((d) => d.rule)).toEqual(['agency_staff'])
    repo.set({ ...key, decision: 'accepted', reason: 'hardware key', until: null, decidedAt: 3 })
    first.close()
    cleanups.shift()
    const again = new HygieneDecisionsRepo(open(t.dir).db)
    expect(again.active(10_000)).toEqual([
      { ...key, decision: 'accepted', reason: 'hardware key', until: null, decidedAt: 3 },
      expect.objectContaining({ rule: 'agency_staff' }),
    ])
    expect(again.clear(key)).toBe(true)
    expect(again.clear(key)).toBe(false)
  })
})
