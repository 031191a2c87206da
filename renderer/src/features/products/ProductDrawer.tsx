import { useState } from 'react'
import { Badge, Button, Drawer, Group, Stack, Table, Text } from '@mantine/core'
import { IconExternalLink } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { OrgSummary, ProductRow } from '../../../../shared/domain/cache'
import { formatDate, relativeTime } from '../../lib/format'
import { invoke } from '../../lib/ipc'
import { CopyableUrl } from '../onboarding/CopyableUrl'
import { productName, productStatuses } from './products-model'
import { managerProductsUrl } from '../../../../shared/domain/manager-links'
import { serviceName } from '../../../../shared/i18n/terms'

/** "Open in the Manager" through the safe external opener; shows the address to copy when it cannot open. */
function ManagerLink({ orgId }: { orgId: number }) {
  const { t } = useTranslation()
  const url = managerProductsUrl(orgId)
  // The address is shown for the organization whose opening failed (the browser shell never opens).
  const [failedFor, setFailedFor] = useState<number | null>(null)
  const open = useMutation({
    mutationFn: () => invoke('app:open-external', { url }),
    onSettled: (result) => setFailedFor(result?.opened ? null : orgId),
  })
  return (
    <Stack gap={4} align="flex-start">
      <Button
        variant="light"
        leftSection={<IconExternalLink size={16} />}
        loading={open.isPending}
        onClick={() => open.mutate()}
        data-testid="open-in-manager"
      >
        {t('products.openInManager')}
      </Button>
      {failedFor === orgId && (
        <Stack gap={2} data-testid="manager-url">
          <Text size="sm" c="dimmed">
            {t('products.managerCopy')}
          </Text>
          <CopyableUrl url={url} />
        </Stack>
      )}
    </Stack>
  )
}

/** Every known field of a product. */
export function ProductDrawer(props: {
  product: ProductRow | null
  org: OrgSummary
  now: number
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const p = props.product
  const lang = i18n.language
  const date = (seconds: number | null): string =>
    seconds === null
      ? t('products.none')
      : `${formatDate(seconds * 1000, lang)} (${relativeTime(seconds * 1000, props.now, lang)})`
  return (
    <Drawer
      opened={p !== null}
      onClose={props.onClose}
      position="right"
      size="lg"
      title={
        p ? (
          <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
            {productName(p)}
          </Text>
        ) : null
      }
      data-testid="product-drawer"
    >
      {p && (
        <Stack gap="md">
          <Group gap={4}>
            {productStatuses(p, props.now).map((s) => (
              <Badge key={s} variant="light" color={s === 'expired' || s === 'locked' ? 'red' : 'orange'}>
                {t(`status.${s}`)}
              </Badge>
            ))}
          </Group>
          <Table variant="vertical" layout="fixed" withTableBorder>
            <Table.Tbody>
              {(
                [
                  ['products.fieldName', p.customerName || t('products.none')],
                  ['products.fieldInternal', p.internalName ?? t('products.none')],
                  ['products.fieldFqdn', p.fqdn ?? t('products.none')],
                  ['products.fieldType', serviceName(p.serviceName, lang)],
                  ['products.fieldId', String(p.id)],
                  ['products.fieldOrg', `${props.org.name} (#${props.org.id})`],
                  ['products.fieldCreated', date(p.createdAt)],
                  ['products.fieldExpiry', date(p.expiredAt)],
                  ['products.fieldTrial', p.isTrial ? t('common.yes') : t('common.no')],
                  ['products.fieldLocked', p.isLocked ? t('common.yes') : t('common.no')],
                  ['products.fieldMaintenance', p.hasMaintenance ? t('common.yes') : t('common.no')],
                  ['products.fieldOperation', p.hasOperationInProgress ? t('common.yes') : t('common.no')],
                ] as const
              ).map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={180}>{t(label)}</Table.Th>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th>{t('products.fieldTags')}</Table.Th>
                <Table.Td>
                  {p.tags.length === 0 ? (
                    t('products.none')
                  ) : (
                    <Group gap={4}>
                      {p.tags.map((tag) => (
                        <Badge key={tag.id} variant="outline" size="sm">
                          {tag.name}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <ManagerLink orgId={props.org.id} />
        </Stack>
      )}
    </Drawer>
  )
}
