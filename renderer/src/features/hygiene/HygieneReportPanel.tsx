import { useMemo, useRef, useState, type CSSProperties } from 'react'
import {
  Anchor,
  Badge,
  Button,
  Card,
  Chip,
  Group,
  Loader,
  Modal,
  MultiSelect,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconChevronDown,
  IconChevronRight,
  IconClockPause,
  IconInfoCircle,
  IconSearch,
  IconShieldCheck,
} from '@tabler/icons-react'
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { FindingRule as FindingRuleSchema, type FindingRule } from '../../../../shared/domain/access'
import type { ClientScore, HygieneFilter, HygieneFinding, Severity } from '../../../../shared/domain/hygiene'
import { hygieneFilterOf, hygienePath } from '../../app/links'
import { TrendChart, TrendEmpty } from '../../components/TrendChart'
import { formatCount, formatDate, relativeTime } from '../../lib/format'
import { invoke } from '../../lib/ipc'
import { useNow } from '../../lib/use-now'
import { useVirtualRows } from '../../lib/virtual'
import { FLEET_ROOT, fleetQueries } from '../fleet/fleet-queries'
import { orgKey, parseOrgKey } from '../orgs/org-key'
import { orgsQueries } from '../orgs/orgs-queries'

const SEVERITY_COLOR: Record<Severity, string> = { high: 'red', medium: 'orange', low: 'gray' }
const SEVERITY_ICON = { high: IconAlertOctagon, medium: IconAlertTriangle, low: IconInfoCircle } as const
const RULE_ROW = 52
const CLIENT_ROW = 44
const FINDING_ROW = 48
const DAY_MS = 86_400_000

type ClientRef = { accountId: string | null; orgId: number | null }
const clientId = (c: ClientRef) => `${c.accountId ?? '*'}:${c.orgId ?? '*'}`

type Row =
  | { kind: 'rule'; rule: FindingRule; severity: Severity; count: number; clients: number; expanded: boolean }
  | {
      kind: 'client'
      rule: FindingRule
      client: ClientRef
      name: string | null
      count: number
      high: number
      expanded: boolean
    }
  | { kind: 'finding'; finding: HygieneFinding }
  | { kind: 'loading'; key: string }
  | { kind: 'more'; key: string; shown: number; total: number }

function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation()
  const Icon = SEVERITY_ICON[severity]
  return (
    <Badge
      color={SEVERITY_COLOR[severity]}
      variant="light"
      leftSection={<Icon size={12} aria-hidden />}
      style={{ flexShrink: 0 }}
    >
      {t(`hygiene.severity.${severity}`)}
    </Badge>
  )
}

function ScoreBadge({ score }: { score: ClientScore | undefined }) {
  const { t } = useTranslation()
  if (!score || score.score === null)
    return (
      <Text size="xs" c="dimmed">
        {t('hygiene.noScore')}
      </Text>
    )
  const tone = score.score >= 85 ? 'green' : score.score >= 70 ? 'yellow' : 'red'
  const delta = score.delta30
  return (
    <Tooltip label={t('hygiene.scoreHelp')} multiline w={260}>
      <Group gap={4} wrap="nowrap">
        <Badge variant="light" color={tone} data-testid="client-score">
          {t('hygiene.score', { score: score.score })}
        </Badge>
        {delta !== null && delta !== 0 && (
          <Text size="xs" c={delta > 0 ? 'green' : 'red'} fw={600}>
            {t('hygiene.scoreDelta', { delta: delta > 0 ? `▲ ${delta}` : `▼ ${-delta}` })}
          </Text>
        )}
      </Group>
    </Tooltip>
  )
}

