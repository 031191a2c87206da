import { useEffect, useState } from 'react'
import {
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  Image,
  Modal,
  MultiSelect,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileSpreadsheet, IconFileText, IconFileTypePdf } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { isLanguage, type Language } from '../../../../shared/i18n/languages'
import { DocumentLanguageSelect } from '../../components/DocumentLanguageSelect'
import { csvDefaults } from '../../lib/format'
import type { CsvOptions, ExportFormat, PartnerProfile } from '../../../../shared/domain/billing'
import { isCancelled, openDelivered } from '../../lib/download'
import { invoke, onEvent } from '../../lib/ipc'
import { billingQueries, useExport, useSetProfile } from './billing-queries'
import { fileToBase64 } from './billing-model'

const MAX_LOGO = 1024 * 1024

function ProfileForm({
  accountId,
  initial,
  onSaved,
  bare = false,
}: {
  accountId: string
  initial: PartnerProfile
  onSaved?: () => void
  bare?: boolean
}) {
  const { t } = useTranslation()
  const save = useSetProfile()
  const [profile, setProfile] = useState<PartnerProfile>(initial)
  const pickLogo = async (file: File | null): Promise<void> => {
    if (!file) return
    if (file.size > MAX_LOGO || (file.type !== 'image/png' && file.type !== 'image/jpeg')) {
      notifications.show({ color: 'red', message: t('billingPage.export.logo') })
      return
    }
    setProfile((p) => ({ ...p, logoBase64: '', logoMime: null }))
    const logoBase64 = await fileToBase64(file)
    setProfile((p) => ({ ...p, logoBase64, logoMime: file.type === 'image/png' ? 'image/png' : 'image/jpeg' }))
  }
  const form = (
    <Stack gap="sm" maw={480}>
      <TextInput
        label={t('billingPage.export.partnerName')}
        value={profile.name}
        onChange={(e) => {
          const name = e.currentTarget.value
          setProfile((p) => ({ ...p, name }))
        }}
        data-testid="partner-name"
      />
      <Textarea
        label={t('billingPage.export.partnerAddress')}
        autosize
        minRows={2}
        maxRows={5}
        value={profile.address}
        onChange={(e) => {
          const address = e.currentTarget.value
          setProfile((p) => ({ ...p, address }))
        }}
        data-testid="partner-address"
      />
      <TextInput
        label={t('billingPage.export.partnerVat')}
        value={profile.vatNumber}
        onChange={(e) => {
          const vatNumber = e.currentTarget.value
          setProfile((p) => ({ ...p, vatNumber }))
        }}
        data-testid="partner-vat"
      />
      <Group>
        <FileButton onChange={(f) => void pickLogo(f)} accept="image/png,image/jpeg">
          {(props) => (
            <Button variant="default" {...props}>
              {t('billingPage.export.logo')}
            </Button>
          )}
        </FileButton>
        {profile.logoBase64 && profile.logoMime && (
          <>
            <Image src={`data:${profile.logoMime};base64,${profile.logoBase64}`} h={40} w="auto" alt="" />
            <Button
              variant="subtle"
              color="red"
              onClick={() => setProfile((p) => ({ ...p, logoBase64: null, logoMime: null }))}
            >
              {t('billingPage.export.removeLogo')}
            </Button>
          </>
        )}
      </Group>
      <Group>
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { accountId, profile },
              {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: t('billingPage.export.profileSaved') })
                  onSaved?.()
                },
                onError: () => notifications.show({ color: 'red', message: t('billingPage.export.failed') }),
              },
            )
          }
          disabled={profile.name.trim() === ''}
          data-testid="profile-save"
        >
          {onSaved ? t('billingPage.export.saveAndExport') : t('billingPage.export.saveProfile')}
        </Button>
      </Group>
    </Stack>
  )
  if (bare) return form
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb="sm">
        {t('billingPage.export.profile')}
      </Title>
      {form}
    </Card>
  )
}

