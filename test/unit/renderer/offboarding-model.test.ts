import { describe, expect, it } from 'vitest'
import type { PersonOrg } from '../../../shared/domain/access'
import { offboardingChoices } from '../../../renderer/src/features/access/offboarding-model'

const org = (orgId: number, myRole: string, accountId = 'A'): PersonOrg => ({
  accountId,
  accountLabel: 'Agency',
  orgId,
  orgName: `Org ${orgId}`,
  myRole,
  memberKey: 'u:1',
  userId: 1,
  invitationId: null,
  roleType: 'normal',
  pending: false,
  billing: false,
  has2fa: null,
  lastLoginAt: null,
  invitedAt: null,
  teams: [],
  rights: [],
  asOf: null,
})

describe('offboarding choices', () => {
  it('preselects only organizations where your role can apply the plan; the others need someone else', () => {
    const c = offboardingChoices([
      org(1, 'owner'),
      org(2, 'admin'),
      org(3, 'client'),
      org(1, 'owner'),
      org(4, 'normal'),
    ])
    expect(c.preselected).toEqual(['A:1', 'A:2'])
    expect(c.choices.map((o) => o.orgId)).toEqual([1, 2])
    expect(c.needsSomeoneElse.map((o) => o.orgId)).toEqual([3, 4])
  })
})
