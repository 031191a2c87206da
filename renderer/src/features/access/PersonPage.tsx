import { CoverageNotice } from '../../components/CoverageNotice'
import { useEffect, useState } from 'react'
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowLeft, IconExternalLink, IconFileTypePdf, IconFileSpreadsheet } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { errorText } from '../../lib/problem'
import { useNavigate, useParams } from 'react-router'
import {
  maskLetters,
  type AccessProgress,
  type OffboardingPlan,
  type OffboardingRun,
  type PersonOrg,
  type PlanOrg,
  type PlanStep,
} from '../../../../shared/domain/access'
import { isCancelled, openDelivered } from '../../lib/download'
import { formatDate, formatDateTime } from '../../lib/format'
import { invoke, onEvent } from '../../lib/ipc'
import { accessQueries } from './access-queries'
import { ConfirmOrgs } from './ConfirmOrgs'
import { offboardingChoices } from './offboarding-model'
import { HistoryPanel } from './HistoryPanel'
import { PastOffboardingRuns } from './PastOffboardingRuns'
import { VirtualStack, VirtualTable } from '../../components/VirtualTable'
import { useRoleLabel } from '../orgs/RoleBadge'

const orgKey = (o: { accountId: string; orgId: number }) => `${o.accountId}:${o.orgId}`

/** One row of the offboarding plan table: an organization's heading, or one of its steps. */
type PlanRow = { kind: 'org'; o: PlanOrg } | { kind: 'step'; o: PlanOrg; s: PlanStep }

function StepLabel({ step }: { step: PlanStep }) {
  const { t } = useTranslation()
  return (
    <>{t(`accessPage.offboarding.kinds.${step.kind}`, { team: step.teamName ?? '', id: step.invitationId ?? '' })}</>
  )
}

