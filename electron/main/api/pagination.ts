/**
 * Page-based pagination (`page`, `per_page` → `total`, `page`, `pages`, `items_per_page`).
 *
 * The first request asks for a large page (`per_page`, default 500); the server may cap it, so the loop then
 * follows what the server reports (`pages`, `items_per_page`) and never its own request. An answer without page
 * fields is an unpaginated list: its `data` is the whole list and one request suffices. Guards: a hard limit on
 * pages, duplicate ids across pages are dropped (with a warning), a page made only of already-seen items
 * (a server ignoring `page`) aborts the listing, and a final count below `total` is logged as a warning.
 * A failed page fails the whole listing: a partial list must never be mistaken for the complete one.
 *
 * Items are validated one by one (`items.ts`): an item that does not fit is left out and reported in `skipped`
 * (paths and types, never values); the rest of the page is kept. Only a `data` that is not a list fails the page.
 */
import { z } from 'zod'
import type { Logger } from '../lib/logger'
import { ApiError, type RequestRef } from './errors'
import { parseData, type SuccessEnvelope } from './envelope'
import { endpointOf, parseItems, type SkippedItem } from './items'

/** Page parameters to send, or null to send none. */
export type PageParams = { page: number; perPage: number } | null

/** What a page fetcher returns: the success envelope and the request it answered (for errors). */
export interface FetchedPage {
  envelope: SuccessEnvelope
  request: RequestRef
}

/** Progress of a listing, reported after each page. */
export interface PageProgress {
  /** Page just received (1 for an unpaginated answer). */
  page: number
  /** Pages announced by the server (1 for an unpaginated answer). */
  pages: number
  /** Items on this page. */
  received: number
  /** Distinct items collected so far. */
  collected: number
  /** `total` announced by the server, when given. */
  total: number | null
  /** Requests made so far by this listing. */
  requests: number
}

/** Options of {@link fetchAllPages}. */
export interface FetchAllPagesOptions<S extends z.ZodType> {
  /** Sends one request (through the limiter and retry policy) with the given page parameters. */
  fetchPage: (params: PageParams) => Promise<FetchedPage>
  /** Schema of one item. */
  itemSchema: S
  /** Page size asked for; the server may answer fewer. Default 500. */
  perPage?: number
  /** Refuses listings announcing more pages than this. Default 1000. */
  maxPages?: number
  /**
   * Whether the first request carries `page`/`per_page`. Default true. Set false for routes that document no
   * paging: the first answer is then taken as is, and followed only if it announces further pages.
   */
  sendPageParams?: boolean
  /** Identity used to drop duplicates; default: the item's `id`. Return null to keep an item unconditionally. */
  idOf?: (item: z.output<S>) => string | number | null
  logger?: Logger
  onPage?: (progress: PageProgress) => void
  /** Receives the items left out of each page (see `items.ts`). */
  onSkipped?: (skipped: readonly SkippedItem[]) => void
  /**
   * First page to ask for (default 1): a listing resumed after an interruption. Needs `perPage` equal to the page
   * size the interrupted listing used, and a paginated answer (an unpaginated one fails the listing).
   */
  startPage?: number
  /**
   * Receives each page's new items as soon as they are validated, with the page reached and the page size the
   * server used, so a caller can commit page by page. May throw to stop the listing.
   */
  onItems?: (items: z.output<S>[], page: PageItemsInfo) => void
  /** false: `items` of the result stays empty (the caller keeps what `onItems` gave). Default true. */
  retainItems?: boolean
}

/** What {@link FetchAllPagesOptions.onItems} receives with a page's items. */
export interface PageItemsInfo extends PageProgress {
  /** Whether the server answered with page fields. */
  paginated: boolean
  /** Page size the server used (null for an unpaginated answer). */
  itemsPerPage: number | null
  /** Items on this page left out because they did not fit the schema. */
  skipped: number
}

/** Result of {@link fetchAllPages}. */
export interface PagedList<T> {
  items: T[]
  /** Requests made. */
  requests: number
  /** Whether the server answered with page fields. */
  paginated: boolean
  /** Last `total` announced, when paginated. */
  total: number | null
  /** Page size the server actually used, when paginated. */
  itemsPerPage: number | null
  /** Items left out because they did not fit the schema. */
  skipped: SkippedItem[]
}

/** Default page size asked for (reference §5.2: between 100 and 500). */
export const DEFAULT_PER_PAGE = 500
/** Default page guard. */
export const DEFAULT_MAX_PAGES = 1000

function defaultId(item: unknown): string | number | null {
  if (item !== null && typeof item === 'object' && 'id' in item) {
    const id = (item as { id: unknown }).id
    if (typeof id === 'number' || typeof id === 'string') return id
  }
  return null
}

function paginationError(request: RequestRef, message: string, status: number): ApiError {
  return new ApiError({ kind: 'malformed', status, reason: 'pagination', issues: [{ path: 'page', message }] }, request)
}

