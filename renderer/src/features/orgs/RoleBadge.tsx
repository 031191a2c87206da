import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { describeRole, type RoleTone } from '../../../../shared/domain/roles'

const TONE_COLOR: Record<RoleTone, string> = {
  legal: 'grape',
  admin: 'blue',
  member: 'gray',
  partner: 'teal',
  limited: 'orange',
  unknown: 'gray',
}

/** The label of a raw `type` / `role_type` value, in the Manager's words; an unknown value shows as itself. */
export function useRoleLabel(): (raw: string | null | undefined) => string {
  const { t } = useTranslation()
  return (raw) => {
    const d = describeRole(raw)
    return t(d.labelKey, d.labelParams)
  }
}

/** A role (the token owner's in an organization, or a member's), in the Manager's words. */
export function RoleBadge({ role, size = 'sm' }: { role: string; size?: 'xs' | 'sm' }) {
  const label = useRoleLabel()
  const d = describeRole(role)
  return (
    <Badge
      size={size}
      variant="light"
      color={TONE_COLOR[d.tone]}
      style={{ flexShrink: 0 }}
      data-testid="role-badge"
      data-role={d.raw}
    >
      {label(role)}
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
