import { startSandbox, type Sandbox } from '../../../electron/sandbox'
import { test, expect } from '../fixtures'
import { shots } from '../helpers'

let sandbox: Sandbox | undefined
test.afterEach(async () => {
  await sandbox?.stop()
  sandbox = undefined
})

const EMAIL = 'elise.depart@example.ch'

test('permission matrix filtering and the offboarding flow', async ({ app, shell }, testInfo) => {
  test.setTimeout(120_000)
  sandbox = await startSandbox({
    seed: 11,
    scale: 'demo',
    orgs: 4,
    settings: { rateLimit: { limit: 60, windowMs: 1_000 } },
  })
  const agency = sandbox.data.agencyAccountId
  const { userId } = sandbox.control.addMember({
    accountId: agency,
    email: EMAIL,
    firstName: 'Élise',
    lastName: 'Départ',
    role: 'normal',
  }) as { userId: number }
  const team = sandbox.data.teams.find((t) => t.accountId === agency)!
  sandbox.control.addTeamMembers({ teamId: team.id, userIds: [userId] })

  const added = await shell.core.dispatch(
    'accounts:add',
    { token: sandbox.tokens.owner!, baseUrl: sandbox.url },
    { transport: 'test' },
  )
  if (!added.ok) throw new Error(added.error.reason)
  const accountId = (added.value as { id: string }).id
  await shell.core.whenIdle(accountId)
  const base = app.url().replace(/#.*$/, '')

  // The matrix of the agency.
  await app.goto(`${base}#/org/${encodeURIComponent(accountId)}/${agency}/access`)
  const grid = app.getByTestId('access-matrix')
  await expect(grid).toBeVisible()
  const rows = app.getByTestId('matrix-row')
  await expect(rows.first()).toBeVisible()
  const all = await rows.count()
  await app.screenshot({ path: testInfo.outputPath('matrix.png') })

  // Filter by role: collaborators only.
  await app.getByTestId('matrix-role').click()
  await app.getByRole('option', { name: 'Collaborator' }).click()
  await expect(async () => expect(await rows.count()).toBeLessThan(all)).toPass()
  await expect(app.getByRole('rowheader').filter({ hasText: 'Élise Départ' })).toBeVisible()

  // Text filter, then "lacks access" hides her (she has rights through her team).
  await app.getByTestId('matrix-search').fill('elise')
  await expect(rows).toHaveCount(1)
  await expect(app.getByTestId('matrix-summary')).toContainText('1 people')
  await app.getByTestId('matrix-access').getByText('Lacks access').click()
  await expect(rows).toHaveCount(0)
  await app.getByTestId('matrix-access').getByText('Has access').click()
  await expect(rows).toHaveCount(1)
  await app.screenshot({ path: testInfo.outputPath('matrix-filtered.png') })

  // Keyboard navigation moves the focused cell.
  await grid.focus()
  await app.keyboard.press('ArrowRight')
  await app.keyboard.press('ArrowRight')
  await expect(grid.locator('[aria-selected="true"]')).toHaveAttribute('aria-colindex', '3')

  // People search → person page → offboarding.
  await app.goto(`${base}#/access`)
  await app.getByTestId('people-search').fill('départ')
  await app.getByTestId('person-hit').filter({ hasText: EMAIL }).click()
  await expect(app.getByRole('heading', { name: 'Élise Départ' })).toBeVisible()
  await expect(app.getByTestId('person-org')).toHaveCount(1)
  await app.getByTestId('offboard-open').click()
  await app.getByTestId('offboarding-plan').click()
  const steps = app.getByTestId('offboarding-step')
  await expect(steps).toHaveCount(2)
  await expect(steps.filter({ hasText: 'Remove from team' })).toHaveCount(1)
  await expect(steps.filter({ hasText: 'Open in the Manager' })).toHaveCount(1)
  await shots(app, testInfo, 'offboarding-plan')

  await app.getByTestId('offboarding-apply').click()
  const confirm = app.getByTestId('confirm-apply')
  await expect(confirm).toBeDisabled()
  await app.getByRole('dialog').getByRole('checkbox').check()
  await shots(app, testInfo, 'offboarding-confirm')
  await confirm.click()
  await expect(app.getByTestId('offboarding-done')).toBeVisible({ timeout: 60_000 })
  await expect(app.getByTestId('offboarding-done')).toContainText('1 applied, 1 verified')
  expect(sandbox.data.teams.find((t) => t.id === team.id)!.userIds).not.toContain(userId)
  await app.screenshot({ path: testInfo.outputPath('offboarding-done.png'), fullPage: true })
})
