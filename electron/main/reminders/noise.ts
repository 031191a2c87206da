/**
 * Noise control, pure: which mute silences a reminder, and when it is announced (at once, at the
 * next digest, or when quiet hours end). Wall-clock times are read in `timeZone`.
 */
import type { Delivery, NotificationPrefs, ReminderRule } from '../../../shared/domain/reminders'
import { inLocalWindow, nextLocalTime } from './local-time'
import type { MuteRecord } from './reminders-repo'

export interface Subject {
  rule: ReminderRule
  accountId: string
  orgId: number | null
}

export interface NoiseContext {
  prefs: NotificationPrefs
  mutes: readonly MuteRecord[]
  timeZone: string
}

export interface DeliveryPlan {
  delivery: Delivery
  /** Null when muted. */
  dueAt: number | null
  mutedBy: number | null
}

/** True while a mute applies (no end, or an end still ahead). */
export function muteActive(m: MuteRecord, now: number): boolean {
  return m.until === null || m.until > now
}

/** The first active mute that silences `s` (global, then its rule, then its client). */
export function matchingMute(s: Subject, mutes: readonly MuteRecord[], now: number): MuteRecord | undefined {
  const active = mutes.filter((m) => muteActive(m, now))
  return (
    active.find((m) => m.scope === 'global') ??
    active.find((m) => m.scope === 'rule' && m.rule === s.rule) ??
    active.find((m) => m.scope === 'org' && m.accountId === s.accountId && s.orgId !== null && m.orgId === s.orgId)
  )
}

/** True when `at` falls in the quiet hours. */
export function inQuietHours(at: number, prefs: NotificationPrefs, timeZone: string): boolean {
  const q = prefs.quietHours
  return q.enabled && inLocalWindow(at, q.start, q.end, timeZone)
}

/** The end of the quiet hours that contain `at`, or `at` itself when none do. */
export function afterQuietHours(at: number, prefs: NotificationPrefs, timeZone: string): number {
  if (!inQuietHours(at, prefs, timeZone)) return at
  return nextLocalTime(at, prefs.quietHours.end, timeZone)
}

/** The next digest at or after `now` (strictly after when `now` is exactly a digest time already past). */
export function nextDigestAt(now: number, prefs: NotificationPrefs, timeZone: string): number {
  // `now - 1`: a reminder created exactly at the digest time joins that digest.
  return prefs.digest === 'weekly'
    ? nextLocalTime(now - 1, prefs.digestAt, timeZone, prefs.digestDay)
    : nextLocalTime(now - 1, prefs.digestAt, timeZone)
}

/** How a new reminder is announced. */
export function planDelivery(s: Subject, now: number, ctx: NoiseContext): DeliveryPlan {
  const mute = matchingMute(s, ctx.mutes, now)
  if (mute) return { delivery: 'muted', dueAt: null, mutedBy: mute.id }
  if (ctx.prefs.digest !== 'immediate') {
    const at = nextDigestAt(now, ctx.prefs, ctx.timeZone)
    return { delivery: 'digest', dueAt: afterQuietHours(at, ctx.prefs, ctx.timeZone), mutedBy: null }
  }
  if (inQuietHours(now, ctx.prefs, ctx.timeZone)) {
    return { delivery: 'quiet_hours', dueAt: afterQuietHours(now, ctx.prefs, ctx.timeZone), mutedBy: null }
  }
  return { delivery: 'immediate', dueAt: now, mutedBy: null }
}

/**
 * At delivery time, a due reminder is re-checked: a mute added since silences it; quiet hours that
 * started since (or a digest time inside them) hold it until they end.
 */
export function recheck(
  s: Subject,
  now: number,
  ctx: NoiseContext,
): { action: 'announce' } | { action: 'mute'; muteId: number } | { action: 'hold'; until: number } {
  const mute = matchingMute(s, ctx.mutes, now)
  if (mute) return { action: 'mute', muteId: mute.id }
  if (inQuietHours(now, ctx.prefs, ctx.timeZone))
    return { action: 'hold', until: afterQuietHours(now, ctx.prefs, ctx.timeZone) }
  return { action: 'announce' }
}
