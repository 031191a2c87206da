import { FindingRule } from '../../../shared/domain/access'
import { ExpiryWindow, InventorySortKey, InventoryStatus, type InventoryFilter } from '../../../shared/domain/fleet'
import { Severity, type HygieneFilter } from '../../../shared/domain/hygiene'
import { orgKey, parseOrgKey, type OrgRef } from '../features/orgs/org-key'

/**
 * The filtered screens every number of the fleet screens opens, as routes with query parameters
 * (so a link can be shared, reloaded and kept in the history). Parsers accept only known values.
 */

function query(params: [string, string][]): string {
  const q = new URLSearchParams(params).toString()
  return q === '' ? '' : `?${q}`
}

function clientsOf(params: URLSearchParams): OrgRef[] {
  return params
    .getAll('client')
    .map(parseOrgKey)
    .filter((r): r is OrgRef => r !== null)
}

export interface InventoryLink {
  sort?: InventorySortKey
  direction?: 'asc' | 'desc'
  clients?: readonly OrgRef[]
  types?: readonly string[]
  statuses?: readonly InventoryStatus[]
  expiry?: ExpiryWindow
  tags?: readonly string[]
  text?: string
}

export function inventoryPath(l: InventoryLink = {}): string {
  return `/inventory${query([
    ...(l.clients ?? []).map((c): [string, string] => ['client', orgKey(c)]),
    ...(l.types ?? []).map((t): [string, string] => ['type', t]),
    ...(l.statuses ?? []).map((s): [string, string] => ['status', s]),
    ...(l.expiry ? [['expiry', l.expiry] as [string, string]] : []),
    ...(l.tags ?? []).map((t): [string, string] => ['tag', t]),
    ...(l.text ? [['q', l.text] as [string, string]] : []),
    ...(l.sort ? [['sort', l.sort] as [string, string]] : []),
    ...(l.direction === 'desc' ? [['dir', 'desc'] as [string, string]] : []),
  ])}`
}

/** The inventory filter a route names (unknown values are dropped). */
export function inventoryFilterOf(params: URLSearchParams): InventoryFilter {
  const expiry = ExpiryWindow.safeParse(params.get('expiry'))
  const statuses = params.getAll('status').filter((s) => InventoryStatus.safeParse(s).success) as InventoryStatus[]
  const f: InventoryFilter = {}
  const clients = clientsOf(params)
  if (clients.length > 0) f.clients = clients
  if (params.getAll('type').length > 0) f.types = params.getAll('type').slice(0, 100)
  if (statuses.length > 0) f.statuses = statuses
  if (expiry.success) f.expiry = expiry.data
  if (params.getAll('tag').length > 0) f.tags = params.getAll('tag').slice(0, 100)
  const text = params.get('q')
  if (text) f.text = text.slice(0, 200)
  const sort = InventorySortKey.safeParse(params.get('sort'))
  if (sort.success) f.sort = sort.data
  if (params.get('dir') === 'desc') f.direction = 'desc'
  return f
}

/** The route of an inventory filter (the inverse of {@link inventoryFilterOf}). */
export function inventoryPathOf(f: InventoryFilter): string {
  return inventoryPath({
    ...(f.clients ? { clients: f.clients } : {}),
    ...(f.types ? { types: f.types } : {}),
    ...(f.statuses ? { statuses: f.statuses } : {}),
    ...(f.expiry ? { expiry: f.expiry } : {}),
    ...(f.tags ? { tags: f.tags } : {}),
    ...(f.text ? { text: f.text } : {}),
    ...(f.sort ? { sort: f.sort } : {}),
    ...(f.direction ? { direction: f.direction } : {}),
  })
}

export interface HygieneLink {
  clients?: readonly OrgRef[]
  rules?: readonly FindingRule[]
  severities?: readonly Severity[]
}

export function hygienePath(l: HygieneLink = {}): string {
  return `/access/hygiene${query([
    ...(l.clients ?? []).map((c): [string, string] => ['client', orgKey(c)]),
    ...(l.rules ?? []).map((r): [string, string] => ['rule', r]),
    ...(l.severities ?? []).map((s): [string, string] => ['severity', s]),
  ])}`
}

export function hygieneFilterOf(params: URLSearchParams): HygieneFilter {
  const f: HygieneFilter = {}
  const clients = clientsOf(params)
  if (clients.length > 0) f.clients = clients
  const rules = params.getAll('rule').filter((r) => FindingRule.safeParse(r).success) as FindingRule[]
  if (rules.length > 0) f.rules = rules
  const severities = params.getAll('severity').filter((s) => Severity.safeParse(s).success) as Severity[]
  if (severities.length > 0) f.severities = severities
  return f
}

export function renewalsPath(l: { clients?: readonly OrgRef[]; within?: number; expired?: boolean } = {}): string {
  return `/renewals${query([
    ...(l.clients ?? []).map((c): [string, string] => ['client', orgKey(c)]),
    ...(l.within !== undefined ? [['within', String(l.within)] as [string, string]] : []),
    ...(l.expired !== undefined ? [['expired', l.expired ? '1' : '0'] as [string, string]] : []),
  ])}`
}

export function renewalsClientsOf(params: URLSearchParams): OrgRef[] {
  return clientsOf(params)
}

/** Pending invitations of one organization (its Access tab). */
export function orgInvitationsPath(ref: OrgRef): string {
  return `/org/${encodeURIComponent(ref.accountId)}/${ref.orgId}/access/invitations`
}

export function billingPath(tab?: 'invoices' | 'forecast'): string {
  return `/billing${tab ? query([['tab', tab]]) : ''}`
}
