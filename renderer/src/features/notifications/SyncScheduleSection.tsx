import { Badge, Card, Group, Loader, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core'
import { notifications as toasts } from '@mantine/notifications'
import { IconBattery2, IconClock } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  ScheduleMode,
  SCHEDULE_MODES,
  TimeOfDay,
  type ScheduleStatus,
  type SyncSchedule,
} from '../../../../shared/domain/reminders'
import { formatDateTime, relativeTime } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { scheduleQueries, useSetSchedule } from './notifications-queries'

const PAUSE_COLOR: Record<string, string> = {
  offline: 'orange',
  battery: 'yellow',
  suspended: 'gray',
  token_rejected: 'red',
  token_missing: 'red',
  signed_out: 'gray',
  syncing: 'blue',
  budget: 'gray',
  not_running: 'gray',
}

function ScheduleRow({ s, now }: { s: ScheduleStatus; now: number }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const set = useSetSchedule()
  const save = (schedule: SyncSchedule): void =>
    set.mutate(
      { accountId: s.accountId, schedule },
      { onError: () => toasts.show({ color: 'red', message: t('schedule.saveFailed') }) },
    )
  const next =
    s.schedule.mode === 'off' || s.nextRunAt === null
      ? t('schedule.noNext')
      : s.nextRunAt <= now
        ? t('schedule.dueNow')
        : t('schedule.nextRun', { when: relativeTime(s.nextRunAt, now, lang) })
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="md" data-testid="schedule-row">
      <Stack gap={2} style={{ minWidth: 220, flex: 1 }}>
        <Text fw={600}>{s.label}</Text>
        <Text size="sm" c="dimmed">
          {s.lastSyncAt === null
            ? t('schedule.neverSynced')
            : t('schedule.lastSync', { when: relativeTime(s.lastSyncAt, now, lang) })}
        </Text>
        <Group gap="xs">
          <Tooltip
            label={s.nextRunAt !== null ? formatDateTime(s.nextRunAt, lang) : next}
            disabled={s.nextRunAt === null}
          >
            <Text size="sm" data-testid="schedule-next">
              <IconClock size={14} style={{ verticalAlign: 'text-bottom' }} aria-hidden /> {next}
            </Text>
          </Tooltip>
          {s.pausedBy && s.pausedBy !== 'off' && (
            <Badge size="sm" variant="light" color={PAUSE_COLOR[s.pausedBy] ?? 'gray'} data-testid="schedule-paused">
              {t(`schedule.paused.${s.pausedBy}`)}
            </Badge>
          )}
        </Group>
      </Stack>
      <Group gap="xs" align="flex-end">
        <Select
          label={t('schedule.mode')}
          aria-label={t('schedule.modeLabel', { label: s.label })}
          data={SCHEDULE_MODES.map((m) => ({
            value: m,
            label:
              t(`schedule.modes.${m}`) +
              (s.isDefault && m === s.schedule.mode ? ` (${t('schedule.defaultNote')})` : ''),
          }))}
          value={s.schedule.mode}
          allowDeselect={false}
          onChange={(v) => {
            const mode = ScheduleMode.safeParse(v)
            if (mode.success) save({ ...s.schedule, mode: mode.data })
          }}
          w={230}
        />
        {s.schedule.mode === 'daily' && (
          <TextInput
            type="time"
            label={t('schedule.time')}
            aria-label={t('schedule.timeLabel', { label: s.label })}
            defaultValue={s.schedule.dailyAt}
            key={`daily-${s.schedule.dailyAt}`}
            onBlur={(e) => {
              const at = TimeOfDay.safeParse(e.currentTarget.value)
              if (at.success && at.data !== s.schedule.dailyAt) save({ ...s.schedule, dailyAt: at.data })
            }}
            w={140}
          />
        )}
      </Group>
    </Group>
  )
}

/** Settings → Scheduled sync: per account schedule, next run, what pauses it. */
export function SyncScheduleSection() {
  const { t } = useTranslation()
  const now = useNow(15_000)
  const overview = useQuery(scheduleQueries.overview())
  return (
    <Card withBorder padding="lg" data-testid="sync-schedule">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {t('schedule.title')}
        </Title>
        {overview.data?.power.onBattery && (
          <Badge variant="light" color="yellow" leftSection={<IconBattery2 size={14} />}>
            {t('schedule.onBattery')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('schedule.help')}
      </Text>
      {overview.data ? (
        overview.data.accounts.length === 0 ? (
          <Text size="sm">{t('schedule.noAccounts')}</Text>
        ) : (
          <Stack gap="lg">
            {overview.data.accounts.map((s) => (
              <ScheduleRow key={s.accountId} s={s} now={now} />
            ))}
          </Stack>
        )
      ) : overview.isError ? (
        <Text c="red">{t('errors.loadFailed')}</Text>
      ) : (
        <Group>
          <Loader size="sm" />
          <Text>{t('common.loading')}</Text>
        </Group>
      )}
    </Card>
  )
}
