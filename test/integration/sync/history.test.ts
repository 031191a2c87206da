import { afterEach, describe, expect, it } from 'vitest'
import { syncFixture } from '../../helpers/sync'

type Fixture = Awaited<ReturnType<typeof syncFixture>>
type Row = {
  kind: string
  org_id: number
  subject_key: string
  object_type: string
  object_id: number | null
  detail: string | null
  before: string | null
  after: string | null
}

const norm = (rows: Row[]) =>
  rows
    .map(
      (r) =>
        `${r.kind}|${r.org_id}|${r.subject_key}|${r.object_type}|${r.object_id}|${r.detail ?? ''}|${r.before ?? ''}|${r.after ?? ''}`,
    )
    .sort()

describe('access history from sandbox mutations', () => {
  let f: Fixture
  afterEach(async () => f?.dispose())

  it('records no history on the first sync, then exactly the changes made between syncs', async () => {
    f = await syncFixture({ seed: 21, scale: 'demo', orgs: 6 })
    const accountId = await f.addAccount('owner')
    const history = () =>
      f.db
        .prepare<[string], Row>(
          'SELECT kind, org_id, subject_key, object_type, object_id, detail, before, after FROM access_history WHERE account_id = ?',
        )
        .all(accountId)
    expect(history()).toEqual([])

    const data = f.sandbox.data
    const org = data.agencyAccountId
    const members = data.memberships.filter((m) => m.accountId === org)
    const cachedProducts = new Set(
      f.db
        .prepare<[string, number], { id: number }>('SELECT id FROM products WHERE account_id = ? AND org_id = ?')
        .all(accountId, org)
        .map((r) => r.id),
    )
    const products = data.products.filter((p) => p.accountId === org && cachedProducts.has(p.id))
    const expected: string[] = []

    // 1. A new member with billing access.
    const added = f.sandbox.control.addMember({
      accountId: org,
      email: 'nouvelle.recrue@example.ch',
      firstName: 'Léa',
      lastName: "L'Eplattenier",
      role: 'normal',
      hasBillingAccess: true,
    }) as { userId: number }
    expected.push(
      `member_added|${org}|u:${added.userId}|org|${org}|||normal`,
      `billing_gained|${org}|u:${added.userId}|org|${org}|||`,
    )

    // 2. A role change (a collaborator becomes administrator, or the reverse).
    const changed = members.find((m) => m.role !== 'owner')!
    const oldRole = changed.role
    const newRole = oldRole === 'admin' ? 'normal' : 'admin'
    f.sandbox.control.updateMember({ accountId: org, userId: changed.userId, role: newRole })
    expected.push(`role_changed|${org}|u:${changed.userId}|org|${org}||${oldRole}|${newRole}`)

    // 3. A direct right granted on a product where the user had none.
    const target = members.find((m) => m.userId !== changed.userId)!
    const bare = products.find((p) => !p.users.some((u) => u.userId === target.userId))!
    f.sandbox.control.setProductRights({
      productId: bare.id,
      userId: target.userId,
      rights: { technical: true, statistic: false, check: false, sale: false },
    })
    expected.push(`right_gained|${org}|u:${target.userId}|product|${bare.id}|technical||`)

    // 4. Direct rights withdrawn.
    const holder = products
      .flatMap((p) => p.users.map((u) => ({ p, u })))
      .find(({ p, u }) => p.id !== bare.id && u.userId !== changed.userId && u.userId !== target.userId)!
    const heldRights = { ...holder.u.rights }
    f.sandbox.control.setProductRights({ productId: holder.p.id, userId: holder.u.userId, rights: null })
    for (const right of ['technical', 'statistic', 'check', 'sale'] as const) {
      if (heldRights[right]) expected.push(`right_lost|${org}|u:${holder.u.userId}|product|${holder.p.id}|${right}||`)
    }

    // 5. Someone leaves a team.
    const team = data.teams.find(
      (t) =>
        t.accountId === org &&
        t.userIds.some((u) => u !== changed.userId && u !== target.userId && u !== holder.u.userId),
    )!
    const leaver = team.userIds.find((u) => u !== changed.userId && u !== target.userId && u !== holder.u.userId)!
    f.sandbox.control.removeTeamMembers({ teamId: team.id, userIds: [leaver] })
    expected.push(`team_left|${org}|u:${leaver}|team|${team.id}|||`)

    await f.sync(accountId)
    expect(norm(history())).toEqual(expected.sort())

    // Subjects carry the e-mail and name known at the time, for the "person" view.
    const gained = f.db
      .prepare<[string, number], { subject_email: string; subject_name: string }>(
        "SELECT subject_email, subject_name FROM access_history WHERE account_id = ? AND kind = 'member_added' AND object_id = ?",
      )
      .get(accountId, org)
    expect(gained).toEqual({ subject_email: 'nouvelle.recrue@example.ch', subject_name: "Léa L'Eplattenier" })

    // A sync with no change adds nothing.
    await f.sync(accountId)
    expect(history()).toHaveLength(expected.length)
  })
})
