import type { InvokeChannel } from '../../../../shared/ipc/channels'
import type { CoreServices } from '../../core'
import type { Handlers } from '../dispatch'
import type { Language } from '../../../../shared/i18n/languages'

type AccessChannel = Extract<InvokeChannel, `access:${string}`>

/** Handlers of the access channels (matrix, people, offboarding, history, hygiene, teams, invitations). */
export function accessHandlers(
  services: Pick<CoreServices, 'access' | 'files' | 'settings'>,
): Pick<Handlers, AccessChannel> {
  const a = services.access
  /** Documents default to the interface's language. */
  const language = (chosen: Language | undefined): Language => chosen ?? services.settings.get().language
  // Exports are written to disk by the core and handed over (save dialog / download), never sent over IPC.
  const files = services.files
  return {
    'access:matrix': ({ accountId, orgId }) => a.matrix(accountId, orgId),
    'access:matrix-export': async ({ accountId, orgId, format, language: chosen }) =>
      files.deliver(await a.exportMatrix(accountId, orgId, format, language(chosen))),
    'access:people-search': ({ text, limit }) => a.searchPeople(text, limit),
    'access:person': ({ email }) => a.person(email),
    'access:offboarding-plan': ({ email, targets }) => a.plan(email, targets),
    'access:offboarding-apply': ({ email, targets, confirmOrgNames }) =>
      a.applyOffboarding(email, targets, confirmOrgNames),
    'access:offboarding-run': ({ runId }) => a.run(runId),
    'access:offboarding-report': async ({ runId, format, language: chosen }) =>
      files.deliver(await a.report(runId, format, language(chosen))),
    'access:history': (filter) => a.history(filter),
    'access:hygiene': () => a.hygiene(),
    'access:teams': ({ accountId, orgId }) => a.teams.teams(accountId, orgId),
    'access:team-create': ({ accountId, orgId, ...input }) => a.teams.createTeam({ accountId, orgId }, input),
    'access:team-members': ({ accountId, orgId, ...input }) => a.teams.changeTeamMembers({ accountId, orgId }, input),
    'access:invitations': (filter) => a.teams.invitations(filter),
    'access:invite': (input) => a.teams.invite(input),
    'access:invitation-update': ({ accountId, orgId, invitationId, confirmOrgName, ...patch }) =>
      a.teams.updateInvitation({ accountId, orgId }, invitationId, patch, confirmOrgName),
    'access:invitation-cancel': ({ accountId, orgId, invitationId, confirmOrgName }) =>
      a.teams.cancelInvitation({ accountId, orgId }, invitationId, confirmOrgName),
  }
}
