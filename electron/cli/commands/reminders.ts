/** `reminders`: what the reminder rules found, for scripts and e-mail relays. */
import type { Reminder } from '../../../shared/domain/reminders'
import { reminderText } from '../../main/reminders/reminder-text'
import { nonEmpty, noPositionals, UsageError } from '../args'
import { defineCommand } from '../command'
import { accountFilter, noAccountsHint, safe, type Context, type Result } from '../context'
import { dateTimeFromMs, plural, table } from '../format'

export interface RemindersArgs {
  account: string | undefined
  unread: boolean
  all: boolean
  markRead: boolean
  limit: number
}

/** A reminder with its sentences in the user's language (the app's language setting). */
export type PrintedReminder = Reminder & { title: string; body: string }

export function printable(reminders: readonly Reminder[], language: string): PrintedReminder[] {
  return reminders.map((r) => ({ ...r, ...reminderText(r, language) }))
}

function listReminders(ctx: Context, args: RemindersArgs): Result {
  const account = accountFilter(ctx, args.account)
  const service = ctx.core.services.reminders
  const page = service.list({
    unreadOnly: args.unread,
    includeMuted: args.all,
    limit: args.limit,
    ...(account ? { accountId: account.id } : {}),
  })
  noAccountsHint(ctx)
  const language = ctx.core.services.settings.get().language
  const items = printable(page.items, language)
  const unread =
    args.markRead && items.length > 0
      ? service.markRead(
          items.map((r) => r.id),
          true,
        ).unread
      : page.unread
  const human =
    items.length === 0
      ? args.unread
        ? 'No unread reminder.'
        : 'No reminder.'
      : `${table(items, [
          { header: 'DATE', value: (r) => dateTimeFromMs(r.createdAt) },
          { header: 'SEVERITY', value: (r) => r.severity },
          { header: 'RULE', value: (r) => r.rule },
          { header: 'ORGANIZATION', value: (r) => r.orgName ?? r.accountLabel },
          { header: 'REMINDER', value: (r) => r.title },
          { header: 'READ', value: (r) => (r.readAt === null ? '' : 'yes') },
        ])}\n${plural(items.length, 'reminder')} of ${page.total}; ${unread} unread`
  return { json: { unread, total: page.total, reminders: items }, human: safe(human) }
}

export const reminders = defineCommand({
  kind: 'reminders',
  words: ['reminders'],
  group: 'Reminders',
  options: {
    account: { type: 'string' },
    unread: { type: 'boolean' },
    all: { type: 'boolean' },
    'mark-read': { type: 'boolean' },
    limit: { type: 'string' },
  },
  usage: `  reminders [--unread] [--all] [--account A] [--limit N] [--mark-read]
                                     Reminders (renewals, token, hygiene, access changes…), newest
                                     first, with their text; --all includes muted ones; --mark-read
                                     marks what was printed as read (for e-mail relays).`,
  parse({ positionals, values }): RemindersArgs {
    noPositionals(positionals)
    const raw = values.limit
    let limit = 100
    if (raw !== undefined) {
      if (!/^\d{1,3}$/.test(raw.trim()) || Number(raw) < 1 || Number(raw) > 500)
        throw new UsageError('--limit takes a number from 1 to 500.')
      limit = Number(raw.trim())
    }
    return {
      account: nonEmpty(values.account, 'account'),
      unread: values.unread === true,
      all: values.all === true,
      markRead: values['mark-read'] === true,
      limit,
    }
  },
  run: listReminders,
})
