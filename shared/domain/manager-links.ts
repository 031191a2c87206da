/**
 * Every link into the Infomaniak Manager, from one place.
 *
 * The Manager's URLs are not part of the public API. Only the patterns below were seen in public material (see
 * `electron/main/api/README.md`, "Manager links"); each builder cites its source. Anything else about an
 * organisation opens that organisation's Manager home, which is verified: an invented path renders the Manager's
 * "Page introuvable" (page not found), which is worse than one extra click.
 *
 * The safe external opener (`electron/main/shell/url-policy.ts`) allows `https://manager.infomaniak.com/…`; every
 * URL built here is under {@link MANAGER_ORIGIN} (a unit test checks each against the policy).
 */

export const MANAGER_ORIGIN = 'https://manager.infomaniak.com'

function orgSegment(orgId: number): string {
  if (!Number.isSafeInteger(orgId) || orgId <= 0) throw new RangeError('An organisation id is a positive integer.')
  return String(orgId)
}

/**
 * The organisation's Manager home. Source: the Manager root redirects to `/v3/{org}/ng/home` (observed by a
 * third-party connector of the Manager's own pages). The fallback for every unverified page.
 */
export function managerHomeUrl(orgId: number): string {
  return `${MANAGER_ORIGIN}/v3/${orgSegment(orgId)}/ng/home`
}

/**
 * Renewals ("To pay") of an organisation. Source: Infomaniak's own kDrive apps open
 * `/v3/{org}/accounts/accounting/renewal` for an expired drive.
 */
export function managerRenewalUrl(orgId: number): string {
  return `${MANAGER_ORIGIN}/v3/${orgSegment(orgId)}/accounts/accounting/renewal`
}

/** Invoice history of an organisation. Source: `/v3/invoicing/{org}/bills` (public Manager material). */
export function managerBillsUrl(orgId: number): string {
  return `${MANAGER_ORIGIN}/v3/invoicing/${orgSegment(orgId)}/bills`
}

/**
 * The organisation's API token page. Source: `/v3/{org}/ng/accounts/token` (observed with the org prefix,
 * public Manager material).
 */
export function managerOrgTokensUrl(orgId: number): string {
  return `${MANAGER_ORIGIN}/v3/${orgSegment(orgId)}/ng/accounts/token`
}

/**
 * The user's personal API tokens (create, revoke, scopes). Source: `/v3/ng/profile/user/token/list`
 * (public Manager material; the page Infomaniak's developer docs send users to).
 */
export const MANAGER_TOKENS_URL = `${MANAGER_ORIGIN}/v3/ng/profile/user/token/list`

/**
 * The users list of the organisation currently selected in the Manager. Source: public guides cite
 * `/v3/ng/accounts/rights/users/list` (no organisation in the path). Because it opens whichever organisation the
 * Manager has selected, per-organisation steps use {@link managerUsersUrl} instead.
 */
export const MANAGER_USERS_LIST_URL = `${MANAGER_ORIGIN}/v3/ng/accounts/rights/users/list`

/**
 * Where to change a member's role or remove them from one organisation. No org-scoped users path is verified, so
 * this is the organisation's home (unverified → home), from which "Users" is one click: never the wrong
 * organisation's list. `userId` is accepted so callers need not change when a verified per-user path appears.
 */
export function managerUsersUrl(orgId: number, _userId?: number | null): string {
  return managerHomeUrl(orgId)
}

/** Work teams of an organisation. Unverified path → the organisation's home. */
export function managerTeamsUrl(orgId: number): string {
  return managerHomeUrl(orgId)
}

/** Products of an organisation (and one product). Unverified path → the organisation's home. */
export function managerProductsUrl(orgId: number): string {
  return managerHomeUrl(orgId)
}

/** The kinds of Manager page the app links to, for callers that pick one by name. */
export type ManagerPage = 'home' | 'renewal' | 'bills' | 'orgTokens' | 'users' | 'teams' | 'products'

export function managerUrl(page: ManagerPage, orgId: number): string {
  switch (page) {
    case 'home':
      return managerHomeUrl(orgId)
    case 'renewal':
      return managerRenewalUrl(orgId)
    case 'bills':
      return managerBillsUrl(orgId)
    case 'orgTokens':
      return managerOrgTokensUrl(orgId)
    case 'users':
      return managerUsersUrl(orgId)
    case 'teams':
      return managerTeamsUrl(orgId)
    case 'products':
      return managerProductsUrl(orgId)
  }
}
