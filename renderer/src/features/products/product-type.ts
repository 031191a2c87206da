import type { TFunction } from 'i18next'

export const KNOWN_TYPES = [
  'hosting',
  'mailing',
  'housing',
  'dedicated_server',
  'video',
  'radio',
  'nas',
  'domain',
  'cloud',
  'backup',
  'email_hosting',
  'vod',
  'cloud_hd',
  'certificate',
  'invitation',
  'jelastic',
  'swiss_backup',
  'custom_url',
  'website_builder',
  'drive',
  'e_ticketing',
  'public_cloud',
  'ksuite',
  'web_hosting',
  'ai_tools',
] as const
type KnownType = (typeof KNOWN_TYPES)[number]
const isKnown = (s: string): s is KnownType => (KNOWN_TYPES as readonly string[]).includes(s)

/** The product type in the UI language ("email_hosting" → "Mail Service"); unknown ones prettified. */
export function typeLabel(t: TFunction, serviceName: string): string {
  if (isKnown(serviceName)) return t(`productTypes.${serviceName}`)
  const pretty = serviceName.replace(/_/g, ' ')
  return pretty.charAt(0).toUpperCase() + pretty.slice(1)
}
