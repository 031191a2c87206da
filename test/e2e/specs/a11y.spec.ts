import type { Locator, Page } from '@playwright/test'
import { startSandbox, type Sandbox } from '../../../electron/sandbox'
import { auditA11y } from '../axe'
import { test, expect } from '../fixtures'

let sandbox: Sandbox | undefined
test.afterEach(async () => {
  await sandbox?.stop()
  sandbox = undefined
})

async function setTheme(app: Page, theme: 'light' | 'dark'): Promise<void> {
  await app.evaluate(async (value) => {
    await window.api?.invoke('settings:set', { patch: { theme: value } })
  }, theme)
  await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme)
}

interface Screen {
  name: string
  /** Hash route, or an action that opens the screen from where the previous one left off. */
  open: string | ((app: Page) => Promise<void>)
  ready: (app: Page) => Locator
}

/**
 * Every main screen, light and dark, through axe-core (WCAG 2.x A/AA and best practices): the counts
 * go to test-results/e2e/axe-summary.json, and any critical or serious violation fails the test.
 */
test('every main screen passes axe-core in light and dark', async ({ app, shell }, testInfo) => {
  // 17 screens × 2 themes on a busy 2-core machine.
  test.setTimeout(420_000)
  // Onboarding (no account yet).
  await expect(app.getByRole('heading', { name: 'Welcome to Switchboard' })).toBeVisible()
  for (const scheme of ['light', 'dark'] as const) {
    await setTheme(app, scheme)
    await auditA11y(app, testInfo, 'onboarding')
  }

  sandbox = await startSandbox({
    seed: 3,
    scale: 'demo',
    orgs: 12,
    settings: { rateLimit: { limit: 60, windowMs: 1_000 } },
  })
  const added = await shell.core.dispatch(
    'accounts:add',
    { token: sandbox.tokens.owner!, baseUrl: sandbox.url },
    { transport: 'test' },
  )
  if (!added.ok) throw new Error(added.error.reason)
  const accountId = (added.value as { id: string }).id
  await shell.core.whenIdle(accountId)
  const agency = sandbox.data.agencyAccountId
  const member = sandbox.data.memberships.find((m) => m.accountId === agency)
  const person = sandbox.data.users.find((u) => u.id === member?.userId)
  if (!person) throw new Error('the agency has no member')
  const org = `/org/${encodeURIComponent(accountId)}/${agency}`
  const base = app.url().replace(/#.*$/, '')

  const screens: Screen[] = [
    { name: 'home', open: '/home', ready: (a) => a.getByTestId('home-row').first() },
    { name: 'inventory', open: '/inventory', ready: (a) => a.getByTestId('inventory-row').first() },
    { name: 'overview', open: `${org}/overview`, ready: (a) => a.getByTestId('stat-products') },
    { name: 'products', open: `${org}/products`, ready: (a) => a.getByTestId('product-row').first() },
    {
      name: 'product-drawer',
      open: async (a) => a.getByTestId('product-row').first().click(),
      ready: (a) => a.getByRole('dialog'),
    },
    { name: 'renewals', open: '/renewals', ready: (a) => a.getByTestId('renewals-count') },
    { name: 'matrix', open: `${org}/access`, ready: (a) => a.getByTestId('matrix-row').first() },
    { name: 'teams', open: `${org}/access/teams`, ready: (a) => a.getByRole('tab', { name: 'Teams', selected: true }) },
    {
      name: 'org-invitations',
      open: `${org}/access/invitations`,
      ready: (a) => a.getByRole('tab', { name: 'Invitations', selected: true }),
    },
    { name: 'people', open: '/access', ready: (a) => a.getByTestId('people-search') },
    {
      name: 'hygiene',
      open: '/access/hygiene',
      ready: (a) => a.getByTestId('hygiene-rule-row').first(),
    },
    {
      name: 'history',
      open: '/access/history',
      ready: (a) => a.getByRole('tab', { name: 'History', selected: true }),
    },
    {
      name: 'person',
      open: `/access/people/${encodeURIComponent(person.email.toLowerCase())}`,
      ready: (a) => a.getByTestId('person-org').first(),
    },
    { name: 'billing', open: '/billing', ready: (a) => a.getByRole('heading', { name: 'Billing' }) },
    { name: 'settings', open: '/settings', ready: (a) => a.getByTestId('account-row') },
    {
      name: 'switcher',
      open: async (a) => a.keyboard.press('Control+k'),
      ready: (a) => a.getByTestId('org-search'),
    },
  ]

  for (const scheme of ['light', 'dark'] as const) {
    await setTheme(app, scheme)
    for (const screen of screens) {
      if (typeof screen.open === 'string') await app.goto(`${base}#${screen.open}`)
      else await screen.open(app)
      await expect(screen.ready(app)).toBeVisible()
      await auditA11y(app, testInfo, screen.name)
      if (typeof screen.open !== 'string') await app.keyboard.press('Escape')
    }
  }
})
