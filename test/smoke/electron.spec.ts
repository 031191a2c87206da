/**
 * Electron smoke test: the real app (Electron, the built out/, the Electron-ABI SQLite, keytar)
 * launched by Playwright with a temporary data folder and the in-process demo sandbox as the API.
 * Run it through `npm run smoke:electron`, which checks the prerequisites and sets
 * SWITCHBOARD_SMOKE_ELECTRON to the Electron executable.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../../electron/main/shell/csp'
import { KEYCHAIN_SERVICE } from '../../electron/main/secrets/keytar-secret-store'
import { secretKey } from '../../electron/main/services/accounts-service'
import { BINDING_FILE, electronNativeTag, NATIVE_DIR } from '../../electron/main/store/native-binding'

const root = resolve(__dirname, '../..')
const executablePath = process.env.SWITCHBOARD_SMOKE_ELECTRON
const SCREENSHOT = join(root, 'test-results', 'smoke', 'electron-app.png')

/** The main process and every process it started (Linux: /proc), to see which files they mapped. */
function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid (after the parenthesised command name).
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)])
    } catch {
      // The process ended meanwhile.
    }
  }
  const out = [pid]
  for (let i = 0; i < out.length; i++) out.push(...(parents.get(out[i]!) ?? []))
  return out
}

function mappedFiles(pids: number[]): string {
  return pids
    .map((pid) => {
      try {
        return readFileSync(`/proc/${pid}/maps`, 'utf8')
      } catch {
        return ''
      }
    })
    .join('\n')
}

async function invoke(page: Page, channel: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([c, i]) => {
      const result = await window.api?.invoke(c as Parameters<NonNullable<typeof window.api>['invoke']>[0], i)
      if (!result?.ok) throw new Error(`${c}: ${result ? result.error.code : 'no bridge'}`)
      return result.value
    },
    [channel, input] as const,
  )
}

test.skip(!executablePath, 'run through `npm run smoke:electron`')

test('the desktop app starts, is locked down, syncs the demo and keeps tokens in the keychain', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'switchboard-smoke-'))
  const keytar = (await import('keytar')).default
  let app: ElectronApplication | undefined
  let demoAccountId: string | undefined
  try {
    app = await electron.launch({
      executablePath: executablePath!,
      // Electron refuses to start as root without --no-sandbox (CI containers run as root).
      args: [root, `--user-data-dir=${userData}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: root,
      timeout: 60_000,
    })
    const page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')

    // One window, titled, showing the app origin.
    await expect(page).toHaveTitle(/Switchboard/)
    expect(page.url()).toMatch(/^app:\/\/switchboard\//)
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()))
    expect(title).toEqual([expect.stringMatching(/Switchboard/)])

    // CSP: the app:// header is ours, and it is enforced (no eval).
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'))
    expect(csp).toBe(CONTENT_SECURITY_POLICY)
    const evalBlocked = await page.evaluate(() => {
      try {
        return (0, eval)('1 + 1') !== 2
      } catch {
        return true
      }
    })
    expect(evalBlocked).toBe(true)

    // The preload exposes { invoke, on } and nothing of Node.
    const bridge = await page.evaluate(() => ({
      keys: Object.keys(window.api ?? {}).sort(),
      require: 'require' in window,
      process: 'process' in window,
      ipcRenderer: 'ipcRenderer' in window,
    }))
    expect(bridge).toEqual({ keys: ['invoke', 'on'], require: false, process: false, ipcRenderer: false })

    // The core answers, in the temporary data folder.
    const info = (await invoke(page, 'app:info', {})) as { host: string; dataDir: string; name: string }
    expect(info).toMatchObject({ host: 'electron', name: 'Switchboard', dataDir: userData })

    // SQLite opened with the Electron-ABI build: settings round-trip through it, the database
    // file exists, and (Linux) the mapped module is the prepared one, not node_modules' Node build.
    await invoke(page, 'settings:set', { patch: { theme: 'dark' } })
    expect(await invoke(page, 'settings:get', {})).toMatchObject({ theme: 'dark' })
    await invoke(page, 'settings:set', { patch: { theme: 'light' } })
    expect(readdirSync(userData).some((f) => f.endsWith('.sqlite'))).toBe(true)
    if (process.platform === 'linux') {
      const version = await app.evaluate(() => process.versions.electron)
      const prepared = join(root, NATIVE_DIR, electronNativeTag(version, process.platform, process.arch), BINDING_FILE)
      const maps = mappedFiles(processTree(app.process().pid!))
      expect(maps).toContain(prepared)
      expect(maps).not.toContain(join(root, 'node_modules', 'better-sqlite3', 'build'))
    }

    // The demo workspace (in-process sandbox on 127.0.0.1) syncs.
    await page.getByTestId('start-demo').click()
    await expect(page).toHaveURL(/#\/org\/[^/]+\/\d+\/overview/, { timeout: 60_000 })
    await expect(page.getByTestId('sync-indicator')).toHaveCount(0, { timeout: 180_000 })
    const accounts = (await invoke(page, 'accounts:list', {})) as { id: string; isDemo: boolean; state: string }[]
    const demo = accounts.find((a) => a.isDemo)
    expect(demo?.state).toBe('ok')
    demoAccountId = demo!.id
    const orgs = (await invoke(page, 'orgs:list', { accountId: demoAccountId })) as unknown[]
    expect(orgs.length).toBeGreaterThan(3)

    // keytar in Electron stored the token (and read it back for every sync request above).
    const stored = await keytar.findCredentials(KEYCHAIN_SERVICE)
    expect(stored.map((c) => c.account)).toContain(secretKey(demoAccountId))

    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.setContentSize(1280, 800))
    await page.screenshot({ path: SCREENSHOT, animations: 'disabled' })
    expect(existsSync(SCREENSHOT)).toBe(true)

    // Navigation to a foreign URL is blocked, and so is a new window.
    // Hash-route changes inside the app are navigations too: only a frame leaving app:// counts.
    const navigated = page
      .waitForEvent('framenavigated', { predicate: (f) => !f.url().startsWith('app://switchboard/'), timeout: 3_000 })
      .then(
        () => true,
        () => false,
      )
    await page.evaluate(() => {
      window.location.href = 'https://example.invalid/'
    })
    expect(await navigated).toBe(false)
    expect(page.url()).toMatch(/^app:\/\/switchboard\//)
    await page.evaluate(() => window.open('https://example.invalid/', '_blank'))
    await invoke(page, 'app:info', {})
    expect(app.windows()).toHaveLength(1)

    // Removing the account deletes its token from the keychain.
    await invoke(page, 'accounts:remove', { accountId: demoAccountId, deleteUserData: true })
    const after = await keytar.findCredentials(KEYCHAIN_SERVICE)
    expect(after.map((c) => c.account)).not.toContain(secretKey(demoAccountId))
    demoAccountId = undefined
  } finally {
    await app?.close()
    if (demoAccountId) await keytar.deletePassword(KEYCHAIN_SERVICE, secretKey(demoAccountId)).catch(() => false)
    rmSync(userData, { recursive: true, force: true })
  }
})
