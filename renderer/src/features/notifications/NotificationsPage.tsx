import { useMemo, useRef, useState } from 'react'
import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Loader,
  Menu,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core'
import { notifications as toasts } from '@mantine/notifications'
import {
  IconBell,
  IconBellOff,
  IconChecks,
  IconDots,
  IconExternalLink,
  IconHelpCircle,
  IconMail,
  IconMailOpened,
} from '@tabler/icons-react'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import {
  REMINDER_RULES,
  ReminderRule,
  Severity,
  type Reminder,
  type ReminderFilter,
} from '../../../../shared/domain/reminders'
import { scopeRoots } from '../../app/query-keys'
import { EmptyState } from '../../components/EmptyState'
import { formatDateTime, relativeTime } from '../../lib/format'
import { invoke } from '../../lib/ipc'
import { useNow } from '../../lib/use-now'
import { useMarkRead, useMute } from './notifications-queries'
import { reminderMessage, SEVERITY_COLOR, whyLines } from './reminder-model'

const PAGE = 100

function WhyModal({ reminder, onClose, now }: { reminder: Reminder; onClose: () => void; now: number }) {
  const { t, i18n } = useTranslation()
  const message = reminderMessage(t, reminder, i18n.language)
  return (
    <Modal opened onClose={onClose} title={t('notifications.why.title')} size="lg">
      <Stack gap="sm" data-testid="why-panel">
        <Text fw={600}>{message.title}</Text>
        {whyLines(t, reminder, i18n.language, now).map((line) => (
          <Text key={line} size="sm">
            {line}
          </Text>
        ))}
        <Anchor component={Link} to="/settings" size="sm" onClick={onClose}>
          {t('notifications.settingsLink')}
        </Anchor>
      </Stack>
    </Modal>
  )
}

