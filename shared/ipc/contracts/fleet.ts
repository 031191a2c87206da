import { z } from 'zod'
import { FindingRule } from '../../domain/access'
import { DeliveredFile } from '../../domain/files'
import {
  HomeData,
  InventoryColumn,
  InventoryFacets,
  InventoryFilter,
  InventoryPage,
  InventoryViewState,
  SavedView,
} from '../../domain/fleet'
import {
  ClientScore,
  DecisionKind,
  HygieneFilter,
  HygieneFinding,
  HygieneSummary,
  TrendPoint,
} from '../../domain/hygiene'

const Empty = z.object({}).strict()
const FindingKeys = z.array(z.string().min(1).max(600)).min(1).max(50_000)

/** Across all clients: Home, product inventory (pages, facets, export, saved views) and the hygiene report. */
export const fleetContract = {
  /** One row per client organization with its health (products, expiry, hygiene, 2FA, invitations, sync, unpaid). */
  'fleet:home': { input: Empty, output: HomeData },
  /** A page of the product inventory: every product of every organization, filtered and sorted in the core. */
  'fleet:inventory': {
    input: z
      .object({
        filter: InventoryFilter,
        offset: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(1_000),
      })
      .strict(),
    output: InventoryPage,
  },
  /** Product types and tags of the whole fleet with counts (filter pickers). */
  'fleet:inventory-facets': { input: Empty, output: InventoryFacets },
  /** Exactly what the inventory shows (filters, sort, columns in order) as CSV or XLSX. */
  'fleet:inventory-export': {
    input: z
      .object({
        filter: InventoryFilter,
        columns: z.array(InventoryColumn).min(1).max(20),
        format: z.enum(['csv', 'xlsx']),
        delimiter: z.enum([',', ';', '\t']).optional(),
      })
      .strict(),
    output: DeliveredFile,
  },
  /** Saved inventory views (named, persisted in the user store). */
  'fleet:views': { input: Empty, output: z.array(SavedView) },
  /** Saves a view (a new name adds one; the same name or an id replaces it). */
  'fleet:view-save': {
    input: z
      .object({
        id: z.number().int().positive().optional(),
        name: z.string().trim().min(1).max(80),
        state: InventoryViewState,
      })
      .strict(),
    output: SavedView,
  },
  'fleet:view-delete': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  /** Hygiene findings grouped by rule, then by client, with counts (filters: severity, rule, client, status, text). */
  'hygiene:summary': { input: HygieneFilter, output: HygieneSummary },
  /** The findings of one rule in one client (or all that match), a page at a time. */
  'hygiene:findings': {
    input: HygieneFilter.extend({
      rule: FindingRule.optional(),
      client: z
        .object({ accountId: z.string().min(1).max(100).nullable(), orgId: z.number().int().nonnegative().nullable() })
        .strict()
        .optional(),
      offset: z.number().int().min(0).max(1_000_000).optional(),
      limit: z.number().int().min(1).max(1_000).optional(),
    }).strict(),
    output: z.object({ total: z.number().int(), items: z.array(HygieneFinding) }),
  },
  /** Every client's hygiene score (0–100), open findings and change over 30 days. */
  'hygiene:scores': { input: Empty, output: z.array(ClientScore) },
  /** Open findings and score per day (one client, or the fleet). */
  'hygiene:trend': {
    input: z
      .object({
        days: z.number().int().min(2).max(730),
        accountId: z.string().min(1).max(100).optional(),
        orgId: z.number().int().nonnegative().optional(),
      })
      .strict(),
    output: z.array(TrendPoint),
  },
  /** "Accept the risk" or "snooze until" findings, with a reason (kept in the user store). */
  'hygiene:decide': {
    input: z
      .object({
        keys: FindingKeys,
        kind: DecisionKind,
        until: z.number().int().positive().optional(),
        reason: z.string().trim().min(1).max(500),
      })
      .strict(),
    output: z.object({ decided: z.number().int() }),
  },
  /** Reopens findings (forgets their decision). */
  'hygiene:reopen': {
    input: z.object({ keys: FindingKeys }).strict(),
    output: z.object({ reopened: z.number().int() }),
  },
} as const
