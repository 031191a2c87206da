import { describe, expect, it } from 'vitest'
import { devUserDataDir } from '../../../electron/main/shell/user-data'

describe('--user-data-dir', () => {
  it('gives an unpackaged app the folder it names', () => {
    expect(devUserDataDir(false, '/tmp/switchboard-smoke-1')).toBe('/tmp/switchboard-smoke-1')
  })

  it('is ignored by the packaged app, when empty and when relative', () => {
    expect(devUserDataDir(true, '/tmp/switchboard-smoke-1')).toBeUndefined()
    expect(devUserDataDir(false, '')).toBeUndefined()
    expect(devUserDataDir(false, 'data')).toBeUndefined()
  })
})
