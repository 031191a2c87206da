/**
 * The CLI's pure parts: data folder resolution, argument parsing, formatting, pace, account lookup.
 * (Unit tests; they live here because test/integration/cli/ is the CLI's test folder.)
 */
import { describe, expect, it } from 'vitest'
import type { AccountSummary } from '../../../shared/domain/cache'
import { parseCommandLine, UsageError } from '../../../electron/cli/args'
import { defaultDataDir } from '../../../electron/cli/data-dir'
import { dateFromSeconds, displayWidth, duration, plural, table } from '../../../electron/cli/format'
import { resolveAccount } from '../../../electron/cli/main'
import { FAST_PACE, isLoopback, paceFromEnv } from '../../../electron/cli/pace'

describe('defaultDataDir', () => {
  it('follows each platform’s convention', () => {
    expect(defaultDataDir({ platform: 'linux', env: {}, homedir: '/home/ana' })).toBe('/home/ana/.config/Switchboard')
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/data/ana' }, homedir: '/home/ana' })).toBe(
      '/data/ana/Switchboard',
    )
    // The XDG spec: a relative XDG_CONFIG_HOME is invalid and ignored.
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'rel/dir' }, homedir: '/home/ana' })).toBe(
      '/home/ana/.config/Switchboard',
    )
    expect(defaultDataDir({ platform: 'freebsd', env: { XDG_CONFIG_HOME: '' }, homedir: '/home/ana' })).toBe(
      '/home/ana/.config/Switchboard',
    )
    expect(defaultDataDir({ platform: 'darwin', env: { XDG_CONFIG_HOME: '/x' }, homedir: '/Users/ana' })).toBe(
      '/Users/ana/Library/Application Support/Switchboard',
    )
    expect(
      defaultDataDir({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' },
        homedir: 'C:\\Users\\ana',
      }),
    ).toBe('C:\\Users\\ana\\AppData\\Roaming\\Switchboard')
    expect(defaultDataDir({ platform: 'win32', env: {}, homedir: 'C:\\Users\\ana' })).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Switchboard',
    )
  })
})

describe('parseCommandLine', () => {
  it('parses every command with its options', () => {
    expect(
      parseCommandLine(['accounts', 'add', '--token-env', 'TOK', '--base-url', 'http://127.0.0.1:1', '--json']),
    ).toEqual({
      json: true,
      dataDir: undefined,
      verbose: false,
      command: { kind: 'accounts-add', tokenEnv: 'TOK', baseUrl: 'http://127.0.0.1:1', label: undefined },
    })
    expect(parseCommandLine(['accounts', 'remove', 'acc-1', '--delete-user-data']).command).toEqual({
      kind: 'accounts-remove',
      account: 'acc-1',
      deleteUserData: true,
    })
    expect(parseCommandLine(['sync', '--account', 'Work', '--org', '42', '--data-dir', '/tmp/x'])).toMatchObject({
      dataDir: '/tmp/x',
      command: { kind: 'sync', account: 'Work', org: '42' },
    })
    expect(parseCommandLine(['products', '--expiring-days', '90']).command).toEqual({
      kind: 'products',
      account: undefined,
      org: undefined,
      expiringDays: 90,
    })
    expect(parseCommandLine(['users', '--org', 'Acme SA']).command).toEqual({
      kind: 'users',
      account: undefined,
      org: 'Acme SA',
    })
    expect(parseCommandLine(['backup', 'list', '--json', '--data-dir', 'D'])).toMatchObject({
      json: true,
      dataDir: 'D',
      command: { kind: 'backup-list' },
    })
    expect(parseCommandLine(['backup', 'create']).command).toEqual({ kind: 'backup-create' })
    expect(parseCommandLine(['backup', 'restore', 'user-x.sqlite']).command).toEqual({
      kind: 'backup-restore',
      id: 'user-x.sqlite',
    })
    expect(parseCommandLine(['orgs', '--verbose']).verbose).toBe(true)
    expect(parseCommandLine(['--help']).command).toEqual({ kind: 'help' })
    expect(parseCommandLine(['sync', '-h']).command).toEqual({ kind: 'help' })
  })

  it('rejects what it does not understand', () => {
    const bad = [
      [],
      ['nope'],
      ['accounts'],
      ['accounts', 'rename'],
      ['accounts', 'remove'],
      ['accounts', 'remove', 'a', 'b'],
      ['accounts', 'list', '--org', '1'],
      ['accounts', 'add', '--token-env', '1X'],
      ['accounts', 'add', '--token-env', 'A-B'],
      ['users'],
      ['users', '--org', ' '],
      ['products', '--expiring-days', '-1'],
      ['products', '--expiring-days', '1.5'],
      ['orgs', '--account'],
      ['orgs', '--bogus'],
      ['orgs', 'extra'],
      ['sync', '--delete-user-data'],
      ['accounts', 'remove', 'a', '--keep-cache'],
      ['backup'],
      ['backup', 'delete'],
      ['backup', 'restore'],
      ['backup', 'restore', 'a', 'b'],
      ['backup', 'list', 'extra'],
      ['backup', 'create', '--org', '1'],
    ]
    for (const argv of bad) expect(() => parseCommandLine(argv), argv.join(' ')).toThrow(UsageError)
  })
})

