/**
 * Sentences for reminders shown outside the renderer: OS notifications (Electron shell), the tray and
 * the CLI (`reminders`, `sync --watch`). The renderer has its own catalogue (features/notifications).
 * Pure; dates and amounts through Intl in the user's language.
 */
import type { Reminder, ReminderParams, ReminderRule } from '../../../shared/domain/reminders'
import { serviceLabel } from '../../../shared/domain/service-catalogue'
import { formatDate, formatMoney } from '../../../shared/i18n/format'

export const TEXT_LANGUAGES = ['en', 'fr'] as const
export type TextLanguage = (typeof TEXT_LANGUAGES)[number]

export interface ReminderText {
  title: string
  body: string
}

interface Ctx {
  r: Reminder
  p: ReminderParams
  n: (key: string) => number
  s: (key: string) => string
  org: string
  /** The product's service by its catalogue name (never the raw code). */
  service: string
  money: (cents: number) => string
  date: (unixSeconds: number) => string
}

type Catalogue = {
  rules: Record<ReminderRule, (c: Ctx) => ReminderText>
  roles: Record<string, string>
  digest: (count: number) => string
  more: (count: number) => string
  tray: {
    open: string
    syncNow: string
    nextRun: (when: string) => string
    noSchedule: string
    unread: (count: number) => string
    quit: string
    tooltip: string
  }
}

const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other)

const en: Catalogue = {
  rules: {
    renewal_30: (c) => ({
      title: `${c.r.subject} expires in ${c.n('days')} ${plural(c.n('days'), 'day', 'days')}`,
      body: `${c.org} · ${c.service} · ${c.date(c.n('expiredAt'))}. Renew it, or switch automatic renewal on while more than 14 days remain.`,
    }),
    renewal_14: (c) => ({
      title:
        c.n('days') === 0
          ? `${c.r.subject} expires today`
          : `${c.r.subject} expires in ${c.n('days')} ${plural(c.n('days'), 'day', 'days')}`,
      body: `${c.org} · ${c.service} · ${c.date(c.n('expiredAt'))}. Automatic renewal can no longer be switched on: renew it in the Manager.`,
    }),
    expired: (c) => ({
      title: `${c.r.subject} expired on ${c.date(c.n('expiredAt'))}`,
      body: `${c.org} · ${c.service}. Renew it in the Manager if it is still needed.`,
    }),
    token_rejected: (c) =>
      c.s('reason') === 'missing'
        ? {
            title: `The token of ${c.s('account')} cannot be found`,
            body: 'Its keychain entry or environment variable is gone, so syncing has stopped. Add the account again in Settings.',
          }
        : {
            title: `The token of ${c.s('account')} was rejected`,
            body: 'Syncing has stopped. Create a new token in the Manager and add it again in Settings.',
          },
    scope_missing: (c) => ({
      title: `${c.s('account')}: the token lacks the "${c.s('scope')}" scope`,
      body: `Not synced: ${c.s('resources')} (${c.n('orgs')} ${plural(c.n('orgs'), 'organization', 'organizations')}). Add the scope to the token in the Manager.`,
    }),
    hygiene_high: (c) => ({
      title: `${c.r.subject} has no two-factor authentication`,
      body: `${en.roles[c.s('role')] ?? c.s('role')} of ${c.org} (${c.s('email')}).`,
    }),
    legal_rep_added: (c) => ({
      title: `New legal representative in ${c.org}`,
      body: `${c.r.subject}${c.p['email'] ? ` (${c.s('email')})` : ''}.`,
    }),
    admin_added: (c) => ({
      title: `New administrator in ${c.org}`,
      body: `${c.r.subject}${c.p['email'] ? ` (${c.s('email')})` : ''}.`,
    }),
    invitation_stale: (c) => ({
      title: `Invitation pending for ${c.n('days')} days`,
      body: `${c.r.subject} (${c.s('email')}) has not accepted the invitation to ${c.org}. Send it again or cancel it.`,
    }),
    partner_threshold: (c) =>
      c.s('direction') === 'down'
        ? {
            title: `Below the partner threshold (${c.s('currency')})`,
            body: `Managed products are now worth ${c.money(c.n('yearlyCents'))} a year; the partner program asks for ${c.money(c.n('thresholdCents'))}.`,
          }
        : c.n('level') >= 100
          ? {
              title: `Partner threshold reached (${c.s('currency')})`,
              body: `Managed products are worth ${c.money(c.n('yearlyCents'))} a year, at least the ${c.money(c.n('thresholdCents'))} the partner program asks for.`,
            }
          : {
              title: `${c.n('percent')} % of the partner threshold (${c.s('currency')})`,
              body: `Managed products are worth ${c.money(c.n('yearlyCents'))} a year of the ${c.money(c.n('thresholdCents'))} the partner program asks for.`,
            },
  },
  roles: { owner: 'Legal representative', admin: 'Administrator', normal: 'Collaborator' },
  digest: (n) => `${n} new ${plural(n, 'reminder', 'reminders')}`,
  more: (n) => `and ${n} more`,
  tray: {
    open: 'Open Switchboard',
    syncNow: 'Sync now',
    nextRun: (when) => `Next sync: ${when}`,
    noSchedule: 'No scheduled sync',
    unread: (n) => `${n} unread ${plural(n, 'reminder', 'reminders')}`,
    quit: 'Quit Switchboard',
    tooltip: 'Switchboard: syncing in the background',
  },
}

