import type Database from 'better-sqlite3'
import type { FileContent } from '../files/delivery'
import {
  InventoryViewState,
  type HomeData,
  type InventoryColumn,
  type InventoryFacets,
  type InventoryFilter,
  type InventoryPage,
  type SavedView,
} from '../../../shared/domain/fleet'
import { AppError } from '../lib/app-error'
import type { Clock } from '../lib/clock'
import type { Logger } from '../lib/logger'
import type { EventBus } from '../ipc/dispatch'
import { FleetRepo } from './fleet-repo'
import { homeData } from './home'
import { HygieneReport } from './hygiene-report'
import { Inventory } from './inventory'
import { writeStamp } from './write-stamp'

export interface FleetServiceOptions {
  db: Database.Database
  clock: Clock
  logger: Logger
  events: EventBus
  /** The UI language (exports and type sorting follow it). */
  language: () => string
  /** Delay of the background hygiene computation after a sync wrote users or teams (ms; 0: none). */
  warmDelayMs?: number
}

/** Scopes whose change makes the hygiene findings stale. */
const HYGIENE_SCOPES = new Set(['users', 'teams', 'products', 'orgs', 'accounts'])

/**
 * Across all clients: the Home rows, the product inventory and saved views, and the hygiene report
 * (findings grouped in the core, decisions, scores and their history).
 */
export class FleetService {
  readonly hygiene: HygieneReport
  private readonly inventory: Inventory
  private readonly repo: FleetRepo
  private warmTimer: ReturnType<typeof setTimeout> | null = null
  private readonly unsubscribe: () => void
  /** Bumped by every `cache:changed` (the core's own writes, whatever they touched). */
  private generation = 0
  private homeMemo: { key: string; value: HomeData } | null = null

  constructor(private readonly o: FleetServiceOptions) {
    this.repo = new FleetRepo(o.db)
    this.hygiene = new HygieneReport(o.db, this.repo, o.clock, o.logger)
    this.inventory = new Inventory(o.db)
    this.unsubscribe = o.events.on((channel, payload) => {
      if (channel !== 'cache:changed') return
      this.generation++
      const scopes = (payload as { scopes: readonly string[] }).scopes
      if (!scopes.some((s) => HYGIENE_SCOPES.has(s))) return
      this.hygiene.invalidate()
      this.scheduleWarm()
    })
    // The first Home or Hygiene after a start finds the grouping ready.
    this.scheduleWarm()
  }

  /** After a sync step, computes the findings in the background (so Hygiene and Home open at once, and the day's history is kept). */
  private scheduleWarm(): void {
    const delay = this.o.warmDelayMs ?? 4_000
    if (delay <= 0 || this.warmTimer) return
    this.warmTimer = setTimeout(() => {
      this.warmTimer = null
      try {
        this.hygiene.warm()
      } catch (error) {
        this.o.logger.warn('hygiene warm-up failed', { error: error instanceof Error ? error.message : String(error) })
      }
    }, delay)
    this.warmTimer.unref?.()
  }

  /**
   * The Home rows, computed once per state of the stores and of the hygiene scores, per minute (expiry
   * counts are relative to now): the screen asks on every visit. The scores are those of the last
   * hygiene computation while a new one is due (`scoresStale`), so Home never waits for it.
   */
  home(): HomeData {
    const minute = Math.floor(this.o.clock.now() / 60_000) * 60_000
    const { scores, serial, stale } = this.hygiene.scoresState(true)
    const key = `${this.generation}|${writeStamp(this.o.db)}|${serial}|${minute}`
    if (this.homeMemo?.key === key) return this.homeMemo.value
    const value: HomeData = { ...homeData(this.o.db, minute, scores), ...(stale ? { scoresStale: true } : {}) }
    this.homeMemo = { key, value }
    return value
  }

  inventoryPage(filter: InventoryFilter, offset: number, limit: number): InventoryPage {
    return this.inventory.page(filter, offset, limit, this.o.clock.now(), this.o.language())
  }

  inventoryFacets(): InventoryFacets {
    return this.inventory.facets()
  }

  inventoryExport(
    filter: InventoryFilter,
    columns: readonly InventoryColumn[],
    format: 'csv' | 'xlsx',
    delimiter?: ',' | ';' | '\t',
  ): Promise<FileContent> {
    return this.inventory.export(filter, columns, format, this.o.clock.now(), this.o.language(), {
      ...(delimiter ? { delimiter } : {}),
    })
  }

  views(): SavedView[] {
    const out: SavedView[] = []
    for (const r of this.repo.views('inventory')) {
      // A view saved by another version that no longer parses is left out, not an error.
      let raw: unknown
      try {
        raw = JSON.parse(r.state)
      } catch {
        continue
      }
      const state = InventoryViewState.safeParse(raw)
      if (state.success) out.push({ id: r.id, name: r.name, state: state.data, updatedAt: r.updatedAt })
    }
    return out
  }

  saveView(name: string, state: InventoryViewState, id?: number): SavedView {
    const trimmed = name.trim()
    if (trimmed === '') throw new AppError('INVALID_INPUT', 'fleet.viewNameRequired')
    const json = JSON.stringify(state)
    const now = this.o.clock.now()
    if (id !== undefined) {
      try {
        if (!this.repo.renameView('inventory', id, trimmed, json, now))
          throw new AppError('NOT_FOUND', 'fleet.viewNotFound')
      } catch (error) {
        if (error instanceof AppError) throw error
        throw new AppError('CONFLICT', 'fleet.viewNameTaken')
      }
      return { id, name: trimmed, state, updatedAt: now }
    }
    const row = this.repo.saveView('inventory', trimmed, json, now)
    return { id: row.id, name: row.name, state, updatedAt: row.updatedAt }
  }

  deleteView(id: number): boolean {
    return this.repo.deleteView('inventory', id)
  }

  close(): void {
    this.unsubscribe()
    this.hygiene.close()
    if (this.warmTimer) clearTimeout(this.warmTimer)
    this.warmTimer = null
  }
}
