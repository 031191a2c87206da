import { z } from 'zod'
import { OrgTarget } from './access'
import { Currency } from './billing'
import { ProductRow } from './cache'

const Id = z.number().int()

/** Unpaid invoices of one client in one currency (amounts in cents; CHF and EUR never added). */
export const UnpaidTotal = z.object({ currency: Currency, count: Id, cents: Id })
export type UnpaidTotal = z.infer<typeof UnpaidTotal>

/** How complete an organization's cached data is. */
export const HomeCoverage = z.enum(['complete', 'partial', 'never_synced'])
export type HomeCoverage = z.infer<typeof HomeCoverage>

/** One client organization on the Home screen. */
export const HomeRow = z.object({
  accountId: z.string(),
  accountLabel: z.string(),
  orgId: Id,
  name: z.string(),
  role: z.string(),
  products: Id,
  /** Products expiring from now to 30 days ahead. */
  expiring30: Id,
  /** Products whose expiry date has passed. */
  expired: Id,
  /** 0–100 from the open hygiene findings; null when the organization's users were never synced. */
  score: Id.nullable(),
  openFindings: Id,
  /** Members without two-factor authentication; null when the API did not say for anyone. */
  no2fa: Id.nullable(),
  /** Pending invitations older than 30 days. */
  staleInvitations: Id,
  /** Oldest sync time of the organization's data (unix ms). */
  syncedAt: Id.nullable(),
  coverage: HomeCoverage,
  /** Unpaid invoices per currency; null when the ledger has no invoice of this account at all. */
  unpaid: z.array(UnpaidTotal).nullable(),
  /** Tags on the organization's products. */
  tags: z.array(z.string()),
})
export type HomeRow = z.infer<typeof HomeRow>

export const HomeData = z.object({
  generatedAt: Id,
  rows: z.array(HomeRow),
  /** Any invoice in the ledger (otherwise the unpaid column says where the data would come from). */
  ledgerKnown: z.boolean(),
  /** The hygiene scores are those of the last computation; new ones are being computed (ask again shortly). */
  scoresStale: z.boolean().optional(),
})
export type HomeData = z.infer<typeof HomeData>

export const INVENTORY_STATUSES = ['expired', 'expiring', 'locked', 'maintenance', 'trial', 'operation'] as const
export const InventoryStatus = z.enum(INVENTORY_STATUSES)
export type InventoryStatus = z.infer<typeof InventoryStatus>

export const INVENTORY_COLUMNS = [
  'name',
  'client',
  'type',
  'expiry',
  'status',
  'tags',
  'fqdn',
  'created',
  'account',
  'id',
] as const
export const InventoryColumn = z.enum(INVENTORY_COLUMNS)
export type InventoryColumn = z.infer<typeof InventoryColumn>

export const InventorySortKey = z.enum(['name', 'client', 'type', 'expiry', 'created'])
export type InventorySortKey = z.infer<typeof InventorySortKey>

/** Expiry windows: expired, expiring within N days, or without an expiry date. */
export const ExpiryWindow = z.enum(['expired', '30', '60', '90', '365', 'none'])
export type ExpiryWindow = z.infer<typeof ExpiryWindow>

/** The filters and sort of the product inventory (also what a saved view keeps). */
export const InventoryFilter = z
  .object({
    text: z.string().max(200).optional(),
    types: z.array(z.string().max(100)).max(100).optional(),
    statuses: z.array(InventoryStatus).max(6).optional(),
    expiry: ExpiryWindow.nullable().optional(),
    clients: z.array(OrgTarget).max(5_000).optional(),
    tags: z.array(z.string().max(200)).max(100).optional(),
    accountId: z.string().min(1).max(100).optional(),
    sort: InventorySortKey.optional(),
    direction: z.enum(['asc', 'desc']).optional(),
  })
  .strict()
export type InventoryFilter = z.input<typeof InventoryFilter>

export const InventoryRow = ProductRow.extend({ orgName: z.string(), accountLabel: z.string() })
export type InventoryRow = z.infer<typeof InventoryRow>

export const InventoryPage = z.object({
  total: Id,
  offset: Id,
  rows: z.array(InventoryRow),
  /** Products in the fleet (before filters). */
  fleetTotal: Id,
  tookMs: z.number(),
})
export type InventoryPage = z.infer<typeof InventoryPage>

export const InventoryFacets = z.object({
  types: z.array(z.object({ type: z.string(), count: Id })),
  tags: z.array(z.object({ tag: z.string(), count: Id })),
})
export type InventoryFacets = z.infer<typeof InventoryFacets>

/** What a saved inventory view keeps: filters, sort and the columns shown (in order). */
export const InventoryViewState = z.object({
  filter: InventoryFilter,
  columns: z.array(InventoryColumn).min(1).max(INVENTORY_COLUMNS.length),
})
export type InventoryViewState = z.infer<typeof InventoryViewState>

export const SavedView = z.object({
  id: Id,
  name: z.string(),
  state: InventoryViewState,
  updatedAt: Id,
})
export type SavedView = z.infer<typeof SavedView>

export const DEFAULT_INVENTORY_COLUMNS: readonly InventoryColumn[] = ['name', 'client', 'type', 'expiry', 'status']
