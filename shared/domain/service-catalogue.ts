/**
 * The one catalogue of Infomaniak services: API code (and id) → display name in every UI language,
 * and an icon key. Every screen, search result, export and PDF names a service through it, so a raw
 * code (`email_hosting`, `hosting_3`) never appears next to a proper name.
 *
 * Sources (infomaniak-api.md): the `/1/products` `service_name` and `service_id` enums (§8.3), the
 * account-products filter's internal vocabulary (§8.3, as aliases), and values seen live (`hosting_3`
 * = 57 Node.js hosting, `support_premium`, `kchat` = 54; §8.3, §15). Only the pairs hosting = 1,
 * domain = 14, email_hosting = 23, drive = 40, kchat = 54 and hosting_3 = 57 are backed by observed
 * data; the other ids follow the spec enums in the same order as the sandbox does. Names are looked
 * up first; an id is used only when a product carries no usable name.
 *
 * A service the catalogue does not know is shown with a readable form of its code ("hosting_3" would
 * read "Hosting 3"), never the raw code. Dependency-free: used by the renderer, the core and the CLI.
 */

/** Languages the catalogue names services in (the Manager's languages). */
export const CATALOGUE_LANGUAGES = ['en', 'fr', 'de', 'it', 'es'] as const
export type CatalogueLanguage = (typeof CATALOGUE_LANGUAGES)[number]

/** Icon keys; the renderer maps each to an icon component (exports and PDFs use the name only). */
export const SERVICE_ICONS = [
  'domain',
  'hosting',
  'mail',
  'drive',
  'cloud',
  'server',
  'storage',
  'backup',
  'certificate',
  'video',
  'radio',
  'newsletter',
  'suite',
  'chat',
  'ai',
  'ticket',
  'link',
  'builder',
  'support',
  'shield',
  'generic',
] as const
export type ServiceIcon = (typeof SERVICE_ICONS)[number]

export interface ServiceEntry {
  /** The `/1/products` `service_name` (the canonical code). */
  name: string
  /** The `service_id`, when known. */
  id: number | null
  icon: ServiceIcon
  labels: Readonly<Record<CatalogueLanguage, string>>
  /** Other codes for the same service (the account-products filter's internal vocabulary). */
  aliases?: readonly string[]
}

type Labels = readonly [en: string, fr: string, de: string, it: string, es: string]

function entry(
  name: string,
  id: number | null,
  icon: ServiceIcon,
  [en, fr, de, it, es]: Labels,
  aliases?: readonly string[],
): ServiceEntry {
  return { name, id, icon, labels: { en, fr, de, it, es }, ...(aliases ? { aliases } : {}) }
}

