/**
 * Terms shown both on screen and in documents, one path for both:
 * - role names in the Manager's own wording, keyed by `shared/domain/roles.ts` (the one list of
 *   roles): the renderer mounts them as the `roles` namespace, document writers use `roleName`;
 * - service names, from `shared/domain/service-catalogue.ts` (the one list of services, named in the
 *   five languages there): the renderer (`useServiceLabel`) and document writers use `serviceName`.
 */
import { describeRole } from '../domain/roles'
import { serviceLabel, type ServiceRef } from '../domain/service-catalogue'
import { PSEUDO_LANGUAGE } from './languages'
import { pseudoText } from './pseudo'
import type { Catalogue } from './catalogue'
import type { Language } from './languages'
import { interpolate } from './translate'

const en = {
  roles: {
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
  },
}

export type Terms = Catalogue<typeof en>

export const terms: Record<Language, Terms> = {
  en,
  fr: {
    roles: {
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
    },
  },
  de: {
    roles: {
      owner: 'Rechtsvertreter',
      admin: 'Administrator',
      normal: 'Mitarbeiter',
      client: 'Kunde (über eine Partnerschaft)',
      partner_admin: 'Partner, voller Zugriff',
      partner_limited: 'Partner, eingeschränkter Zugriff',
      external: 'Externer Benutzer',
      raw: '{{raw}}',
      none: 'Keine Rolle angegeben',
      unknown: 'Unbekannte Rolle',
      readOnly: 'Hier nur Lesezugriff: Ihre Rolle erlaubt keine Änderungen aus Switchboard.',
    },
  },
  it: {
    roles: {
      owner: 'Rappresentante legale',
      admin: 'Amministratore',
      normal: 'Collaboratore',
      client: 'Cliente (tramite una partnership)',
      partner_admin: 'Partner, accesso completo',
      partner_limited: 'Partner, accesso limitato',
      external: 'Utente esterno',
      raw: '{{raw}}',
      none: 'Nessun ruolo indicato',
      unknown: 'Ruolo sconosciuto',
      readOnly: 'Qui in sola lettura: il tuo ruolo non consente modifiche da Switchboard.',
    },
  },
  es: {
    roles: {
      owner: 'Representante legal',
      admin: 'Administrador',
      normal: 'Colaborador',
      client: 'Cliente (a través de una asociación)',
      partner_admin: 'Partner, acceso completo',
      partner_limited: 'Partner, acceso limitado',
      external: 'Usuario externo',
      raw: '{{raw}}',
      none: 'Sin rol indicado',
      unknown: 'Rol desconocido',
      readOnly: 'Aquí solo lectura: tu rol no permite cambios desde Switchboard.',
    },
  },
}

/** A role's name in a language: a known role by name, an unknown value as itself (readable), never hidden. */
export function roleName(role: string | null | undefined, language: Language): string {
  const d = describeRole(role)
  const names = terms[language].roles
  const key = d.labelKey.slice('roles.'.length) as keyof typeof names
  return interpolate(names[key], d.labelParams)
}

/**
 * A service's name in a language (`fr`, `de-CH`…), from the service catalogue; in the pseudo-locale its
 * English name pseudo-localised, so a name that bypasses this path shows up on screen.
 */
export function serviceName(service: ServiceRef, language: string): string {
  const name = serviceLabel(service, language)
  return language === PSEUDO_LANGUAGE ? pseudoText(name) : name
}
