import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl, isInternalUrl } from '../../../electron/main/shell/url-policy'

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://manager.infomaniak.com/v3/ng/profile/user/token/list',
    'https://manager.infomaniak.com/v3/18547/accounts/accounting/renewal',
    'https://www.infomaniak.com/en/support/faq/2582',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true)
  })

  it.each([
    'http://manager.infomaniak.com/v3/',
    'https://manager.infomaniak.com.evil.example/v3/',
    'https://evil.example/?https://manager.infomaniak.com/',
    'https://manager.infomaniak.com@evil.example/',
    'https://user:pw@manager.infomaniak.com/',
    'https://manager.infomaniak.com:8443/',
    'https://api.infomaniak.com/1/accounts',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://manager.infomaniak.com/share',
    'not a url',
    '',
    42,
    null,
    `https://manager.infomaniak.com/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })
})

describe('isInternalUrl', () => {
  it('accepts the app origin', () => {
    expect(isInternalUrl('app://switchboard/index.html#/overview')).toBe(true)
  })
  it('refuses other app hosts and schemes', () => {
    expect(isInternalUrl('app://other/index.html')).toBe(false)
    expect(isInternalUrl('file:///index.html')).toBe(false)
    expect(isInternalUrl('https://manager.infomaniak.com/')).toBe(false)
  })
  it('accepts the dev server only when one is given', () => {
    expect(isInternalUrl('http://localhost:5173/#/x')).toBe(false)
    expect(isInternalUrl('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true)
    expect(isInternalUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false)
  })
})
