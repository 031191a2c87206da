import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  MANAGER_TOKENS_URL,
  MANAGER_USERS_LIST_URL,
  managerUrl,
  type ManagerPage,
} from '../../../shared/domain/manager-links'
import { isAllowedExternalUrl } from '../../../electron/main/shell/url-policy'

describe('Manager links', () => {
  const pages: ManagerPage[] = ['home', 'renewal', 'bills', 'orgTokens', 'users', 'teams', 'products']

  it('builds the patterns seen in public material, with the org home for unverified pages', () => {
    expect(managerUrl('home', 18547)).toBe('https://manager.infomaniak.com/v3/18547/ng/home')
    expect(managerUrl('renewal', 18547)).toBe('https://manager.infomaniak.com/v3/18547/accounts/accounting/renewal')
    expect(managerUrl('bills', 18547)).toBe('https://manager.infomaniak.com/v3/invoicing/18547/bills')
    expect(managerUrl('orgTokens', 18547)).toBe('https://manager.infomaniak.com/v3/18547/ng/accounts/token')
    for (const p of ['users', 'teams', 'products'] as const) expect(managerUrl(p, 7)).toBe(managerUrl('home', 7))
    expect(MANAGER_TOKENS_URL).toBe('https://manager.infomaniak.com/v3/ng/profile/user/token/list')
    expect(MANAGER_USERS_LIST_URL).toBe('https://manager.infomaniak.com/v3/ng/accounts/rights/users/list')
  })

  it('builds only URLs the safe external opener allows', () => {
    expect(isAllowedExternalUrl(MANAGER_TOKENS_URL)).toBe(true)
    expect(isAllowedExternalUrl(MANAGER_USERS_LIST_URL)).toBe(true)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(...pages), (org, page) => {
        expect(isAllowedExternalUrl(managerUrl(page, org))).toBe(true)
      }),
    )
  })

  it('refuses ids that would build another path', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => managerUrl('home', bad)).toThrow(RangeError)
  })
})
