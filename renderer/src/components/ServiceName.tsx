import { serviceName } from '../../../shared/i18n/terms'
import { Group, Text, type TextProps } from '@mantine/core'
import {
  IconApps,
  IconArchive,
  IconBox,
  IconCertificate,
  IconCloud,
  IconDatabase,
  IconFolders,
  IconLifebuoy,
  IconLink,
  IconMail,
  IconMessages,
  IconNews,
  IconRadio,
  IconServer,
  IconServer2,
  IconShieldCheck,
  IconSparkles,
  IconTemplate,
  IconTicket,
  IconVideo,
  IconWorldWww,
  type Icon,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { serviceIcon, type ServiceIcon, type ServiceRef } from '../../../shared/domain/service-catalogue'

const ICONS: Record<ServiceIcon, Icon> = {
  domain: IconWorldWww,
  hosting: IconServer2,
  mail: IconMail,
  drive: IconFolders,
  cloud: IconCloud,
  server: IconServer,
  storage: IconDatabase,
  backup: IconArchive,
  certificate: IconCertificate,
  video: IconVideo,
  radio: IconRadio,
  newsletter: IconNews,
  suite: IconApps,
  chat: IconMessages,
  ai: IconSparkles,
  ticket: IconTicket,
  link: IconLink,
  builder: IconTemplate,
  support: IconLifebuoy,
  shield: IconShieldCheck,
  generic: IconBox,
}

/** The icon of a service (decorative: the name always goes with it). */
export function ServiceGlyph({ service, size = 16 }: { service: ServiceRef; size?: number }) {
  const Glyph = ICONS[serviceIcon(service)]
  return <Glyph size={size} aria-hidden style={{ flexShrink: 0 }} />
}

/** The display name of a service in the UI language, from the shared catalogue. */
export function useServiceLabel(): (service: ServiceRef) => string {
  const { i18n } = useTranslation()
  return (service) => serviceName(service, i18n.language)
}

/** Icon and name of a service, truncated on one line. */
export function ServiceName({
  service,
  withIcon = true,
  ...text
}: { service: ServiceRef; withIcon?: boolean } & TextProps) {
  const label = useServiceLabel()(service)
  if (!withIcon)
    return (
      <Text size="sm" truncate title={label} {...text}>
        {label}
      </Text>
    )
  return (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      <ServiceGlyph service={service} />
      <Text size="sm" truncate title={label} {...text}>
        {label}
      </Text>
    </Group>
  )
}
