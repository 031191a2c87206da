import { useState } from 'react'
import { Button, Drawer, Group, List, Stack, Text, Title } from '@mantine/core'
import { IconExternalLink } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { rightsOfMask, type MatrixData } from '../../../../shared/domain/access'
import { managerUsersUrl } from '../../../../shared/domain/manager-links'
import { ServiceName } from '../../components/ServiceName'
import { invoke } from '../../lib/ipc'
import { CopyableUrl } from '../onboarding/CopyableUrl'
import { RoleBadge, useRoleLabel } from '../orgs/RoleBadge'
import { CellGlyph } from './MatrixGrid'
import { ROLES_WITH_EVERY_RIGHT, explainCell, type MatrixView } from './matrix-model'

/** "Open in the Manager" (the organization's users and teams) through the safe external opener. */
function ManagerButton({ url }: { url: string }) {
  const { t } = useTranslation()
  const [failed, setFailed] = useState(false)
  const open = useMutation({
    mutationFn: () => invoke('app:open-external', { url }),
    onSettled: (result) => setFailed(!result?.opened),
  })
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm">{t('matrix.drawer.managerHint')}</Text>
      <Button
        variant="light"
        size="xs"
        leftSection={<IconExternalLink size={14} />}
        loading={open.isPending}
        onClick={() => open.mutate()}
        data-testid="matrix-open-manager"
      >
        {t('matrix.drawer.openManager')}
      </Button>
      {failed && (
        <Stack gap={2}>
          <Text size="sm">{t('matrix.drawer.managerCopy')}</Text>
          <CopyableUrl url={url} />
        </Stack>
      )}
    </Stack>
  )
}

/** Explains where one person's rights on one product come from: direct, which teams, the role. */
export function MatrixCellDrawer(props: {
  data: MatrixData
  view: Pick<MatrixView, 'cellAt'>
  cell: { user: number; product: number } | null
  rightsAvailable: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const roleLabel = useRoleLabel()
  const { data, cell } = props
  const u = cell ? data.users[cell.user] : undefined
  const p = cell ? data.products[cell.product] : undefined
  const s = cell ? explainCell(data, props.view, cell.user, cell.product, props.rightsAvailable) : null
  const teamName = new Map(data.teams.map((x) => [x.id, x.name]))
  const names = (mask: number) =>
    rightsOfMask(mask)
      .map((r) => t(`accessPage.rights.${r}`))
      .join(', ')
  const held = s ? (s.byRole ? 15 : s.mask) : 0
  return (
    <Drawer
      opened={cell !== null}
      onClose={props.onClose}
      position="right"
      size="md"
      title={
        <Title order={2} size="h4">
          {t('matrix.drawer.title')}
        </Title>
      }
      closeButtonProps={{ 'aria-label': t('matrix.drawer.close') }}
      data-testid="matrix-cell-drawer"
    >
      {u && p && s && (
        <Stack gap="md" data-testid="matrix-cell-explanation" data-kind={s.kind}>
          <Stack gap={2}>
            <Text size="xs" fw={600} tt="uppercase">
              {t('matrix.drawer.person')}
            </Text>
            <Group gap="xs">
              <Text fw={500}>{u.displayName}</Text>
              <RoleBadge role={u.roleType} size="xs" />
            </Group>
            <Text size="sm">{u.email}</Text>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" fw={600} tt="uppercase">
              {t('matrix.drawer.product')}
            </Text>
            <Text fw={500}>{p.name}</Text>
            <ServiceName service={{ name: p.serviceName, id: p.serviceId }} />
          </Stack>
          <Stack gap={2}>
            <Text size="xs" fw={600} tt="uppercase">
              {t('matrix.drawer.rights')}
            </Text>
            <Text data-testid="matrix-cell-rights">{held === 0 ? t('matrix.drawer.noRights') : names(held)}</Text>
          </Stack>
          <Stack gap={4}>
            <Text size="xs" fw={600} tt="uppercase">
              {t('matrix.drawer.sources')}
            </Text>
            <List spacing={6} size="sm" data-testid="matrix-cell-sources">
              <List.Item icon={<CellGlyph kind="direct" size={16} />}>
                {s.direct !== 0
                  ? t('matrix.drawer.direct', { rights: names(s.direct) })
                  : props.rightsAvailable
                    ? t('matrix.drawer.noDirect')
                    : t('matrix.drawer.unavailable')}
              </List.Item>
              {s.teams.length === 0 ? (
                <List.Item icon={<CellGlyph kind="team" size={16} />}>{t('matrix.drawer.noTeam')}</List.Item>
              ) : (
                s.teams.map((id) => (
                  <List.Item key={id} icon={<CellGlyph kind="team" size={16} />}>
                    {t('matrix.drawer.viaTeam', { name: teamName.get(id) ?? `#${id}` })}
                  </List.Item>
                ))
              )}
              {s.byRole && (
                <List.Item icon={<CellGlyph kind="role" size={16} />}>
                  {t('matrix.drawer.byRole', { role: roleLabel(u.roleType) })}
                </List.Item>
              )}
              {u.pending && ROLES_WITH_EVERY_RIGHT.includes(u.roleType) && (
                <List.Item icon={<CellGlyph kind="role" size={16} />}>
                  {t('matrix.drawer.pendingRole', { role: roleLabel(u.roleType) })}
                </List.Item>
              )}
            </List>
          </Stack>
          <ManagerButton url={managerUsersUrl(data.orgId, u.userId)} />
        </Stack>
      )}
    </Drawer>
  )
}
