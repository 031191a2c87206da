import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { afterEach, describe, expect, it } from 'vitest'
import { CalendarFeed, calendarFeedPath } from '../../../electron/main/reminders/calendar-feed'
import type { NotificationSettings } from '../../../shared/domain/reminders'
import { syncFixture } from '../../helpers/sync'
import { tempDir } from '../../helpers/temp'

describe('renewals calendar feed', () => {
  let f: Awaited<ReturnType<typeof syncFixture>> | undefined
  afterEach(async () => f?.dispose())

  it('writes the renewals ICS to a fixed owner-only file after every sync once switched on', async () => {
    f = await syncFixture({ seed: 4, scale: 'tiny' })
    const accountId = await f.addAccount('owner')
    const path = calendarFeedPath(f.ctx.dataDir)
    expect(existsSync(path)).toBe(false) // off by default

    const set = await f.core.dispatch(
      'reminders:settings-set',
      { patch: { calendarFeed: true } },
      { transport: 'test' },
    )
    expect(set.ok).toBe(true)
    // Switching it on writes at once.
    const state = (set as { value: NotificationSettings }).value.calendarFeed
    expect(state).toMatchObject({ path, error: null })
    expect(state.writtenAt).not.toBeNull()
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600)

    // After a sync, it holds exactly the renewals of the next year (and the last 30 days).
    const before = statSync(path).mtimeMs
    writeFileSync(path, 'stale') // a sync rewrites it
    await f.sync(accountId)
    const listed = await f.core.dispatch(
      'renewals:list',
      { withinDays: 365, includeExpiredDays: 30 },
      { transport: 'test' },
    )
    const rows = (listed as { value: unknown[] }).value
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')))
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(rows.length)
    expect(rows.length).toBeGreaterThan(0)
    expect(statSync(path).mtimeMs).toBeGreaterThanOrEqual(before)
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600)
  }, 60_000)

  it('replaces the file atomically and reports a failure instead of throwing', () => {
    const dir = tempDir()
    try {
      const path = join(dir.dir, 'calendar', 'feed.ics')
      const feed = new CalendarFeed(path, () => 1_000)
      expect(feed.state()).toEqual({ path, writtenAt: null, events: null, error: null })
      expect(feed.write(() => ({ text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', events: 0 }))).toMatchObject({
        writtenAt: 1_000,
        events: 0,
        error: null,
      })
      expect(readFileSync(path, 'utf8')).toContain('VCALENDAR')
      const failed = feed.write(() => {
        throw new Error('renewals unavailable')
      })
      expect(failed).toMatchObject({ error: 'renewals unavailable', writtenAt: 1_000 })
      expect(readFileSync(path, 'utf8')).toContain('VCALENDAR')
      // A restart knows when the file was last written.
      expect(new CalendarFeed(path, () => 2_000).state().writtenAt).not.toBeNull()
    } finally {
      dir.cleanup()
    }
  })
})