/** "Accept the risk" or "Snooze until", with a reason, for one or many findings. */
function DecisionModal({ keys, onClose }: { keys: readonly string[] | null; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const [kind, setKind] = useState<'accepted' | 'snoozed'>('snoozed')
  const [preset, setPreset] = useState<string>('30')
  const [custom, setCustom] = useState('')
  const [reason, setReason] = useState('')
  const now = useNow(60_000)
  const until = (at: number): number | undefined => {
    if (kind !== 'snoozed') return undefined
    if (preset === 'custom') {
      const d = Date.parse(`${custom}T00:00:00`)
      return Number.isFinite(d) ? d : undefined
    }
    return at + Number(preset) * DAY_MS
  }
  const decide = useMutation({
    mutationFn: () => {
      const date = until(Date.now())
      return invoke('hygiene:decide', {
        keys: [...(keys ?? [])],
        kind,
        reason: reason.trim(),
        ...(date !== undefined ? { until: date } : {}),
      })
    },
    onSuccess: ({ decided }) => {
      void queryClient.invalidateQueries({ queryKey: FLEET_ROOT })
      notifications.show({ color: 'green', message: t('hygiene.modal.saved', { count: decided }) })
      setReason('')
      onClose()
    },
    onError: () => notifications.show({ color: 'red', message: t('hygiene.modal.failed') }),
  })
  const validUntil = kind === 'accepted' || (until(now) ?? 0) > now
  return (
    <Modal opened={keys !== null} onClose={onClose} title={t('hygiene.modal.title')} size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (reason.trim() !== '' && validUntil) decide.mutate()
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('hygiene.modal.scope', { count: keys?.length ?? 0 })}</Text>
          <Radio.Group label={t('hygiene.modal.kind')} value={kind} onChange={(v) => setKind(v as typeof kind)}>
            <Stack gap={6} mt={4}>
              <Radio value="snoozed" label={t('hygiene.modal.snooze')} description={t('hygiene.modal.snoozeHelp')} />
              <Radio value="accepted" label={t('hygiene.modal.accept')} description={t('hygiene.modal.acceptHelp')} />
            </Stack>
          </Radio.Group>
          {kind === 'snoozed' && (
            <Group gap="sm" align="flex-end">
              <Select
                label={t('hygiene.modal.until')}
                data={[
                  { value: '7', label: t('hygiene.modal.in1w') },
                  { value: '30', label: t('hygiene.modal.in1m') },
                  { value: '90', label: t('hygiene.modal.in3m') },
                  { value: 'custom', label: t('hygiene.modal.custom') },
                ]}
                value={preset}
                onChange={(v) => setPreset(v ?? '30')}
                allowDeselect={false}
                w={180}
              />
              {preset === 'custom' ? (
                <TextInput
                  type="date"
                  aria-label={t('hygiene.modal.until')}
                  value={custom}
                  onChange={(e) => setCustom(e.currentTarget.value)}
                  min={new Date(now + DAY_MS).toISOString().slice(0, 10)}
                  w={170}
                />
              ) : (
                <Text size="sm" c="dimmed" pb={8}>
                  {formatDate(until(now) ?? now, i18n.language)}
                </Text>
              )}
            </Group>
          )}
          <Textarea
            label={t('hygiene.modal.reason')}
            description={t('hygiene.modal.reasonHelp')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
            required
            data-autofocus
            data-testid="decision-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={decide.isPending}
              disabled={reason.trim() === '' || !validUntil}
              data-testid="decision-confirm"
            >
              {t('hygiene.modal.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/**
 * Hygiene across all clients: grouped by rule, then by client (grouped and counted in the core), with
 * filters, per-client scores and their 30-day change, the fleet's trend, and decisions with a reason.
 * The list is virtualized: a rule with 1,000 clients scrolls like one with ten.
 */
export function HygieneReportPanel() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const now = useNow(60_000)
  const queryClient = useQueryClient()
  const [params, setParams] = useSearchParams()
  const base = useMemo(() => hygieneFilterOf(params), [params])
  const [status, setStatus] = useState<'open' | 'decided' | 'all'>('open')
  const [text, setText] = useState('')
  const filter: HygieneFilter = useMemo(
    () => ({ ...base, status, ...(text.trim() ? { text: text.trim() } : {}) }),
    [base, status, text],
  )
  const summary = useQuery(fleetQueries.hygieneSummary(filter))
  const scores = useQuery(fleetQueries.scores())
  const trend = useQuery(fleetQueries.trend(90))
  const orgs = useQuery(orgsQueries.all())
  const [collapsedRules, setCollapsedRules] = useState<ReadonlySet<FindingRule>>(new Set())
  const [openClients, setOpenClients] = useState<ReadonlySet<string>>(new Set())
  const [deciding, setDeciding] = useState<readonly string[] | null>(null)
  const scrollRef = useRef<HTMLDivElement>(null)

  const scoreOf = useMemo(
    () => new Map((scores.data ?? []).map((s) => [clientId({ accountId: s.accountId, orgId: s.orgId }), s])),
    [scores.data],
  )
  const expandedPairs = useMemo(() => {
    const list: { rule: FindingRule; client: ClientRef }[] = []
    for (const r of summary.data?.rules ?? []) {
      if (collapsedRules.has(r.rule)) continue
      for (const c of r.clients) {
        const client = { accountId: c.accountId, orgId: c.orgId }
        if (openClients.has(`${r.rule}|${clientId(client)}`)) list.push({ rule: r.rule, client })
      }
    }
    return list
  }, [summary.data, collapsedRules, openClients])
  const findings = useQueries({
    queries: expandedPairs.map((p) => fleetQueries.hygieneFindings(filter, p.rule, p.client)),
  })

  const rows = useMemo(() => {
    const out: Row[] = []
    for (const r of summary.data?.rules ?? []) {
      const expanded = !collapsedRules.has(r.rule)
      out.push({
        kind: 'rule',
        rule: r.rule,
        severity: r.severity,
        count: r.count,
        clients: r.clients.length,
        expanded,
      })
      if (!expanded) continue
      for (const c of r.clients) {
        const client = { accountId: c.accountId, orgId: c.orgId }
        const key = `${r.rule}|${clientId(client)}`
        const open = openClients.has(key)
        out.push({
          kind: 'client',
          rule: r.rule,
          client,
          name: c.orgName,
          count: c.count,
          high: c.high,
          expanded: open,
        })
        if (!open) continue
        const i = expandedPairs.findIndex((p) => p.rule === r.rule && clientId(p.client) === clientId(client))
        const data = findings[i]?.data
        if (!data) out.push({ kind: 'loading', key })
        else {
          for (const f of data.items) out.push({ kind: 'finding', finding: f })
          if (data.total > data.items.length)
            out.push({ kind: 'more', key, shown: data.items.length, total: data.total })
        }
      }
    }
    return out
  }, [summary.data, collapsedRules, openClients, expandedPairs, findings])

  const virtual = useVirtualRows({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => {
      const r = rows[i]
      return r?.kind === 'rule' ? RULE_ROW : r?.kind === 'finding' ? FINDING_ROW : CLIENT_ROW
    },
    getItemKey: (i) => {
      const r = rows[i]!
      switch (r.kind) {
        case 'rule':
          return `r:${r.rule}`
        case 'client':
          return `c:${r.rule}|${clientId(r.client)}`
        case 'finding':
          return `f:${r.finding.key}`
        default:
          return `${r.kind}:${r.key}`
      }
    },
    overscan: 8,
  })

  const reopen = useMutation({
    mutationFn: (keys: string[]) => invoke('hygiene:reopen', { keys }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: FLEET_ROOT })
      notifications.show({ message: t('hygiene.reopened') })
    },
  })

  const setLink = (patch: Partial<{ clients: string[]; rules: FindingRule[]; severities: Severity[] }>) => {
    const next = {
      clients: patch.clients ?? (base.clients ?? []).map((c) => orgKey(c)),
      rules: patch.rules ?? [...(base.rules ?? [])],
      severities: patch.severities ?? [...(base.severities ?? [])],
    }
    const path = hygienePath({
      clients: next.clients.map(parseOrgKey).filter((x) => x !== null),
      rules: next.rules,
      severities: next.severities,
    })
    setParams(new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?') + 1) : ''), { replace: true })
  }
  const severities = base.severities ?? []
  const toggleSeverity = (s: Severity) =>
    setLink({ severities: severities.includes(s) ? severities.filter((x) => x !== s) : [...severities, s] })
  const filtered = (base.clients?.length ?? 0) + (base.rules?.length ?? 0) + severities.length > 0 || text.trim() !== ''

  const clientOptions = useMemo(
    () => (orgs.data ?? []).map((o) => ({ value: orgKey({ accountId: o.accountId, orgId: o.id }), label: o.name })),
    [orgs.data],
  )
  const trendData = (trend.data ?? []).map((p) => ({ day: p.day, value: p.open }))
  const totals = summary.data?.totals

  const fixLink = (f: HygieneFinding) => (
    <Anchor component={Link} to={f.link} size="sm" aria-label={t('hygiene.fixIn', { org: f.orgName ?? f.subject })}>
      {t('hygiene.fix')}
    </Anchor>
  )
  const sentence = (f: HygieneFinding) =>
    t(`accessPage.hygiene.rules.${f.rule}`, { org: f.orgName ?? '', subject: f.subject, value: f.value })

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('hygiene.intro')}
      </Text>
      <Group align="stretch" gap="md" wrap="nowrap">
        <Card withBorder padding="sm" style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600} mb={4}>
            {t('hygiene.trend')}
          </Text>
          {trendData.length >= 1 ? (
            <TrendChart
              data={trendData}
              label={t('hygiene.trend')}
              language={lang}
              height={64}
              testId="hygiene-trend"
            />
          ) : (
            <TrendEmpty text={t('hygiene.trendEmpty')} />
          )}
          {trendData.length === 1 && <TrendEmpty text={t('hygiene.trendEmpty')} />}
        </Card>
        <Card withBorder padding="sm" w={300} style={{ flexShrink: 0 }}>
          <Stack gap={6}>
            {(['high', 'medium', 'low'] as const).map((s) => (
              <Group key={s} justify="space-between" wrap="nowrap">
                <SeverityBadge severity={s} />
                <Text fw={700} data-testid={`total-${s}`}>
                  {formatCount(totals?.[s] ?? 0, lang)}
                </Text>
              </Group>
            ))}
            {summary.data && (
              <Text size="xs" c="dimmed">
                {t('hygiene.computedAt', { when: relativeTime(summary.data.computedAt, now, lang) })}
                {summary.data.stale && <span data-testid="hygiene-updating">{` · ${t('hygiene.updating')}`}</span>}
                {summary.data.orgsNotSynced > 0 &&
                  ` · ${t('hygiene.notSynced', { count: summary.data.orgsNotSynced })}`}
              </Text>
            )}
          </Stack>
        </Card>
      </Group>

      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('hygiene.filters.label')}>
        <div>
          <VisuallyHidden id="hygiene-status">{t('hygiene.status.label')}</VisuallyHidden>
          <SegmentedControl
            aria-labelledby="hygiene-status"
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            data={[
              { value: 'open', label: t('hygiene.status.open', { count: totals?.open ?? 0 }) },
              {
                value: 'decided',
                label: t('hygiene.status.decided', { count: (totals?.accepted ?? 0) + (totals?.snoozed ?? 0) }),
              },
              { value: 'all', label: t('hygiene.status.all') },
            ]}
            data-testid="hygiene-status"
          />
        </div>
        <div>
          <VisuallyHidden id="hygiene-severity">{t('hygiene.filters.severity')}</VisuallyHidden>
          <Group gap={6} role="group" aria-labelledby="hygiene-severity" h={36} align="center">
            {(['high', 'medium', 'low'] as const).map((s) => (
              <Chip
                key={s}
                size="sm"
                color={SEVERITY_COLOR[s]}
                checked={severities.includes(s)}
                onChange={() => toggleSeverity(s)}
                data-testid={`severity-${s}`}
              >
                {t(`hygiene.severity.${s}`)}
              </Chip>
            ))}
          </Group>
        </div>
        <MultiSelect
          aria-label={t('hygiene.filters.rule')}
          placeholder={(base.rules ?? []).length === 0 ? t('hygiene.filters.allRules') : undefined}
          data={FindingRuleSchema.options.map((r) => ({ value: r, label: t(`hygiene.ruleTitles.${r}`) }))}
          value={[...(base.rules ?? [])]}
          onChange={(v) => setLink({ rules: v as FindingRule[] })}
          clearable
          w={220}
          data-testid="hygiene-rule"
        />
        <MultiSelect
          aria-label={t('hygiene.filters.client')}
          placeholder={(base.clients ?? []).length === 0 ? t('hygiene.filters.allClients') : undefined}
          data={clientOptions}
          value={(base.clients ?? []).map((c) => orgKey(c))}
          onChange={(v) => setLink({ clients: v })}
          searchable
          clearable
          limit={50}
          w={220}
          data-testid="hygiene-client"
        />
        <TextInput
          leftSection={<IconSearch size={16} aria-hidden />}
          aria-label={t('hygiene.filters.search')}
          placeholder={t('hygiene.filters.search')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={220}
        />
        {filtered && (
          <Button
            variant="subtle"
            size="sm"
            onClick={() => {
              setText('')
              setParams(new URLSearchParams(), { replace: true })
            }}
          >
            {t('hygiene.filters.clear')}
          </Button>
        )}
      </Group>

      {summary.isPending ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text>{t('common.loading')}</Text>
        </Group>
      ) : summary.isError ? (
        <Text c="red">{t('errors.loadFailed')}</Text>
      ) : rows.length === 0 ? (
        <Text c="dimmed" data-testid="hygiene-empty">
          {filtered || status !== 'open' ? t('hygiene.empty') : t('hygiene.emptyAll')}
        </Text>
      ) : (
        <Card withBorder padding={0}>
          <div
            ref={scrollRef}
            role="list"
            aria-label={t('hygiene.listLabel')}
            aria-busy={summary.isFetching}
            data-testid="hygiene-list"
            style={{ height: 'calc(100dvh - 520px)', minHeight: 280, overflow: 'auto', position: 'relative' }}
          >
            <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
              {virtual.getVirtualItems().map((v) => {
                const r = rows[v.index]!
                const style: CSSProperties = {
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: v.size,
                  transform: `translateY(${v.start}px)`,
                  display: 'flex',
                  alignItems: 'center',
                  gap: 'var(--mantine-spacing-sm)',
                  borderBottom: '1px solid var(--mantine-color-default-border)',
                }
                if (r.kind === 'rule') {
                  const Chevron = r.expanded ? IconChevronDown : IconChevronRight
                  return (
                    <div
                      key={v.key}
                      role="listitem"
                      style={{
                        ...style,
                        padding: '0 var(--mantine-spacing-md)',
                        background: 'var(--mantine-color-default-hover)',
                      }}
                      data-testid="hygiene-rule-row"
                    >
                      <UnstyledButton
                        aria-expanded={r.expanded}
                        onClick={() =>
                          setCollapsedRules((s) => {
                            const next = new Set(s)
                            if (next.has(r.rule)) next.delete(r.rule)
                            else next.add(r.rule)
                            return next
                          })
                        }
                        style={{ display: 'flex', alignItems: 'center', gap: 8, flex: 1, minWidth: 0 }}
                      >
                        <Chevron size={16} aria-hidden style={{ flexShrink: 0 }} />
                        <Text fw={700} truncate role="heading" aria-level={2}>
                          {t(`hygiene.ruleTitles.${r.rule}`)}
                        </Text>
                      </UnstyledButton>
                      <SeverityBadge severity={r.severity} />
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {t('hygiene.counts', {
                          findings: t('hygiene.findings', { count: r.count, formatted: formatCount(r.count, lang) }),
                          clients: t('hygiene.clients', { count: r.clients, formatted: formatCount(r.clients, lang) }),
                        })}
                      </Text>
                    </div>
                  )
                }
                if (r.kind === 'client') {
                  const Chevron = r.expanded ? IconChevronDown : IconChevronRight
                  const key = `${r.rule}|${clientId(r.client)}`
                  const score = scoreOf.get(clientId(r.client))
                  return (
                    <div
                      key={v.key}
                      role="listitem"
                      style={{ ...style, padding: '0 var(--mantine-spacing-md) 0 40px' }}
                      data-testid="hygiene-client-row"
                    >
                      <UnstyledButton
                        aria-expanded={r.expanded}
                        onClick={() =>
                          setOpenClients((s) => {
                            const next = new Set(s)
                            if (next.has(key)) next.delete(key)
                            else next.add(key)
                            return next
                          })
                        }
                        style={{ display: 'flex', alignItems: 'center', gap: 8, flex: 1, minWidth: 0 }}
                      >
                        <Chevron size={14} aria-hidden style={{ flexShrink: 0 }} />
                        <Text size="sm" fw={600} truncate title={r.name ?? undefined}>
                          {r.name ?? t('hygiene.fleetWide')}
                        </Text>
                        <Badge variant="default" style={{ flexShrink: 0 }}>
                          {formatCount(r.count, lang)}
                        </Badge>
                      </UnstyledButton>
                      {r.client.orgId !== null && <ScoreBadge score={score} />}
                      {status !== 'decided' && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          style={{ flexShrink: 0 }}
                          onClick={async () => {
                            const page = await queryClient.fetchQuery(
                              fleetQueries.hygieneFindings(filter, r.rule, r.client),
                            )
                            setDeciding(page.items.filter((f) => f.status === 'open').map((f) => f.key))
                          }}
                          aria-label={`${t('hygiene.decideAll', { count: r.count })} ${r.name ?? ''}`}
                        >
                          {t('hygiene.decideAll', { count: r.count })}
                        </Button>
                      )}
                    </div>
                  )
                }
                if (r.kind === 'loading')
                  return (
                    <div key={v.key} role="listitem" style={{ ...style, padding: '0 0 0 72px' }}>
                      <Loader size="xs" />
                      <Text size="sm" c="dimmed">
                        {t('hygiene.loadingFindings')}
                      </Text>
                    </div>
                  )
                if (r.kind === 'more')
                  return (
                    <div key={v.key} role="listitem" style={{ ...style, padding: '0 0 0 72px' }}>
                      <Text size="sm" c="dimmed">
                        {t('hygiene.moreFindings', {
                          shown: formatCount(r.shown, lang),
                          total: formatCount(r.total, lang),
                        })}
                      </Text>
                    </div>
                  )
                const f = r.finding
                return (
                  <div
                    key={v.key}
                    role="listitem"
                    style={{ ...style, padding: '0 var(--mantine-spacing-md) 0 72px' }}
                    data-testid="hygiene-finding"
                  >
                    <SeverityBadge severity={f.severity} />
                    <Text size="sm" style={{ flex: 1, minWidth: 0 }} lineClamp={2} title={sentence(f)}>
                      {sentence(f)}
                    </Text>
                    {f.decision && (
                      <Tooltip
                        label={t('hygiene.decidedOn', {
                          reason: f.decision.reason,
                          date: formatDate(f.decision.decidedAt, lang),
                        })}
                        multiline
                        w={280}
                      >
                        <Badge
                          variant="outline"
                          color={f.status === 'accepted' ? 'teal' : 'violet'}
                          leftSection={
                            f.status === 'accepted' ? (
                              <IconShieldCheck size={12} aria-hidden />
                            ) : (
                              <IconClockPause size={12} aria-hidden />
                            )
                          }
                          style={{ flexShrink: 0 }}
                          data-testid="finding-decision"
                        >
                          {f.status === 'accepted'
                            ? t('hygiene.accepted')
                            : t('hygiene.snoozedUntil', { date: formatDate(f.decision.until ?? 0, lang) })}
                        </Badge>
                      </Tooltip>
                    )}
                    {fixLink(f)}
                    {f.status === 'open' ? (
                      <Button
                        size="compact-sm"
                        variant="default"
                        style={{ flexShrink: 0 }}
                        onClick={() => setDeciding([f.key])}
                        data-testid="finding-decide"
                      >
                        {t('hygiene.decide')}
                      </Button>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="default"
                        style={{ flexShrink: 0 }}
                        onClick={() => reopen.mutate([f.key])}
                      >
                        {t('hygiene.reopen')}
                      </Button>
                    )}
                  </div>
                )
              })}
            </div>
          </div>
        </Card>
      )}
      <DecisionModal keys={deciding} onClose={() => setDeciding(null)} />
    </Stack>
  )
}