const fr: Catalogue = {
  rules: {
    renewal_30: (c) => ({
      title: `${c.r.subject} arrive à échéance dans ${c.n('days')} ${plural(c.n('days'), 'jour', 'jours')}`,
      body: `${c.org} · ${c.service} · ${c.date(c.n('expiredAt'))}. Renouvelez-le, ou activez le renouvellement automatique tant qu’il reste plus de 14 jours.`,
    }),
    renewal_14: (c) => ({
      title:
        c.n('days') === 0
          ? `${c.r.subject} arrive à échéance aujourd’hui`
          : `${c.r.subject} arrive à échéance dans ${c.n('days')} ${plural(c.n('days'), 'jour', 'jours')}`,
      body: `${c.org} · ${c.service} · ${c.date(c.n('expiredAt'))}. Le renouvellement automatique ne peut plus être activé : renouvelez-le dans le Manager.`,
    }),
    expired: (c) => ({
      title: `${c.r.subject} a expiré le ${c.date(c.n('expiredAt'))}`,
      body: `${c.org} · ${c.service}. Renouvelez-le dans le Manager s’il est encore utile.`,
    }),
    token_rejected: (c) =>
      c.s('reason') === 'missing'
        ? {
            title: `Le jeton de ${c.s('account')} est introuvable`,
            body: 'Son entrée dans le trousseau ou sa variable d’environnement a disparu : la synchronisation est arrêtée. Ajoutez à nouveau le compte dans les Réglages.',
          }
        : {
            title: `Le jeton de ${c.s('account')} a été refusé`,
            body: 'La synchronisation est arrêtée. Créez un nouveau jeton dans le Manager et ajoutez-le à nouveau dans les Réglages.',
          },
    scope_missing: (c) => ({
      title: `${c.s('account')} : il manque au jeton la portée « ${c.s('scope')} »`,
      body: `Non synchronisé : ${c.s('resources')} (${c.n('orgs')} ${plural(c.n('orgs'), 'organisation', 'organisations')}). Ajoutez la portée au jeton dans le Manager.`,
    }),
    hygiene_high: (c) => ({
      title: `${c.r.subject} n’a pas d’authentification à deux facteurs`,
      body: `${fr.roles[c.s('role')] ?? c.s('role')} de ${c.org} (${c.s('email')}).`,
    }),
    legal_rep_added: (c) => ({
      title: `Nouveau représentant légal dans ${c.org}`,
      body: `${c.r.subject}${c.p['email'] ? ` (${c.s('email')})` : ''}.`,
    }),
    admin_added: (c) => ({
      title: `Nouvel administrateur dans ${c.org}`,
      body: `${c.r.subject}${c.p['email'] ? ` (${c.s('email')})` : ''}.`,
    }),
    invitation_stale: (c) => ({
      title: `Invitation en attente depuis ${c.n('days')} jours`,
      body: `${c.r.subject} (${c.s('email')}) n’a pas accepté l’invitation à ${c.org}. Renvoyez-la ou annulez-la.`,
    }),
    partner_threshold: (c) =>
      c.s('direction') === 'down'
        ? {
            title: `Sous le seuil partenaire (${c.s('currency')})`,
            body: `Les produits gérés valent désormais ${c.money(c.n('yearlyCents'))} par an ; le programme partenaire demande ${c.money(c.n('thresholdCents'))}.`,
          }
        : c.n('level') >= 100
          ? {
              title: `Seuil partenaire atteint (${c.s('currency')})`,
              body: `Les produits gérés valent ${c.money(c.n('yearlyCents'))} par an, au moins les ${c.money(c.n('thresholdCents'))} demandés par le programme partenaire.`,
            }
          : {
              title: `${c.n('percent')} % du seuil partenaire (${c.s('currency')})`,
              body: `Les produits gérés valent ${c.money(c.n('yearlyCents'))} par an sur les ${c.money(c.n('thresholdCents'))} demandés par le programme partenaire.`,
            },
  },
  roles: { owner: 'Représentant légal', admin: 'Administrateur', normal: 'Collaborateur' },
  digest: (n) => `${n} ${plural(n, 'nouveau rappel', 'nouveaux rappels')}`,
  more: (n) => `et ${n} de plus`,
  tray: {
    open: 'Ouvrir Switchboard',
    syncNow: 'Synchroniser maintenant',
    nextRun: (when) => `Prochaine synchronisation : ${when}`,
    noSchedule: 'Aucune synchronisation planifiée',
    unread: (n) => `${n} ${plural(n, 'rappel non lu', 'rappels non lus')}`,
    quit: 'Quitter Switchboard',
    tooltip: 'Switchboard : synchronisation en arrière-plan',
  },
}

