import { describe, expect, it } from 'vitest'
import { MIN_SIZE, parseWindowState, restoreBounds } from '../../../electron/main/shell/window-state'

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }]

describe('window state', () => {
  it('parses a stored state and rejects garbage', () => {
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: true })).toEqual({
      bounds: { x: 1, y: 2, width: 1000, height: 700 },
      maximized: true,
    })
    expect(parseWindowState({ bounds: { x: 'a', y: 2, width: 1000, height: 700 } })).toBeNull()
    expect(parseWindowState({ bounds: { x: Infinity, y: 2, width: 1000, height: 700 } })).toBeNull()
    expect(parseWindowState(null)).toBeNull()
  })

  it('restores bounds that are visible', () => {
    const state = { bounds: { x: 100, y: 100, width: 1200, height: 800 }, maximized: false }
    expect(restoreBounds(state, screen)).toEqual(state)
  })

  it('drops bounds left on a display that is gone', () => {
    expect(
      restoreBounds({ bounds: { x: 3000, y: 100, width: 1200, height: 800 }, maximized: false }, screen),
    ).toBeNull()
  })

  it('enforces the minimum size', () => {
    const restored = restoreBounds({ bounds: { x: 10, y: 10, width: 100, height: 50 }, maximized: false }, screen)
    expect(restored?.bounds.width).toBe(MIN_SIZE.width)
    expect(restored?.bounds.height).toBe(MIN_SIZE.height)
  })
})