function ReminderRow({ reminder, now, onWhy }: { reminder: Reminder; now: number; onWhy: (r: Reminder) => void }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const markRead = useMarkRead()
  const mute = useMute()
  const lang = i18n.language
  const message = reminderMessage(t, reminder, lang)
  const unread = reminder.readAt === null
  const muted = reminder.delivery === 'muted'
  const ruleLabel = t(`notifications.rules.${reminder.rule}`)
  const open = (): void => {
    if (unread) markRead.mutate({ ids: [reminder.id], read: true })
    void navigate(reminder.link)
  }
  const muteWith = (input: Parameters<typeof mute.mutate>[0]): void =>
    mute.mutate(input, { onSuccess: () => toasts.show({ message: t('notifications.mutedNotice') }) })
  return (
    <Group
      wrap="nowrap"
      align="flex-start"
      gap="sm"
      px="sm"
      py={10}
      data-testid="reminder-row"
      data-unread={unread}
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Box w={10} pt={6} style={{ flexShrink: 0 }}>
        {unread && (
          <Box
            w={8}
            h={8}
            bg="blue.6"
            style={{ borderRadius: '50%' }}
            role="img"
            aria-label={t('notifications.unreadDot')}
          />
        )}
      </Box>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" wrap="nowrap">
          <Badge size="sm" variant="light" color={SEVERITY_COLOR[reminder.severity]} style={{ flexShrink: 0 }}>
            {t(`notifications.severity.${reminder.severity}`)}
          </Badge>
          <Text fw={unread ? 700 : 500} size="sm" truncate="end">
            {message.title}
          </Text>
          {muted && (
            <Badge size="sm" variant="outline" color="gray" leftSection={<IconBellOff size={12} />}>
              {t('notifications.mutedBadge')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" truncate="end">
          {ruleLabel} · {message.detail}
        </Text>
      </Stack>
      <Tooltip label={formatDateTime(reminder.createdAt, lang)}>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} pt={4}>
          {relativeTime(reminder.createdAt, now, lang)}
        </Text>
      </Tooltip>
      <Group gap={4} wrap="nowrap">
        <Tooltip label={t('notifications.open')}>
          <ActionIcon variant="subtle" onClick={open} aria-label={`${t('notifications.open')}: ${message.title}`}>
            <IconExternalLink size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('notifications.why.button')}>
          <ActionIcon
            variant="subtle"
            onClick={() => onWhy(reminder)}
            aria-label={`${t('notifications.why.button')} ${message.title}`}
            data-testid="why-button"
          >
            <IconHelpCircle size={16} />
          </ActionIcon>
        </Tooltip>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" aria-label={t('notifications.actions')}>
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={unread ? <IconMailOpened size={14} /> : <IconMail size={14} />}
              onClick={() => markRead.mutate({ ids: [reminder.id], read: unread })}
            >
              {unread ? t('notifications.markRead') : t('notifications.markUnread')}
            </Menu.Item>
            {reminder.orgId !== null && (
              <Menu.Item
                leftSection={<IconBellOff size={14} />}
                onClick={() =>
                  muteWith({ scope: 'org', accountId: reminder.accountId, orgId: reminder.orgId!, until: null })
                }
              >
                {t('notifications.muteOrg', { org: reminder.orgName ?? `#${reminder.orgId}` })}
              </Menu.Item>
            )}
            <Menu.Item
              leftSection={<IconBellOff size={14} />}
              onClick={() => muteWith({ scope: 'rule', rule: reminder.rule, until: null })}
            >
              {t('notifications.muteRule', { rule: ruleLabel })}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  )
}

/** The notification centre: every reminder, newest first, with filters, mark read and "why am I seeing this". */
export function NotificationsPage() {
  const { t } = useTranslation()
  const now = useNow(30_000)
  const [view, setView] = useState<'all' | 'unread'>('all')
  const [rules, setRules] = useState<ReminderRule[]>([])
  const [severity, setSeverity] = useState<Severity | null>(null)
  const [includeMuted, setIncludeMuted] = useState(false)
  const [why, setWhy] = useState<Reminder | null>(null)
  const markRead = useMarkRead()

  const filter: ReminderFilter = {
    ...(view === 'unread' ? { unreadOnly: true } : {}),
    ...(rules.length > 0 ? { rules } : {}),
    ...(severity ? { severity } : {}),
    ...(includeMuted ? { includeMuted: true } : {}),
    limit: PAGE,
  }
  const pages = useInfiniteQuery({
    queryKey: [...scopeRoots.reminders, 'centre', filter],
    queryFn: ({ pageParam }) =>
      invoke('reminders:list', pageParam === null ? filter : { ...filter, beforeId: pageParam }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.items.length < PAGE ? null : (last.items.at(-1)?.id ?? null)),
  })
  const items = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data])
  const first = pages.data?.pages[0]
  const filtered = view === 'unread' || rules.length > 0 || severity !== null || includeMuted

  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions by design
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 64,
    overscan: 10,
  })

  return (
    <Stack gap="md" h="calc(100dvh - 56px - 2 * var(--mantine-spacing-md))">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{t('notifications.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('notifications.subtitle')}
          </Text>
        </div>
        <Group gap="xs">
          <Anchor component={Link} to="/settings" size="sm">
            {t('notifications.settingsLink')}
          </Anchor>
          <Button
            variant="default"
            leftSection={<IconChecks size={16} />}
            onClick={() => markRead.mutate({ read: true })}
            loading={markRead.isPending}
            disabled={!first || first.unread === 0}
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
      </Group>

      <Group gap="md" align="flex-end" wrap="wrap">
        <div>
          <Text size="sm" fw={500} mb={4} id="reminders-show">
            {t('notifications.show')}
          </Text>
          <SegmentedControl
            aria-labelledby="reminders-show"
            value={view}
            onChange={(v) => setView(v === 'unread' ? 'unread' : 'all')}
            data={[
              { value: 'all', label: t('notifications.all') },
              { value: 'unread', label: t('notifications.unread') },
            ]}
          />
        </div>
        <MultiSelect
          label={t('notifications.ruleFilter')}
          placeholder={rules.length === 0 ? t('notifications.allRules') : undefined}
          data={REMINDER_RULES.map((r) => ({ value: r, label: t(`notifications.rules.${r}`) }))}
          value={rules}
          onChange={(values) => setRules(values.flatMap((v) => ReminderRule.safeParse(v).data ?? []))}
          clearable
          w={300}
        />
        <Select
          label={t('notifications.severityFilter')}
          placeholder={t('notifications.anySeverity')}
          data={(['high', 'medium', 'low'] as const).map((s) => ({
            value: s,
            label: t(`notifications.severity.${s}`),
          }))}
          value={severity}
          onChange={(v) => setSeverity(Severity.safeParse(v).data ?? null)}
          clearable
          w={180}
        />
        <Checkbox
          label={t('notifications.includeMuted')}
          checked={includeMuted}
          onChange={(e) => setIncludeMuted(e.currentTarget.checked)}
          mb={8}
        />
      </Group>

      {pages.isPending ? (
        <Group>
          <Loader size="sm" />
          <Text>{t('common.loading')}</Text>
        </Group>
      ) : pages.isError ? (
        <Text c="red">{t('errors.loadFailed')}</Text>
      ) : items.length === 0 ? (
        filtered ? (
          <Text c="dimmed">{t('notifications.emptyFiltered')}</Text>
        ) : (
          <EmptyState
            icon={<IconBell size={28} />}
            title={t('notifications.emptyTitle')}
            body={t('notifications.emptyBody')}
          />
        )
      ) : (
        <>
          <Text size="sm" c="dimmed" data-testid="reminders-count">
            {t('notifications.count', { count: first?.total ?? items.length })}
          </Text>
          <Box
            ref={scrollRef}
            style={{
              flex: 1,
              overflow: 'auto',
              border: '1px solid var(--mantine-color-default-border)',
              borderRadius: 'var(--mantine-radius-md)',
            }}
            role="list"
            aria-label={t('notifications.title')}
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((v) => (
                <div
                  key={items[v.index]!.id}
                  role="listitem"
                  data-index={v.index}
                  ref={virtualizer.measureElement}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}
                >
                  <ReminderRow reminder={items[v.index]!} now={now} onWhy={setWhy} />
                </div>
              ))}
            </div>
            {pages.hasNextPage && (
              <Group justify="center" p="sm">
                <Button variant="subtle" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                  {t('notifications.loadMore')}
                </Button>
              </Group>
            )}
          </Box>
        </>
      )}
      {why && <WhyModal reminder={why} now={now} onClose={() => setWhy(null)} />}
    </Stack>
  )
}
