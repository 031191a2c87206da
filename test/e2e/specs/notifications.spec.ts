import { startSandbox, type Sandbox } from '../../../electron/sandbox'
import type { ReminderPage } from '../../../shared/domain/reminders'
import { test, expect } from '../fixtures'

const DAY = 86_400

let sandbox: Sandbox | undefined
test.afterEach(async () => {
  await sandbox?.stop()
  sandbox = undefined
})

test('reminders after two syncs: the bell, the notification centre, its settings and the sync schedule', async ({
  app,
  shell,
}, testInfo) => {
  test.setTimeout(150_000)
  sandbox = await startSandbox({
    seed: 11,
    scale: 'demo',
    orgs: 8,
    settings: { rateLimit: { limit: 60, windowMs: 1_000 } },
  })
  const { control, data } = sandbox
  const now = () => Math.floor(Date.now() / 1000)
  const agency = data.agencyAccountId
  // A calm fleet, then a few things due soon.
  control.moveExpiry({ productIds: data.products.map((p) => p.id), to: now() + 200 * DAY })
  for (const i of data.invitations) i.sentAt = now() - DAY
  const products = data.products.filter((p) => p.accountId === agency)
  control.updateProduct({ productId: products[0]!.id, expiredAt: now() + 9 * DAY })
  control.updateProduct({ productId: products[1]!.id, expiredAt: now() + 24 * DAY })

  const call = async (channel: string, input: unknown) => {
    const r = await shell.core.dispatch(channel, input, { transport: 'test' })
    if (!r.ok) throw new Error(`${channel}: ${r.error.reason}`)
    return r.value
  }
  await call('settings:set', { patch: { theme: 'light' } })
  const accountId = (
    (await call('accounts:add', { token: sandbox.tokens.owner!, baseUrl: sandbox.url, label: 'Agence Léman' })) as {
      id: string
    }
  ).id
  await shell.core.whenIdle(accountId)

  // Between syncs: an expiry passed, a new administrator without 2FA, an invitation forgotten for 40 days.
  control.updateProduct({ productId: products[2]!.id, expiredAt: now() - 3 * DAY })
  control.addMember({
    accountId: agency,
    email: 'nina.keller@example.ch',
    firstName: 'Nina',
    lastName: 'Keller',
    role: 'admin',
    otp: false,
  })
  const invitation = data.invitations.find((i) => i.accountId === agency && i.status === 'pending')
  if (invitation) invitation.sentAt = now() - 40 * DAY
  await call('sync:start', { accountId })
  await shell.core.whenIdle(accountId)
  const page = (await call('reminders:list', {})) as ReminderPage
  expect(page.items.map((r) => r.rule).sort()).toEqual(
    [
      'admin_added',
      'expired',
      'hygiene_high',
      'renewal_14',
      'renewal_30',
      ...(invitation ? ['invitation_stale'] : []),
    ].sort(),
  )

  // The bell counts them; it opens the centre.
  const base = app.url().replace(/#.*$/, '')
  await app.goto(`${base}#/overview`)
  const bell = app.getByTestId('notification-bell')
  await expect(bell).toHaveAccessibleName(`Notifications: ${page.unread} unread`)
  await bell.click()
  await expect(app.getByRole('heading', { name: 'Notifications', level: 2 })).toBeVisible()
  await expect(app.getByTestId('reminder-row')).toHaveCount(page.items.length)
  await expect(app.getByTestId('reminders-count')).toHaveText(`${page.items.length} reminders`)
  // Read one: it is no longer bold, the count drops.
  await app.getByTestId('reminder-row').nth(1).getByRole('button', { name: 'More actions for this reminder' }).click()
  await app.getByRole('menuitem', { name: 'Mark as read' }).click()
  await expect(bell).toHaveAccessibleName(`Notifications: ${page.unread - 1} unread`)
  await app.screenshot({ path: testInfo.outputPath('notifications-centre-light.png'), animations: 'disabled' })

  // Why am I seeing this?
  const row14 = app.getByTestId('reminder-row').filter({ hasText: 'expires in 9 days' })
  await row14.getByTestId('why-button').click()
  await expect(app.getByTestId('why-panel')).toContainText('automatic renewal can no longer be switched on')
  await expect(app.getByTestId('why-panel')).toContainText(/Announced (\w{3} \d+, \d{4}|\d+ \w{3} \d{4})/)
  await app.screenshot({ path: testInfo.outputPath('notifications-why-light.png'), animations: 'disabled' })
  await app.keyboard.press('Escape')

  // Opening a reminder shows the screen behind it (the product in its organisation).
  await row14.getByRole('button', { name: /^Open: / }).click()
  await expect(app).toHaveURL(/#\/org\/.+\/products\?product=\d+$/)

  // Settings: the sync schedule (daily at 07:30) and notification preferences.
  await app.goto(`${base}#/settings`)
  const schedule = app.getByTestId('sync-schedule')
  await expect(schedule.getByTestId('schedule-next')).toContainText('Next sync in')
  await schedule.getByRole('combobox', { name: 'Schedule of Agence Léman' }).click()
  await app.getByRole('option', { name: 'Daily at…' }).click()
  const time = schedule.getByLabel('Time of the daily sync of Agence Léman')
  await time.fill('07:30')
  await time.blur()
  await expect
    .poll(
      async () =>
        ((await call('schedule:get', {})) as { accounts: { schedule: { dailyAt: string } }[] }).accounts[0]!.schedule
          .dailyAt,
    )
    .toBe('07:30')
  await schedule.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await app.evaluate(() => window.scrollBy(0, -70))
  await app.screenshot({ path: testInfo.outputPath('sync-schedule-light.png'), animations: 'disabled' })

  const prefs = app.getByTestId('notification-settings')
  await prefs.getByText('Daily digest').click()
  await prefs.getByRole('switch', { name: /Quiet hours/ }).check()
  await prefs.getByRole('switch', { name: /Write the renewals calendar/ }).check()
  await expect(prefs.getByTestId('calendar-path')).toContainText('switchboard-renewals.ics')
  await prefs.getByRole('button', { name: 'Mute everything' }).click()
  await expect(prefs.getByTestId('mute-row')).toContainText('Everything')
  await prefs.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await app.evaluate(() => window.scrollBy(0, -70))
  await app.screenshot({ path: testInfo.outputPath('notifications-settings-light.png'), animations: 'disabled' })
})
