import { describe, expect, it } from 'vitest'
import {
  CONFIRM_SYNC_ABOVE_MS,
  needsSyncConfirmation,
  settleKind,
  summarizeSync,
  SYNC_LINE_HOLD_MS,
  type SettledKind,
  type SyncSummary,
} from '../../../renderer/src/features/sync/sync-model'
import { account, syncStatus } from './daily-fixtures'

const a1 = account({ id: 'a1', label: 'Agency' })
const a2 = account({ id: 'a2', label: 'Staff' })

describe('summarizeSync: one state by precedence', () => {
  it('token rejected beats offline, offline beats syncing, syncing beats idle', () => {
    const syncing = syncStatus({ accountId: 'a1', state: 'syncing', planned: 10, done: 2, etaMs: 5_000 })
    const offline = syncStatus({ accountId: 'a2', state: 'offline', offlineSince: 1_000 })
    expect(summarizeSync([syncing, offline], [a1, a2]).kind).toBe('offline')
    expect(summarizeSync([syncing, syncStatus({ accountId: 'a2', state: 'token_rejected' })], [a1, a2]).kind).toBe(
      'token_rejected',
    )
    expect(summarizeSync([syncing, syncStatus({ accountId: 'a2' })], [a1, a2])).toMatchObject({
      kind: 'syncing',
      done: 2,
      planned: 10,
      accounts: ['Agency'],
    })
    expect(summarizeSync([syncStatus({ accountId: 'a1' })], [a1]).kind).toBe('idle')
  })

  it('a retry while offline (nothing done yet) stays offline; once work is done it is syncing', () => {
    const retry = syncStatus({ accountId: 'a1', state: 'syncing', offlineSince: 1_000, done: 0, planned: 40 })
    expect(summarizeSync([retry], [a1])).toMatchObject({ kind: 'offline', offlineSince: 1_000 })
    expect(summarizeSync([{ ...retry, done: 3 }], [a1]).kind).toBe('syncing')
  })

  it('a sync while the system has no network is offline', () => {
    const syncing = syncStatus({ accountId: 'a1', state: 'syncing', planned: 10, done: 4 })
    expect(summarizeSync([syncing], [a1], true).kind).toBe('syncing')
    expect(summarizeSync([syncing], [a1], false).kind).toBe('offline')
    // Idle and offline by the system: nothing is being tried, the line says when data was read.
    expect(summarizeSync([syncStatus({ accountId: 'a1', lastSyncAt: 5 })], [a1], false).kind).toBe('idle')
  })

  it('idle gives the oldest complete sync, or none when an account never completed one', () => {
    const s = [syncStatus({ accountId: 'a1', lastSyncAt: 5_000 }), syncStatus({ accountId: 'a2', lastSyncAt: 2_000 })]
    expect(summarizeSync(s, [a1, a2]).lastSyncAt).toBe(2_000)
    expect(summarizeSync([s[0]!, syncStatus({ accountId: 'a2', lastSyncAt: null })], [a1, a2]).lastSyncAt).toBeNull()
    // A signed-out account does not count.
    const out = account({ id: 'a2', state: 'signed_out' })
    expect(summarizeSync([s[0]!, syncStatus({ accountId: 'a2', lastSyncAt: null })], [a1, out]).lastSyncAt).toBe(5_000)
  })
})

describe('settleKind: no flipping between offline and syncing', () => {
  const run = (steps: [number, SyncSummary['kind']][]): SyncSummary['kind'][] => {
    let s: SettledKind | null = null
    return steps.map(([at, kind]) => {
      s = settleKind(s, kind, at)
      return s.shown
    })
  }

  it('leaves offline for syncing only after syncing lasted the hold time', () => {
    expect(
      run([
        [0, 'offline'],
        [1_000, 'syncing'],
        [1_500, 'offline'],
        [2_000, 'syncing'],
        [2_000 + SYNC_LINE_HOLD_MS - 1, 'syncing'],
        [2_000 + SYNC_LINE_HOLD_MS, 'syncing'],
      ]),
    ).toEqual(['offline', 'offline', 'offline', 'offline', 'offline', 'syncing'])
  })

  it('shows going offline, a rejected token, the end and the start of a sync at once', () => {
    expect(
      run([
        [0, 'idle'],
        [10, 'syncing'],
        [20, 'offline'],
        [30, 'token_rejected'],
        [40, 'idle'],
      ]),
    ).toEqual(['idle', 'syncing', 'offline', 'token_rejected', 'idle'])
  })

  it('offline then up to date (the retry succeeded quickly) is shown at once', () => {
    expect(
      run([
        [0, 'offline'],
        [100, 'idle'],
      ]),
    ).toEqual(['offline', 'idle'])
  })
})

describe('"Sync everything now" confirmation', () => {
  it('asks above five minutes only', () => {
    expect(CONFIRM_SYNC_ABOVE_MS).toBe(300_000)
    expect(needsSyncConfirmation(299_000)).toBe(false)
    expect(needsSyncConfirmation(300_000)).toBe(false)
    expect(needsSyncConfirmation(301_000)).toBe(true)
  })
})
