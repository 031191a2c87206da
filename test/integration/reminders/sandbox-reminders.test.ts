/**
 * Reminders from real syncs: a sandbox (the fake Infomaniak API) is mutated between syncs; the
 * reminders produced are exactly the expected ones, and an unchanged sync produces none.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Reminder, RemindersAnnounced } from '../../../shared/domain/reminders'
import { syncFixture } from '../../helpers/sync'

type Fixture = Awaited<ReturnType<typeof syncFixture>>
const DAY = 86_400

describe('reminders across syncs of the sandbox', () => {
  let f: Fixture
  afterEach(async () => f?.dispose())

  it('first sync: what holds now; second: exactly what the mutations caused; third, unchanged: nothing', async () => {
    f = await syncFixture({ seed: 21, scale: 'demo', orgs: 6 })
    const { control, data } = f.sandbox
    const nowS = () => Math.floor(Date.now() / 1000)
    const agency = data.agencyAccountId
    const agencyProducts = data.products.filter((p) => p.accountId === agency)

    // A calm starting point: nothing expires soon, no invitation is old…
    control.moveExpiry({ productIds: data.products.map((p) => p.id), to: nowS() + 200 * DAY })
    for (const i of data.invitations) i.sentAt = nowS() - 2 * DAY
    // …except one product in its last 14 days and one invitation pending for 45 days.
    const [p0, p1, p2, p3] = agencyProducts
    control.updateProduct({ productId: p0!.id, expiredAt: nowS() + 10 * DAY })
    // Pending invitations in organisations where the owner token may list users (owner or admin there).
    const managed = new Set(
      [...f.sandbox.truth.orgAccess('owner').values()]
        .filter((a) => a.type === 'owner' || a.type === 'admin')
        .map((a) => a.orgId),
    )
    const pending = data.invitations.filter((i) => managed.has(i.accountId) && i.status === 'pending')
    expect(pending.length).toBeGreaterThanOrEqual(2)
    pending[0]!.sentAt = nowS() - 45 * DAY

    const announced: RemindersAnnounced[] = []
    f.core.onEvent((channel, payload) => {
      if (channel === 'reminders:new') announced.push(payload as RemindersAnnounced)
    })
    const all = (): Reminder[] => f.core.services.reminders.list({ includeMuted: true, limit: 500 }).items
    const label = (r: Reminder) => `${r.accountLabel === 'Staff' ? 'staff ' : ''}${r.rule}:${r.subject}`
    const newSince = (before: number) =>
      all()
        .filter((r) => r.id > before)
        .map(label)
        .sort()
    const maxId = () => Math.max(0, ...all().map((r) => r.id))

    // Sync 1 (accounts:add starts it): the state rules fire; change rules only take their baseline.
    const owner = await f.addAccount('owner')
    const name = (p: { customerName: string }) => p.customerName
    const inv0 = pending[0]!
    expect(newSince(0)).toEqual(
      [`invitation_stale:${inv0.firstName} ${inv0.lastName}`, `renewal_14:${name(p0!)}`].sort(),
    )
    expect(announced.map((a) => [a.digest, a.count])).toEqual([[false, 2]])
    // A second login that sees the same objects is not told again.
    const staff = await f.addAccount('staff')
    await f.core.dispatch('accounts:rename', { accountId: staff, label: 'Staff' }, { transport: 'test' })
    expect(newSince(0)).toHaveLength(2)

    // Between syncs: renewals, a new administrator without 2FA, a new legal representative,
    // an invitation turning 31 days old, the partner threshold crossed, the staff token revoked.
    const before2 = maxId()
    control.updateProduct({ productId: p1!.id, expiredAt: nowS() + 20 * DAY })
    control.updateProduct({ productId: p2!.id, expiredAt: nowS() + 5 * DAY })
    control.updateProduct({ productId: p3!.id, expiredAt: nowS() - 2 * DAY })
    const admin = control.addMember({
      accountId: agency,
      email: 'nouvel.admin@example.ch',
      firstName: 'Nouvel',
      lastName: 'Admin',
      role: 'admin',
      otp: false,
    }) as { userId: number }
    expect(admin.userId).toBeGreaterThan(0)
    const heir = data.memberships.find(
      (m) => m.accountId === agency && m.role !== 'owner' && data.users.find((u) => u.id === m.userId)?.otp === true,
    )!
    control.updateMember({ accountId: agency, userId: heir.userId, role: 'owner' })
    const heirUser = data.users.find((u) => u.id === heir.userId)!
    pending[1]!.sentAt = nowS() - 31 * DAY
    // The partner threshold: a price for the service of some client products (only client
    // organisations under a partnership count) brings their yearly total to the CHF threshold.
    const unpriced = f.core.services.billing
      .gauge(owner)
      .items.filter((i) => i.excluded === 'no_price' && i.currency === 'CHF')
    const service = unpriced[0]!.serviceName
    const count = unpriced.filter((i) => i.serviceName === service).length
    const priced = await f.core.dispatch(
      'billing:prices-set',
      {
        accountId: owner,
        entries: [{ serviceName: service, period: 'yearly', currency: 'CHF', priceCents: Math.ceil(200_000 / count) }],
      },
      { transport: 'test' },
    )
    expect(priced.ok).toBe(true)
    control.revokeToken({ name: 'staff' })

    await f.sync(owner)
    await f.sync(staff)
    expect(newSince(before2)).toEqual(
      [
        `renewal_30:${name(p1!)}`,
        `renewal_14:${name(p2!)}`,
        `expired:${name(p3!)}`,
        'admin_added:Nouvel Admin',
        'hygiene_high:Nouvel Admin',
        `legal_rep_added:${heirUser.firstName} ${heirUser.lastName}`,
        `invitation_stale:${pending[1]!.firstName} ${pending[1]!.lastName}`,
        'partner_threshold:CHF',
        'staff token_rejected:Staff',
      ].sort(),
    )
    const gauge = all().find((r) => r.rule === 'partner_threshold')!
    expect(gauge.params).toMatchObject({ direction: 'up', level: 100, percent: 100 })

    // Sync 3, nothing changed: no reminder, no announcement.
    const before3 = maxId()
    const announcements = announced.length
    await f.sync(owner)
    await f.sync(staff)
    expect(newSince(before3)).toEqual([])
    expect(announced).toHaveLength(announcements)
  })
})
