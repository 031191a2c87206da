/** The mutable state of a running sandbox, shared by the HTTP server and the control API. */
import type { Clock } from '../main/lib/clock'
import type { FaultEngine } from './faults'
import type { RateLimiter } from './ratelimit'
import type { RequestLog } from './requests'
import type { SandboxSettings } from './settings'
import type { Store } from './store'

export interface Runtime {
  store: Store
  settings: SandboxSettings
  faults: FaultEngine
  limiter: RateLimiter
  requests: RequestLog
  clock: Clock
}
