/**
 * API diagnostics and data coverage for the renderer and the CLI.
 *
 * The diagnostics report holds endpoint templates, status codes, field names with JSON types, skipped items
 * (paths and types) and the detected capabilities — no values, names, e-mails, ids or tokens (a test plants each
 * and checks). Accounts appear as "account 1", "account 2" in a stable order, never by label or id.
 */
import type Database from 'better-sqlite3'
import type { OrgCoverage } from '../../../shared/domain/coverage'
import type { FileContent } from '../files/delivery'
import { mergeShapes, ShapeRecorder, type EndpointShape } from '../api/diagnostics'
import type { Clock } from '../lib/clock'
import { loadCapabilities } from '../sync/capabilities'
import { coverage } from '../sync/coverage'

export interface DiagnosticsReport {
  format: 'switchboard-api-diagnostics'
  version: 1
  app: { version: string }
  generatedOn: string
  accounts: {
    account: string
    capabilities: ReturnType<typeof loadCapabilities>['caps']
    endpoints: ({ endpoint: string } & EndpointShape)[]
    skipped: { resource: string; endpoint: string; path: string; expected: string; seen: string; count: number }[]
  }[]
}

export class DiagnosticsService {
  private readonly recorders = new Map<string, ShapeRecorder>()

  constructor(private readonly o: { db: Database.Database; clock: Clock; appVersion: string }) {}

  /** The observer given to an account's API client. */
  recorder(accountId: string): ShapeRecorder {
    let r = this.recorders.get(accountId)
    if (!r) this.recorders.set(accountId, (r = new ShapeRecorder()))
    return r
  }

  /** Writes what the recorders hold into `api_shapes` (after each sync job, and before a report). */
  flush(accountId?: string): void {
    const ids = accountId === undefined ? [...this.recorders.keys()] : [accountId]
    const db = this.o.db
    const read = db.prepare<[string, string], { data: string }>(
      'SELECT data FROM api_shapes WHERE account_id = ? AND endpoint = ?',
    )
    const write = db.prepare(
      `INSERT INTO api_shapes (account_id, endpoint, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (account_id, endpoint) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    )
    db.transaction(() => {
      for (const id of ids) {
        const drained = this.recorders.get(id)?.drain()
        if (!drained) continue
        for (const [endpoint, shape] of drained) {
          const before = read.get(id, endpoint)
          let merged = shape
          if (before) {
            try {
              merged = mergeShapes(JSON.parse(before.data) as EndpointShape, shape)
            } catch {
              merged = shape
            }
          }
          write.run(id, endpoint, JSON.stringify(merged), this.o.clock.now())
        }
      }
    })()
  }

  coverage(accountId?: string, orgId?: number): OrgCoverage[] {
    return coverage(this.o.db, accountId, orgId)
  }

  report(accountId?: string): DiagnosticsReport {
    this.flush()
    const db = this.o.db
    const accounts = db
      // A removed account has no API data left (its cache went with it): not listed as an empty "account N".
      .prepare<[], { id: string }>('SELECT id FROM accounts WHERE removed_at IS NULL ORDER BY created_at, id')
      .all()
      .map((a) => a.id)
      .filter((id) => accountId === undefined || id === accountId)
    return {
      format: 'switchboard-api-diagnostics',
      version: 1,
      app: { version: this.o.appVersion },
      generatedOn: new Date(this.o.clock.now()).toISOString().slice(0, 10),
      accounts: accounts.map((id, i) => ({
        account: `account ${i + 1}`,
        capabilities: loadCapabilities(db, id).caps,
        endpoints: db
          .prepare<[string], { endpoint: string; data: string }>(
            'SELECT endpoint, data FROM api_shapes WHERE account_id = ? ORDER BY endpoint',
          )
          .all(id)
          .map((r) => ({ endpoint: r.endpoint, ...(JSON.parse(r.data) as EndpointShape) })),
        skipped: db
          .prepare<
            [string],
            { resource: string; endpoint: string; path: string; expected: string; seen: string; count: number }
          >(
            `SELECT resource, endpoint, path, expected, seen, sum(count) AS count FROM sync_skipped WHERE account_id = ?
             GROUP BY resource, endpoint, path, expected, seen ORDER BY count DESC`,
          )
          .all(id),
      })),
    }
  }

  export(accountId?: string): FileContent {
    const json = `${JSON.stringify(this.report(accountId), null, 2)}\n`
    return {
      fileName: `switchboard-api-diagnostics-${new Date(this.o.clock.now()).toISOString().slice(0, 10)}.json`,
      mimeType: 'application/json',
      bytes: Buffer.from(json, 'utf8'),
    }
  }
}