/** Every service the catalogue names, in the spec's id order, then the codes seen elsewhere. */
export const SERVICE_CATALOGUE: readonly ServiceEntry[] = [
  entry('hosting', 1, 'hosting', ['Hosting', 'Hébergement', 'Hosting', 'Hosting', 'Alojamiento'], ['hebergement']),
  entry(
    'mailing',
    2,
    'newsletter',
    ['Newsletter', 'Newsletter', 'Newsletter', 'Newsletter', 'Boletín'],
    ['newsletter'],
  ),
  entry('housing', 3, 'server', ['Housing', 'Housing', 'Housing', 'Housing', 'Housing']),
  entry(
    'dedicated_server',
    4,
    'server',
    ['Dedicated server', 'Serveur dédié', 'Dedizierter Server', 'Server dedicato', 'Servidor dedicado'],
    ['dedicated_hosting'],
  ),
  entry(
    'video',
    6,
    'video',
    ['Video streaming', 'Streaming vidéo', 'Video-Streaming', 'Streaming video', 'Streaming de vídeo'],
    ['video_hardware'],
  ),
  entry(
    'radio',
    7,
    'radio',
    ['Radio streaming', 'Streaming radio', 'Radio-Streaming', 'Streaming radio', 'Streaming de radio'],
    ['radio_flux', 'radio_tera', 'radiostations', 'radiov2'],
  ),
  entry('nas', 10, 'storage', ['NAS', 'NAS', 'NAS', 'NAS', 'NAS']),
  entry('domain', 14, 'domain', ['Domain', 'Domaine', 'Domain', 'Dominio', 'Dominio'], ['domain_name']),
  entry(
    'cloud',
    15,
    'cloud',
    ['Cloud server', 'Serveur cloud', 'Cloud-Server', 'Server cloud', 'Servidor cloud'],
    ['vps'],
  ),
  entry(
    'backup',
    18,
    'backup',
    ['Backup', 'Sauvegarde', 'Backup', 'Backup', 'Copia de seguridad'],
    ['stockage_backup'],
  ),
  entry(
    'email_hosting',
    23,
    'mail',
    ['Mail service', 'Service mail', 'Mail-Service', 'Servizio mail', 'Servicio de correo'],
    ['mail'],
  ),
  entry('vod', 25, 'video', ['VOD', 'VOD', 'VOD', 'VOD', 'VOD']),
  entry('cloud_hd', 26, 'storage', ['Cloud HD', 'Cloud HD', 'Cloud HD', 'Cloud HD', 'Cloud HD']),
  entry('certificate', 29, 'certificate', [
    'SSL certificate',
    'Certificat SSL',
    'SSL-Zertifikat',
    'Certificato SSL',
    'Certificado SSL',
  ]),
  entry('invitation', 30, 'ticket', ['Invitation', 'Invitation', 'Einladung', 'Invito', 'Invitación']),
  entry('jelastic', 31, 'cloud', ['Jelastic', 'Jelastic', 'Jelastic', 'Jelastic', 'Jelastic']),
  entry('swiss_backup', 34, 'backup', ['Swiss Backup', 'Swiss Backup', 'Swiss Backup', 'Swiss Backup', 'Swiss Backup']),
  entry('custom_url', 35, 'link', [
    'Custom URL',
    'URL personnalisée',
    'Eigene URL',
    'URL personalizzato',
    'URL personalizada',
  ]),
  entry('website_builder', 37, 'builder', [
    'Site Creator',
    'Créateur de site',
    'Site Creator',
    'Site Creator',
    'Creador de sitios',
  ]),
  entry('drive', 40, 'drive', ['kDrive', 'kDrive', 'kDrive', 'kDrive', 'kDrive']),
  entry(
    'e_ticketing',
    43,
    'ticket',
    ['E-ticketing', 'Billetterie', 'Ticketing', 'Biglietteria', 'Venta de entradas'],
    ['billetterie'],
  ),
  entry('public_cloud', 48, 'cloud', ['Public Cloud', 'Public Cloud', 'Public Cloud', 'Public Cloud', 'Public Cloud']),
  entry('ksuite', 50, 'suite', ['kSuite', 'kSuite', 'kSuite', 'kSuite', 'kSuite']),
  entry(
    'web_hosting',
    52,
    'hosting',
    ['Web hosting', 'Hébergement web', 'Webhosting', 'Hosting web', 'Alojamiento web'],
    ['hebergement_web'],
  ),
  entry('kchat', 54, 'chat', ['kChat', 'kChat', 'kChat', 'kChat', 'kChat']),
  entry('hosting_3', 57, 'hosting', [
    'Node.js hosting',
    'Hébergement Node.js',
    'Node.js-Hosting',
    'Hosting Node.js',
    'Alojamiento Node.js',
  ]),
  entry('ai_tools', 58, 'ai', ['AI tools', 'Outils d’IA', 'KI-Tools', 'Strumenti IA', 'Herramientas de IA']),
  entry('support_premium', null, 'support', [
    'Premium support',
    'Support Premium',
    'Premium-Support',
    'Supporto Premium',
    'Soporte Premium',
  ]),
  entry('mailbox', null, 'mail', ['Mailbox', 'Adresse mail', 'Postfach', 'Casella di posta', 'Buzón']),
  entry('free_mail', null, 'mail', ['Free mail', 'Mail gratuit', 'Gratis-Mail', 'Mail gratuita', 'Correo gratuito']),
  entry('hebergement_mysql', null, 'hosting', [
    'MySQL hosting',
    'Hébergement MySQL',
    'MySQL-Hosting',
    'Hosting MySQL',
    'Alojamiento MySQL',
  ]),
  entry('domain_privacy', null, 'shield', [
    'Domain privacy',
    'Protection de domaine',
    'Domain-Datenschutz',
    'Privacy del dominio',
    'Privacidad de dominio',
  ]),
  entry('renewal_warranty', null, 'shield', [
    'Renewal warranty',
    'Garantie de renouvellement',
    'Verlängerungsgarantie',
    'Garanzia di rinnovo',
    'Garantía de renovación',
  ]),
  entry('fast_anycast', null, 'domain', [
    'Fast Anycast',
    'Fast Anycast',
    'Fast Anycast',
    'Fast Anycast',
    'Fast Anycast',
  ]),
]

