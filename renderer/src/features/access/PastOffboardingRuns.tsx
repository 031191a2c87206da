import { notifications } from '@mantine/notifications'
import { Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react'
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { OffboardingRunSummary } from '../../../../shared/domain/access'
import { isCancelled, openDelivered } from '../../lib/download'
import { formatDateTime } from '../../lib/format'
import { invoke } from '../../lib/ipc'

type Filter = { email: string } | { accountId: string; orgId: number }

const STATE_COLOR: Record<OffboardingRunSummary['state'], string> = {
  running: 'blue',
  done: 'green',
  failed: 'red',
  interrupted: 'orange',
}

/** Runs live in user.sqlite; the list refreshes with the access data (`users` scope) and on focus of the page. */
function pastRunsQuery(filter: Filter) {
  return queryOptions({
    queryKey: ['users', 'offboarding-runs', filter],
    queryFn: () => invoke('offboarding:runs', filter),
    staleTime: 0,
  })
}

/**
 * Past offboarding runs of a person or of an organization (they survive a restart), with their
 * result and the report of each as CSV or PDF.
 */
export function PastOffboardingRuns(props: Filter) {
  const { t, i18n } = useTranslation()
  const filter: Filter = 'email' in props ? { email: props.email } : { accountId: props.accountId, orgId: props.orgId }
  const runs = useQuery(pastRunsQuery(filter))
  const report = useMutation({
    mutationFn: (input: { runId: string; format: 'csv' | 'pdf' }) => invoke('access:offboarding-report', input),
    onSuccess: openDelivered,
    onError: (e) => {
      if (!isCancelled(e)) notifications.show({ color: 'red', message: t('pastRuns.reportFailed') })
    },
  })
  const byPerson = 'email' in filter
  return (
    <Stack gap="xs" data-testid="past-offboardings">
      <Title order={2} size="h4">
        {t('pastRuns.title')}
      </Title>
      {runs.isPending ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('common.loading')}</Text>
        </Group>
      ) : runs.isError ? (
        <Text c="red" size="sm">
          {t('pastRuns.loadFailed')}
        </Text>
      ) : runs.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('pastRuns.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640} mah={360}>
          <Table stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pastRuns.started')}</Table.Th>
                <Table.Th>{byPerson ? t('pastRuns.orgs') : t('pastRuns.person')}</Table.Th>
                <Table.Th>{t('pastRuns.result')}</Table.Th>
                <Table.Th>{t('pastRuns.report')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.data.map((r) => {
                const when = formatDateTime(r.startedAt, i18n.language)
                return (
                  <Table.Tr key={r.runId} data-testid="past-offboarding">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{when}</Table.Td>
                    <Table.Td>
                      {byPerson ? (
                        r.orgs.map((o) => o.orgName).join(', ')
                      ) : (
                        <>
                          <Text size="sm">{r.displayName}</Text>
                          <Text size="xs" c="dimmed">
                            {r.email}
                          </Text>
                        </>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATE_COLOR[r.state]}>
                        {t(`pastRuns.state.${r.state}`)}
                      </Badge>
                      <Text size="xs" c="dimmed" mt={2}>
                        {t('pastRuns.counts', r.steps)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={t('pastRuns.reportCsvAria', { when })}
                          onClick={() => report.mutate({ runId: r.runId, format: 'csv' })}
                        >
                          <IconFileTypeCsv size={16} />
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={t('pastRuns.reportPdfAria', { when })}
                          onClick={() => report.mutate({ runId: r.runId, format: 'pdf' })}
                        >
                          <IconFileTypePdf size={16} />
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  )
}
