/**
 * `npm run bench -- ui [--orgs 1000] [--samples 10] [--seed 42] [--data-dir D] [--json]`
 *
 * The fleet screens as the user sees them: the browser shell (its HTTP process, the core host in its
 * own process, the built renderer) on a cache of `--orgs` organizations, driven in Debian's Chromium
 * (1280 × 800). The cache is built fast without HTTP (see _fleet-cache.ts) into a fresh data folder,
 * or reused from `--data-dir` when that folder already holds one (it is built there otherwise). The
 * account's API address is a loopback port nothing listens on: nothing leaves the machine.
 *
 * Each figure is taken in the page's own clock (performance.now), polled every animation frame:
 *   - homeFirstRender: a fresh page load of #/home → the first client row visible (from navigation start);
 *   - hygieneOpen: from Home, in-app navigation to #/access/hygiene (a link click) → the first rule group visible;
 *   - inventoryFilter: on the inventory, the click on the "Within 90 days" expiry option → the count
 *     of the new result shown and its first row visible;
 *   - matrixFirstRender: a fresh page load of the largest organization's access matrix → its first row visible;
 *   - invokeMs: the same reads through window.api alone (transport + core, no React);
 *   - hygieneAfterChange: one organization's users change in the cache (another connection, as a CLI sync
 *     would), then hygiene is opened as above (the cold case: the core's grouping is stale).
 * Goals (issue 14): home < 1 s, inventory filter < 200 ms, hygiene < 1 s, matrix < 1 s (p95).
 * A first Home load right after the core started is reported apart (`coldStart`). Needs `npm run build`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Page } from 'playwright-core'
import { explainInventory } from '../../electron/main/fleet/inventory'
import { memoryLogger } from '../../electron/main/lib/logger'
import { openStores, openStoresReadonly } from '../../electron/main/store/stores'
import { startBrowserShell, type BrowserShell } from '../shell/server'
import { buildFleetCache } from './_fleet-cache'
import { summarize } from './_stats'

const root = resolve(__dirname, '../..')
const ACCOUNT = 'acc-bench-ui'
const GOALS_MS = { homeFirstRender: 1_000, inventoryFilter: 200, hygieneOpen: 1_000, matrixFirstRender: 1_000 }
const DAY_MS = 86_400_000

const load1 = (): number => Math.round(loadavg()[0]! * 100) / 100

/** Waits (every animation frame) until `selector` has a visible element; answers the page's performance.now() then. */
async function visibleAt(page: Page, selector: string, extra?: { countNot?: string }): Promise<number> {
  const handle = await page.waitForFunction(
    ({ selector, countNot }) => {
      const el = document.querySelector(selector)
      if (!el || el.getBoundingClientRect().height === 0) return false
      if (countNot !== undefined) {
        const count = document.querySelector('[data-testid="inventory-count"]')
        const scroll = document.querySelector('[data-testid="inventory-scroll"]')
        if (!count || count.textContent === countNot || scroll?.getAttribute('aria-busy') === 'true') return false
      }
      return performance.now()
    },
    { selector, countNot: extra?.countNot },
    { polling: 'raf', timeout: 120_000 },
  )
  return (await handle.jsonValue()) as number
}

/**
 * A fresh document at `url`; answers ms from its navigation start until `selector` is visible. The
 * previous screen's last requests are let through the core first (one call through the host's queue),
 * so that a screen is timed on its own, as a user opening it does.
 */
async function freshLoad(page: Page, url: string, selector: string, shell: BrowserShell): Promise<number> {
  await page.goto('about:blank')
  await shell.core.dispatch('app:info', {}, { transport: 'test' })
  await page.goto(url, { waitUntil: 'commit' })
  return visibleAt(page, selector)
}

/** In-app navigation (as a link click) to `hash`; answers ms until `selector` is visible. */
async function navigate(page: Page, hash: string, selector: string): Promise<number> {
  const t0 = await page.evaluate((h) => {
    const start = performance.now()
    window.location.hash = h
    return start
  }, hash)
  return (await visibleAt(page, selector)) - t0
}