const byName = new Map<string, ServiceEntry>()
const byId = new Map<number, ServiceEntry>()
for (const e of SERVICE_CATALOGUE) {
  byName.set(e.name, e)
  for (const alias of e.aliases ?? []) byName.set(alias, e)
  if (e.id !== null) byId.set(e.id, e)
}

/** A service as products and prices carry it: a code, an id, or both. */
export type ServiceRef = string | { name?: string | null | undefined; id?: number | null | undefined }

function refParts(ref: ServiceRef): { name: string | null; id: number | null } {
  if (typeof ref === 'string') return { name: ref, id: null }
  return { name: ref.name ?? null, id: ref.id ?? null }
}

function normalizeCode(code: string): string {
  return code.trim().toLowerCase()
}

/** The catalogue entry of a service (by code or alias first, then by id), if it is known. */
export function findService(ref: ServiceRef): ServiceEntry | undefined {
  const { name, id } = refParts(ref)
  if (name !== null && name.trim() !== '') {
    const known = byName.get(normalizeCode(name))
    if (known) return known
  }
  return id !== null ? byId.get(id) : undefined
}

/** The language the catalogue uses for a UI or document language (`fr-CH` → `fr`; others → `en`). */
export function catalogueLanguage(language: string): CatalogueLanguage {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? 'en'
  return (CATALOGUE_LANGUAGES as readonly string[]).includes(primary) ? (primary as CatalogueLanguage) : 'en'
}

/**
 * A readable name for a code the catalogue does not know: separators become spaces, letters and
 * digits are split, the first letter is capitalised ("hosting_3" → "Hosting 3", "videoHardware" →
 * "Video hardware").
 */
export function readableServiceCode(code: string): string {
  const words = code
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase())
  if (words.length === 0) return ''
  const text = words.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * The display name of a service in a language. Unknown services get a readable form of their code;
 * a product with neither a usable code nor a known id reads "Service 57" (or "Unknown service").
 */
export function serviceLabel(ref: ServiceRef, language: string): string {
  const lang = catalogueLanguage(language)
  const known = findService(ref)
  if (known) return known.labels[lang]
  const { name, id } = refParts(ref)
  const readable = name !== null && name !== 'unknown' ? readableServiceCode(name) : ''
  if (readable !== '') return readable
  return id !== null ? `${UNKNOWN_SERVICE[lang]} ${id}` : UNKNOWN_SERVICE_NO_ID[lang]
}

const UNKNOWN_SERVICE: Readonly<Record<CatalogueLanguage, string>> = {
  en: 'Service',
  fr: 'Service',
  de: 'Dienst',
  it: 'Servizio',
  es: 'Servicio',
}
const UNKNOWN_SERVICE_NO_ID: Readonly<Record<CatalogueLanguage, string>> = {
  en: 'Unknown service',
  fr: 'Service inconnu',
  de: 'Unbekannter Dienst',
  it: 'Servizio sconosciuto',
  es: 'Servicio desconocido',
}

/** The icon key of a service (`generic` for unknown services). */
export function serviceIcon(ref: ServiceRef): ServiceIcon {
  return findService(ref)?.icon ?? 'generic'
}

/** Whether the catalogue knows a service (by code, alias or id). */
export function isKnownService(ref: ServiceRef): boolean {
  return findService(ref) !== undefined
}

/**
 * Every name a service is known by (its code and its label in each language), for full-text
 * search: "messagerie" or "Mail-Service" finds mail services whatever the UI language.
 */
export function serviceSearchText(ref: ServiceRef): string {
  const known = findService(ref)
  const { name } = refParts(ref)
  const names = known ? [known.name, ...CATALOGUE_LANGUAGES.map((l) => known.labels[l])] : [name ?? '']
  if (!known && name) names.push(readableServiceCode(name))
  return [...new Set(names.filter((n) => n !== ''))].join(' ')
}

/** Sorts service codes by their display name in a language (stable for equal names). */
export function compareServices(a: ServiceRef, b: ServiceRef, language: string): number {
  return serviceLabel(a, language).localeCompare(serviceLabel(b, language), language, { sensitivity: 'base' })
}
