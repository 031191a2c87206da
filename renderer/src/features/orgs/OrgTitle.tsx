import type { ReactNode } from 'react'
import { ColorSwatch, Group, Text, Title, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AccountSummary, OrgSummary } from '../../../../shared/domain/cache'
import { formatDateTime, relativeTime } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { orgColor } from './org-color'
import { DemoBadge, RoleBadge } from './RoleBadge'

/** Page title naming the organization (colour, role, demo) and how fresh its data is. */
export function OrgTitle(props: {
  org: OrgSummary
  account: AccountSummary | undefined
  section: string
  actions?: ReactNode
}) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  const { org } = props
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
      <div style={{ minWidth: 0 }}>
        <Text size="sm" c="dimmed">
          {props.section}
        </Text>
        <Group gap="sm" wrap="nowrap">
          <ColorSwatch color={`var(--mantine-color-${orgColor(org.accountId, org.id)}-filled)`} size={18} aria-hidden />
          <Title order={1} size="h2" style={{ minWidth: 0, overflowWrap: 'anywhere' }} data-testid="org-title">
            {org.name}
          </Title>
          <RoleBadge role={org.role} />
          {props.account?.isDemo && <DemoBadge />}
        </Group>
        <Text size="sm" c="dimmed" mt={4} data-testid="as-of">
          {org.syncedAt === null ? (
            t('orgs.neverSynced')
          ) : (
            <Tooltip label={formatDateTime(org.syncedAt, i18n.language)}>
              <span>{t('orgs.asOf', { when: relativeTime(org.syncedAt, now, i18n.language) })}</span>
            </Tooltip>
          )}
          {props.account && ` · ${props.account.label}`}
        </Text>
      </div>
      {props.actions}
    </Group>
  )
}
