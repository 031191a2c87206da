import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../../renderer/src/app/App'
import { resetOrgPrefsForTests } from '../../../renderer/src/features/orgs/org-prefs'
import type {
  HistoryRow,
  OffboardingPlan,
  PendingInvitation,
  Person,
  PersonOrg,
  PlanStep,
} from '../../../shared/domain/access'
import { account, stubDailyBridge } from './daily-fixtures'

/** Far more rows than fit on a screen: a list that renders them all fails these tests. */
const MANY = 3000
const FEW_ENOUGH = 120

const historyRow = (i: number): HistoryRow => ({
  id: i + 1,
  accountId: 'a1',
  orgId: 1 + (i % 1000),
  orgName: `Org ${1 + (i % 1000)}`,
  at: 1_700_000_000_000 - i * 60_000,
  kind: 'member_added',
  subjectKey: `u${i}`,
  subjectEmail: `person${i}@example.ch`,
  subjectName: `Person ${i}`,
  objectType: 'org',
  objectId: null,
  objectName: null,
  detail: null,
  before: null,
  after: null,
})

const invitation = (i: number): PendingInvitation => ({
  accountId: 'a1',
  orgId: 1 + (i % 1000),
  orgName: `Org ${1 + (i % 1000)}`,
  invitationId: i + 1,
  email: `invitee${i}@example.ch`,
  displayName: `Invitee ${i}`,
  roleType: 'normal',
  billing: false,
  invitedAt: 1_700_000_000,
  ageDays: 3,
})

const personOrg = (i: number): PersonOrg => ({
  accountId: 'a1',
  accountLabel: 'Partner',
  orgId: i + 1,
  orgName: `Client ${i + 1}`,
  myRole: 'owner',
  memberKey: `u:${i}`,
  userId: 42,
  invitationId: null,
  roleType: 'normal',
  pending: false,
  billing: false,
  has2fa: true,
  lastLoginAt: 1_700_000_000,
  invitedAt: null,
  teams: [],
  rights: [],
  asOf: 1_700_000_000_000,
})

describe('long access lists render only what is in view', () => {
  beforeEach(() => {
    window.localStorage.clear()
    resetOrgPrefsForTests()
  })
  afterEach(() => {
    delete window.api
    window.location.hash = ''
  })

  it('history: the newest 2,000 changes asked, a bounded number of rows in the DOM, the cap said', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => historyRow(i))
    const bridge = stubDailyBridge({ accounts: [account()] }, { 'access:history': () => ({ ok: true, value: rows }) })
    window.location.hash = '#/access/history'
    render(<App mantineEnv="test" />)
    expect(await screen.findByTestId('history-count', {}, { timeout: 5000 })).toHaveTextContent(
      'The newest 2000 changes',
    )
    const rendered = screen.getAllByTestId('history-row')
    expect(rendered.length).toBeGreaterThan(5)
    expect(rendered.length).toBeLessThan(FEW_ENOUGH)
    expect(screen.getByText('Person 0')).toBeInTheDocument()
    expect(screen.queryByText('Person 1999')).toBeNull()
    expect(screen.getByTestId('history-table')).toHaveAttribute('data-row-count', '2000')
    expect(bridge.invoke).toHaveBeenCalledWith('access:history', expect.objectContaining({ limit: 2000 }))
  })

  it('invitations of every organization: thousands, a bounded number of rows in the DOM', async () => {
    const invitations = Array.from({ length: MANY }, (_, i) => invitation(i))
    stubDailyBridge({ accounts: [account()] }, { 'access:invitations': () => ({ ok: true, value: invitations }) })
    window.location.hash = '#/access/invitations'
    render(<App mantineEnv="test" />)
    const table = await screen.findByTestId('invitations-table', {}, { timeout: 5000 })
    expect(table).toHaveAttribute('data-row-count', String(MANY))
    const rendered = screen.getAllByTestId('invitation-row')
    expect(rendered.length).toBeGreaterThan(5)
    expect(rendered.length).toBeLessThan(FEW_ENOUGH)
    expect(screen.getByText(/Invitee 0 </)).toBeInTheDocument()
  })

  it('a person in 1,000 organizations: cards, offboarding choices and plan steps are virtualized', async () => {
    const orgs = Array.from({ length: 1000 }, (_, i) => personOrg(i))
    const person: Person = { email: 'tech@partner.ch', displayName: 'Tech Staff', orgs }
    const plan: OffboardingPlan = {
      email: person.email,
      displayName: person.displayName,
      createdAt: 1,
      orgs: orgs.map((o) => ({
        accountId: o.accountId,
        orgId: o.orgId,
        orgName: o.orgName,
        myRole: 'owner',
        personRole: 'normal',
        refusal: null,
        steps: ['remove_from_team', 'remove_member'].map((kind, k) => ({
          id: `${o.orgId}-${k}`,
          accountId: o.accountId,
          orgId: o.orgId,
          kind: kind as PlanStep['kind'],
          api: true,
          teamId: null,
          teamName: 'Ops',
          invitationId: null,
          userId: 42,
          url: null,
        })),
      })),
    }
    const bridge = stubDailyBridge(
      { accounts: [account()] },
      {
        'access:person': () => ({ ok: true, value: person }),
        'access:history': () => ({ ok: true, value: [] }),
        'access:offboarding-plan': () => ({ ok: true, value: plan }),
      },
    )
    window.location.hash = `#/access/people/${encodeURIComponent(person.email)}`
    render(<App mantineEnv="test" />)
    expect(await screen.findByTestId('person-orgs', {}, { timeout: 5000 })).toHaveAttribute('data-row-count', '1000')
    const cards = screen.getAllByTestId('person-org')
    expect(cards.length).toBeGreaterThan(3)
    expect(cards.length).toBeLessThan(FEW_ENOUGH)

    await userEvent.click(screen.getByTestId('offboard-open'))
    const choices = await screen.findByTestId('offboarding-choices')
    expect(choices).toHaveAttribute('data-row-count', '1000')
    expect(choices.querySelectorAll('input[type="checkbox"]').length).toBeLessThan(FEW_ENOUGH)

    await userEvent.click(screen.getByTestId('offboarding-plan'))
    // Every organization stays chosen although most checkboxes are not in the DOM.
    await waitFor(() =>
      expect(bridge.invoke).toHaveBeenCalledWith(
        'access:offboarding-plan',
        expect.objectContaining({ targets: expect.arrayContaining([{ accountId: 'a1', orgId: 1000 }]) as unknown }),
      ),
    )
    const steps = await screen.findAllByTestId('offboarding-step')
    expect(steps.length).toBeGreaterThan(3)
    expect(steps.length).toBeLessThan(FEW_ENOUGH)
    expect(screen.getByRole('button', { name: /2000/ })).toBeInTheDocument()
  })
})
