/**
 * Pure window-bounds logic (persisted as JSON next to the cache).
 */
export interface Bounds {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Bounds
  maximized: boolean
}

export const DEFAULT_SIZE = { width: 1280, height: 800 }
export const MIN_SIZE = { width: 960, height: 600 }

function isFiniteBounds(value: unknown): value is Bounds {
  if (typeof value !== 'object' || value === null) return false
  const b = value as Record<string, unknown>
  return ['x', 'y', 'width', 'height'].every((k) => typeof b[k] === 'number' && Number.isFinite(b[k]))
}

/** Parses a stored state; anything malformed gives null. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null
  const r = raw as Record<string, unknown>
  if (!isFiniteBounds(r.bounds)) return null
  return { bounds: r.bounds, maximized: r.maximized === true }
}

function overlap(a: Bounds, b: Bounds): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/**
 * Returns saved bounds when at least a quarter of the window is on one of the displays'
 * work areas (clamped to the minimum size), else null so the OS centres a default window.
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Bounds[]): WindowState | null {
  if (!saved) return null
  const bounds: Bounds = {
    ...saved.bounds,
    width: Math.max(MIN_SIZE.width, Math.round(saved.bounds.width)),
    height: Math.max(MIN_SIZE.height, Math.round(saved.bounds.height)),
  }
  const area = bounds.width * bounds.height
  const visible = workAreas.some((wa) => overlap(bounds, wa) >= area / 4)
  return visible ? { bounds, maximized: saved.maximized } : null
}
