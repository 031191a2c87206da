import { Badge, Button, Loader, Stack, Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { accessQueries } from './access-queries'

const COLOR = { high: 'red', medium: 'orange', low: 'gray' } as const

/** Access hygiene findings across every organization. */
export function HygienePanel() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const findings = useQuery(accessQueries.hygiene())
  if (findings.isPending) return <Loader size="sm" />
  if (findings.isError) return <Text c="red">{t('accessPage.loadFailed')}</Text>
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('accessPage.hygiene.intro')}
      </Text>
      {findings.data.length === 0 ? (
        <Text c="dimmed">{t('accessPage.hygiene.empty')}</Text>
      ) : (
        <Table striped data-testid="hygiene-table">
          <Table.Tbody>
            {findings.data.map((f, i) => (
              <Table.Tr key={i}>
                <Table.Td w={90}>
                  <Badge color={COLOR[f.severity]} variant="light">
                    {t(`accessPage.hygiene.severity.${f.severity}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {t(`accessPage.hygiene.rules.${f.rule}`, {
                    org: f.orgName ?? '',
                    subject: f.subject,
                    value: f.value,
                  })}
                </Table.Td>
                <Table.Td w={90}>
                  <Button size="xs" variant="default" onClick={() => void navigate(f.link)}>
                    {t('accessPage.hygiene.fix')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
