import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { resetOrgPrefsForTests, useOrgPrefs } from '../../../renderer/src/features/orgs/org-prefs'
import type { IpcResult } from '../../../shared/ipc/result'

function stub(stored: { pins: string[]; recents: string[] }) {
  let prefs = stored
  const invoke = vi.fn(async (channel: string, input: unknown): Promise<IpcResult<unknown>> => {
    if (channel === 'prefs:orgs-get') return { ok: true, value: prefs }
    if (channel === 'prefs:orgs-set') {
      prefs = { ...prefs, ...(input as object) }
      return { ok: true, value: prefs }
    }
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', reason: 'app.unknownChannel' } }
  })
  window.api = { invoke, on: () => () => undefined }
  return { invoke, current: () => prefs }
}

describe('pins and recents in the user data', () => {
  afterEach(() => {
    delete window.api
    window.localStorage.clear()
    resetOrgPrefsForTests()
  })

  it('moves what an earlier version kept in localStorage into the user data, once', async () => {
    window.localStorage.setItem('switchboard.orgs.pins', JSON.stringify(['acc:1', 'acc:2']))
    window.localStorage.setItem('switchboard.orgs.recents', JSON.stringify(['acc:3']))
    const bridge = stub({ pins: [], recents: [] })
    const { result } = renderHook(() => useOrgPrefs())
    await waitFor(() => expect(result.current.prefs).toEqual({ pins: ['acc:1', 'acc:2'], recents: ['acc:3'] }))
    expect(bridge.invoke).toHaveBeenCalledWith('prefs:orgs-set', { pins: ['acc:1', 'acc:2'], recents: ['acc:3'] })
    expect(window.localStorage.getItem('switchboard.orgs.pins')).toBeNull()
  })

  it('reads and writes through main; the stored lists win over stale localStorage', async () => {
    window.localStorage.setItem('switchboard.orgs.pins', JSON.stringify(['old:1']))
    const bridge = stub({ pins: ['acc:9'], recents: [] })
    const { result } = renderHook(() => useOrgPrefs())
    await waitFor(() => expect(result.current.prefs.pins).toEqual(['acc:9']))
    act(() => result.current.togglePin('acc:4'))
    act(() => result.current.markRecent('acc:4'))
    expect(result.current.prefs).toEqual({ pins: ['acc:9', 'acc:4'], recents: ['acc:4'] })
    await waitFor(() => expect(bridge.current()).toEqual({ pins: ['acc:9', 'acc:4'], recents: ['acc:4'] }))
  })
})
