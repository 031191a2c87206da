/**
 * The readable permission matrix at 1,280 × 800 on a 330 × 2,000 organisation (one page load): first render
 * time, wrapped product headers, the sticky block after a sideways scroll, the legend, keyboard and the cell
 * drawer, legal representatives' rows, the transposed layout (remembered), light and dark, axe-clean.
 */
import type { Page } from '@playwright/test'
import { seedLargeOrg } from '../../integration/access/seed'
import { auditA11y } from '../axe'
import { test, expect, withCache } from '../fixtures'

const CLIENTS = [
  'Boulangerie du Lac',
  'Fiduciaire Rochat & Associés',
  'Cabinet médical des Alpes',
  'Garage Favre Frères',
  'Atelier Lumière',
  'Association des parents d’élèves',
]

/** Realistic product names: domains and long customer names, so headers have something to wrap. */
function productName(i: number): string {
  const client = CLIENTS[i % CLIENTS.length]!
  const slug = client
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
  return i % 3 === 0 ? `${slug}-${i}.ch` : `${client} ${i}`
}

/** Sets the hash in the page and times, with performance.now(), until the first matrix row is painted. */
async function navigateAndTime(app: Page, hash: string): Promise<number> {
  return app.evaluate(async (to) => {
    const started = performance.now()
    location.hash = to
    await new Promise<void>((done) => {
      const check = () =>
        document.querySelector('[data-testid="matrix-row"]')
          ? requestAnimationFrame(() => done())
          : requestAnimationFrame(check)
      check()
    })
    return Math.round(performance.now() - started)
  }, hash)
}

async function setTheme(app: Page, theme: 'light' | 'dark'): Promise<void> {
  await app.evaluate(async (value) => {
    await window.api?.invoke('settings:set', { patch: { theme: value } })
  }, theme)
  await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme)
}

