/** An organization is identified by its account (token owner) and its Infomaniak id. */
export interface OrgRef {
  accountId: string
  orgId: number
}

export function orgKey(ref: OrgRef): string {
  return `${ref.accountId}:${ref.orgId}`
}

export function parseOrgKey(key: string): OrgRef | null {
  const at = key.lastIndexOf(':')
  if (at <= 0) return null
  const orgId = Number(key.slice(at + 1))
  if (!Number.isInteger(orgId) || orgId < 0) return null
  return { accountId: key.slice(0, at), orgId }
}

/** Route of a section of one organization. */
export function orgPath(ref: OrgRef, section: 'overview' | 'products'): string {
  return `/org/${encodeURIComponent(ref.accountId)}/${ref.orgId}/${section}`
}
