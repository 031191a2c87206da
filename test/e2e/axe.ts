import { AxeBuilder } from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import { expect } from '@playwright/test'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

/** Where every e2e run collects its accessibility figures (the e2e output folder, cleaned per run). */
export const AXE_SUMMARY = resolve(__dirname, '../../test-results/e2e/axe-summary.json')

export type Impact = 'critical' | 'serious' | 'moderate' | 'minor'
export type ImpactCounts = Record<Impact, number>
export type AxeSummary = Record<string, ImpactCounts>

const IMPACTS: readonly Impact[] = ['critical', 'serious', 'moderate', 'minor']

/** WCAG 2.0/2.1/2.2 A and AA rules plus axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

function readSummary(): AxeSummary {
  try {
    return JSON.parse(readFileSync(AXE_SUMMARY, 'utf8')) as AxeSummary
  } catch {
    return {}
  }
}

/** Adds (or replaces) one screen's counts in the shared summary file (e2e runs with one worker). */
export function recordAxe(screen: string, counts: ImpactCounts): void {
  const summary = readSummary()
  summary[screen] = counts
  mkdirSync(dirname(AXE_SUMMARY), { recursive: true })
  const sorted = Object.fromEntries(Object.entries(summary).sort(([a], [b]) => a.localeCompare(b)))
  writeFileSync(AXE_SUMMARY, `${JSON.stringify(sorted, null, 2)}\n`)
}

/**
 * Runs axe-core on the page as it is, records the violations per impact (one per offending node) under
 * `<screen>-<scheme>`, attaches the details to the report, and fails on any critical or serious one.
 */
export async function auditA11y(page: Page, testInfo: TestInfo, screen: string): Promise<ImpactCounts> {
  const scheme = (await page.locator('html').getAttribute('data-mantine-color-scheme')) ?? 'light'
  const name = `${screen}-${scheme}`
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  const counts: ImpactCounts = { critical: 0, serious: 0, moderate: 0, minor: 0 }
  for (const v of results.violations) {
    const impact = (v.impact ?? 'minor') as Impact
    if (IMPACTS.includes(impact)) counts[impact] += v.nodes.length
  }
  recordAxe(name, counts)
  const blocking = results.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }))
  const detailsFile = resolve(dirname(AXE_SUMMARY), 'axe-details', `${name}.json`)
  mkdirSync(dirname(detailsFile), { recursive: true })
  writeFileSync(
    detailsFile,
    JSON.stringify(
      results.violations.map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target.join(' '),
          html: n.html.slice(0, 200),
          summary: n.failureSummary,
        })),
      })),
      null,
      2,
    ),
  )
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  })
  expect.soft(blocking, `axe: critical or serious violations on ${name}`).toEqual([])
  return counts
}