const CATALOGUES: Record<TextLanguage, Catalogue> = { en, fr }

function language(lang: string): TextLanguage {
  return (TEXT_LANGUAGES as readonly string[]).includes(lang) ? (lang as TextLanguage) : 'en'
}

export function catalogue(lang: string): Catalogue {
  return CATALOGUES[language(lang)]
}

/** Title and body of one reminder in `lang` (English for a language without a catalogue). */
export function reminderText(r: Reminder, lang: string): ReminderText {
  const l = language(lang)
  const p = r.params
  const ctx: Ctx = {
    r,
    p,
    n: (key) => {
      const v = p[key]
      return typeof v === 'number' ? v : Number(v ?? 0)
    },
    s: (key) => {
      const v = p[key]
      return v === null || v === undefined ? '' : String(v)
    },
    org: r.orgName ?? r.accountLabel ?? '',
    service: serviceLabel(typeof p['service'] === 'string' ? p['service'] : '', l),
    // The app's formats (Swiss grouping, short dates): the same as the renderer's.
    money: (cents) => formatMoney(cents, String(p['currency'] ?? 'CHF'), l),
    // Expiry dates are calendar days (UTC), whatever the machine's time zone.
    date: (s) => formatDate(new Date(s * 1000).toISOString().slice(0, 10), l),
  }
  return CATALOGUES[l].rules[r.rule](ctx)
}

/**
 * One notification for an announcement: the reminder itself when there is one, else a summary with
 * the first titles.
 */
export function announcementText(reminders: readonly Reminder[], count: number, lang: string): ReminderText {
  const first = reminders[0]
  if (count === 1 && first) return reminderText(first, lang)
  const c = catalogue(lang)
  const titles = reminders.slice(0, 3).map((r) => reminderText(r, lang).title)
  const rest = count - titles.length
  return { title: c.digest(count), body: [...titles, ...(rest > 0 ? [c.more(rest)] : [])].join('\n') }
}
