/**
 * Infomaniak API client: public surface.
 *
 * Plain Node (no `electron` import). Start with {@link createApiClient} and one {@link RateLimiter} per token;
 * every failure is an {@link ApiError} whose `detail.kind` says what happened.
 */

/** Client factory, scope probes and their option and result types. */
export {
  createApiClient,
  SCOPE_PROBES,
  type ApiClient,
  type ApiClientOptions,
  type CallOptions,
  type ListOptions,
  type PagedItems,
  type OrgFilter,
  type ScopeProbe,
  type ScopeProbeSpec,
  type RawRequest,
} from './client'

/** Typed errors: the `ApiError` class, its detail union and helpers. */
export {
  ApiError,
  isApiError,
  defaultMessage,
  type ApiErrorDetail,
  type ApiErrorDetailOf,
  type ApiErrorKind,
  type MalformedReason,
  type RequestRef,
  type SerializedApiError,
  type ShapeIssue,
  type ValidationIssue,
} from './errors'

/** Envelope parsing helpers (used by the sandbox tests and the client). */
export { parseEnvelope, parseData, retryAfterMsFromHeaders, type PageInfo, type SuccessEnvelope } from './envelope'

/** Per-token limiter: sliding log, spacing, 429 pauses. */
export { RateLimiter, type RateLimiterOptions, type RateLimiterStats, type RequestLimiter } from './rate-limiter'

/** Retry policy. */
export { withRetry, isTransient, backoffDelay, DEFAULT_RETRY, type RetryOptions, type RetryContext } from './retry'

/** Page-based pagination. */
export {
  fetchAllPages,
  DEFAULT_PER_PAGE,
  DEFAULT_MAX_PAGES,
  type FetchAllPagesOptions,
  type FetchedPage,
  type PageParams,
  type PageItemsInfo,
  type PageProgress,
  type PagedList,
} from './pagination'

/** Transport and URL helpers. */
export {
  createTransport,
  buildQueryString,
  buildUrl,
  pathParam,
  DEFAULT_TIMEOUT_MS,
  type HttpMethod,
  type Query,
  type QueryValue,
  type Transport,
  type TransportOptions,
  type TransportRequest,
  type TransportResponse,
} from './transport'

/** DTO schemas, inferred types and write bodies. */
export * from './schemas'
