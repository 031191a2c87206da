import { useCallback, useSyncExternalStore } from 'react'

const PINS = 'switchboard.orgs.pins'
const RECENTS = 'switchboard.orgs.recents'
export const MAX_RECENTS = 8

export interface OrgPrefs {
  pins: string[]
  recents: string[]
}

function read(key: string): string[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]')
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

const listeners = new Set<() => void>()
let snapshot: OrgPrefs | null = null

function getSnapshot(): OrgPrefs {
  snapshot ??= { pins: read(PINS), recents: read(RECENTS) }
  return snapshot
}

function write(next: OrgPrefs): void {
  try {
    window.localStorage.setItem(PINS, JSON.stringify(next.pins))
    window.localStorage.setItem(RECENTS, JSON.stringify(next.recents))
  } catch {
    // storage full or disabled: keep the preferences for this session only
  }
  snapshot = next
  for (const l of listeners) l()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Puts `key` first in the recents (most recent first, at most MAX_RECENTS). */
export function pushRecent(recents: readonly string[], key: string): string[] {
  return [key, ...recents.filter((k) => k !== key)].slice(0, MAX_RECENTS)
}

export function togglePin(pins: readonly string[], key: string): string[] {
  return pins.includes(key) ? pins.filter((k) => k !== key) : [...pins, key]
}

/** Pinned and recent organizations, kept in this computer's local storage. */
export function useOrgPrefs() {
  const prefs = useSyncExternalStore(subscribe, getSnapshot)
  const markRecent = useCallback((key: string) => {
    const current = getSnapshot()
    if (current.recents[0] === key) return
    write({ ...current, recents: pushRecent(current.recents, key) })
  }, [])
  const toggle = useCallback((key: string) => {
    const current = getSnapshot()
    write({ ...current, pins: togglePin(current.pins, key) })
  }, [])
  return { prefs, markRecent, togglePin: toggle }
}

/** Tests: forget the in-memory copy after clearing localStorage. */
export function resetOrgPrefsForTests(): void {
  snapshot = null
}
