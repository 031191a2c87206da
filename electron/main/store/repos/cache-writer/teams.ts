import type { Team } from '../../../api/schemas'
import { json, type WriterContext } from './context'

/** `/1/accounts/{id}/teams`: teams with leader and permissions. */
export function writeTeams(c: WriterContext, orgId: number, teams: readonly Team[]): void {
  const existing = new Set(
    c
      .stmt<[string, number], { id: number }>('SELECT id FROM teams WHERE account_id = ? AND org_id = ?')
      .all(c.accountId, orgId)
      .map((r) => r.id),
  )
  const upsert = c.stmt(
    `INSERT INTO teams (account_id, org_id, id, name, owned_by_id, user_count, product_count, permissions, created_at, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id, org_id, id) DO UPDATE SET name = excluded.name, owned_by_id = excluded.owned_by_id,
       user_count = excluded.user_count, product_count = excluded.product_count, permissions = excluded.permissions,
       created_at = excluded.created_at, data = excluded.data`,
  )
  const seen = new Set<number>()
  for (const t of teams) {
    seen.add(t.id)
    upsert.run(
      c.accountId,
      orgId,
      t.id,
      t.name,
      t.owned_by_id ?? null,
      t.user_count ?? null,
      t.product_count ?? null,
      json(t.permissions ?? []),
      t.created_at ?? null,
      json({
        description: t.description ?? null,
        color_id: t.color_id ?? null,
        created_by_id: t.created_by_id ?? null,
      }),
    )
  }
  const dropTeam = c.stmt('DELETE FROM teams WHERE account_id = ? AND org_id = ? AND id = ?')
  const dropMembers = c.stmt('DELETE FROM team_members WHERE account_id = ? AND org_id = ? AND team_id = ?')
  for (const id of existing) {
    if (seen.has(id)) continue
    dropTeam.run(c.accountId, orgId, id)
    dropMembers.run(c.accountId, orgId, id)
  }
}

/** Team memberships read from each team's member list (users came without their `teams`). */
export function writeTeamMembers(
  c: WriterContext,
  orgId: number,
  teams: readonly { teamId: number; userIds: readonly number[] }[],
  baseline: boolean,
): void {
  const next = new Set<string>()
  for (const t of teams) for (const u of t.userIds) next.add(`${t.teamId}:${u}`)
  replaceTeamMembers(c, orgId, next, new Map(), baseline)
}

/**
 * Brings one organization's memberships (`team:user` keys) in line with `next`, with team_joined/team_left
 * history (not on a baseline). `teamNames` names teams the caller already knows; others are read from the cache.
 */
export function replaceTeamMembers(
  c: WriterContext,
  orgId: number,
  next: ReadonlySet<string>,
  teamNames: ReadonlyMap<number, string>,
  baseline: boolean,
): void {
  const old = new Set(
    c
      .stmt<[string, number], { team_id: number; user_id: number }>(
        'SELECT team_id, user_id FROM team_members WHERE account_id = ? AND org_id = ?',
      )
      .all(c.accountId, orgId)
      .map((r) => `${r.team_id}:${r.user_id}`),
  )
  const insert = c.stmt('INSERT INTO team_members (account_id, org_id, team_id, user_id) VALUES (?, ?, ?, ?)')
  const del = c.stmt('DELETE FROM team_members WHERE account_id = ? AND org_id = ? AND team_id = ? AND user_id = ?')
  const nameOf = c.stmt<[string, number, number], { name: string }>(
    'SELECT name FROM teams WHERE account_id = ? AND org_id = ? AND id = ?',
  )
  const teamName = (id: number): string | null => teamNames.get(id) ?? nameOf.get(c.accountId, orgId, id)?.name ?? null
  const record = (kind: 'team_joined' | 'team_left', teamId: number, userId: number): void => {
    const who = c.person(orgId, userId)
    c.history({
      orgId,
      kind,
      subjectKey: `u:${userId}`,
      subjectEmail: who.email,
      subjectName: who.name,
      objectType: 'team',
      objectId: teamId,
      objectName: teamName(teamId),
    })
  }
  for (const key of next) {
    if (old.has(key)) continue
    const [teamId, userId] = key.split(':').map(Number) as [number, number]
    insert.run(c.accountId, orgId, teamId, userId)
    if (!baseline) record('team_joined', teamId, userId)
  }
  for (const key of old) {
    if (next.has(key)) continue
    const [teamId, userId] = key.split(':').map(Number) as [number, number]
    del.run(c.accountId, orgId, teamId, userId)
    if (!baseline) record('team_left', teamId, userId)
  }
}
