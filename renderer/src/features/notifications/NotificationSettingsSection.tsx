import { useState } from 'react'
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  Loader,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core'
import { notifications as toasts } from '@mantine/notifications'
import { IconBellOff, IconTrash } from '@tabler/icons-react'
import { useIsMutating, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  DigestMode,
  REMINDER_RULES,
  TimeOfDay,
  type Mute,
  type NotificationPrefs,
  type NotificationPrefsPatch,
} from '../../../../shared/domain/reminders'
import { formatDateTime, intlLocale } from '../../lib/format'
import { orgsQueries } from '../orgs/orgs-queries'
import { appQueries } from '../settings/settings-queries'
import {
  remindersQueries,
  SETTINGS_SAVE,
  useMute,
  useUnmute,
  useUpdateNotificationSettings,
} from './notifications-queries'

const HOUR = 3_600_000
const DURATIONS = { h1: HOUR, h8: 8 * HOUR, d1: 24 * HOUR, w1: 7 * 24 * HOUR, forever: null } as const
type DurationKey = keyof typeof DURATIONS

/** Weekday names in the UI language, 0 = Sunday. */
function weekdays(lang: string): { value: string; label: string }[] {
  const format = new Intl.DateTimeFormat(intlLocale(lang), { weekday: 'long', timeZone: 'UTC' })
  // 7 January 2024 was a Sunday.
  return [0, 1, 2, 3, 4, 5, 6].map((d) => ({ value: String(d), label: format.format(Date.UTC(2024, 0, 7 + d)) }))
}

function BrowserPermission() {
  const { t } = useTranslation()
  const [permission, setPermission] = useState(() =>
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  )
  if (permission === 'unsupported') return <Text size="sm">{t('notificationSettings.browserUnsupported')}</Text>
  if (permission === 'granted') return <Text size="sm">{t('notificationSettings.browserGranted')}</Text>
  if (permission === 'denied') return <Text size="sm">{t('notificationSettings.browserDenied')}</Text>
  return (
    <Group>
      <Button
        size="xs"
        variant="light"
        onClick={() => void Notification.requestPermission().then((p) => setPermission(p))}
      >
        {t('notificationSettings.browserAllow')}
      </Button>
    </Group>
  )
}

function MuteList({ mutes }: { mutes: readonly Mute[] }) {
  const { t, i18n } = useTranslation()
  const unmute = useUnmute()
  const mute = useMute()
  const [duration, setDuration] = useState<DurationKey>('h8')
  const what = (m: Mute): string =>
    m.scope === 'global'
      ? t('notificationSettings.muteGlobal')
      : m.scope === 'rule' && m.rule
        ? t('notificationSettings.muteRuleLabel', { rule: t(`notifications.rules.${m.rule}`) })
        : t('notificationSettings.muteOrgLabel', { org: m.orgName ?? `#${m.orgId ?? ''}` })
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('notificationSettings.mutes')}
      </Text>
      {mutes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('notificationSettings.noMutes')}
        </Text>
      ) : (
        mutes.map((m) => (
          <Group key={m.id} gap="xs" wrap="nowrap" data-testid="mute-row">
            <IconBellOff size={16} aria-hidden />
            <Text size="sm" style={{ flex: 1 }}>
              {what(m)} ·{' '}
              {m.until === null
                ? t('notificationSettings.untilUnmuted')
                : t('notificationSettings.until', { time: formatDateTime(m.until, i18n.language) })}
            </Text>
            <Tooltip label={t('notificationSettings.unmute')}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('notificationSettings.unmuteAria', { what: what(m) })}
                onClick={() => unmute.mutate(m.id)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))
      )}
      <Group gap="xs" align="flex-end">
        <Select
          label={t('notificationSettings.muteFor')}
          data={(Object.keys(DURATIONS) as DurationKey[]).map((k) => ({
            value: k,
            label: t(`notificationSettings.durations.${k}`),
          }))}
          value={duration}
          onChange={(v) => v && v in DURATIONS && setDuration(v as DurationKey)}
          allowDeselect={false}
          w={200}
        />
        <Button
          variant="default"
          leftSection={<IconBellOff size={16} />}
          loading={mute.isPending}
          onClick={() => {
            const ms = DURATIONS[duration]
            mute.mutate({ scope: 'global', until: ms === null ? null : Date.now() + ms })
          }}
        >
          {t('notificationSettings.muteAll')}
        </Button>
      </Group>
    </Stack>
  )
}

