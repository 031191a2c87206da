import { startSandbox, type Sandbox } from '../../../electron/sandbox'
import { test, expect, withCache } from '../fixtures'

let sandbox: Sandbox | undefined
test.afterEach(async () => {
  await sandbox?.stop()
  sandbox = undefined
})

const EMAIL = 'zoe.recherche@example.ch'
/** Organizations written straight into the cache next to the synced ones: 1,000 in all. */
const TOTAL_ORGS = 1_000
const perfName = (n: number): string => `Perf ${String(n).padStart(3, '0')} Genève`

declare global {
  interface Window {
    /** Set by the test: resolves with the ms from the next keydown to the first option showing `expected`. */
    __switchMeasure?: Promise<number>
  }
}

test('search everywhere: 1,000 organizations stay instant, products and people open the right screen', async ({
  app,
  shell,
}, testInfo) => {
  test.setTimeout(180_000)
  sandbox = await startSandbox({
    seed: 5,
    scale: 'demo',
    orgs: 4,
    settings: { rateLimit: { limit: 60, windowMs: 1_000 } },
  })
  const agency = sandbox.data.agencyAccountId
  sandbox.control.addMember({
    accountId: agency,
    email: EMAIL,
    firstName: 'Zoé',
    lastName: 'Recherche',
    role: 'normal',
  })
  const added = await shell.core.dispatch(
    'accounts:add',
    { token: sandbox.tokens.owner!, baseUrl: sandbox.url },
    { transport: 'test' },
  )
  if (!added.ok) throw new Error(added.error.reason)
  const accountId = (added.value as { id: string }).id
  await shell.core.whenIdle(accountId)

  // Fill the fleet up to 1,000 organizations, straight into the cache (a sync of 1,000 would take minutes).
  withCache(shell, (db) => {
    const synced = (db.prepare('SELECT count(*) AS n FROM orgs WHERE account_id = ?').get(accountId) as { n: number }).n
    const insert = db.prepare(
      "INSERT INTO orgs (account_id, id, name, role, synced_at, data) VALUES (?, ?, ?, 'normal', ?, '{}')",
    )
    db.transaction(() => {
      for (let n = 0; n < TOTAL_ORGS - synced; n++) insert.run(accountId, 900_000 + n, perfName(n), Date.now())
    })()
  })
  await app.reload()
  const base = app.url().replace(/#.*$/, '')
  await app.goto(`${base}#/org/${encodeURIComponent(accountId)}/${agency}/overview`)
  await expect(app.getByTestId('org-slot')).toBeVisible()

  await app.keyboard.press('Control+k')
  const search = app.getByTestId('org-search')
  await expect(search).toBeFocused()
  await expect(app.getByTestId('switcher-count')).toHaveText("1'000 organizations")
  // The whole fleet scrolls (virtualized): only a window of rows is in the DOM.
  expect(await app.getByTestId('org-option').count()).toBeLessThan(40)
  await search.pressSequentially('perf ')
  const firstName = app.getByTestId('org-option-name').first()
  await expect(firstName).toHaveText(perfName(0))

  // Keypress → list re-rendered, measured in the page: from the keydown event to the frame after the
  // first option shows the expected organization.
  const measure = async (key: string, expected: string): Promise<number> => {
    await app.evaluate((want) => {
      window.__switchMeasure = new Promise<number>((resolve) => {
        let start = 0
        const observer = new MutationObserver(check)
        function check(): void {
          const first = document.querySelector('[data-testid="org-option-name"]')
          if (start === 0 || first?.textContent !== want) return
          observer.disconnect()
          requestAnimationFrame(() => resolve(performance.now() - start))
        }
        document.addEventListener('keydown', () => (start = performance.now()), { capture: true, once: true })
        observer.observe(document.body, { subtree: true, childList: true, characterData: true })
      })
    }, expected)
    await app.keyboard.press(key)
    return app.evaluate(() => window.__switchMeasure ?? Promise.resolve(Number.NaN))
  }
  const times: number[] = []
  for (let cycle = 0; cycle < 10; cycle++) {
    const a = 1 + (cycle % 9)
    const b = 1 + ((cycle * 3 + 1) % 9)
    times.push(await measure(String(a), perfName(a * 100)))
    times.push(await measure(String(b), perfName(a * 100 + b * 10)))
    times.push(await measure('Backspace', perfName(a * 100)))
    times.push(await measure('Backspace', perfName(0)))
  }
  expect(times.every((t) => Number.isFinite(t))).toBe(true)
  const sorted = [...times].sort((x, y) => x - y)
  const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1]!
  const median = sorted[Math.floor(sorted.length / 2)]!
  console.log(
    `switcher at ${TOTAL_ORGS} organizations, keypress → list re-rendered over ${times.length} keypresses: p95 ${p95.toFixed(1)} ms, median ${median.toFixed(1)} ms`,
  )
  console.log(`keypress times (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`)
  testInfo.annotations.push({ type: 'switcher-p95-ms', description: p95.toFixed(1) })
  // Generous: this 2-CPU CI box shares its cores with other runs (the target is 50 ms on a desktop).
  expect(p95).toBeLessThan(1_000)

  // Several groups at once: organizations and products (the screenshot of the grouped results).
  await search.fill('agence')
  await expect(app.getByTestId('switcher-list')).toHaveAttribute('aria-busy', 'false')
  await expect(app.getByTestId('switcher-group-orgs')).toContainText('Organizations')
  await expect(app.locator('[data-testid="search-option"][data-kind="product"]').first()).toBeVisible()
  await app.screenshot({ path: testInfo.outputPath('search-grouped.png') })

  // A product of the agency, by its name.
  const product = sandbox.data.products.find((p) => p.accountId === agency && /^[a-z]{4,}/i.test(p.customerName))!
  const productWord = product.customerName.slice(0, 6)
  await search.fill(productWord)
  const productOption = app
    .locator('[data-testid="search-option"][data-kind="product"]')
    .filter({ hasText: product.customerName })
    .first()
  await expect(productOption).toBeVisible()
  await expect(app.getByTestId('switcher-group-products')).toContainText('Products')
  await expect(app.getByTestId('switcher-list')).toHaveAttribute('aria-busy', 'false')
  const productIndex = Number(await productOption.getAttribute('data-index'))
  for (let i = 0; i < productIndex; i++) await search.press('ArrowDown')
  await expect(productOption).toHaveAttribute('aria-selected', 'true')
  const productRef = await productOption.getAttribute('id')
  await search.press('Enter')
  await expect(app.getByTestId('org-switcher')).toBeHidden()
  await expect(app).toHaveURL(new RegExp(`#/org/${encodeURIComponent(accountId)}/\\d+/products\\?product=\\d+$`))
  expect(productRef).toContain('-product:')
  const drawer = app.getByRole('dialog', { name: product.customerName })
  await expect(drawer).toBeVisible()
  await expect(drawer).toContainText(String(product.id))
  // The Manager link: the browser shell cannot open it, so the address is shown to copy.
  await drawer.getByTestId('open-in-manager').click()
  await expect(drawer.getByTestId('manager-url')).toContainText(
    `https://manager.infomaniak.com/v3/${product.accountId}/ng/home`,
  )
  await app.screenshot({ path: testInfo.outputPath('search-product-drawer.png') })
  await app.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await expect(app).toHaveURL(/\/products$/)

  // A person, by an accent-free prefix of her name; Enter opens her page.
  await app.keyboard.press('Control+k')
  await search.fill('zoe rech')
  const personOption = app.locator('[data-testid="search-option"][data-kind="person"]').first()
  await expect(personOption).toContainText(EMAIL)
  await expect(personOption).toContainText('Zoé Recherche')
  await expect(app.getByTestId('switcher-list')).toHaveAttribute('aria-busy', 'false')
  const personIndex = Number(await personOption.getAttribute('data-index'))
  for (let i = 0; i < personIndex; i++) await search.press('ArrowDown')
  await search.press('Enter')
  await expect(app).toHaveURL(/#\/access\/people\/zoe\.recherche%40example\.ch$/)

  // Settings: the sync panel of the account, idle after the first sync.
  await app.getByRole('link', { name: 'Settings', exact: true }).click()
  const row = app.getByTestId('account-row')
  await expect(row.getByTestId('sync-queue')).toHaveText('Up to date')
  await expect(row.getByTestId('sync-last')).toContainText('Last full sync')
  await expect(row.getByTestId('sync-account-now')).toBeEnabled()
  await expect(app.getByTestId('sync-everything')).toBeEnabled()
  await app.screenshot({ path: testInfo.outputPath('settings-sync-panel.png'), fullPage: true })
})
