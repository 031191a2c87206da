import { MantineProvider } from '@mantine/core'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { createI18n } from '../../../renderer/src/app/i18n'
import { NotificationSettingsSection } from '../../../renderer/src/features/notifications/NotificationSettingsSection'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import {
  remindersQueries,
  useUpdateNotificationSettings,
} from '../../../renderer/src/features/notifications/notifications-queries'
import {
  DEFAULT_NOTIFICATION_PREFS,
  type NotificationPrefs,
  type NotificationSettings,
} from '../../../shared/domain/reminders'
import type { IpcResult } from '../../../shared/ipc/result'

const FEED = { path: '/d/calendar/switchboard-renewals.ics', writtenAt: null, events: null, error: null }

/**
 * A core that answers in order but late: each `reminders:settings-set` waits until the test releases it, and
 * `reminders:settings-get` answers what the core has applied so far (like the real one).
 */
function slowCore() {
  let prefs: NotificationPrefs = { ...DEFAULT_NOTIFICATION_PREFS }
  const pending: (() => void)[] = []
  const settings = (): NotificationSettings => ({ prefs, calendarFeed: FEED })
  window.api = {
    invoke: async (channel: string, input: unknown): Promise<IpcResult<unknown>> => {
      if (channel === 'reminders:settings-get') return { ok: true, value: settings() }
      if (channel === 'reminders:settings-set') {
        const patch = (input as { patch: Partial<NotificationPrefs> }).patch
        await new Promise<void>((release) => pending.push(release))
        prefs = { ...prefs, ...patch }
        return { ok: true, value: settings() }
      }
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', reason: 'app.unknownChannel' } }
    },
    on: () => () => undefined,
  }
  return {
    pending,
    /** Applies and answers the oldest save. */
    releaseNext: async () => {
      await waitFor(() => expect(pending.length).toBeGreaterThan(0))
      pending.shift()!()
    },
  }
}

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } })
  const key = remindersQueries.settings().queryKey
  client.setQueryData(key, { prefs: { ...DEFAULT_NOTIFICATION_PREFS }, calendarFeed: FEED })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  )
  const { result } = renderHook(() => useUpdateNotificationSettings(), { wrapper })
  const prefs = (): NotificationPrefs => client.getQueryData(key)!.prefs
  return { client, key, result, prefs }
}

describe('notification settings: two switches flipped quickly (the flaky e2e)', () => {
  afterEach(() => {
    delete window.api
  })

  it('the answer to the first save does not flip the second switch back', async () => {
    const core = slowCore()
    const { result, prefs } = setup()
    act(() => result.current.mutate({ quietHours: { ...DEFAULT_NOTIFICATION_PREFS.quietHours, enabled: true } }))
    act(() => result.current.mutate({ calendarFeed: true }))
    await waitFor(() => expect(prefs().calendarFeed).toBe(true))
    expect(prefs().quietHours.enabled).toBe(true)

    // The core answers the first save: it has not seen the second one yet.
    await act(core.releaseNext)
    await waitFor(() => expect(core.pending.length).toBe(1))
    expect(prefs().calendarFeed).toBe(true)
    expect(prefs().quietHours.enabled).toBe(true)

    await act(core.releaseNext)
    await waitFor(() => expect(result.current.isIdle || result.current.isSuccess).toBe(true))
    await waitFor(() => expect(prefs()).toMatchObject({ calendarFeed: true, quietHours: { enabled: true } }))
  })

  it('a refetch (a cache:changed event) that answers while a save is pending keeps what the user set', async () => {
    const core = slowCore()
    const { client, key, result, prefs } = setup()
    act(() => result.current.mutate({ quietHours: { ...DEFAULT_NOTIFICATION_PREFS.quietHours, enabled: true } }))
    act(() => result.current.mutate({ calendarFeed: true }))
    await waitFor(() => expect(prefs().calendarFeed).toBe(true))
    await act(core.releaseNext)
    // The core announced the first change: the renderer refetches while the second save is still pending.
    await act(() => client.refetchQueries({ queryKey: key }))
    expect(prefs().calendarFeed).toBe(true)
    await act(core.releaseNext)
    await waitFor(() => expect(client.isMutating()).toBe(0))
    // Once nothing is pending, the core's answer is the truth.
    expect(prefs()).toMatchObject({ calendarFeed: true, quietHours: { enabled: true } })
  })

  it('a failed save puts its switch back once the core answers', async () => {
    window.api = {
      invoke: async (channel: string): Promise<IpcResult<unknown>> =>
        channel === 'reminders:settings-get'
          ? { ok: true, value: { prefs: { ...DEFAULT_NOTIFICATION_PREFS }, calendarFeed: FEED } }
          : { ok: false, error: { code: 'INTERNAL', reason: 'app.internal' } },
      on: () => () => undefined,
    }
    const { result, prefs } = setup()
    act(() => result.current.mutate({ calendarFeed: true }))
    await waitFor(() => expect(result.current.isError).toBe(true))
    await waitFor(() => expect(prefs().calendarFeed).toBe(false))
  })

  it('a switch and the fields it reveals change in the click itself, before the save answers', async () => {
    const core = slowCore()
    const base = window.api!.invoke
    window.api = {
      ...window.api!,
      invoke: async (channel: string, input: unknown) =>
        channel === 'reminders:settings-get' ||
        channel === 'reminders:settings-set' ||
        channel === 'reminders:mutes' ||
        channel === 'orgs:list' ||
        channel === 'app:info'
          ? channel === 'reminders:mutes' || channel === 'orgs:list'
            ? { ok: true, value: [] }
            : channel === 'app:info'
              ? { ok: true, value: { name: 'S', version: '1', platform: 'linux', dataDir: '/d', host: 'electron' } }
              : base(channel, input)
          : { ok: false, error: { code: 'UNKNOWN_CHANNEL', reason: 'app.unknownChannel' } },
    }
    render(
      <QueryClientProvider client={new QueryClient()}>
        <I18nextProvider i18n={createI18n('en')}>
          <MantineProvider env="test">
            <NotificationSettingsSection />
          </MantineProvider>
        </I18nextProvider>
      </QueryClientProvider>,
    )
    const section = await screen.findByTestId('notification-settings')
    const quiet = await within(section).findByRole('switch', { name: /Quiet hours/ })
    const calendar = within(section).getByRole('switch', { name: /Write the renewals calendar/ })
    fireEvent.click(quiet)
    // No wait: the flip and the "from / until" fields are there when the click returns.
    expect(quiet).toBeChecked()
    expect(within(section).getByLabelText('Quiet from')).toBeInTheDocument()
    fireEvent.click(calendar)
    expect(calendar).toBeChecked()
    expect(quiet).toBeChecked()
    await act(core.releaseNext)
    expect(calendar).toBeChecked()
    await act(core.releaseNext)
    await waitFor(() => expect(within(section).getByTestId('calendar-path')).toBeInTheDocument())
    expect(quiet).toBeChecked()
    expect(calendar).toBeChecked()
  })
})
