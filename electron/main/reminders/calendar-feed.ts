import { chmodSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { CalendarFeedState } from '../../../shared/domain/reminders'

/** Horizon of the calendar feed: a year ahead, and what expired in the last 30 days. */
export const FEED_WITHIN_DAYS = 365
export const FEED_EXPIRED_DAYS = 30

/** The fixed path calendar apps subscribe to. */
export function calendarFeedPath(dataDir: string): string {
  return join(dataDir, 'calendar', 'switchboard-renewals.ics')
}

/**
 * Writes the renewals calendar to a fixed file (owner-only, 0600), atomically: a calendar app
 * reading it never sees half a file. `build` returns the ICS text and its number of events.
 */
export class CalendarFeed {
  private written: { at: number; events: number } | null = null
  private error: string | null = null

  constructor(
    readonly path: string,
    private readonly now: () => number,
  ) {
    try {
      this.written = { at: Math.round(statSync(path).mtimeMs), events: -1 }
    } catch {
      this.written = null
    }
  }

  write(build: () => { text: string; events: number }): CalendarFeedState {
    const tmp = `${this.path}.${process.pid}.tmp`
    try {
      const { text, events } = build()
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 })
      writeFileSync(tmp, text, { mode: 0o600 })
      // writeFileSync's mode applies only to new files; a leftover temporary file keeps its own.
      chmodSync(tmp, 0o600)
      renameSync(tmp, this.path)
      this.written = { at: this.now(), events }
      this.error = null
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
    return this.state()
  }

  state(): CalendarFeedState {
    return {
      path: this.path,
      writtenAt: this.written?.at ?? null,
      events: this.written && this.written.events >= 0 ? this.written.events : null,
      error: this.error,
    }
  }
}