export function ExportTab({ accountId, from, to }: { accountId: string; from: string; to: string }) {
  const { t, i18n } = useTranslation()
  const orgs = useQuery({ queryKey: ['orgs', 'account', accountId], queryFn: () => invoke('orgs:list', { accountId }) })
  const profile = useQuery(billingQueries.profile(accountId))
  const run = useExport()
  const [orgIds, setOrgIds] = useState<string[]>([])
  const [locale, setLocale] = useState<Language>(isLanguage(i18n.language) ? i18n.language : 'en')
  // The first PDF export asks for the partner's letterhead when it is empty.
  const [askProfile, setAskProfile] = useState(false)
  const [csv, setCsv] = useState<CsvOptions>({ ...csvDefaults(locale), bom: true })
  const chooseLocale = (language: Language): void => {
    setLocale(language)
    setCsv((c) => ({ ...c, ...csvDefaults(language) }))
  }
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)

  useEffect(() => onEvent('billing:export-progress', (p) => setProgress({ done: p.done, total: p.total })), [])

  const start = (format: ExportFormat, profileReady = false): void => {
    if (format === 'pdf' && !profileReady && profile.data && profile.data.name.trim() === '') {
      setAskProfile(true)
      return
    }
    setProgress(null)
    run.mutate(
      {
        accountId,
        format,
        from,
        to,
        locale,
        ...(orgIds.length > 0 ? { orgIds: orgIds.map(Number) } : {}),
        ...(format === 'csv' ? { csv } : {}),
      },
      {
        onSuccess: (r) => {
          openDelivered({
            fileName: r.fileName,
            mimeType: r.mimeType,
            byteLength: r.bytes,
            savedPath: r.savedPath,
            downloadUrl: r.downloadUrl,
          })
          notifications.show({
            color: 'teal',
            message: r.savedPath
              ? t('billingPage.export.saved', { path: r.savedPath })
              : t('billingPage.export.done', { file: r.fileName, rows: r.rows }),
          })
        },
        onError: (e) => {
          if (!isCancelled(e)) notifications.show({ color: 'red', message: t('billingPage.export.failed') })
        },
      },
    )
  }

  return (
    <Stack gap="lg">
      <Card withBorder padding="md">
        <Text size="sm" c="dimmed" mb="sm">
          {t('billingPage.export.help')}
        </Text>
        <Stack gap="md">
          <MultiSelect
            label={t('billingPage.export.clients')}
            placeholder={t('billingPage.export.allClients')}
            data={(orgs.data ?? []).map((o) => ({ value: String(o.id), label: o.name }))}
            value={orgIds}
            onChange={setOrgIds}
            searchable
            clearable
            maw={640}
          />
          <DocumentLanguageSelect
            label={t('billingPage.export.language')}
            value={locale}
            onChange={chooseLocale}
            data-testid="export-language"
          />
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('billingPage.export.csvOptions')}
            </Text>
            <Group>
              <SegmentedControl
                aria-label={t('billingPage.export.delimiter')}
                value={csv.delimiter === '\t' ? 'tab' : csv.delimiter}
                onChange={(v) => setCsv((c) => ({ ...c, delimiter: v === 'tab' ? '\t' : v === ',' ? ',' : ';' }))}
                data={[
                  { value: ';', label: t('billingPage.export.semicolon') },
                  { value: ',', label: t('billingPage.export.comma') },
                  { value: 'tab', label: t('billingPage.export.tab') },
                ]}
              />
              <SegmentedControl
                aria-label={t('billingPage.export.decimal')}
                value={csv.decimal}
                onChange={(v) => setCsv((c) => ({ ...c, decimal: v === ',' ? ',' : '.' }))}
                data={[
                  { value: '.', label: '1234.50' },
                  { value: ',', label: '1234,50' },
                ]}
              />
              <Checkbox
                label={t('billingPage.export.bom')}
                checked={csv.bom}
                onChange={(e) => {
                  const bom = e.currentTarget.checked
                  setCsv((c) => ({ ...c, bom }))
                }}
              />
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {t('billingPage.export.formulaNote')}
            </Text>
          </div>
          <Group>
            <Button
              leftSection={<IconFileText size={16} />}
              onClick={() => start('csv')}
              loading={run.isPending}
              data-testid="export-csv"
            >
              {t('billingPage.export.csv')}
            </Button>
            <Button
              leftSection={<IconFileSpreadsheet size={16} />}
              onClick={() => start('xlsx')}
              loading={run.isPending}
              data-testid="export-xlsx"
            >
              {t('billingPage.export.xlsx')}
            </Button>
            <Button
              leftSection={<IconFileTypePdf size={16} />}
              onClick={() => start('pdf')}
              loading={run.isPending}
              data-testid="export-pdf"
            >
              {t('billingPage.export.pdf')}
            </Button>
          </Group>
          {progress && progress.total > 0 && (
            <Stack gap={4} maw={480}>
              <Progress value={(progress.done / progress.total) * 100} animated={run.isPending} />
              <Text size="xs" c="dimmed">
                {t('billingPage.export.progress', { done: progress.done, total: progress.total })}
              </Text>
            </Stack>
          )}
        </Stack>
      </Card>
      {profile.data && <ProfileForm key={accountId} accountId={accountId} initial={profile.data} />}
      <Modal
        opened={askProfile}
        onClose={() => setAskProfile(false)}
        title={t('billingPage.export.profileFirst')}
        size="lg"
      >
        <Text size="sm" c="dimmed" mb="md">
          {t('billingPage.export.profileFirstHelp')}
        </Text>
        {profile.data && (
          <ProfileForm
            accountId={accountId}
            initial={profile.data}
            bare
            onSaved={() => {
              setAskProfile(false)
              // Main reads the saved profile when it writes the PDF.
              start('pdf', true)
            }}
          />
        )}
      </Modal>
    </Stack>
  )
}
