/**
 * Switchboard's sandbox: a local fake of the Infomaniak API (see README.md).
 *
 *   const sb = await startSandbox({ seed: 42, scale: 'demo' })
 *   fetch(`${sb.url}/1/accounts`, { headers: { Authorization: `Bearer ${sb.tokens.owner}` } })
 *   await sb.stop()
 *
 * Plain Node: never imports `electron`.
 */
import { createServer, type Server } from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { systemClock, type Clock } from '../main/lib/clock'
import { createControl, type SandboxControl } from './control'
import { FaultEngine } from './faults'
import { generate, type Scale } from './generate'
import { hashData } from './hash'
import type { SandboxData } from './model'
import { RateLimiter } from './ratelimit'
import { RequestLog } from './requests'
import type { Runtime } from './runtime'
import { SandboxServer } from './server'
import {
  DEFAULT_SETTINGS,
  PROFILE_SETTINGS,
  applySettings,
  type SandboxProfile,
  type FaultSettings,
  type FaultsPatch,
  type SandboxSettings,
  type SettingsPatch,
} from './settings'
import { Store } from './store'
import { orgAccess, effectiveRights, type Access, type EffectiveRight } from './truth'

export interface SandboxOptions {
  /** PRNG seed for data, tokens and fault decisions. Default 42. */
  seed?: number
  /** tiny (3 orgs), demo (40 orgs, default), large (1,000 orgs / 100,000 products / 20,000 users). */
  scale?: Scale
  /** Number of organisations (agency included); with `scale`, scales that preset's counts. */
  orgs?: number
  products?: number
  users?: number
  /** Unix ms around which dates are generated. Default: today 00:00 UTC (from `clock`). */
  referenceTime?: number
  /** Time source for the rate limiter, the request log and write timestamps. Default: system clock. */
  clock?: Clock
  /** `faithful` (default): the API as the reference documents it; `live-shapes`: the §15 variants (see README). */
  profile?: SandboxProfile
  /** Applied after the profile's settings. */
  settings?: SettingsPatch
  faults?: FaultsPatch
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number
  /** Secret for the HTTP control API; default: 32 random bytes, hex. */
  controlSecret?: string
  /** Serve this (already generated) data instead of generating. It is mutated by writes. */
  data?: SandboxData
}

export interface SandboxTruth {
  /** Every (member, product) pair with rights in an organisation, with their sources. */
  effectiveRights(orgId: number): EffectiveRight[]
  /** Organisations reached by a token (by token name), with `type`. */
  orgAccess(tokenName: string): Map<number, Access>
  /** sha256 of the canonical JSON of the current data. */
  hash(): string
}

export interface Sandbox {
  /** Base URL, e.g. http://127.0.0.1:38123 (no trailing slash). */
  url: string
  port: number
  /** Token values by name: owner, staff, limited, noscope, client, revoked, expired. */
  tokens: Record<string, string>
  control: SandboxControl & { url: string; secret: string }
  requests: RequestLog
  /** The live truth (mutated by API writes and control calls). Read it; mutate through `control`. */
  data: SandboxData
  truth: SandboxTruth
  readonly settings: SandboxSettings
  readonly faults: FaultSettings
  stop(): Promise<void>
}

export function defaultReferenceTime(clock: Clock = systemClock): number {
  const now = clock.now()
  return now - (now % 86_400_000)
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? systemClock
  const seed = options.seed ?? 42
  const genOptions: Parameters<typeof generate>[0] = {
    seed,
    referenceTime: options.referenceTime ?? defaultReferenceTime(clock),
  }
  if (options.scale !== undefined) genOptions.scale = options.scale
  if (options.orgs !== undefined) genOptions.orgs = options.orgs
  if (options.products !== undefined) genOptions.products = options.products
  if (options.users !== undefined) genOptions.users = options.users
  const data = options.data ?? generate(genOptions)
  const rt: Runtime = {
    store: new Store(data),
    settings: applySettings(
      applySettings(DEFAULT_SETTINGS, PROFILE_SETTINGS[options.profile ?? 'faithful']),
      options.settings ?? {},
    ),
    faults: new FaultEngine(seed, options.faults ?? {}),
    limiter: new RateLimiter(),
    requests: new RequestLog(),
    clock,
  }
  const secret = options.controlSecret ?? randomBytes(32).toString('hex')
  const control = createControl(rt)
  const handler = new SandboxServer(rt, control, secret)
  const server: Server = createServer(handler.handle)
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`
  const tokens: Record<string, string> = {}
  for (const t of data.tokens) tokens[t.name] = t.token
  let stopped: Promise<void> | null = null
  return {
    url,
    port,
    tokens,
    control: Object.assign(control, { url: `${url}/__control`, secret }),
    requests: rt.requests,
    data,
    truth: {
      effectiveRights: (orgId) => effectiveRights(data, orgId),
      orgAccess: (tokenName) => {
        const t = data.tokens.find((x) => x.name === tokenName)
        if (!t) throw new Error(`Unknown token ${tokenName}`)
        return orgAccess(data, t.userId)
      },
      hash: () => hashData(data),
    },
    get settings() {
      return rt.settings
    },
    get faults() {
      return rt.faults.config
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        handler.shutdown()
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return stopped
    },
  }
}

export { generate, resolveCounts, SCALES, ALL_SCOPES, type Scale, type Counts, type GenerateOptions } from './generate'
export { hashData, canonicalJson } from './hash'
export {
  effectiveRights,
  orgAccess,
  rightSources,
  viewerRights,
  canManage,
  canGrantOwner,
  teamGrant,
  type Access,
  type EffectiveRight,
  type RightSources,
} from './truth'
export {
  DEFAULT_SETTINGS,
  DEFAULT_FAULTS,
  SANDBOX_PROFILES,
  PROFILE_SETTINGS,
  type SandboxProfile,
  type ShapeSettings,
  FAULT_KINDS,
  type SandboxSettings,
  type FaultSettings,
  type FaultKind,
  type SettingsPatch,
  type FaultsPatch,
  type RateLimitSettings,
} from './settings'
export { ROUTE_IDS } from './routes'
export type { SandboxControl, SandboxState } from './control'
export type { RequestLog, RequestLogEntry, RequestFilter } from './requests'
export type * from './model'
