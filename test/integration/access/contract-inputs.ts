import type Database from 'better-sqlite3'

const EMAIL = 'contract.invitee@example.ch'

/**
 * One valid call per access channel, in order, for the IPC contract test. Ids created by earlier calls
 * (invitation, team, offboarding run) are read from the cache when the call is made (getters).
 */
export function accessInputs(ids: { accountId: string; orgId: number; db: Database.Database }) {
  const { accountId, orgId, db } = ids
  const one = <T>(sql: string, ...params: unknown[]): T => {
    const row = db
      .prepare(sql)
      .pluck()
      .get(...params) as T | undefined
    if (row === undefined) throw new Error(`contract input not found: ${sql}`)
    return row
  }
  const orgName = () => one<string>('SELECT name FROM orgs WHERE account_id = ? AND id = ?', accountId, orgId)
  const invitationId = () =>
    one<number>(
      "SELECT invitation_id FROM org_users WHERE account_id = ? AND org_id = ? AND email = ? AND state = 'pending'",
      accountId,
      orgId,
      EMAIL,
    )
  const member = () =>
    one<string>(
      "SELECT email FROM org_users WHERE account_id = ? AND org_id = ? AND state = 'valid' AND role_type = 'normal' ORDER BY member_key LIMIT 1",
      accountId,
      orgId,
    )
  const runId = () =>
    one<string>(
      "SELECT json_extract(detail, '$.runId') FROM audit_log WHERE action = 'offboarding.confirmed' ORDER BY id DESC LIMIT 1",
    )
  return {
    'access:matrix': { accountId, orgId },
    'access:matrix-export': { accountId, orgId, format: 'xlsx' },
    'access:people-search': { text: 'a', limit: 5 },
    'access:history': { accountId, orgId, from: 0 },
    'access:hygiene': {},
    'access:teams': { accountId, orgId },
    'access:team-create': {
      accountId,
      orgId,
      name: 'Contract team',
      get confirmOrgName() {
        return orgName()
      },
    },
    'access:team-members': {
      accountId,
      orgId,
      get teamId() {
        return one<number>("SELECT id FROM teams WHERE account_id = ? AND name = 'Contract team'", accountId)
      },
      get add() {
        return [
          one<number>(
            "SELECT user_id FROM org_users WHERE account_id = ? AND org_id = ? AND state = 'valid' LIMIT 1",
            accountId,
            orgId,
          ),
        ]
      },
      remove: [],
      get confirmOrgName() {
        return orgName()
      },
    },
    'access:invite': {
      targets: [{ accountId, orgId }],
      email: EMAIL,
      firstName: 'Contract',
      lastName: 'Invitee',
      locale: 'en_GB',
      roleType: 'normal',
      billing: false,
      notifyProducts: true,
      notifyBilling: false,
      get confirmOrgNames() {
        return [orgName()]
      },
    },
    'access:invitations': { accountId },
    'access:invitation-update': {
      accountId,
      orgId,
      get invitationId() {
        return invitationId()
      },
      billing: true,
      get confirmOrgName() {
        return orgName()
      },
    },
    'access:invitation-cancel': {
      accountId,
      orgId,
      get invitationId() {
        return invitationId()
      },
      get confirmOrgName() {
        return orgName()
      },
    },
    'access:person': {
      get email() {
        return member()
      },
    },
    'access:offboarding-plan': {
      get email() {
        return member()
      },
      targets: [{ accountId, orgId }],
    },
    'access:offboarding-apply': {
      get email() {
        return member()
      },
      targets: [{ accountId, orgId }],
      get confirmOrgNames() {
        return [orgName()]
      },
    },
    'access:offboarding-run': {
      get runId() {
        return runId()
      },
    },
    'access:offboarding-report': {
      get runId() {
        return runId()
      },
      format: 'pdf',
    },
  } as const
}
