import { Alert, List, Text } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Dataset, DatasetCoverage } from '../../../shared/domain/coverage'
import { coverageQueries } from '../features/coverage/coverage-queries'

/** The sentence for one dataset that is not complete ("not available from the API", "partial: N left out", ...). */
export function useCoverageText(): (c: DatasetCoverage) => string {
  const { t } = useTranslation()
  return (c) => {
    if (c.state === 'not_offered')
      return t(`coverage.notice.${c.dataset}_not_offered`, { defaultValue: '' }) || generic(c)
    return generic(c)
  }
  function generic(c: DatasetCoverage): string {
    return t('coverage.notice.generic', {
      dataset: t(`coverage.dataset.${c.dataset}`),
      state: t(`coverage.state.${c.state}`, { count: c.skipped, scope: c.scope ?? '' }),
    })
  }
}

/**
 * Says what an organisation's screen cannot show because the API did not give it (or gave part of it), where
 * the screen would otherwise look empty or complete. Renders nothing when every listed dataset is complete.
 */
export function CoverageNotice({
  accountId,
  orgId,
  datasets,
}: {
  accountId: string
  orgId: number
  datasets: readonly Dataset[]
}) {
  const { t } = useTranslation()
  const text = useCoverageText()
  const q = useQuery(coverageQueries.org(accountId, orgId))
  const rows = (q.data?.[0]?.datasets ?? []).filter((d) => datasets.includes(d.dataset) && d.state !== 'complete')
  if (rows.length === 0) return null
  return (
    <Alert
      variant="light"
      color="yellow"
      icon={<IconInfoCircle size={18} aria-hidden />}
      title={t('coverage.notice.title')}
      data-testid="coverage-notice"
      role="status"
    >
      {rows.length === 1 ? (
        <Text size="sm">{text(rows[0]!)}</Text>
      ) : (
        <List size="sm" spacing={2}>
          {rows.map((r) => (
            <List.Item key={r.dataset} data-dataset={r.dataset} data-state={r.state}>
              {text(r)}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  )
}

/** Every dataset of one organisation with its coverage state (organisation overview). */
export function CoverageList({ accountId, orgId }: { accountId: string; orgId: number }) {
  const { t } = useTranslation()
  const q = useQuery(coverageQueries.org(accountId, orgId))
  const rows = q.data?.[0]?.datasets ?? []
  if (rows.length === 0) return null
  return (
    <List size="sm" spacing={2} data-testid="coverage-list">
      {rows.map((r) => (
        <List.Item key={r.dataset} data-dataset={r.dataset} data-state={r.state}>
          <Text span size="sm" fw={500}>
            {t(`coverage.dataset.${r.dataset}`)}
          </Text>
          {' — '}
          <Text span size="sm" c={r.state === 'complete' ? 'dimmed' : 'yellow.9'}>
            {t(`coverage.state.${r.state}`, { count: r.skipped, scope: r.scope ?? '' })}
            {r.via === 'team_lists' ? ` (${t('coverage.notice.viaTeams')})` : ''}
          </Text>
        </List.Item>
      ))}
    </List>
  )
}
