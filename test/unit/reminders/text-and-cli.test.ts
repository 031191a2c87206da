import { describe, expect, it } from 'vitest'
import { REMINDER_RULES, type Reminder, type ReminderRule } from '../../../shared/domain/reminders'
import { announcementText, reminderText, TEXT_LANGUAGES } from '../../../electron/main/reminders/reminder-text'
import { parseCommandLine, UsageError } from '../../../electron/cli/args'
import { parseEvery } from '../../../electron/cli/commands/sync-watch'

const PARAMS: Record<ReminderRule, Reminder['params']> = {
  renewal_30: { productId: 1, service: 'domain', expiredAt: 1_790_000_000, date: '2026-09-21', days: 21 },
  renewal_14: { productId: 1, service: 'domain', expiredAt: 1_790_000_000, date: '2026-09-21', days: 1 },
  expired: { productId: 1, service: 'domain', expiredAt: 1_790_000_000, date: '2026-09-21', days: -2 },
  token_rejected: { account: 'Agency' },
  scope_missing: { scope: 'accounts', resources: 'teams, users', orgs: 4, account: 'Agency' },
  hygiene_high: { finding: 'no_2fa', email: 'a@example.ch', role: 'admin' },
  legal_rep_added: { email: 'heir@example.ch', role: 'owner', before: null, change: 'member_added', at: 1 },
  admin_added: { email: 'adm@example.ch', role: 'admin', before: 'normal', change: 'role_changed', at: 1 },
  invitation_stale: { email: 'late@example.ch', role: 'normal', days: 41 },
  partner_threshold: {
    currency: 'CHF',
    level: 100,
    direction: 'up',
    percent: 104,
    yearlyCents: 208_050,
    thresholdCents: 200_000,
  },
}

function reminder(rule: ReminderRule): Reminder {
  return {
    id: 1,
    rule,
    severity: 'high',
    accountId: 'acc-1',
    accountLabel: 'Agency',
    orgId: 10,
    orgName: 'Bäckerei Zürich AG',
    subject: 'bakery.ch',
    params: PARAMS[rule],
    link: '/settings',
    createdAt: 1,
    asOf: 1,
    dueAt: 1,
    deliveredAt: null,
    delivery: 'immediate',
    readAt: null,
    mutedBy: null,
  }
}

describe('reminder sentences (OS notifications, tray, CLI)', () => {
  it.each(TEXT_LANGUAGES)('every rule has a title and a body in %s, with every value filled in', (lang) => {
    for (const rule of REMINDER_RULES) {
      const { title, body } = reminderText(reminder(rule), lang)
      expect(title.length, rule).toBeGreaterThan(5)
      expect(body.length, rule).toBeGreaterThan(5)
      expect(`${title} ${body}`, rule).not.toMatch(/undefined|NaN|null|\{|\}/)
    }
  })

  it('formats money and dates for the language, and says "today" and "1 day" properly', () => {
    expect(reminderText(reminder('partner_threshold'), 'en').body).toMatch(/CHF\s?2'080\.50/)
    expect(reminderText(reminder('partner_threshold'), 'fr').body).toMatch(/2.080\.50\s?CHF|CHF\s?2.080\.50/)
    expect(reminderText(reminder('renewal_14'), 'en').title).toBe('bakery.ch expires in 1 day')
    expect(reminderText({ ...reminder('renewal_14'), params: { ...PARAMS.renewal_14, days: 0 } }, 'fr').title).toBe(
      'bakery.ch arrive à échéance aujourd’hui',
    )
    expect(reminderText(reminder('expired'), 'en').title).toMatch(/expired on 21 Sept? 2026/)
    expect(
      reminderText({ ...reminder('token_rejected'), params: { account: 'Agency', reason: 'missing' } }, 'en').title,
    ).toBe('The token of Agency cannot be found')
    // A language without a catalogue falls back to English.
    expect(reminderText(reminder('token_rejected'), 'xx').title).toBe('The token of Agency was rejected')
  })

  it('summarises an announcement of several reminders', () => {
    const many = [reminder('renewal_14'), reminder('expired'), reminder('admin_added'), reminder('token_rejected')]
    const text = announcementText(many, 6, 'en')
    expect(text.title).toBe('6 new reminders')
    expect(text.body.split('\n')).toEqual([
      'bakery.ch expires in 1 day',
      expect.stringMatching(/^bakery\.ch expired on/),
      'New administrator in Bäckerei Zürich AG',
      'and 3 more',
    ])
    expect(announcementText([reminder('token_rejected')], 1, 'en').title).toBe('The token of Agency was rejected')
  })
})

describe('CLI: reminders and sync --watch arguments', () => {
  it('parses reminders options and refuses a bad limit', () => {
    const line = parseCommandLine(['reminders', '--unread', '--mark-read', '--limit', '20', '--json'])
    expect(line.json).toBe(true)
    expect(line.command).toMatchObject({ kind: 'reminders', unread: true, markRead: true, limit: 20 })
    expect(() => parseCommandLine(['reminders', '--limit', '0'])).toThrow(UsageError)
    expect(() => parseCommandLine(['reminders', 'extra'])).toThrow(UsageError)
  })

  it('parses sync --watch with --every, and refuses --every without --watch or --org with it', () => {
    expect(parseCommandLine(['sync', '--watch', '--every', 'daily@07:30']).command).toMatchObject({
      kind: 'sync',
      watch: true,
      every: { mode: 'daily', dailyAt: '07:30' },
    })
    expect(() => parseCommandLine(['sync', '--every', 'hourly'])).toThrow(/--every goes with --watch/)
    expect(() => parseCommandLine(['sync', '--watch', '--org', '3'])).toThrow(/drop --org/)
    expect(parseEvery('6h')).toEqual({ mode: 'every6h', dailyAt: '07:00' })
    expect(parseEvery('hourly')).toEqual({ mode: 'hourly', dailyAt: '07:00' })
    expect(parseEvery('off').mode).toBe('off')
    expect(() => parseEvery('daily@25:00')).toThrow(UsageError)
  })
})
