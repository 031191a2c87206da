/**
 * Role labels in the Manager's words (`shared/domain/roles.ts` gives the key). An unknown raw value is shown as
 * itself through `raw`; `none` is for an absent value.
 */
export const rolesEn = {
  owner: 'Legal representative',
  admin: 'Administrator',
  normal: 'Collaborator',
  client: 'Client (through a partnership)',
  partner_admin: 'Partner, full access',
  partner_limited: 'Partner, limited access',
  external: 'External user',
  raw: '{{raw}}',
  none: 'No role given',
  unknown: 'Unknown role',
  readOnly: 'Read-only here: your role does not allow changes from Switchboard.',
}

export const rolesFr: typeof rolesEn = {
  owner: 'Représentant légal',
  admin: 'Administrateur',
  normal: 'Collaborateur',
  client: 'Client (via un partenariat)',
  partner_admin: 'Partenaire, accès complet',
  partner_limited: 'Partenaire, accès limité',
  external: 'Utilisateur externe',
  raw: '{{raw}}',
  none: 'Aucun rôle indiqué',
  unknown: 'Rôle inconnu',
  readOnly: 'Lecture seule ici : votre rôle ne permet pas de modifications depuis Switchboard.',
}
