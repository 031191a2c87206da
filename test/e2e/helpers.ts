import type { Page, TestInfo } from '@playwright/test'
import { startSandbox, type Sandbox } from '../../electron/sandbox'
import type { BrowserShell } from '../shell/server'
import { expect } from './fixtures'

/** Switches the theme through the bridge (as Settings does), keeping the screen as it is. */
export async function setTheme(app: Page, theme: 'light' | 'dark'): Promise<void> {
  await app.evaluate(async (value) => {
    await window.api?.invoke('settings:set', { patch: { theme: value } })
  }, theme)
  await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme)
}

/** `<name>-light.png` and `<name>-dark.png` (1280 × 800) in the test's output folder. */
export async function shots(app: Page, testInfo: TestInfo, name: string): Promise<void> {
  await app.screenshot({ path: testInfo.outputPath(`${name}-light.png`), animations: 'disabled' })
  await setTheme(app, 'dark')
  await app.screenshot({ path: testInfo.outputPath(`${name}-dark.png`), animations: 'disabled' })
  await setTheme(app, 'light')
}

/** Long, realistic names: what a partner with hundreds of clients really has. */
const LONG_SUFFIXES = [
  ' — Département des services informatiques et de la communication',
  ' (Stiftung für Alters- und Pflegeheime im Kanton Zürich)',
  ' & Associés, Avocats-conseils en droit des affaires',
]

/**
 * A sandbox with `orgs` client organizations (a few with very long names), added to the shell through
 * the real path and synced to the end. Rate limit: 60 per second (the real rule, faster window).
 */
export async function fleetSandbox(
  shell: BrowserShell,
  o: { orgs: number; seed?: number },
): Promise<{ sandbox: Sandbox; accountId: string }> {
  const sandbox = await startSandbox({
    seed: o.seed ?? 7,
    scale: 'demo',
    orgs: o.orgs,
    settings: { rateLimit: { limit: 120, windowMs: 1_000 } },
  })
  sandbox.data.orgs.forEach((org, i) => {
    if (i % 37 === 5) org.name = `${org.name}${LONG_SUFFIXES[i % LONG_SUFFIXES.length]}`
  })
  const added = await shell.core.dispatch(
    'accounts:add',
    { token: sandbox.tokens.owner!, baseUrl: sandbox.url },
    { transport: 'test' },
  )
  if (!added.ok) throw new Error(added.error.reason)
  const accountId = (added.value as { id: string }).id
  await shell.core.whenIdle(accountId)
  return { sandbox, accountId }
}
