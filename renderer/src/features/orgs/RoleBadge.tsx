import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { OrgRole } from '../../../../shared/domain/cache'

const ROLE_COLOR: Record<OrgRole, string> = {
  owner: 'grape',
  admin: 'blue',
  normal: 'gray',
  client: 'teal',
  unknown: 'gray',
}

/** The token owner's role in an organization, in the Manager's words. */
export function RoleBadge({ role }: { role: OrgRole }) {
  const { t } = useTranslation()
  return (
    <Badge size="sm" variant="light" color={ROLE_COLOR[role]} style={{ flexShrink: 0 }}>
      {t(`roles.${role}`)}
    </Badge>
  )
}

/** "Demo" wherever a demo account or its data appears. */
export function DemoBadge() {
  const { t } = useTranslation()
  return (
    <Badge size="sm" variant="filled" color="orange" style={{ flexShrink: 0 }} data-testid="demo-badge">
      {t('demo.badge')}
    </Badge>
  )
}
