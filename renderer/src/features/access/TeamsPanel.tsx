import { serviceName } from '../../../../shared/i18n/terms'
import { CoverageNotice } from '../../components/CoverageNotice'
import { useState } from 'react'
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  MultiSelect,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus, IconX } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { errorText, problemText } from '../../lib/problem'
import { maskLetters } from '../../../../shared/domain/access'
import { invoke } from '../../lib/ipc'
import { accessQueries } from './access-queries'
import { ConfirmOrgs } from './ConfirmOrgs'

type Pending =
  | { kind: 'create'; name: string; leaderId: number | undefined }
  | { kind: 'members'; teamId: number; add: number[]; remove: number[] }

/** Teams of one organization (leader, members, products); create a team and change its members through the API. */
export function TeamsPanel({ accountId, orgId, orgName }: { accountId: string; orgId: number; orgName: string }) {
  const { t, i18n } = useTranslation()
  const teams = useQuery(accessQueries.teams(accountId, orgId))
  const matrix = useQuery(accessQueries.matrix(accountId, orgId))
  const [name, setName] = useState('')
  const [leader, setLeader] = useState<string | null>(null)
  const [adding, setAdding] = useState<Record<number, string[]>>({})
  const [pending, setPending] = useState<Pending | null>(null)
  const members = (matrix.data?.users ?? [])
    .filter((u) => !u.pending && u.userId !== null)
    .map((u) => ({ value: String(u.userId), label: `${u.displayName} <${u.email}>` }))

  const write = useMutation({
    mutationFn: async ({ p, confirm }: { p: Pending; confirm: string }) =>
      p.kind === 'create'
        ? invoke('access:team-create', {
            accountId,
            orgId,
            name: p.name,
            ...(p.leaderId !== undefined ? { leaderId: p.leaderId } : {}),
            confirmOrgName: confirm,
          })
        : invoke('access:team-members', {
            accountId,
            orgId,
            teamId: p.teamId,
            add: p.add,
            remove: p.remove,
            confirmOrgName: confirm,
          }),
    onSuccess: (out, { p }) => {
      setPending(null)
      if (!out.ok) {
        notifications.show({
          color: 'red',
          message: t('accessPage.invitations.failed', { message: out.error ? problemText(t, out.error) : '' }),
        })
        return
      }
      if (p.kind === 'create') setName('')
      else setAdding((a) => ({ ...a, [p.teamId]: [] }))
      notifications.show({
        color: 'green',
        message: p.kind === 'create' ? t('accessPage.teams.created') : t('accessPage.teams.changed'),
      })
    },
    onError: (e) => {
      setPending(null)
      notifications.show({ color: 'red', message: errorText(t, e) })
    },
  })

  if (teams.isPending) return <Loader size="sm" />
  if (teams.isError) return <Text c="red">{t('accessPage.loadFailed')}</Text>
  return (
    <Stack gap="sm">
      <CoverageNotice accountId={accountId} orgId={orgId} datasets={['teams', 'team_memberships']} />
      <Card withBorder padding="sm">
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('accessPage.teams.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            w={240}
          />
          <Select
            label={t('accessPage.teams.leader')}
            data={members}
            value={leader}
            onChange={setLeader}
            searchable
            clearable
            w={300}
          />
          <Button
            leftSection={<IconPlus size={14} />}
            disabled={name.trim().length === 0}
            onClick={() =>
              setPending({ kind: 'create', name: name.trim(), leaderId: leader ? Number(leader) : undefined })
            }
          >
            {t('accessPage.teams.create')}
          </Button>
        </Group>
      </Card>
      {teams.data.length === 0 && <Text c="dimmed">{t('accessPage.teams.empty')}</Text>}
      {teams.data.map((team) => (
        <Card key={team.id} withBorder padding="sm" data-testid="team-card">
          <Group justify="space-between">
            <Text fw={600}>{team.name}</Text>
            {team.leaderId === null ? (
              <Badge color="orange" variant="light">
                {t('accessPage.teams.noLeader')}
              </Badge>
            ) : (
              <Text size="sm">
                {t('accessPage.teams.leader')}: {team.leaderName}
              </Text>
            )}
          </Group>
          <Text size="sm" fw={500} mt="xs">
            {t('accessPage.teams.products')}
          </Text>
          <Group gap={4}>
            {team.grants.map((g, i) => (
              <Badge key={i} variant="outline" size="sm">
                {g.productId === null
                  ? t('accessPage.teams.allOf', { service: serviceName(g.serviceName, i18n.language) })
                  : (g.productName ?? `#${g.productId}`)}{' '}
                · {maskLetters(g.mask)}
              </Badge>
            ))}
          </Group>
          <Text size="sm" fw={500} mt="xs">
            {t('accessPage.teams.members')} ({team.members.length})
          </Text>
          <Group gap={4}>
            {team.members.map((m) => (
              <Badge
                key={m.userId}
                variant="light"
                rightSection={
                  <ActionIcon
                    size="xs"
                    variant="transparent"
                    aria-label={`${t('accessPage.teams.remove')} ${m.displayName}`}
                    onClick={() => setPending({ kind: 'members', teamId: team.id, add: [], remove: [m.userId] })}
                  >
                    <IconX size={10} />
                  </ActionIcon>
                }
              >
                {m.displayName}
              </Badge>
            ))}
          </Group>
          <Group align="flex-end" mt="xs" gap="xs">
            <MultiSelect
              placeholder={t('accessPage.teams.addMembers')}
              aria-label={t('accessPage.teams.addMembers')}
              data={members.filter((m) => !team.members.some((x) => String(x.userId) === m.value))}
              value={adding[team.id] ?? []}
              onChange={(v) => setAdding((a) => ({ ...a, [team.id]: v }))}
              searchable
              w={360}
            />
            <Button
              size="xs"
              disabled={(adding[team.id] ?? []).length === 0}
              onClick={() =>
                setPending({ kind: 'members', teamId: team.id, add: (adding[team.id] ?? []).map(Number), remove: [] })
              }
            >
              {t('accessPage.teams.save')}
            </Button>
          </Group>
        </Card>
      ))}
      <ConfirmOrgs
        opened={pending !== null}
        title={t('accessPage.confirm.title')}
        body={t('accessPage.confirm.body')}
        orgNames={[orgName]}
        confirmLabel={t('accessPage.confirm.go')}
        loading={write.isPending}
        onClose={() => setPending(null)}
        onConfirm={(names) => pending && write.mutate({ p: pending, confirm: names[0] ?? '' })}
      />
    </Stack>
  )
}
