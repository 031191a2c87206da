import { useState } from 'react'
import {
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { errorText, problemText } from '../../lib/problem'
import type { PendingInvitation, WriteOutcome } from '../../../../shared/domain/access'
import { formatDate } from '../../lib/format'
import { invoke } from '../../lib/ipc'
import { canGrantOwner, canManageUsers } from '../../../../shared/domain/roles'
import { orgsQueries } from '../orgs/orgs-queries'
import { useRoleLabel } from '../orgs/RoleBadge'
import { accessQueries } from './access-queries'
import { VirtualTable } from '../../components/VirtualTable'
import { ConfirmOrgs } from './ConfirmOrgs'

const LOCALES = ['fr_FR', 'de_DE', 'it_IT', 'en_GB', 'es_ES'] as const
type Locale = (typeof LOCALES)[number]
type Role = 'owner' | 'admin' | 'normal'

type Pending =
  | { kind: 'invite'; orgNames: string[] }
  | { kind: 'update'; inv: PendingInvitation; roleType: Role; billing: boolean }
  | { kind: 'cancel'; inv: PendingInvitation }

/** Pending invitations (with age, editable, cancellable) and the invite form, for one organization or all. */
export function InvitationsPanel({ accountId, orgId }: { accountId?: string; orgId?: number }) {
  const { t, i18n } = useTranslation()
  const roleLabel = useRoleLabel()
  const invitations = useQuery(accessQueries.invitations(accountId, orgId))
  const orgs = useQuery(orgsQueries.all())
  const manageable = (orgs.data ?? []).filter(
    (o) => canManageUsers(o.role) && (accountId === undefined || o.accountId === accountId),
  )
  const [form, setForm] = useState({
    email: '',
    firstName: '',
    lastName: '',
    locale: 'fr_FR' as Locale,
    roleType: 'normal' as Role,
    billing: false,
    notifyProducts: true,
    notifyBilling: false,
    orgKeys: orgId !== undefined && accountId !== undefined ? [`${accountId}:${orgId}`] : ([] as string[]),
    teamIds: [] as string[],
  })
  const [edit, setEdit] = useState<{ inv: PendingInvitation; roleType: Role; billing: boolean } | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const targets = form.orgKeys
    .map((k) => manageable.find((o) => `${o.accountId}:${o.id}` === k))
    .filter((o) => o !== undefined)
  const single = targets.length === 1 ? targets[0] : undefined
  const teams = useQuery({
    ...accessQueries.teams(single?.accountId ?? '', single?.id ?? 0),
    enabled: single !== undefined,
  })
  const ownerBlocked = form.roleType === 'owner' && targets.some((o) => !canGrantOwner(o.role))

  const report = (outs: WriteOutcome[], okMessage: string) => {
    const failed = outs.filter((o) => !o.ok)
    if (failed.length === 0) notifications.show({ color: 'green', message: okMessage })
    for (const f of failed)
      notifications.show({
        color: 'red',
        message: `${f.orgName}: ${t('accessPage.invitations.failed', { message: f.error ? problemText(t, f.error) : '' })}`,
      })
  }
  const write = useMutation({
    mutationFn: async ({ p, names }: { p: Pending; names: string[] }): Promise<WriteOutcome[]> => {
      if (p.kind === 'invite')
        return invoke('access:invite', {
          targets: targets.map((o) => ({
            accountId: o.accountId,
            orgId: o.id,
            ...(single && form.teamIds.length > 0 ? { teamIds: form.teamIds.map(Number) } : {}),
          })),
          email: form.email.trim(),
          firstName: form.firstName.trim(),
          lastName: form.lastName.trim(),
          locale: form.locale,
          roleType: form.roleType,
          billing: form.billing,
          notifyProducts: form.notifyProducts,
          notifyBilling: form.notifyBilling,
          confirmOrgNames: names,
        })
      if (p.kind === 'update')
        return [
          await invoke('access:invitation-update', {
            accountId: p.inv.accountId,
            orgId: p.inv.orgId,
            invitationId: p.inv.invitationId,
            roleType: p.roleType,
            billing: p.billing,
            confirmOrgName: names[0] ?? '',
          }),
        ]
      return [
        await invoke('access:invitation-cancel', {
          accountId: p.inv.accountId,
          orgId: p.inv.orgId,
          invitationId: p.inv.invitationId,
          confirmOrgName: names[0] ?? '',
        }),
      ]
    },
    onSuccess: (outs, { p }) => {
      setPending(null)
      setEdit(null)
      report(
        outs,
        p.kind === 'invite'
          ? t('accessPage.invitations.sent')
          : p.kind === 'update'
            ? t('accessPage.invitations.updated')
            : t('accessPage.invitations.cancelled'),
      )
    },
    onError: (e) => {
      setPending(null)
      notifications.show({ color: 'red', message: errorText(t, e) })
    },
  })
  const canSend =
    targets.length > 0 &&
    /\S+@\S+\.\S+/.test(form.email) &&
    form.firstName.trim() !== '' &&
    form.lastName.trim() !== '' &&
    !ownerBlocked
  const roleOptions = (['normal', 'admin', 'owner'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))
  const pendingNames = pending === null ? [] : pending.kind === 'invite' ? pending.orgNames : [pending.inv.orgName]

  return (
    <Stack gap="sm">
      <Card withBorder padding="sm">
        <Text fw={600} mb="xs">
          {t('accessPage.invitations.invite')}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('accessPage.invitations.email')}
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
            w={240}
          />
          <TextInput
            label={t('accessPage.invitations.firstName')}
            value={form.firstName}
            onChange={(e) => setForm({ ...form, firstName: e.currentTarget.value })}
            w={150}
          />
          <TextInput
            label={t('accessPage.invitations.lastName')}
            value={form.lastName}
            onChange={(e) => setForm({ ...form, lastName: e.currentTarget.value })}
            w={150}
          />
          <Select
            label={t('accessPage.invitations.language')}
            data={LOCALES.map((l) => ({ value: l, label: l }))}
            value={form.locale}
            onChange={(v) => v && setForm({ ...form, locale: v as Locale })}
            allowDeselect={false}
            w={110}
          />
          <Select
            label={t('accessPage.invitations.role')}
            data={roleOptions}
            value={form.roleType}
            onChange={(v) => v && setForm({ ...form, roleType: v as Role })}
            allowDeselect={false}
            w={190}
          />
          <MultiSelect
            label={t('accessPage.invitations.orgs')}
            data={manageable.map((o) => ({ value: `${o.accountId}:${o.id}`, label: o.name }))}
            value={form.orgKeys}
            onChange={(v) => setForm({ ...form, orgKeys: v, teamIds: [] })}
            searchable
            w={320}
          />
          {single && (
            <MultiSelect
              label={t('accessPage.invitations.teams')}
              data={(teams.data ?? []).map((x) => ({ value: String(x.id), label: x.name }))}
              value={form.teamIds}
              onChange={(v) => setForm({ ...form, teamIds: v })}
              searchable
              w={240}
            />
          )}
        </Group>
        <Group gap="md" mt="sm">
          <Checkbox
            label={t('accessPage.invitations.billing')}
            checked={form.billing}
            onChange={(e) => setForm({ ...form, billing: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('accessPage.invitations.notifyProducts')}
            checked={form.notifyProducts}
            onChange={(e) => setForm({ ...form, notifyProducts: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('accessPage.invitations.notifyBilling')}
            checked={form.notifyBilling}
            onChange={(e) => setForm({ ...form, notifyBilling: e.currentTarget.checked })}
          />
          <Button
            ml="auto"
            disabled={!canSend}
            onClick={() => setPending({ kind: 'invite', orgNames: targets.map((o) => o.name) })}
          >
            {t('accessPage.invitations.send')}
          </Button>
        </Group>
        {ownerBlocked && (
          <Text c="red" size="sm" mt="xs">
            {t('accessPage.invitations.ownerRule')}
          </Text>
        )}
      </Card>
      {invitations.isPending ? (
        <Loader size="sm" />
      ) : invitations.isError ? (
        <Text c="red">{t('accessPage.loadFailed')}</Text>
      ) : invitations.data.length === 0 ? (
        <Text c="dimmed">{t('accessPage.invitations.empty')}</Text>
      ) : (
        <VirtualTable
          rows={invitations.data}
          rowHeight={48}
          rowKey={(inv) => `${inv.accountId}:${inv.orgId}:${inv.invitationId}`}
          columns={6}
          label={t('accessPage.tabs.invitations')}
          striped
          data-testid="invitations-table"
          head={
            <Table.Tr>
              <Table.Th>{t('accessPage.history.org')}</Table.Th>
              <Table.Th>{t('accessPage.invitations.email')}</Table.Th>
              <Table.Th>{t('accessPage.invitations.role')}</Table.Th>
              <Table.Th>{t('accessPage.invitations.billing')}</Table.Th>
              <Table.Th>{t('accessPage.history.when')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('frame.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          }
          renderRow={(inv, _index, rowProps) => {
            const editing = edit?.inv.invitationId === inv.invitationId && edit.inv.orgId === inv.orgId ? edit : null
            return (
              <Table.Tr
                key={`${inv.accountId}:${inv.orgId}:${inv.invitationId}`}
                {...rowProps}
                data-testid="invitation-row"
              >
                <Table.Td>{inv.orgName}</Table.Td>
                <Table.Td>
                  {inv.displayName} &lt;{inv.email}&gt;
                </Table.Td>
                <Table.Td>
                  {editing ? (
                    <Select
                      size="xs"
                      data={roleOptions}
                      value={editing.roleType}
                      onChange={(v) => v && setEdit({ ...editing, roleType: v as Role })}
                      allowDeselect={false}
                      w={170}
                    />
                  ) : (
                    roleLabel(inv.roleType)
                  )}
                </Table.Td>
                <Table.Td>
                  {editing ? (
                    <Checkbox
                      checked={editing.billing}
                      onChange={(e) => setEdit({ ...editing, billing: e.currentTarget.checked })}
                      aria-label={t('accessPage.invitations.billing')}
                    />
                  ) : inv.billing ? (
                    t('accessPage.matrix.yes')
                  ) : (
                    t('accessPage.matrix.no')
                  )}
                </Table.Td>
                <Table.Td>
                  {inv.invitedAt === null ? '—' : formatDate(inv.invitedAt * 1000, i18n.language)}
                  {inv.ageDays !== null && ` (${t('accessPage.invitations.age', { count: inv.ageDays })})`}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {editing ? (
                      <Button size="xs" onClick={() => setPending({ kind: 'update', ...editing })}>
                        {t('accessPage.invitations.save')}
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() =>
                          setEdit({
                            inv,
                            roleType: inv.roleType === 'owner' || inv.roleType === 'admin' ? inv.roleType : 'normal',
                            billing: inv.billing,
                          })
                        }
                      >
                        {t('accessPage.invitations.edit')}
                      </Button>
                    )}
                    <Button size="xs" color="red" variant="light" onClick={() => setPending({ kind: 'cancel', inv })}>
                      {t('accessPage.invitations.cancelInvitation')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            )
          }}
        />
      )}
      <ConfirmOrgs
        opened={pending !== null}
        title={t('accessPage.confirm.title')}
        body={t('accessPage.confirm.body')}
        orgNames={pendingNames}
        confirmLabel={t('accessPage.confirm.go')}
        loading={write.isPending}
        onClose={() => setPending(null)}
        onConfirm={(names) => pending && write.mutate({ p: pending, names })}
      />
    </Stack>
  )
}
