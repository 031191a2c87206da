import { z } from 'zod'
import type { EventChannel, InvokeChannel } from './channels'
import { Settings, SettingsPatch } from '../domain/settings'

/** What the renderer may know about the running app. */
export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  dataDir: z.string(),
  /** `electron` for the desktop app, `browser-shell` for the test/dev host. */
  host: z.enum(['electron', 'browser-shell']),
})
export type AppInfo = z.infer<typeof AppInfo>

const Empty = z.object({}).strict()

/** Cache scopes named in `cache:changed`; the renderer maps each to query keys. */
export const CacheScope = z.enum(['settings', 'accounts', 'orgs', 'products', 'users', 'teams', 'sync'])
export type CacheScope = z.infer<typeof CacheScope>

/**
 * The zod schemas of every invoke channel. One argument object per call.
 * `satisfies` makes a channel without a schema (or a schema without a channel) a compile error.
 */
export const invokeContract = {
  /** Version, platform and data directory of the running app. */
  'app:info': { input: Empty, output: AppInfo },
  /** The stored preferences (defaults filled in). */
  'settings:get': { input: Empty, output: Settings },
  /** Changes some preferences; answers the full new set. */
  'settings:set': { input: z.object({ patch: SettingsPatch }).strict(), output: Settings },
} satisfies Record<InvokeChannel, { input: z.ZodType; output: z.ZodType }>

/** Payload schemas of the events main pushes to the renderer. */
export const eventContract = {
  /** Some cached data changed; the renderer invalidates the matching queries. */
  'cache:changed': z.object({ scopes: z.array(CacheScope) }),
} satisfies Record<EventChannel, z.ZodType>

export type InvokeInput<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['input']>
export type ParsedInput<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['input']>
export type InvokeOutput<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['output']>
export type EventPayload<C extends EventChannel> = z.output<(typeof eventContract)[C]>
