import { useEffect, useState } from 'react'
import { settleKind, SYNC_LINE_HOLD_MS, type SettledKind, type SyncSummary } from './sync-model'

/** The system's view of the network (`navigator.onLine`), kept current by its events. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine))
  useEffect(() => {
    const update = (): void => setOnline(navigator.onLine)
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    return () => {
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
    }
  }, [])
  return online
}

/** The kind the status line shows for `kind`, debounced by `settleKind` (re-checked when a change is held). */
export function useSettledKind(kind: SyncSummary['kind'] | null): SyncSummary['kind'] | null {
  const [settled, setSettled] = useState<SettledKind | null>(() =>
    kind === null ? null : { shown: kind, pending: null, pendingSince: 0 },
  )
  useEffect(() => {
    if (kind === null) return
    const settle = (): void => setSettled((prev) => settleKind(prev, kind, Date.now()))
    settle()
    // A held change is looked at again once the hold time has passed.
    const timer = window.setTimeout(settle, SYNC_LINE_HOLD_MS + 50)
    return () => window.clearTimeout(timer)
  }, [kind])
  return settled?.shown ?? kind
}