function CalendarFeedLine({
  state,
}: {
  state: { path: string; writtenAt: number | null; events: number | null; error: string | null }
}) {
  const { t, i18n } = useTranslation()
  return (
    <Stack gap={4} pl={46}>
      <Text size="sm">
        {t('notificationSettings.calendarPath')}: <Code data-testid="calendar-path">{state.path}</Code>
      </Text>
      <Text size="sm" c={state.error ? 'red' : 'dimmed'}>
        {state.error
          ? t('notificationSettings.calendarError', { error: state.error })
          : state.writtenAt === null
            ? t('notificationSettings.calendarNever')
            : state.events === null
              ? t('notificationSettings.calendarWrittenAt', { time: formatDateTime(state.writtenAt, i18n.language) })
              : t('notificationSettings.calendarWritten', {
                  time: formatDateTime(state.writtenAt, i18n.language),
                  count: state.events,
                })}
      </Text>
    </Stack>
  )
}

/** The keys of a patch that are set. */
function definedOnly(patch: NotificationPrefsPatch): Partial<NotificationPrefs> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<NotificationPrefs>
}

/** Settings → Notifications: delivery (digest), quiet hours, desktop, background, calendar feed, watch, types, mutes. */
export function NotificationSettingsSection() {
  const { t, i18n } = useTranslation()
  const settings = useQuery(remindersQueries.settings())
  const mutes = useQuery(remindersQueries.mutes())
  const info = useQuery(appQueries.info())
  const orgs = useQuery(orgsQueries.all())
  const update = useUpdateNotificationSettings()
  // What the user just set shows in the same event (not after the save's round trip): a switch that flips and
  // the fields it reveals move the layout at once, never under the next click. Only while a save is pending:
  // then the cached settings hold the core's answer.
  const [local, setLocal] = useState<NotificationPrefsPatch>({})
  const saving = useIsMutating({ mutationKey: SETTINGS_SAVE }) > 0
  const save = (patch: NotificationPrefsPatch): void => {
    setLocal((l) => ({ ...(saving ? l : {}), ...patch }))
    update.mutate(patch, {
      onError: () => toasts.show({ color: 'red', message: t('notificationSettings.saveFailed') }),
    })
  }
  const time = (value: string, apply: (v: string) => void): void => {
    const parsed = TimeOfDay.safeParse(value)
    if (parsed.success) apply(parsed.data)
  }

  const prefs: NotificationPrefs | undefined =
    settings.data && (saving ? { ...settings.data.prefs, ...definedOnly(local) } : settings.data.prefs)
  const host = info.data?.host
  return (
    <Card withBorder padding="lg" data-testid="notification-settings">
      <Title order={3} size="h4" mb="md">
        {t('notificationSettings.title')}
      </Title>
      {!prefs || !settings.data ? (
        settings.isError ? (
          <Text c="red">{t('errors.loadFailed')}</Text>
        ) : (
          <Group>
            <Loader size="sm" />
            <Text>{t('common.loading')}</Text>
          </Group>
        )
      ) : (
        <Stack gap="lg">
          <Stack gap="xs">
            <Switch
              label={t('notificationSettings.desktop')}
              description={t('notificationSettings.desktopHelp')}
              checked={prefs.desktop}
              onChange={(e) => save({ desktop: e.currentTarget.checked })}
            />
            {host === 'browser-shell' && prefs.desktop && (
              <Stack pl={46}>
                <BrowserPermission />
              </Stack>
            )}
          </Stack>

          <div>
            <Text size="sm" fw={500} mb={4} id="digest-label">
              {t('notificationSettings.delivery')}
            </Text>
            <SegmentedControl
              aria-labelledby="digest-label"
              value={prefs.digest}
              onChange={(v) => {
                const parsed = DigestMode.safeParse(v)
                if (parsed.success) save({ digest: parsed.data })
              }}
              data={[
                { value: 'immediate', label: t('notificationSettings.immediate') },
                { value: 'daily', label: t('notificationSettings.daily') },
                { value: 'weekly', label: t('notificationSettings.weekly') },
              ]}
            />
            {prefs.digest !== 'immediate' && (
              <Group gap="md" mt="sm">
                <TextInput
                  type="time"
                  label={t('notificationSettings.digestAt')}
                  defaultValue={prefs.digestAt}
                  key={`digest-${prefs.digestAt}`}
                  onBlur={(e) => time(e.currentTarget.value, (v) => v !== prefs.digestAt && save({ digestAt: v }))}
                  w={140}
                />
                {prefs.digest === 'weekly' && (
                  <Select
                    label={t('notificationSettings.digestDay')}
                    data={weekdays(i18n.language)}
                    value={String(prefs.digestDay)}
                    onChange={(v) => v !== null && save({ digestDay: Number(v) })}
                    allowDeselect={false}
                    w={200}
                  />
                )}
              </Group>
            )}
          </div>

          <Stack gap="xs">
            <Switch
              label={t('notificationSettings.quietHours')}
              description={t('notificationSettings.quietHelp')}
              checked={prefs.quietHours.enabled}
              onChange={(e) => save({ quietHours: { ...prefs.quietHours, enabled: e.currentTarget.checked } })}
            />
            {prefs.quietHours.enabled && (
              <Group gap="md" pl={46}>
                <TextInput
                  type="time"
                  label={t('notificationSettings.quietFrom')}
                  defaultValue={prefs.quietHours.start}
                  key={`qs-${prefs.quietHours.start}`}
                  onBlur={(e) =>
                    time(
                      e.currentTarget.value,
                      (v) => v !== prefs.quietHours.start && save({ quietHours: { ...prefs.quietHours, start: v } }),
                    )
                  }
                  w={140}
                />
                <TextInput
                  type="time"
                  label={t('notificationSettings.quietUntil')}
                  defaultValue={prefs.quietHours.end}
                  key={`qe-${prefs.quietHours.end}`}
                  onBlur={(e) =>
                    time(
                      e.currentTarget.value,
                      (v) => v !== prefs.quietHours.end && save({ quietHours: { ...prefs.quietHours, end: v } }),
                    )
                  }
                  w={140}
                />
              </Group>
            )}
          </Stack>

          <Switch
            label={t('notificationSettings.background')}
            description={
              host === 'electron'
                ? t('notificationSettings.backgroundHelp')
                : `${t('notificationSettings.backgroundHelp')} ${t('notificationSettings.backgroundDesktopOnly')}`
            }
            checked={prefs.background}
            disabled={host !== 'electron'}
            onChange={(e) => save({ background: e.currentTarget.checked })}
          />
          <Switch
            label={t('notificationSettings.pauseOnBattery')}
            checked={prefs.pauseOnBattery}
            onChange={(e) => save({ pauseOnBattery: e.currentTarget.checked })}
          />

          <Stack gap="xs">
            <Switch
              label={t('notificationSettings.calendar')}
              description={t('notificationSettings.calendarHelp')}
              checked={prefs.calendarFeed}
              onChange={(e) => save({ calendarFeed: e.currentTarget.checked })}
            />
            {prefs.calendarFeed && <CalendarFeedLine state={settings.data.calendarFeed} />}
          </Stack>

          <div>
            <Text size="sm" fw={500} mb={4} id="watch-label">
              {t('notificationSettings.watch')}
            </Text>
            <SegmentedControl
              aria-labelledby="watch-label"
              value={prefs.accessWatch.mode}
              onChange={(v) =>
                save({ accessWatch: { ...prefs.accessWatch, mode: v === 'selected' ? 'selected' : 'all' } })
              }
              data={[
                { value: 'all', label: t('notificationSettings.watchAll') },
                { value: 'selected', label: t('notificationSettings.watchSelected') },
              ]}
            />
            {prefs.accessWatch.mode === 'selected' && (
              <MultiSelect
                mt="sm"
                label={t('notificationSettings.watchOrgs')}
                placeholder={t('notificationSettings.watchOrgsPlaceholder')}
                searchable
                limit={50}
                data={(orgs.data ?? []).map((o) => ({ value: `${o.accountId}:${o.id}`, label: o.name }))}
                value={prefs.accessWatch.orgs.map((o) => `${o.accountId}:${o.orgId}`)}
                onChange={(values) =>
                  save({
                    accessWatch: {
                      mode: 'selected',
                      orgs: values.flatMap((v) => {
                        const at = v.lastIndexOf(':')
                        const orgId = Number(v.slice(at + 1))
                        return at > 0 && Number.isInteger(orgId) ? [{ accountId: v.slice(0, at), orgId }] : []
                      }),
                    },
                  })
                }
                maw={520}
              />
            )}
          </div>

          <div>
            <Text size="sm" fw={500}>
              {t('notificationSettings.rules')}
            </Text>
            <Text size="xs" c="dimmed" mb={6}>
              {t('notificationSettings.rulesHelp')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6}>
              {REMINDER_RULES.map((rule) => (
                <Checkbox
                  key={rule}
                  label={t(`notifications.rules.${rule}`)}
                  checked={!prefs.disabledRules.includes(rule)}
                  onChange={(e) =>
                    save({
                      disabledRules: e.currentTarget.checked
                        ? prefs.disabledRules.filter((r) => r !== rule)
                        : [...prefs.disabledRules, rule],
                    })
                  }
                />
              ))}
            </SimpleGrid>
          </div>

          <MuteList mutes={mutes.data ?? []} />
        </Stack>
      )}
    </Card>
  )
}
