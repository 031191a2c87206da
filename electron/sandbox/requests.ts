/** What the sandbox received: tests read it to check request counts, timing and statuses. */
import type { FaultKind } from './settings'

export interface RequestLogEntry {
  /** Arrival time, ms, from the sandbox clock. */
  at: number
  /** After method override (`X-HTTP-METHOD-OVERRIDE`, `_method`). */
  method: string
  /** Path and query string (tokens are never in the URL). */
  path: string
  /** Name of the token used, or null when missing/unknown. */
  tokenName: string | null
  /** HTTP status sent; 0 when the connection was dropped. */
  status: number
  fault?: FaultKind
}

export interface RequestFilter {
  tokenName?: string | null
  status?: number
  /** Path prefix (without query string). */
  pathPrefix?: string
  /** Entries with at >= since. */
  since?: number
}

export class RequestLog {
  private entries: RequestLogEntry[] = []

  add(entry: RequestLogEntry): void {
    this.entries.push(entry)
  }

  list(filter?: RequestFilter): RequestLogEntry[] {
    if (!filter) return this.entries.slice()
    return this.entries.filter(
      (e) =>
        (filter.tokenName === undefined || e.tokenName === filter.tokenName) &&
        (filter.status === undefined || e.status === filter.status) &&
        (filter.pathPrefix === undefined || e.path.startsWith(filter.pathPrefix)) &&
        (filter.since === undefined || e.at >= filter.since),
    )
  }

  count(filter?: RequestFilter): number {
    return filter ? this.list(filter).length : this.entries.length
  }

  clear(): void {
    this.entries = []
  }
}
