import type { Page, TestInfo } from '@playwright/test'
import { startSandbox, type Sandbox } from '../../../electron/sandbox'
import { leaves } from '../../../shared/i18n/catalogue'
import { de } from '../../../renderer/src/locales/de'
import { en } from '../../../renderer/src/locales/en'
import { fr } from '../../../renderer/src/locales/fr'
import { test, expect } from '../fixtures'

let sandbox: Sandbox | undefined
test.afterEach(async () => {
  await sandbox?.stop()
  sandbox = undefined
})

// The operating system speaks Swiss German: the first start follows it.
test.use({ locale: 'de-CH' })

/** English UI texts that the other languages translate (brand names and codes stay the same everywhere). */
const ENGLISH_TEXTS = (() => {
  const french = leaves(fr)
  const german = leaves(de)
  const out = new Set<string>()
  for (const [key, value] of leaves(en)) {
    if (value.includes('{{') || !/[a-z]{3}/.test(value)) continue
    if (french.get(key) === value || german.get(key) === value) continue
    out.add(value)
  }
  return out
})()

/** Small English words that never occur in the pseudo-locale's accented text. */
const ENGLISH_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'your', 'this', 'no', 'for', 'with', 'not'])

/** Visible texts of the page (one per text node), outside inputs. */
async function visibleTexts(app: Page): Promise<string[]> {
  return app.evaluate(() => {
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? ''
      const parent = node.parentElement
      if (!text || !parent || parent.closest('script, style, [aria-hidden="true"]')) continue
      const box = parent.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      out.push(text)
    }
    return out
  })
}

/** Texts that escaped the pseudo-locale: an English catalogue text, or an English-looking sentence. */
function untranslated(texts: readonly string[]): string[] {
  return texts.filter((text) => {
    if (text.includes('⟦')) return false
    if (ENGLISH_TEXTS.has(text)) return true
    const words = text.toLowerCase().split(/[^a-z]+/)
    return words.length >= 4 && words.filter((w) => ENGLISH_WORDS.has(w)).length >= 2
  })
}

async function shoot(app: Page, testInfo: TestInfo, name: string): Promise<void> {
  await app.screenshot({ path: testInfo.outputPath(`${name}.png`) })
}

async function setLanguage(app: Page, language: 'de' | 'it' | 'es'): Promise<void> {
  await app.evaluate(async (value) => {
    const r = await window.api?.invoke('settings:set', { patch: { language: value } })
    if (!r?.ok) throw new Error('settings:set failed')
  }, language)
  await expect(app.locator('html')).toHaveAttribute('lang', language)
}

/**
 * Five languages on the main screens: the first start follows the OS locale (German), Settings
 * switches to Italian, the IPC to Spanish; then the pseudo-locale (lengthened, accented) shows that
 * no text on the main screens escapes translation or is cut off.
 */
test('first start in the OS language, German, Italian and Spanish screens, pseudo-locale', async ({
  app,
  shell,
}, testInfo) => {
  test.setTimeout(240_000)
  await expect(app.getByRole('heading', { name: 'Willkommen bei Switchboard' })).toBeVisible()
  await expect(app.locator('html')).toHaveAttribute('lang', 'de')
  await app.evaluate(async () => {
    await window.api?.invoke('settings:set', { patch: { theme: 'light' } })
  })

  sandbox = await startSandbox({
    seed: 3,
    scale: 'demo',
    orgs: 6,
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
  const org = `/org/${encodeURIComponent(accountId)}/${sandbox.data.agencyAccountId}`
  const base = app.url().replace(/[?#].*$/, '')
  const open = async (route: string, ready: (a: Page) => ReturnType<Page['getByTestId']>) => {
    await app.goto(`${base}#${route}`)
    await expect(ready(app)).toBeVisible()
  }

  // German, as the OS asked.
  await open(`${org}/overview`, (a) => a.getByTestId('stat-products'))
  await expect(app.getByRole('link', { name: 'Einstellungen' })).toBeVisible()
  await shoot(app, testInfo, 'overview-de-light')
  await open(`${org}/access`, (a) => a.getByTestId('matrix-row').first())
  await expect(app.getByRole('tab', { name: 'Arbeitsteams' })).toBeVisible()
  await shoot(app, testInfo, 'matrix-de-light')
  await open('/billing', (a) => a.getByRole('heading', { name: 'Abrechnung' }))
  await shoot(app, testInfo, 'billing-de-light')

  // Italian, chosen in Settings and remembered.
  await open('/settings', (a) => a.getByTestId('language-select'))
  await app.getByTestId('language-select').click()
  await app.getByRole('option', { name: 'Italiano' }).click()
  await expect(app.locator('html')).toHaveAttribute('lang', 'it')
  await app.reload()
  await open(`${org}/overview`, (a) => a.getByTestId('stat-products'))
  await expect(app.getByRole('link', { name: 'Impostazioni' })).toBeVisible()
  await shoot(app, testInfo, 'overview-it-light')
  await open('/billing', (a) => a.getByRole('heading', { name: 'Fatturazione' }))
  await shoot(app, testInfo, 'billing-it-light')

  await setLanguage(app, 'es')
  await open(`${org}/overview`, (a) => a.getByTestId('stat-products'))
  await expect(app.getByRole('link', { name: 'Ajustes' })).toBeVisible()
  await shoot(app, testInfo, 'overview-es-light')

  // The pseudo-locale on the main screens: every text is bracketed and accented, none is English.
  await app.goto(`${base}?pseudo#${org}/overview`)
  const screens: [string, string, (a: Page) => ReturnType<Page['getByTestId']>][] = [
    ['overview', `${org}/overview`, (a) => a.getByTestId('stat-products')],
    ['products', `${org}/products`, (a) => a.getByTestId('product-row').first()],
    ['matrix', `${org}/access`, (a) => a.getByTestId('matrix-row').first()],
    ['renewals', '/renewals', (a) => a.getByTestId('renewals-count')],
    ['billing', '/billing', (a) => a.getByTestId('period-from')],
    ['settings', '/settings', (a) => a.getByTestId('language-select')],
  ]
  const escaped: string[] = []
  for (const [name, route, ready] of screens) {
    await app.goto(`${base}?pseudo#${route}`)
    await expect(ready(app)).toBeVisible()
    await expect(app.locator('html')).toHaveAttribute('lang', 'en-XA')
    await shoot(app, testInfo, `pseudo-${name}`)
    escaped.push(...untranslated(await visibleTexts(app)).map((t) => `${name}: ${t}`))
  }
  expect(escaped).toEqual([])
})
