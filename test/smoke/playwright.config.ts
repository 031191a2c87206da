import { defineConfig } from '@playwright/test'

/**
 * The Electron smoke test (`npm run smoke:electron`, which checks the prerequisites first and sets
 * SWITCHBOARD_SMOKE_ELECTRON). Launches the real app; no browser involved.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'electron.spec.ts',
  outputDir: '../../test-results/smoke',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 300_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
})