export default async function bench(argv: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: argv,
    options: {
      orgs: { type: 'string', default: '1000' },
      samples: { type: 'string', default: '10' },
      seed: { type: 'string', default: '42' },
      'data-dir': { type: 'string' },
      chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    },
    strict: true,
  })
  const orgCount = Number(values.orgs)
  const samples = Number(values.samples)
  if (!Number.isInteger(orgCount) || orgCount < 1) throw new Error('--orgs takes a positive integer')
  if (!Number.isInteger(samples) || samples < 1) throw new Error('--samples takes a positive integer')
  if (!existsSync(join(root, 'out/renderer/index.html')) || !existsSync(join(root, 'out/main/core-host.js')))
    throw new Error('run npm run build first (the bench serves the built renderer and core host)')

  const loadAtStart = load1()
  const dataDir = values['data-dir'] ? resolve(values['data-dir']) : mkdtempSync(join(tmpdir(), 'switchboard-ui-'))
  const temporary = !values['data-dir']
  const logger = memoryLogger()
  // ------------------------------------------------------------------ the cache
  let buildMs: unknown = 'reused'
  {
    const stores = openStores({ dataDir, logger, now: Date.now })
    try {
      const has = stores.db.prepare('SELECT count(*) AS n FROM accounts WHERE id = ?').get(ACCOUNT) as { n: number }
      if (has.n === 0) {
        // "Now" is the start of today: the core runs on the real clock, and its data must look fresh.
        const referenceTime = Math.floor(Date.now() / DAY_MS) * DAY_MS
        buildMs = buildFleetCache(stores.db, {
          orgs: orgCount,
          seed: Number(values.seed),
          referenceTime,
          accountId: ACCOUNT,
          baseUrl: 'http://127.0.0.1:9',
        }).ms
      }
    } finally {
      stores.close()
    }
  }
  const read = openStoresReadonly(dataDir)
  const counts = read
    .prepare(
      `SELECT (SELECT count(*) FROM orgs) AS organizations, (SELECT count(*) FROM products) AS products,
              (SELECT count(*) FROM org_users) AS orgUsers`,
    )
    .get() as Record<string, number>
  // The largest organization's matrix: people × products.
  const largest = read
    .prepare(
      `SELECT o.account_id AS accountId, o.id AS orgId, o.product_count AS products,
              (SELECT count(*) FROM org_users u WHERE u.account_id = o.account_id AND u.org_id = o.id) AS people
       FROM orgs o ORDER BY people * o.product_count DESC LIMIT 1`,
    )
    .get() as { accountId: string; orgId: number; products: number; people: number }
  const nowS = Math.floor(Date.now() / 1000)
  const inventoryPlan = explainInventory(read, { expiry: '90' }, nowS, 'en')
  read.close()

  // ------------------------------------------------------------------ the shell and the browser
  const shell = await startBrowserShell({
    port: 0,
    dataDir,
    rendererDir: join(root, 'out/renderer'),
    logger,
    hostEntry: 'built',
    hostLogLevel: 'error',
  })
  const browser = await chromium.launch({
    executablePath: values.chromium,
    args: [
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const times = {
    homeFirstRender: [] as number[],
    hygieneOpen: [] as number[],
    inventoryFirstRender: [] as number[],
    inventoryFilter: [] as number[],
    matrixFirstRender: [] as number[],
  }
  const coldStart: Record<string, number> = {}
  const afterChange: number[] = []
  const invokeMs: Record<string, ReturnType<typeof summarize>> = {}
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await page.goto(shell.url)
    const base = page.url().replace(/#.*$/, '')
    const home = `${base}#/home`
    const homeRow = '[data-testid="home-row"]'
    const ruleRow = '[data-testid="hygiene-rule-row"]'
    const invRow = '[data-testid="inventory-row"]'
    const matrixRow = '[data-testid="matrix-row"]'
    // Right after the core started: nothing computed yet.
    coldStart.homeFirstRender = Math.round(await freshLoad(page, home, homeRow, shell))
    coldStart.hygieneOpen = Math.round(await navigate(page, '#/access/hygiene', ruleRow))
    const matrixUrl = `${base}#/org/${encodeURIComponent(largest.accountId)}/${largest.orgId}/access/matrix`
    for (let i = 0; i < samples; i++) {
      times.homeFirstRender.push(await freshLoad(page, home, homeRow, shell))
      times.hygieneOpen.push(await navigate(page, '#/access/hygiene', ruleRow))
      times.inventoryFirstRender.push(await navigate(page, '#/inventory', invRow))
      // Apply a filter: the expiry window "Within 90 days" (the click on the option starts the clock).
      const before = (await page.getByTestId('inventory-count').textContent()) ?? ''
      await page.getByTestId('inventory-expiry').click()
      const option = page.getByRole('option', { name: 'Within 90 days' })
      await option.waitFor()
      await page.evaluate(() => {
        document.addEventListener(
          'click',
          () => {
            ;(window as unknown as { __clickAt: number }).__clickAt = performance.now()
          },
          { capture: true, once: true },
        )
      })
      await option.click()
      const shown = await visibleAt(page, invRow, { countNot: before })
      const clickAt = await page.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt)
      times.inventoryFilter.push(shown - clickAt)
      times.matrixFirstRender.push(await freshLoad(page, matrixUrl, matrixRow, shell))
    }
    // The same questions asked through window.api (HTTP → shell → core host → answer, JSON parsed):
    // what the core and the transport take, without React.
    const calls: [string, string, unknown][] = [
      ['fleetHome', 'fleet:home', {}],
      ['hygieneSummary', 'hygiene:summary', { status: 'open' }],
      ['inventoryFilter', 'fleet:inventory', { filter: { expiry: '90' }, offset: 0, limit: 200 }],
    ]
    for (const [name, channel, input] of calls) {
      const ms: number[] = []
      for (let i = 0; i < samples; i++)
        ms.push(
          await page.evaluate(
            async ({ channel, input }) => {
              const api = (window as unknown as { api: { invoke(c: string, i: unknown): Promise<unknown> } }).api
              const start = performance.now()
              await api.invoke(channel, input)
              return performance.now() - start
            },
            { channel, input },
          ),
        )
      invokeMs[name] = summarize(ms)
    }
    // One organization's users change behind the core's back (as a CLI sync would), then Hygiene opens.
    for (let i = 0; i < Math.min(samples, 3); i++) {
      const stores = openStores({ dataDir, logger, now: Date.now })
      try {
        stores.db
          .prepare(
            'UPDATE org_users SET has_2fa = 1 - has_2fa WHERE account_id = ? AND org_id = ? AND has_2fa IS NOT NULL',
          )
          .run(largest.accountId, largest.orgId)
      } finally {
        stores.close()
      }
      await freshLoad(page, home, homeRow, shell)
      afterChange.push(await navigate(page, '#/access/hygiene', ruleRow))
    }
    await context.close()
  } finally {
    await browser.close()
    await shell.stop()
    if (temporary) rmSync(dataDir, { recursive: true, force: true })
  }
  const figures = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, summarize(v)]))
  const goals = Object.fromEntries(
    Object.entries(GOALS_MS).map(([k, goal]) => [
      k,
      { goalMs: goal, p95: figures[k]!.p95, met: figures[k]!.p95 < goal },
    ]),
  )
  return {
    measured:
      'ms in the page clock (performance.now, polled every animation frame), Chromium 1280 × 800, browser shell',
    cache: { ...counts, dataDir: temporary ? 'temporary' : dataDir, buildMs },
    largestOrg: largest,
    coldStart,
    ms: figures,
    hygieneAfterChangeMs: summarize(afterChange),
    invokeMs,
    goals,
    inventoryFilterPlan: inventoryPlan,
    machine: { cpus: cpus().length, loadAverage1m: { atStart: loadAtStart, atEnd: load1() } },
  }
}
