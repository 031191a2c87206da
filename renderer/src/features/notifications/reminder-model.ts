import type { TFunction } from 'i18next'
import type { Reminder } from '../../../../shared/domain/reminders'
import { serviceLabel } from '../../../../shared/domain/service-catalogue'
import { formatDate, formatDateTime, formatMoney, relativeTime } from '../../lib/format'

const num = (r: Reminder, key: string): number => {
  const v = r.params[key]
  return typeof v === 'number' ? v : Number(v ?? 0)
}
const str = (r: Reminder, key: string): string => {
  const v = r.params[key]
  return v === null || v === undefined ? '' : String(v)
}

function money(cents: number, currency: string, lang: string): string {
  return formatMoney(cents, currency || 'CHF', lang)
}

/** The reminder's headline and second line in the UI language. */
export function reminderMessage(t: TFunction, r: Reminder, lang: string): { title: string; detail: string } {
  const org = r.orgName ?? r.accountLabel ?? ''
  const account = str(r, 'account') || (r.accountLabel ?? '')
  const date = r.params['expiredAt'] != null ? formatDate(num(r, 'expiredAt') * 1000, lang) : ''
  const role = (raw: string) =>
    raw === 'owner' || raw === 'admin' || raw === 'normal' ? t(`notifications.roles.${raw}`) : raw
  switch (r.rule) {
    case 'renewal_30':
    case 'renewal_14': {
      const days = num(r, 'days')
      return {
        title:
          r.rule === 'renewal_14' && days <= 0
            ? t('notifications.msg.renewalToday', { subject: r.subject })
            : t(`notifications.msg.${r.rule}`, { subject: r.subject, count: days }),
        detail: t('notifications.detail.product', { service: serviceLabel(str(r, 'service'), lang), org, date }),
      }
    }
    case 'expired':
      return {
        title: t('notifications.msg.expired', { subject: r.subject, date }),
        detail: t('notifications.detail.product', { service: serviceLabel(str(r, 'service'), lang), org, date }),
      }
    case 'token_rejected':
      return {
        title:
          str(r, 'reason') === 'missing'
            ? t('notifications.msg.token_missing', { account })
            : t('notifications.msg.token_rejected', { account }),
        detail: t('notifications.detail.account', { account }),
      }
    case 'scope_missing':
      return {
        title: t('notifications.msg.scope_missing', { account, scope: str(r, 'scope') }),
        detail: t('notifications.detail.scope', { resources: str(r, 'resources'), count: num(r, 'orgs') }),
      }
    case 'hygiene_high':
      return {
        title: t('notifications.msg.hygiene_high', { subject: r.subject }),
        detail: t('notifications.detail.person', { role: role(str(r, 'role')), org, email: str(r, 'email') }),
      }
    case 'legal_rep_added':
    case 'admin_added':
      return {
        title: t(`notifications.msg.${r.rule}`, { subject: r.subject }),
        detail: t('notifications.detail.invitation', { org, email: str(r, 'email') }),
      }
    case 'invitation_stale':
      return {
        title: t('notifications.msg.invitation_stale', { subject: r.subject, count: num(r, 'days') }),
        detail: t('notifications.detail.invitation', { org, email: str(r, 'email') }),
      }
    case 'partner_threshold': {
      const currency = str(r, 'currency')
      const key =
        str(r, 'direction') === 'down' ? 'partnerBelow' : num(r, 'level') >= 100 ? 'partnerReached' : 'partnerNear'
      return {
        title: t(`notifications.msg.${key}`, { currency, percent: num(r, 'percent') }),
        detail: t('notifications.detail.partner', {
          amount: money(num(r, 'yearlyCents'), currency, lang),
          threshold: money(num(r, 'thresholdCents'), currency, lang),
        }),
      }
    }
  }
}

/** "Why am I seeing this?": the rule's reason, when and from what it was found, how it was announced. */
export function whyLines(t: TFunction, r: Reminder, lang: string, now: number): string[] {
  const date = r.params['expiredAt'] != null ? formatDate(num(r, 'expiredAt') * 1000, lang) : ''
  const lines = [
    t(`notifications.why.rule.${r.rule}`, { date, scope: str(r, 'scope') }),
    r.asOf !== null
      ? t('notifications.why.found', {
          time: relativeTime(r.createdAt, now, lang),
          asOf: relativeTime(r.asOf, now, lang),
        })
      : t('notifications.why.foundNoSync', { time: relativeTime(r.createdAt, now, lang) }),
  ]
  // Once announced, when it was says more than "at once".
  if (r.delivery !== 'immediate' || r.deliveredAt === null)
    lines.push(
      t(`notifications.why.delivery.${r.delivery}`, { time: r.dueAt !== null ? formatDateTime(r.dueAt, lang) : '' }),
    )
  if (r.deliveredAt !== null)
    lines.push(t('notifications.why.delivered', { time: formatDateTime(r.deliveredAt, lang) }))
  lines.push(t('notifications.why.once'))
  return lines
}

export const SEVERITY_COLOR: Record<Reminder['severity'], string> = { high: 'red', medium: 'orange', low: 'gray' }
