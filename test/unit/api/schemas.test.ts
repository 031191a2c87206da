import { describe, expect, it } from 'vitest'
import {
  OrgSchema,
  OrgUserSchema,
  InvitationSchema,
  ProductSchema,
  ProfileSchema,
  TagSchema,
  TeamSchema,
  TeamUserSchema,
} from '../../../electron/main/api/schemas'

describe('DTO schemas', () => {
  it('Profile: the §3.5 example, avatar null', () => {
    const p = ProfileSchema.parse({
      id: 26502,
      display_name: 'Jo Doe',
      first_name: 'Jo',
      last_name: 'Doe',
      email: 'jo@example.ch',
      login: 'jo@example.ch',
      avatar: null,
      is_sso: false,
      preferences: {
        account: { current_account_id: 18547 },
        language: { id: 1, short_locale: 'fr' },
        timezone: { id: 414, name: 'Europe/Zurich', gmt: '01:00' },
      },
    })
    expect(p.preferences?.timezone?.name).toBe('Europe/Zurich')
  })

  it('Account: the §6 example, partner flags, misspelled field kept, unknown fields dropped', () => {
    const a = OrgSchema.parse({
      id: 18547,
      name: 'Acme SA',
      type: 'client',
      legal_entity_type: 'company',
      created_at: 1577836800,
      logo: 'https://x/logo.png',
      billing: true,
      mailing: true,
      billing_mailing: false,
      workspace_only: false,
      no_access: false,
      partner_id: null,
      in_partnership_full_access: false,
      has_customer_paiement_method: 1,
      nb_users: 12,
      brand_new_field: { anything: 1 },
    })
    expect(a).toMatchObject({ type: 'client', has_customer_paiement_method: true, partner_id: null })
    expect('brand_new_field' in a).toBe(false)
    expect(() => OrgSchema.parse({ id: '18547', name: 'x' })).toThrow()
    expect(() => OrgSchema.parse({ id: 1, name: 'x', created_at: 1.5 })).toThrow()
  })

  it('Tag', () => {
    expect(TagSchema.parse({ id: 3, name: 'VIP', color: 2, product_count: 4 })).toMatchObject({ color: 2 })
  })

  it('Product: rights, users[].rights, tags, flags, nullable expiry', () => {
    const p = ProductSchema.parse({
      id: 98530,
      account_id: 18547,
      service_id: 23,
      service_name: 'email_hosting',
      customer_name: 'acme.ch',
      internal_name: null,
      fqdn: 'acme.ch',
      created_at: 1735859914,
      expired_at: null,
      is_trial: false,
      is_locked: false,
      has_maintenance: false,
      has_operation_in_progress: true,
      tags: [{ id: 3, name: 'VIP', color: 2 }],
      rights: { technical: true, statistic: true, check: true, sale: false },
      users: [{ user_id: 5, rights: { technical: true } }],
      admin: { user_id: 5, email: 'a@acme.ch', display_name: 'A' },
    })
    expect(p.expired_at).toBeNull()
    expect(p.users?.[0]?.rights).toEqual({ technical: true, statistic: false, check: false, sale: false })
    expect(p.has_operation_in_progress).toBe(true)
    expect(p.tags?.[0]?.name).toBe('VIP')
  })

  it('ApiOrgUser: member with security/teams expansion, pending invitee, and neither id rejected', () => {
    const member = OrgUserSchema.parse({
      user_id: 5,
      invitation_id: null,
      email: 'a@acme.ch',
      role_type: 'admin',
      state_in_account: 'valid',
      is_correspondent: true,
      is_correspondent_billing: false,
      has_billing_access: true,
      last_login_at: 1767000000,
      security: { otp: true, double_auth_method: 'otp', auth_devices: [] },
      teams: [{ id: 3, name: 'Web' }, 4],
    })
    expect(member.security).toMatchObject({ otp: true, auth_devices: [] })
    expect(member.teams).toEqual([
      { id: 3, name: 'Web' },
      { id: 4, name: null },
    ])
    const pending = OrgUserSchema.parse({
      user_id: null,
      invitation_id: 77,
      email: 'new@acme.ch',
      role_type: 'normal',
      state_in_account: 'pending',
      last_login_at: null,
    })
    expect(pending.user_id).toBeNull()
    const bad = OrgUserSchema.safeParse({ user_id: null, invitation_id: null, email: 'x' })
    expect(bad.success).toBe(false)
  })

  it('Team: owned_by_id null and permissions; TeamUser', () => {
    const t = TeamSchema.parse({
      id: 3,
      name: 'Web',
      owned_by_id: null,
      user_count: 2,
      product_count: 4,
      permissions: [
        { service_id: 14, service_name: 'domain', rights: 'technical' },
        { service_id: 23, service_name: 'email_hosting', rights: ['check', 'sale'] },
      ],
    })
    expect(t.owned_by_id).toBeNull()
    expect(t.permissions?.[1]?.rights).toEqual(['check', 'sale'])
    expect(TeamUserSchema.parse({ id: 5, display_name: 'A', last_login_at: null }).id).toBe(5)
  })

  it('Invitation', () => {
    expect(
      InvitationSchema.parse({ id: 77, status: 'pending', teams: [3], expired_at: 1767000000, url_accept: null }).teams,
    ).toEqual([{ id: 3, name: null }])
  })
})
