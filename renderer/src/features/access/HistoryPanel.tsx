import { useState } from 'react'
import { Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../lib/format'
import { accessQueries } from './access-queries'
import { VirtualTable } from '../../components/VirtualTable'

/** The newest changes fetched at most (the rest by narrowing the period or the person). */
const HISTORY_LIMIT = 2000

const KINDS = new Set([
  'member_added',
  'member_removed',
  'invited',
  'invitation_removed',
  'role_changed',
  'billing_gained',
  'billing_lost',
  'right_gained',
  'right_lost',
  'team_joined',
  'team_left',
  'org_added',
  'org_removed',
])

function dayStart(value: string): number | undefined {
  const ms = Date.parse(`${value}T00:00:00Z`)
  return Number.isFinite(ms) ? ms : undefined
}

/** What changed between syncs (per organization and/or person), in a date range. */
export function HistoryPanel({ accountId, orgId, email }: { accountId?: string; orgId?: number; email?: string }) {
  const { t, i18n } = useTranslation()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [person, setPerson] = useState(email ?? '')
  const fromMs = dayStart(from)
  const toMs = dayStart(to)
  const history = useQuery(
    accessQueries.history({
      ...(accountId !== undefined ? { accountId } : {}),
      ...(orgId !== undefined ? { orgId } : {}),
      ...(person.trim() ? { email: person.trim() } : {}),
      ...(fromMs !== undefined ? { from: fromMs } : {}),
      ...(toMs !== undefined ? { to: toMs + 86_400_000 } : {}),
      limit: HISTORY_LIMIT,
    }),
  )
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <TextInput
          type="date"
          label={t('accessPage.history.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('accessPage.history.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        {email === undefined && (
          <TextInput
            label={t('accessPage.history.email')}
            value={person}
            onChange={(e) => setPerson(e.currentTarget.value)}
            w={260}
          />
        )}
      </Group>
      {history.isPending ? (
        <Loader size="sm" />
      ) : history.isError ? (
        <Text c="red">{t('accessPage.loadFailed')}</Text>
      ) : history.data.length === 0 ? (
        <Text c="dimmed">{t('accessPage.history.empty')}</Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm" c="dimmed" data-testid="history-count">
            {history.data.length >= HISTORY_LIMIT
              ? t('accessPage.history.limited', { count: history.data.length })
              : t('accessPage.history.count', { count: history.data.length })}
          </Text>
          <VirtualTable
            rows={history.data}
            rowHeight={40}
            rowKey={(h) => h.id}
            columns={orgId === undefined ? 5 : 4}
            label={t('accessPage.tabs.history')}
            striped
            data-testid="history-table"
            head={
              <Table.Tr>
                <Table.Th>{t('accessPage.history.when')}</Table.Th>
                {orgId === undefined && <Table.Th>{t('accessPage.history.org')}</Table.Th>}
                <Table.Th>{t('accessPage.history.who')}</Table.Th>
                <Table.Th>{t('accessPage.history.what')}</Table.Th>
                <Table.Th>{t('accessPage.history.object')}</Table.Th>
              </Table.Tr>
            }
            renderRow={(h, _index, rowProps) => (
              <Table.Tr key={h.id} {...rowProps} data-testid="history-row">
                <Table.Td>{formatDateTime(h.at, i18n.language)}</Table.Td>
                {orgId === undefined && <Table.Td>{h.orgName}</Table.Td>}
                <Table.Td>{h.subjectName ?? h.subjectEmail ?? h.subjectKey}</Table.Td>
                <Table.Td>
                  {KINDS.has(h.kind) ? t(`accessPage.history.kinds.${h.kind as 'member_added'}`) : h.kind}
                  {h.before !== null || h.after !== null ? ` (${h.before ?? '∅'} → ${h.after ?? '∅'})` : ''}
                </Table.Td>
                <Table.Td>{h.objectName ?? (h.objectId !== null ? `#${h.objectId}` : '')}</Table.Td>
              </Table.Tr>
            )}
          />
        </Stack>
      )}
    </Stack>
  )
}