/** Offboarding: choose organizations, plan, confirm naming each, apply with progress, verify, report. */
function Offboarding({ email, displayName, orgs }: { email: string; displayName: string; orgs: PersonOrg[] }) {
  const { t } = useTranslation()
  // Only organizations where your role lets the plan be applied are offered (and preselected).
  const { choices, preselected, needsSomeoneElse } = offboardingChoices(orgs)
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(preselected))
  const [plan, setPlan] = useState<OffboardingPlan | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [progress, setProgress] = useState<AccessProgress | null>(null)
  const [run, setRun] = useState<OffboardingRun | null>(null)
  const targets = choices.filter((o) => chosen.has(orgKey(o))).map((o) => ({ accountId: o.accountId, orgId: o.orgId }))

  useEffect(
    () =>
      onEvent('access:progress', (p) => {
        if (run && p.runId !== run.runId) return
        setProgress(p)
        if (p.phase === 'done') void invoke('access:offboarding-run', { runId: p.runId }).then(setRun, () => undefined)
      }),
    [run],
  )

  const planMutation = useMutation({
    mutationFn: () => invoke('access:offboarding-plan', { email, targets }),
    onSuccess: (p) => {
      setPlan(p)
      setRun(null)
      setProgress(null)
    },
    onError: (e) => notifications.show({ color: 'red', message: errorText(t, e) }),
  })
  const apply = useMutation({
    mutationFn: (names: string[]) => invoke('access:offboarding-apply', { email, targets, confirmOrgNames: names }),
    onSuccess: (r) => {
      setConfirming(false)
      setRun(r)
    },
    onError: (e) => {
      setConfirming(false)
      notifications.show({ color: 'red', title: t('accessPage.offboarding.failed'), message: errorText(t, e) })
    },
  })
  const report = useMutation({
    mutationFn: (format: 'csv' | 'pdf') => invoke('access:offboarding-report', { runId: run?.runId ?? '', format }),
    onSuccess: openDelivered,
    onError: (e) => {
      if (!isCancelled(e)) notifications.show({ color: 'red', message: errorText(t, e) })
    },
  })
  const refused = plan?.orgs.some((o) => o.refusal !== null) ?? false
  const apiCount = plan?.orgs.flatMap((o) => o.steps).filter((s) => s.api).length ?? 0
  const results = run?.state === 'done' ? run : null
  const resultById = new Map((results?.steps ?? []).map((s) => [s.id, s]))
  const resultOf = (id: string) => resultById.get(id)
  const planRows: PlanRow[] = (plan?.orgs ?? []).flatMap((o) => [
    { kind: 'org' as const, o },
    ...o.steps.map((s) => ({ kind: 'step' as const, o, s })),
  ])

  return (
    <Card withBorder padding="md" data-testid="offboarding">
      <Title order={2} size="h4">
        {t('accessPage.offboarding.title', { name: displayName })}
      </Title>
      <Text size="sm" fw={500} mt="sm">
        {t('accessPage.offboarding.chooseOrgs')}
      </Text>
      <VirtualStack
        items={choices}
        itemHeight={24}
        itemKey={orgKey}
        gap={6}
        maxHeight={240}
        label={t('accessPage.offboarding.chooseOrgs')}
        data-testid="offboarding-choices"
        renderItem={(o) => (
          <Checkbox
            label={o.orgName}
            checked={chosen.has(orgKey(o))}
            onChange={(e) => {
              const next = new Set(chosen)
              if (e.currentTarget.checked) next.add(orgKey(o))
              else next.delete(orgKey(o))
              setChosen(next)
              setPlan(null)
            }}
          />
        )}
      />
      {needsSomeoneElse.length > 0 && (
        <div data-testid="offboarding-elsewhere">
          <Text size="sm" fw={500} mt="sm">
            {t('accessPage.offboarding.needsSomeoneElse', { count: needsSomeoneElse.length })}
          </Text>
          <Text size="sm" c="dimmed" mb={4}>
            {t('accessPage.offboarding.refusals.not_manager')}
          </Text>
          <VirtualStack
            items={needsSomeoneElse}
            itemHeight={22}
            itemKey={orgKey}
            gap={2}
            maxHeight={160}
            label={t('accessPage.offboarding.needsSomeoneElse', { count: needsSomeoneElse.length })}
            renderItem={(o) => <Text size="sm">{o.orgName}</Text>}
          />
        </div>
      )}
      <Group mt="sm">
        <Button
          onClick={() => planMutation.mutate()}
          disabled={targets.length === 0}
          loading={planMutation.isPending}
          data-testid="offboarding-plan"
        >
          {t('accessPage.offboarding.plan')}
        </Button>
      </Group>
      {plan && (
        <Stack gap="sm" mt="md" data-testid="offboarding-steps">
          <VirtualTable
            rows={planRows}
            rowHeight={(row) => (row.kind === 'org' ? (row.o.refusal ? 56 : 36) : 44)}
            rowKey={(row) => (row.kind === 'org' ? `o:${orgKey(row.o)}` : `s:${row.s.id}`)}
            columns={4}
            label={t('accessPage.offboarding.title', { name: displayName })}
            renderRow={(row, _index, rowProps) => {
              if (row.kind === 'org')
                return (
                  <Table.Tr key={`o:${orgKey(row.o)}`} {...rowProps}>
                    <Table.Td colSpan={4}>
                      <Text fw={600} c={row.o.refusal ? 'red' : 'inherit'}>
                        {row.o.orgName}
                      </Text>
                      {row.o.refusal && (
                        <Text size="sm" c="red" data-testid="offboarding-refusal">
                          {t(`accessPage.offboarding.refusals.${row.o.refusal}`)}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                )
              const s = row.s
              const r = resultOf(s.id)
              return (
                <Table.Tr key={`s:${s.id}`} {...rowProps} data-testid="offboarding-step">
                  <Table.Td w={120}>
                    <Badge variant="light" color={s.api ? 'blue' : 'gray'}>
                      {s.api ? t('accessPage.offboarding.apiStep') : t('accessPage.offboarding.manualStep')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <StepLabel step={s} />
                  </Table.Td>
                  <Table.Td>
                    {s.url && (
                      <Anchor href={s.url} target="_blank" rel="noreferrer" size="sm">
                        {t('accessPage.offboarding.openManager')} <IconExternalLink size={12} />
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td w={220}>
                    {r && (
                      <Group gap={4}>
                        <Badge color={r.outcome === 'failed' ? 'red' : r.outcome === 'applied' ? 'green' : 'gray'}>
                          {t(`accessPage.offboarding.outcome.${r.outcome}`)}
                        </Badge>
                        {r.verified !== null && (
                          <Badge variant="outline" color={r.verified ? 'green' : 'orange'} data-testid="step-verified">
                            {r.verified
                              ? t('accessPage.offboarding.verified')
                              : t('accessPage.offboarding.notVerified')}
                          </Badge>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              )
            }}
          />
          {refused && <Text c="red">{t('accessPage.offboarding.refused')}</Text>}
          {!run && (
            <Group>
              <Button
                color="red"
                disabled={refused || apiCount === 0}
                onClick={() => setConfirming(true)}
                data-testid="offboarding-apply"
              >
                {t('accessPage.offboarding.apply', { count: apiCount })}
              </Button>
            </Group>
          )}
          {run && !results && progress && (
            <Stack gap={4}>
              <Progress value={progress.total === 0 ? 100 : (100 * progress.done) / progress.total} animated />
              <Text size="sm">
                {progress.phase === 'resyncing'
                  ? t('accessPage.offboarding.resyncing')
                  : t('accessPage.offboarding.progress', { done: progress.done, total: progress.total })}
              </Text>
            </Stack>
          )}
          {run && !results && !progress && <Loader size="sm" />}
          {results && (
            <Stack gap="xs">
              <Text fw={500} data-testid="offboarding-done">
                {t('accessPage.offboarding.done', {
                  applied: results.steps.filter((s) => s.outcome === 'applied').length,
                  verified: results.steps.filter((s) => s.verified === true).length,
                  failed: results.steps.filter((s) => s.outcome === 'failed').length,
                  manual: results.steps.filter((s) => !s.api && s.verified !== true).length,
                })}
              </Text>
              <Group>
                <Button
                  variant="default"
                  leftSection={<IconFileSpreadsheet size={14} />}
                  onClick={() => report.mutate('csv')}
                >
                  {t('accessPage.offboarding.reportCsv')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconFileTypePdf size={14} />}
                  onClick={() => report.mutate('pdf')}
                >
                  {t('accessPage.offboarding.reportPdf')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      )}
      <ConfirmOrgs
        opened={confirming}
        title={t('accessPage.offboarding.confirmTitle')}
        body={t('accessPage.offboarding.confirmBody')}
        orgNames={plan?.orgs.map((o) => o.orgName) ?? []}
        confirmLabel={t('accessPage.offboarding.confirm')}
        loading={apply.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={(names) => apply.mutate(names)}
      />
    </Card>
  )
}

/** Every organization, role, team, product right and pending invitation of one person, and their offboarding. */
export function PersonPage() {
  const { t, i18n } = useTranslation()
  const roleLabel = useRoleLabel()
  const navigate = useNavigate()
  const email = decodeURIComponent(useParams().email ?? '')
  const person = useQuery(accessQueries.person(email))
  const [offboarding, setOffboarding] = useState(false)
  if (person.isPending) return <Loader size="sm" />
  if (person.isError || !person.data)
    return (
      <Stack>
        <Text c="red">{t('accessPage.people.notFound')}</Text>
        <Button variant="default" onClick={() => void navigate('/access')}>
          {t('accessPage.people.back')}
        </Button>
      </Stack>
    )
  const p = person.data
  return (
    <Stack gap="md">
      <Group>
        <Button variant="subtle" leftSection={<IconArrowLeft size={14} />} onClick={() => void navigate('/access')}>
          {t('accessPage.people.back')}
        </Button>
      </Group>
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">
            {p.displayName}
          </Title>
          <Text c="dimmed">{p.email}</Text>
        </div>
        <Button color="red" variant="light" onClick={() => setOffboarding(true)} data-testid="offboard-open">
          {t('accessPage.people.offboard')}
        </Button>
      </Group>
      {offboarding && <Offboarding email={p.email} displayName={p.displayName} orgs={p.orgs} />}
      <Title order={2} size="h4">
        {t('accessPage.people.organizations')}
      </Title>
      <VirtualStack
        items={p.orgs}
        itemHeight={(o) => (o.pending ? 110 : 150)}
        itemKey={(o) => `${o.accountId}:${o.orgId}:${o.memberKey}`}
        gap={8}
        label={t('accessPage.people.organizations')}
        data-testid="person-orgs"
        renderItem={(o) => (
          <Card withBorder padding="sm" data-testid="person-org">
            <CoverageNotice accountId={o.accountId} orgId={o.orgId} datasets={['product_rights', 'team_memberships']} />
            <Group justify="space-between">
              <Text fw={600}>{o.orgName}</Text>
              <Text size="xs" c="dimmed">
                {o.asOf === null
                  ? t('accessPage.neverSynced')
                  : t('accessPage.asOf', { time: formatDateTime(o.asOf, i18n.language) })}
              </Text>
            </Group>
            <Group gap="xs" mt={4}>
              <Badge variant="light">{roleLabel(o.roleType)}</Badge>
              <Badge variant="light" color={o.pending ? 'orange' : 'green'}>
                {o.pending ? t('accessPage.people.pendingInvitation') : t('accessPage.people.member')}
              </Badge>
              {o.billing && <Badge variant="light">{t('accessPage.people.billing')}</Badge>}
              {!o.pending && (
                <Text size="xs">
                  {t('accessPage.people.lastLogin')}:{' '}
                  {o.lastLoginAt === null
                    ? t('accessPage.matrix.never')
                    : formatDate(o.lastLoginAt * 1000, i18n.language)}
                </Text>
              )}
            </Group>
            {o.teams.length > 0 && (
              <Text size="sm" mt={4}>
                {t('accessPage.people.teams')}:{' '}
                {o.teams.map((x) => (x.isLeader ? `${x.name} (${t('accessPage.people.leader')})` : x.name)).join(', ')}
              </Text>
            )}
            {!o.pending && (
              <Text size="sm" mt={4} c={o.rights.length === 0 ? 'dimmed' : 'inherit'}>
                {o.rights.length === 0
                  ? t('accessPage.people.noRights')
                  : `${t('accessPage.people.rights')}: ${o.rights
                      .map((r) => `${r.productName} (${maskLetters(r.mask)})`)
                      .join(', ')}`}
              </Text>
            )}
          </Card>
        )}
      />
      <PastOffboardingRuns email={p.email} />
      <Title order={2} size="h4">
        {t('accessPage.tabs.history')}
      </Title>
      <HistoryPanel email={p.email} />
    </Stack>
  )
}
