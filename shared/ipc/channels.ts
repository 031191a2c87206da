/**
 * Every IPC channel name, with no imports at all.
 *
 * The sandboxed preload bundles this file to build its allowlist, so it must stay
 * dependency-free. Names follow `domain:verb`. The contract (`contract.ts`) gives each
 * channel its zod schemas; a channel listed here without a schema fails to compile.
 */
export const INVOKE_CHANNELS = [
  'app:info',
  'settings:get',
  'settings:set',
  'accounts:list',
  'accounts:add',
  'accounts:rename',
  'accounts:remove',
  'sync:start',
  'sync:cancel',
  'sync:status',
  'sync:estimate',
  'orgs:list',
  'products:list',
  'users:list',
  'renewals:list',
  'renewals:export',
  'search:query',
  'demo:start',
  'app:open-external',
  'billing:import-preview',
  'billing:import-commit',
  'billing:fetch-invoices',
  'billing:invoices',
  'billing:prices-get',
  'billing:prices-set',
  'billing:services',
  'billing:forecast',
  'billing:overview',
  'billing:profile-get',
  'billing:profile-set',
  'billing:export',
  'billing:invoice-route',
  'billing:currencies',
  'billing:currency-set',
  'billing:forecast-export',
  'billing:gauge',
  'billing:margins',
  'access:matrix',
  'access:matrix-export',
  'access:people-search',
  'access:person',
  'access:offboarding-plan',
  'access:offboarding-apply',
  'access:offboarding-run',
  'access:offboarding-report',
  'access:history',
  'access:hygiene',
  'access:teams',
  'access:team-create',
  'access:team-members',
  'access:invitations',
  'access:invite',
  'access:invitation-update',
  'access:invitation-cancel',
  'store:status',
  'store:acknowledge',
  'store:keep-recovered',
  'backups:list',
  'backups:create',
  'backups:restore',
  'logs:open-folder',
  'accounts:removal-preview',
  'accounts:removed-list',
  'accounts:delete-data',
  'offboarding:runs',
  'prefs:orgs-get',
  'prefs:orgs-set',
  'fleet:home',
  'fleet:inventory',
  'fleet:inventory-facets',
  'fleet:inventory-export',
  'fleet:views',
  'fleet:view-save',
  'fleet:view-delete',
  'hygiene:summary',
  'hygiene:findings',
  'hygiene:scores',
  'hygiene:trend',
  'hygiene:decide',
  'hygiene:reopen',
  'coverage:list',
  'diagnostics:export',
  'files:choose-import',
  'reminders:list',
  'reminders:mark-read',
  'reminders:settings-get',
  'reminders:settings-set',
  'reminders:mutes',
  'reminders:mute',
  'reminders:unmute',
  'schedule:get',
  'schedule:set',
] as const

/** Events pushed from main to the renderer. */
export const EVENT_CHANNELS = [
  'cache:changed',
  'sync:progress',
  'billing:export-progress',
  'access:progress',
  'reminders:new',
  'app:navigate',
  'app:core-status',
] as const

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number]
export type EventChannel = (typeof EVENT_CHANNELS)[number]

const invokeSet: ReadonlySet<string> = new Set(INVOKE_CHANNELS)
const eventSet: ReadonlySet<string> = new Set(EVENT_CHANNELS)

/** True when `channel` is an allowlisted invoke channel. */
export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && invokeSet.has(channel)
}

/** True when `channel` is an allowlisted event channel. */
export function isEventChannel(channel: unknown): channel is EventChannel {
  return typeof channel === 'string' && eventSet.has(channel)
}
