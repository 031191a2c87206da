import { test, expect } from '../fixtures'

test('the frame loads with navigation and the onboarding', async ({ app }, testInfo) => {
  await expect(app.getByRole('link', { name: 'Overview' })).toBeVisible()
  for (const name of ['Home', 'All products', 'Products', 'Renewals', 'Access', 'Billing', 'Settings']) {
    await expect(app.getByRole('link', { name, exact: true })).toBeVisible()
  }
  await expect(app.getByTestId('org-slot')).toContainText('No organization selected')
  // Without any account, the Overview leads to the onboarding (token or demo).
  await expect(app.getByRole('heading', { name: 'Welcome to Switchboard' })).toBeVisible()
  await expect(app.getByRole('button', { name: 'Explore with demo data' })).toBeVisible()
  await app.screenshot({ path: testInfo.outputPath('frame-light.png') })
})

test('switching the language to French changes labels and survives a reload', async ({ app }, testInfo) => {
  await app.getByRole('link', { name: 'Settings' }).click()
  await app.getByRole('combobox', { name: 'Language' }).click()
  await app.getByRole('option', { name: 'Français' }).click()
  await expect(app.getByRole('link', { name: 'Aperçu' })).toBeVisible()
  await expect(app.getByRole('heading', { name: 'Paramètres' })).toBeVisible()
  await app.reload()
  await expect(app.getByRole('link', { name: 'Aperçu' })).toBeVisible()
  await expect(app.getByRole('link', { name: 'Renouvellements' })).toBeVisible()
  await expect(app.locator('html')).toHaveAttribute('lang', 'fr')
  await app.screenshot({ path: testInfo.outputPath('settings-fr.png') })
})

test('the dark theme applies and persists', async ({ app }, testInfo) => {
  await app.getByRole('link', { name: 'Settings' }).click()
  await app.getByText('Dark', { exact: true }).click()
  await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await app.reload()
  await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await app.getByRole('link', { name: 'Overview' }).click()
  await app.screenshot({ path: testInfo.outputPath('frame-dark.png') })
})

test('unknown routes show a way back', async ({ app }) => {
  await app.goto(app.url().replace(/#.*$/, '') + '#/nowhere')
  await expect(app.getByText('Page not found')).toBeVisible()
  await app.getByRole('button', { name: 'Back to Home' }).click()
  await expect(app.getByRole('heading', { name: 'Welcome to Switchboard' })).toBeVisible()
})
