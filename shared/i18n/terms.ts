/**
 * Product terms shown both on screen and in documents: role names (the Manager's own wording) and
 * product types. The renderer mounts them as the `roles` and `productTypes` namespaces; document
 * writers translate with them too.
 */
import type { Catalogue } from './catalogue'
import type { Language } from './languages'

const en = {
  roles: {
    owner: 'Legal representative',
    admin: 'Administrator',
    normal: 'Collaborator',
    client: 'Client',
    unknown: 'Unknown role',
  },
  productTypes: {
    hosting: 'Hosting',
    mailing: 'Newsletter',
    housing: 'Housing',
    dedicated_server: 'Dedicated server',
    video: 'Video streaming',
    radio: 'Radio streaming',
    nas: 'NAS',
    domain: 'Domain',
    cloud: 'Cloud server',
    backup: 'Backup',
    email_hosting: 'Mail service',
    vod: 'VOD',
    cloud_hd: 'Cloud HD',
    certificate: 'SSL certificate',
    invitation: 'Invitation',
    jelastic: 'Jelastic',
    swiss_backup: 'Swiss Backup',
    custom_url: 'Custom URL',
    website_builder: 'Site Creator',
    drive: 'kDrive',
    e_ticketing: 'E-ticketing',
    public_cloud: 'Public Cloud',
    ksuite: 'kSuite',
    web_hosting: 'Web hosting',
    ai_tools: 'AI tools',
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
      client: 'Client',
      unknown: 'Rôle inconnu',
    },
    productTypes: {
      hosting: 'Hébergement',
      mailing: 'Newsletter',
      housing: 'Housing',
      dedicated_server: 'Serveur dédié',
      video: 'Streaming vidéo',
      radio: 'Streaming radio',
      nas: 'NAS',
      domain: 'Domaine',
      cloud: 'Serveur cloud',
      backup: 'Sauvegarde',
      email_hosting: 'Service mail',
      vod: 'VOD',
      cloud_hd: 'Cloud HD',
      certificate: 'Certificat SSL',
      invitation: 'Invitation',
      jelastic: 'Jelastic',
      swiss_backup: 'Swiss Backup',
      custom_url: 'URL personnalisée',
      website_builder: 'Créateur de site',
      drive: 'kDrive',
      e_ticketing: 'Billetterie',
      public_cloud: 'Public Cloud',
      ksuite: 'kSuite',
      web_hosting: 'Hébergement web',
      ai_tools: 'Outils d’IA',
    },
  },
  de: {
    roles: {
      owner: 'Rechtsvertreter',
      admin: 'Administrator',
      normal: 'Mitarbeiter',
      client: 'Kunde',
      unknown: 'Unbekannte Rolle',
    },
    productTypes: {
      hosting: 'Hosting',
      mailing: 'Newsletter',
      housing: 'Housing',
      dedicated_server: 'Dedizierter Server',
      video: 'Video-Streaming',
      radio: 'Radio-Streaming',
      nas: 'NAS',
      domain: 'Domain',
      cloud: 'Cloud-Server',
      backup: 'Backup',
      email_hosting: 'Mail-Service',
      vod: 'VOD',
      cloud_hd: 'Cloud HD',
      certificate: 'SSL-Zertifikat',
      invitation: 'Einladung',
      jelastic: 'Jelastic',
      swiss_backup: 'Swiss Backup',
      custom_url: 'Eigene URL',
      website_builder: 'Site Creator',
      drive: 'kDrive',
      e_ticketing: 'Ticketing',
      public_cloud: 'Public Cloud',
      ksuite: 'kSuite',
      web_hosting: 'Webhosting',
      ai_tools: 'KI-Tools',
    },
  },
  it: {
    roles: {
      owner: 'Rappresentante legale',
      admin: 'Amministratore',
      normal: 'Collaboratore',
      client: 'Cliente',
      unknown: 'Ruolo sconosciuto',
    },
    productTypes: {
      hosting: 'Hosting',
      mailing: 'Newsletter',
      housing: 'Housing',
      dedicated_server: 'Server dedicato',
      video: 'Streaming video',
      radio: 'Streaming radio',
      nas: 'NAS',
      domain: 'Dominio',
      cloud: 'Server cloud',
      backup: 'Backup',
      email_hosting: 'Servizio mail',
      vod: 'VOD',
      cloud_hd: 'Cloud HD',
      certificate: 'Certificato SSL',
      invitation: 'Invito',
      jelastic: 'Jelastic',
      swiss_backup: 'Swiss Backup',
      custom_url: 'URL personalizzato',
      website_builder: 'Site Creator',
      drive: 'kDrive',
      e_ticketing: 'Biglietteria',
      public_cloud: 'Public Cloud',
      ksuite: 'kSuite',
      web_hosting: 'Hosting web',
      ai_tools: 'Strumenti IA',
    },
  },
  es: {
    roles: {
      owner: 'Representante legal',
      admin: 'Administrador',
      normal: 'Colaborador',
      client: 'Cliente',
      unknown: 'Rol desconocido',
    },
    productTypes: {
      hosting: 'Alojamiento',
      mailing: 'Newsletter',
      housing: 'Housing',
      dedicated_server: 'Servidor dedicado',
      video: 'Streaming de vídeo',
      radio: 'Streaming de radio',
      nas: 'NAS',
      domain: 'Dominio',
      cloud: 'Servidor cloud',
      backup: 'Copia de seguridad',
      email_hosting: 'Servicio de correo',
      vod: 'VOD',
      cloud_hd: 'Cloud HD',
      certificate: 'Certificado SSL',
      invitation: 'Invitación',
      jelastic: 'Jelastic',
      swiss_backup: 'Swiss Backup',
      custom_url: 'URL personalizada',
      website_builder: 'Site Creator',
      drive: 'kDrive',
      e_ticketing: 'Venta de entradas',
      public_cloud: 'Public Cloud',
      ksuite: 'kSuite',
      web_hosting: 'Alojamiento web',
      ai_tools: 'Herramientas de IA',
    },
  },
}

/** A role's name in a language; unknown roles get "Unknown role" rather than the API's code. */
export function roleName(role: string | null | undefined, language: Language): string {
  const names = terms[language].roles
  return role && Object.hasOwn(names, role) ? names[role as keyof typeof names] : names.unknown
}

/** A product type's name in a language; an unknown type keeps its code (the API adds types). */
export function productTypeName(type: string, language: Language): string {
  const names = terms[language].productTypes
  return Object.hasOwn(names, type) ? names[type as keyof typeof names] : type
}