/** Fetches every page of a list and returns the validated, de-duplicated items. */
export async function fetchAllPages<S extends z.ZodType>(
  options: FetchAllPagesOptions<S>,
): Promise<PagedList<z.output<S>>> {
  type T = z.output<S>
  const perPage = options.perPage ?? DEFAULT_PER_PAGE
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES
  const idOf = options.idOf ?? ((item: T) => defaultId(item))
  const arraySchema = z.array(z.unknown())
  const items: T[] = []
  const skipped: SkippedItem[] = []
  const seen = new Set<string | number>()
  let requests = 0

  const retain = options.retainItems !== false
  let collected = 0
  const collect = (
    fetched: FetchedPage,
    page: number,
  ): { received: number; fresh: number; list: T[]; skipped: number } => {
    const raw = parseData(arraySchema, fetched.envelope.data, fetched.request, fetched.envelope.status, 'data')
    const parsed = parseItems(options.itemSchema, raw, endpointOf(fetched.request.method, fetched.request.path))
    if (parsed.skipped.length > 0) {
      skipped.push(...parsed.skipped)
      options.onSkipped?.(parsed.skipped)
      options.logger?.warn('api: items left out of a page', {
        endpoint: parsed.skipped[0]!.endpoint,
        page,
        skipped: parsed.skipped.length,
        paths: [...new Set(parsed.skipped.flatMap((s) => s.issues.map((i) => i.path)))].slice(0, 5),
      })
    }
    const list = parsed.items as T[]
    const kept: T[] = []
    for (const item of list) {
      const id = idOf(item)
      if (id !== null) {
        if (seen.has(id)) {
          continue
        }
        seen.add(id)
      }
      kept.push(item)
    }
    const fresh = kept.length
    collected += fresh
    if (retain) items.push(...kept)
    if (fresh < list.length)
      options.logger?.warn('api: duplicate items across pages dropped', {
        path: fetched.request.path,
        page,
        dropped: list.length - fresh,
      })
    return { received: raw.length, fresh: fresh + parsed.skipped.length, list: kept, skipped: parsed.skipped.length }
  }

  const startPage = options.startPage ?? 1
  if (!Number.isInteger(startPage) || startPage < 1) throw new RangeError(`startPage must be >= 1 (${startPage})`)
  const first = await options.fetchPage(
    options.sendPageParams === false && startPage === 1 ? null : { page: startPage, perPage },
  )
  requests++
  let info = first.envelope.pageInfo
  const firstCount = collect(first, startPage)

  if (info.pages === null) {
    if (startPage > 1)
      throw paginationError(first.request, `page ${startPage} came back without page fields`, first.envelope.status)
    const progress = { page: 1, pages: 1, received: firstCount.received, collected, total: null, requests }
    options.onItems?.(firstCount.list, {
      ...progress,
      paginated: false,
      itemsPerPage: null,
      skipped: firstCount.skipped,
    })
    options.onPage?.(progress)
    return { items, requests, paginated: false, total: null, itemsPerPage: null, skipped }
  }

  let pages = info.pages
  let itemsPerPage = info.itemsPerPage ?? perPage
  let total = info.total
  if (pages > maxPages)
    throw paginationError(
      first.request,
      `${pages} pages announced, above the limit of ${maxPages}`,
      first.envelope.status,
    )
  {
    const progress = { page: startPage, pages, received: firstCount.received, collected, total, requests }
    options.onItems?.(firstCount.list, { ...progress, paginated: true, itemsPerPage, skipped: firstCount.skipped })
    options.onPage?.(progress)
  }

  for (let page = startPage + 1; page <= pages; page++) {
    const fetched = await options.fetchPage({ page, perPage: itemsPerPage })
    requests++
    info = fetched.envelope.pageInfo
    if (info.pages === null)
      throw paginationError(fetched.request, `page ${page} came back without page fields`, fetched.envelope.status)
    if (info.page !== null && info.page !== page)
      options.logger?.warn('api: server answered another page than asked', {
        path: fetched.request.path,
        asked: page,
        got: info.page,
      })
    pages = info.pages
    if (pages > maxPages)
      throw paginationError(
        fetched.request,
        `${pages} pages announced, above the limit of ${maxPages}`,
        fetched.envelope.status,
      )
    itemsPerPage = info.itemsPerPage ?? itemsPerPage
    total = info.total ?? total
    const count = collect(fetched, page)
    if (count.received > 0 && count.fresh === 0)
      throw paginationError(
        fetched.request,
        `page ${page} repeated earlier items; the server seems to ignore "page"`,
        fetched.envelope.status,
      )
    const progress = { page, pages, received: count.received, collected, total, requests }
    options.onItems?.(count.list, { ...progress, paginated: true, itemsPerPage, skipped: count.skipped })
    options.onPage?.(progress)
  }

  if (startPage === 1 && total !== null && collected < total)
    options.logger?.warn('api: fewer items than the announced total; the list changed while paging', {
      path: first.request.path,
      total,
      collected,
    })
  return { items, requests, paginated: true, total, itemsPerPage, skipped }
}