test('a readable 330 × 2,000 matrix: headers, sticky block, legend, drawer, keyboard, transposed', async ({
  app,
  shell,
}, testInfo) => {
  test.setTimeout(180_000)
  withCache(shell, (db) => {
    seedLargeOrg(db, { accountId: 'large', orgId: 777, syncedAt: Date.now() })
    const rename = db.prepare('UPDATE products SET customer_name = ? WHERE account_id = ? AND id = ?')
    db.transaction(() => {
      for (let p = 0; p < 2000; p++) rename.run(productName(p), 'large', 10_000 + p)
    })()
  })
  await app.reload() // the organization list was fetched (empty) before the seed
  await expect(app.getByRole('link', { name: 'Access' })).toBeVisible()

  // First render, measured in the page: from the navigation to the first painted matrix row.
  const firstRenderMs = await navigateAndTime(app, '#/org/large/777/access')
  testInfo.annotations.push({ type: 'matrix-first-render-ms', description: String(firstRenderMs) })
  console.log(`matrix 330 × 2,000 first render (navigation → first row painted): ${firstRenderMs} ms`)
  // The render alone: away and back, the data already in the renderer's query cache.
  await app.goto(app.url().replace(/#.*$/, '#/home'))
  await expect(app.getByTestId('matrix-row')).toHaveCount(0)
  const againMs = await navigateAndTime(app, '#/org/large/777/access')
  console.log(`matrix 330 × 2,000 render with the data cached (navigation → first row painted): ${againMs} ms`)

  // What part of it is the query (core host → IPC → renderer), warm.
  const queryMs = await app.evaluate(async () => {
    const started = performance.now()
    await window.api?.invoke('access:matrix', { accountId: 'large', orgId: 777 })
    return Math.round(performance.now() - started)
  })
  console.log(`matrix 330 × 2,000 query through IPC (warm): ${queryMs} ms`)

  const grid = app.getByTestId('access-matrix')
  await expect(app.getByTestId('matrix-summary')).toContainText('330 people × 2000 products')
  await expect(grid).toHaveAttribute('data-layout', 'people')
  // Virtualized both ways: only a window of rows and cells is in the DOM.
  expect(await app.getByTestId('matrix-row').count()).toBeLessThan(60)
  expect(await app.getByRole('gridcell').count()).toBeLessThan(1500)

  // Product headers: service name from the catalogue and the full name as the accessible name.
  const firstHeader = app.getByTestId('matrix-product-header').first()
  await expect(firstHeader).toHaveAttribute('aria-label', /^Atelier Lumière \d+ \(Hosting\)$/)
  await expect(firstHeader).toContainText('Hosting')
  const firstLabel = (await firstHeader.getAttribute('aria-label'))!
  const headerNames = await app
    .getByTestId('matrix-product-header')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))
  expect(new Set(headerNames).size).toBe(headerNames.length)
  // At 1,280 px at least six product columns are fully visible next to the sticky block.
  const gridBox = (await grid.boundingBox())!
  const visibleHeaders = await app
    .getByTestId('matrix-product-header')
    .evaluateAll(
      (els, right) => els.filter((e) => e.getBoundingClientRect().right <= right).length,
      gridBox.x + gridBox.width,
    )
  expect(visibleHeaders).toBeGreaterThanOrEqual(6)
  // The legend names every kind of cell in words.
  await expect(app.getByTestId('matrix-legend-item')).toHaveCount(5)
  await expect(app.getByTestId('matrix-legend')).toContainText('Through a team')
  await expect(app.getByTestId('matrix-legend')).toContainText('By role')
  await app.screenshot({ path: testInfo.outputPath('matrix-light.png'), animations: 'disabled' })
  await auditA11y(app, testInfo, 'matrix-readable')

  // A sideways scroll: person, role and 2FA stay side by side, none covering another.
  await grid.evaluate((el) => el.scrollTo({ left: 4_000 }))
  await expect(app.getByTestId('matrix-product-header').first()).not.toHaveAttribute('aria-label', firstLabel)
  const firstRow = app.getByTestId('matrix-row').first()
  const boxes = await firstRow.evaluate((row) =>
    [...row.children].slice(0, 3).map((c) => {
      const r = c.getBoundingClientRect()
      return { left: r.left, right: r.right }
    }),
  )
  expect(boxes[0]!.left).toBeCloseTo(gridBox.x + 1, 0)
  expect(boxes[1]!.left).toBeCloseTo(boxes[0]!.right, 0)
  expect(boxes[2]!.left).toBeCloseTo(boxes[1]!.right, 0)
  // What is drawn at the centre of the role and 2FA cells is those cells (nothing covers them).
  const uncovered = await firstRow.evaluate((row) =>
    [...row.children].slice(0, 3).every((c) => {
      const r = c.getBoundingClientRect()
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
      return hit !== null && c.contains(hit)
    }),
  )
  expect(uncovered).toBe(true)
  await expect(firstRow.getByTestId('matrix-role-cell')).toHaveText('Legal representative')
  await app.screenshot({ path: testInfo.outputPath('matrix-scrolled-light.png'), animations: 'disabled' })
  await grid.evaluate((el) => el.scrollTo({ left: 0 }))

  // Keyboard: roving focus from the first cell, arrows move, Enter explains, Esc closes and focus comes back.
  await grid.focus()
  await expect(app.locator('[data-cell="0:0"]')).toBeFocused()
  for (let i = 0; i < 3; i++) await app.keyboard.press('ArrowRight')
  const cell = app.locator('[data-cell="0:3"]')
  await expect(cell).toBeFocused()
  await expect(cell).toHaveAttribute('aria-selected', 'true')
  await expect(cell).toHaveAttribute('aria-colindex', '4')
  await app.keyboard.press('Enter')
  const drawer = app.getByTestId('matrix-cell-explanation')
  await expect(drawer).toBeVisible()
  await expect(drawer).toContainText('User 000')
  await expect(drawer).toContainText('holds every right on every product')
  await app.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await expect(cell).toBeFocused()

  // A right through a team, opened with the mouse: the drawer names the team and links to the Manager.
  await app.locator('[data-testid="matrix-cell"][data-kind="team"]').first().click()
  await expect(drawer).toBeVisible()
  await expect(drawer).toHaveAttribute('data-kind', 'team')
  await expect(app.getByTestId('matrix-cell-sources')).toContainText('Through the team Team')
  await expect(app.getByTestId('matrix-open-manager')).toBeVisible()
  await app.screenshot({ path: testInfo.outputPath('matrix-cell-drawer-light.png'), animations: 'disabled' })
  await auditA11y(app, testInfo, 'matrix-cell-drawer')
  await app.keyboard.press('Escape')
  await expect(drawer).toBeHidden()

  // Legal representatives: every product cell says "by role", none is empty.
  await app.getByTestId('matrix-role').click()
  await app.getByRole('option', { name: 'Legal representative' }).click()
  await expect(app.getByTestId('matrix-row')).toHaveCount(3)
  const kinds = await app.getByTestId('matrix-cell').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))
  expect(kinds).not.toContain('none')
  expect(kinds).toContain('role')
  await expect(app.locator('[data-testid="matrix-cell"][data-kind="role"]').first()).toContainText('by role')
  await app.screenshot({ path: testInfo.outputPath('matrix-legal-rep-light.png'), animations: 'disabled' })
  await app.getByTestId('matrix-role').click()
  await app.getByRole('option', { name: 'All roles' }).click()
  await expect(app.getByTestId('matrix-summary')).toContainText('330 people')

  // The keyboard reaches the far corner (End, PageDown) of the 330 × 2,003 grid.
  await grid.focus()
  await app.keyboard.press('End')
  for (let i = 0; i < 40; i++) await app.keyboard.press('PageDown')
  await expect(grid.locator('[aria-selected="true"]')).toHaveAttribute('aria-colindex', String(3 + 2000))
  await expect(app.getByRole('rowheader').filter({ hasText: 'invitee29@x.ch' })).toBeVisible()

  // Transposed: products as rows, people as columns; remembered across a reload.
  await app.getByTestId('matrix-layout').getByText('Products as rows').click()
  await expect(grid).toHaveAttribute('data-layout', 'products')
  await expect(app.getByTestId('matrix-product-row').first()).toContainText(firstLabel.replace(/ \(Hosting\)$/, ''))
  await expect(app.getByTestId('matrix-person-header').first()).toBeVisible()
  await app.screenshot({ path: testInfo.outputPath('matrix-transposed-light.png'), animations: 'disabled' })
  await auditA11y(app, testInfo, 'matrix-transposed')
  await app.reload()
  await expect(app.getByTestId('access-matrix')).toHaveAttribute('data-layout', 'products', { timeout: 30_000 })
  await app.getByTestId('matrix-layout').getByText('People as rows').click()
  await expect(app.getByTestId('access-matrix')).toHaveAttribute('data-layout', 'people')

  // Dark.
  await setTheme(app, 'dark')
  await expect(app.getByTestId('matrix-row').first()).toBeVisible()
  await app.screenshot({ path: testInfo.outputPath('matrix-dark.png'), animations: 'disabled' })
  await auditA11y(app, testInfo, 'matrix-readable')
})
