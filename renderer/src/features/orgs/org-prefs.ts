import { useCallback, useSyncExternalStore } from 'react'
import { invoke } from '../../lib/ipc'

/** Where earlier versions kept them; moved once into the user data (user.sqlite) and then cleared. */
const LEGACY_PINS = 'switchboard.orgs.pins'
const LEGACY_RECENTS = 'switchboard.orgs.recents'
export const MAX_RECENTS = 8

export interface OrgPrefs {
  pins: string[]
  recents: string[]
}

const EMPTY: OrgPrefs = { pins: [], recents: [] }

function readLegacy(key: string): string[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]')
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

function clearLegacy(): void {
  try {
    window.localStorage.removeItem(LEGACY_PINS)
    window.localStorage.removeItem(LEGACY_RECENTS)
  } catch {
    // storage disabled: nothing to clear
  }
}

const listeners = new Set<() => void>()
let snapshot: OrgPrefs = EMPTY
let loading: Promise<void> | null = null
/** Bumped by every local change, so that a late answer to the first load does not undo it. */
let version = 0

function publish(next: OrgPrefs): void {
  snapshot = next
  for (const l of listeners) l()
}

/**
 * Loads the preferences from main once; the first time, pins and recents an earlier version kept
 * in localStorage are moved into the user data.
 */
function load(): Promise<void> {
  loading ??= (async () => {
    const started = version
    try {
      let stored = await invoke('prefs:orgs-get', {})
      const legacy = { pins: readLegacy(LEGACY_PINS), recents: readLegacy(LEGACY_RECENTS) }
      if (stored.pins.length === 0 && stored.recents.length === 0 && (legacy.pins.length || legacy.recents.length)) {
        stored = await invoke('prefs:orgs-set', { pins: legacy.pins, recents: legacy.recents.slice(0, MAX_RECENTS) })
        clearLegacy()
      }
      if (version === started) publish(stored)
    } catch {
      // Not available (read-only data, no bridge): keep the preferences for this session only.
    }
  })()
  return loading
}

function write(next: OrgPrefs, patch: Partial<OrgPrefs>): void {
  version++
  publish(next)
  // The user data is the source of truth; a failed write keeps the change for this session only.
  void invoke('prefs:orgs-set', patch).catch(() => undefined)
}

function getSnapshot(): OrgPrefs {
  return snapshot
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  void load()
  return () => listeners.delete(listener)
}

/** Puts `key` first in the recents (most recent first, at most MAX_RECENTS). */
export function pushRecent(recents: readonly string[], key: string): string[] {
  return [key, ...recents.filter((k) => k !== key)].slice(0, MAX_RECENTS)
}

export function togglePin(pins: readonly string[], key: string): string[] {
  return pins.includes(key) ? pins.filter((k) => k !== key) : [...pins, key]
}

/** Pinned and recent organizations, kept in the user data (user.sqlite) through main. */
export function useOrgPrefs() {
  const prefs = useSyncExternalStore(subscribe, getSnapshot)
  const markRecent = useCallback((key: string) => {
    const current = getSnapshot()
    if (current.recents[0] === key) return
    const recents = pushRecent(current.recents, key)
    write({ ...current, recents }, { recents })
  }, [])
  const toggle = useCallback((key: string) => {
    const current = getSnapshot()
    const pins = togglePin(current.pins, key)
    write({ ...current, pins }, { pins })
  }, [])
  return { prefs, markRecent, togglePin: toggle }
}

/** Tests: forget the in-memory copy (the next subscriber loads again). */
export function resetOrgPrefsForTests(): void {
  snapshot = EMPTY
  loading = null
  version = 0
}