describe('formatting', () => {
  it('aligns columns, right-aligns numbers and shows empty cells as "-"', () => {
    const out = table(
      [
        { id: 7, name: 'Zürich Café', n: null },
        { id: 12345, name: 'A\nB', n: 3 },
      ],
      [
        { header: 'ID', value: (r) => r.id, align: 'right' },
        { header: 'NAME', value: (r) => r.name },
        { header: 'N', value: (r) => r.n, align: 'right' },
      ],
    )
    expect(out.split('\n')).toEqual(['   ID  NAME         N', '    7  Zürich Café  -', '12345  A B          3'])
    expect(displayWidth('e\u0301te\u0301')).toBe(3)
    expect(displayWidth('日本')).toBe(4)
  })

  it('prints dates as YYYY-MM-DD and durations for people', () => {
    const local = new Date(2026, 0, 5, 13, 0, 0).getTime() / 1000
    expect(dateFromSeconds(local)).toBe('2026-01-05')
    expect(dateFromSeconds(null)).toBeNull()
    expect(duration(4_400)).toBe('4 s')
    expect(duration(125_000)).toBe('2 min 05 s')
    expect(duration(3_720_000)).toBe('1 h 02 min')
    expect(plural(1, 'product')).toBe('1 product')
    expect(plural(2, 'person', 'people')).toBe('2 people')
  })
})

describe('pace', () => {
  it('is the core default unless SWITCHBOARD_PACE=fast', () => {
    expect(paceFromEnv({})).toEqual({ name: 'default', pace: undefined })
    expect(paceFromEnv({ SWITCHBOARD_PACE: 'FAST' })).toEqual({ name: 'fast', pace: FAST_PACE })
    expect(() => paceFromEnv({ SWITCHBOARD_PACE: 'turbo' })).toThrow(/SWITCHBOARD_PACE/)
    expect(FAST_PACE).toMatchObject({ limit: 60, windowMs: 1_000 })
    expect(isLoopback('http://127.0.0.1:8787')).toBe(true)
    expect(isLoopback('http://localhost:1')).toBe(true)
    expect(isLoopback('http://[::1]:1')).toBe(true)
    expect(isLoopback('https://api.infomaniak.com')).toBe(false)
    expect(isLoopback('not a url')).toBe(false)
  })
})

describe('resolveAccount', () => {
  const account = (id: string, label: string): AccountSummary => ({
    id,
    label,
    baseUrl: 'https://api.infomaniak.com',
    userId: 1,
    displayName: null,
    email: null,
    state: 'ok',
    isDemo: false,
    tokenSource: 'environment',
    scopes: [],
    createdAt: 0,
    lastSyncAt: null,
    lastError: null,
    orgCount: 0,
  })
  const accounts = [account('acc-1111-aaaa', 'Work'), account('acc-1122-bbbb', 'Home'), account('acc-2222', 'work')]

  it('finds by id, label or unique id prefix', () => {
    expect(resolveAccount(accounts, 'acc-2222').id).toBe('acc-2222')
    expect(resolveAccount(accounts, 'home').id).toBe('acc-1122-bbbb')
    expect(resolveAccount(accounts, '1111').id).toBe('acc-1111-aaaa')
    expect(resolveAccount(accounts, 'acc-112').id).toBe('acc-1122-bbbb')
  })

  it('refuses ambiguous or unknown references', () => {
    expect(() => resolveAccount(accounts, 'WORK')).toThrow(/Several accounts/)
    expect(() => resolveAccount(accounts, '11')).toThrow(/matches 2 accounts/)
    expect(() => resolveAccount(accounts, 'nobody')).toThrow(/No account/)
  })
})
