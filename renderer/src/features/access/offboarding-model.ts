import type { PersonOrg } from '../../../../shared/domain/access'
import { canManageUsers } from '../../../../shared/domain/roles'
import { orgKey } from '../orgs/org-key'

export interface OffboardingChoices {
  /** One entry per organization (a person can appear twice through two accounts' views). */
  choices: PersonOrg[]
  /** Preselected: where your role lets the plan be applied. */
  preselected: string[]
  /** Where your role does not allow it: someone with more rights must do it. */
  needsSomeoneElse: PersonOrg[]
}

/** Splits a person's organizations into those the plan can clean up and those it cannot. */
export function offboardingChoices(orgs: readonly PersonOrg[]): OffboardingChoices {
  const choices = [...new Map(orgs.map((o) => [orgKey(o), o])).values()]
  const manageable = choices.filter((o) => canManageUsers(o.myRole))
  return {
    choices: manageable,
    preselected: manageable.map(orgKey),
    needsSomeoneElse: choices.filter((o) => !canManageUsers(o.myRole)),
  }
}
