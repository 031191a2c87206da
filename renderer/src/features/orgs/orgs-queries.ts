import { queryOptions, useQuery } from '@tanstack/react-query'
import { useMatch } from 'react-router'
import type { OrgSummary } from '../../../../shared/domain/cache'
import { extraRoots, scopeRoots } from '../../app/query-keys'
import { invoke } from '../../lib/ipc'
import { orgKey, type OrgRef } from './org-key'
import { useOrgPrefs } from './org-prefs'

export const orgsQueries = {
  all: () => queryOptions({ queryKey: [...scopeRoots.orgs, 'all'], queryFn: () => invoke('orgs:list', {}) }),
  /** Full-text search over organizations, products and people: its own key (see app/invalidation.ts). */
  search: (text: string) =>
    queryOptions({
      queryKey: [...extraRoots.search, text],
      queryFn: () => invoke('search:query', { text, limit: 20 }),
      staleTime: 30_000,
    }),
}

/** The organization named in the URL (`/org/:accountId/:orgId/...`), if any. */
export function useOrgRefFromUrl(): OrgRef | null {
  const match = useMatch('/org/:accountId/:orgId/*')
  const accountId = match?.params.accountId
  const orgId = Number(match?.params.orgId)
  if (!accountId || !Number.isInteger(orgId) || orgId < 0) return null
  return { accountId, orgId }
}

export function findOrg(orgs: readonly OrgSummary[] | undefined, ref: OrgRef | null): OrgSummary | undefined {
  if (!ref || !orgs) return undefined
  return orgs.find((o) => o.accountId === ref.accountId && o.id === ref.orgId)
}

/**
 * The organization the user works in: the one in the URL, else the most recent one that still
 * exists (so cross-organization screens keep showing it in the header).
 */
export function useCurrentOrg(): { ref: OrgRef | null; org: OrgSummary | undefined; fromUrl: boolean } {
  const fromUrl = useOrgRefFromUrl()
  const orgs = useQuery(orgsQueries.all())
  const { prefs } = useOrgPrefs()
  if (fromUrl) return { ref: fromUrl, org: findOrg(orgs.data, fromUrl), fromUrl: true }
  const recent = orgs.data?.find((o) => prefs.recents[0] === orgKey({ accountId: o.accountId, orgId: o.id }))
  return { ref: recent ? { accountId: recent.accountId, orgId: recent.id } : null, org: recent, fromUrl: false }
}
