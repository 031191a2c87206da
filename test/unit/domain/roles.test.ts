import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  KNOWN_ROLES,
  canGrantOwner,
  canManageUsers,
  describeRole,
  isPartnerClientOrg,
} from '../../../shared/domain/roles'
import { en } from '../../../renderer/src/locales/en'
import { fr } from '../../../renderer/src/locales/fr'

describe('roles', () => {
  it('maps every known value to a label and the Manager rules', () => {
    const manage = KNOWN_ROLES.filter((r) => canManageUsers(r))
    expect(manage).toEqual(['owner', 'admin', 'partner_admin'])
    expect(KNOWN_ROLES.filter((r) => canGrantOwner(r))).toEqual(['owner'])
    for (const r of KNOWN_ROLES) {
      const d = describeRole(r)
      expect(d.known).toBe(r)
      expect(d.labelKey).toBe(`roles.${r}`)
      expect(d.actions.readOnly).toBe(!manage.includes(r))
      expect(en.roles[r]).toBeTruthy()
      expect(fr.roles[r]).toBeTruthy()
    }
    expect(en.roles.owner).toBe('Legal representative')
    expect(fr.roles.owner).toBe('Représentant légal')
    expect(fr.roles.admin).toBe('Administrateur')
    expect(fr.roles.normal).toBe('Collaborateur')
  })

  it('keeps an unknown raw value, shows it readably and allows read-only use only', () => {
    const d = describeRole(' super_partner ')
    expect(d.known).toBeNull()
    expect(d.raw).toBe('super_partner')
    expect(d.labelKey).toBe('roles.raw')
    expect(d.labelParams.raw).toBe('super partner')
    expect(d.actions).toEqual({
      offboarding: false,
      teams: false,
      invitations: false,
      grantOwner: false,
      readOnly: true,
    })
    expect(describeRole(null).labelKey).toBe('roles.none')
    expect(describeRole(undefined).actions.readOnly).toBe(true)
  })

  it('never throws and never grants rights to an unknown value', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const d = describeRole(raw)
        if (d.known === null) expect(d.actions.readOnly).toBe(true)
        expect(canManageUsers(raw)).toBe(['owner', 'admin', 'partner_admin'].includes(raw.trim()))
      }),
    )
  })

  it('recognises partner-client organisations from type and partnership flags together', () => {
    expect(isPartnerClientOrg({ type: 'partner_admin' })).toBe(true)
    expect(isPartnerClientOrg({ type: 'partner_limited' })).toBe(true)
    expect(isPartnerClientOrg({ type: 'client' })).toBe(true)
    expect(isPartnerClientOrg({ type: 'admin', in_partnership_limited: true })).toBe(true)
    expect(isPartnerClientOrg({ type: 'owner', in_partnership_full_access: true })).toBe(true)
    expect(isPartnerClientOrg({ type: 'owner', in_partnership_full_access: false })).toBe(false)
    expect(isPartnerClientOrg({ type: 'external' })).toBe(false)
  })
})
