import type { CoreStatus } from '../../../../shared/ipc/contracts/core-host'

/** What the banner shows for the latest background-engine status (null: nothing). */
export type CoreBanner = 'restarting' | 'restarted' | 'failed' | null

/** Pure: the banner for a status, given whether the user dismissed the "restarted" notice. */
export function coreBanner(status: CoreStatus | null, dismissedAt: number | null): CoreBanner {
  if (!status) return null
  if (status.state === 'restarting') return 'restarting'
  if (status.state === 'failed') return 'failed'
  if (status.state === 'running' && status.restarts > 0 && (dismissedAt === null || dismissedAt < status.at))
    return 'restarted'
  return null
}
