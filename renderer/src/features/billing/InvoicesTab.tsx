import { useRef, useState } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCloudDownload, IconUpload } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  IMPORT_FIELDS,
  IMPORT_LIMITS,
  ImportFileError,
  type ImportField,
  type ImportOptions,
  type ImportPreview,
} from '../../../../shared/domain/billing'
import { managerBillsUrl } from '../../../../shared/domain/manager-links'
import type { FileRef } from '../../../../shared/domain/files'
import { canUploadFiles, chooseImportFile, isCancelled, uploadImportFile } from '../../lib/download'
import { IpcError, invoke } from '../../lib/ipc'
import { billingQueries, useCommitImport, useFetchInvoices, usePreviewImport } from './billing-queries'
import { formatIsoDate, formatMoney } from './billing-model'
import { formatDate } from '../../lib/format'

const STATUS_COLORS = {
  paid: 'teal',
  unpaid: 'orange',
  cancelled: 'gray',
  refunded: 'grape',
  credit_note: 'blue',
} as const

/** Options of the current file, as the user set them. */
interface Choices {
  mapping: Partial<Record<ImportField, number | null>>
  orgOverrides: Record<string, number>
  fileOrgId: number | null
  vatRatePercent: number | null
  split: boolean | null
  lineOrgs: Record<string, number>
}
const NO_CHOICES: Choices = {
  mapping: {},
  orgOverrides: {},
  fileOrgId: null,
  vatRatePercent: null,
  split: null,
  lineOrgs: {},
}

function toOptions(c: Choices): ImportOptions {
  return {
    ...(Object.keys(c.mapping).length > 0 ? { mapping: c.mapping } : {}),
    ...(Object.keys(c.orgOverrides).length > 0 ? { orgOverrides: c.orgOverrides } : {}),
    ...(c.fileOrgId !== null ? { fileOrgId: c.fileOrgId } : {}),
    ...(c.vatRatePercent !== null ? { vatRatePercent: c.vatRatePercent } : {}),
    ...(c.split !== null ? { split: c.split } : {}),
    ...(Object.keys(c.lineOrgs).length > 0 ? { lineOrgs: c.lineOrgs } : {}),
  }
}

/** The refusal of a whole file, when the error says so. */
function fileErrorOf(error: unknown): ImportFileError | null {
  if (!(error instanceof IpcError)) return null
  const parsed = ImportFileError.safeParse(error.details)
  return parsed.success ? parsed.data : null
}

function FetchFromInfomaniak({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation()
  const route = useQuery(billingQueries.invoiceRoute(accountId))
  const fetchApi = useFetchInvoices()
  const checked = route.data?.checkedAt ?? null
  const available = route.data?.route ?? null
  const run = (): void =>
    fetchApi.mutate(accountId, {
      onSuccess: (r) =>
        notifications.show({
          color: r.available ? 'teal' : 'yellow',
          message: r.available
            ? t('billingPage.import.fetched', { imported: r.imported, updated: r.updated })
            : t('billingPage.import.fetchUnavailable'),
        }),
      onError: () => notifications.show({ color: 'red', message: t('billingPage.import.failed') }),
    })
  return (
    <Card withBorder padding="md" data-testid="fetch-card">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h5">
            {t('billingPage.import.fetchTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {available
              ? t('billingPage.import.fetchHelp')
              : checked === null
                ? t('billingPage.import.checkHelp')
                : t('billingPage.import.noRoute', {
                    date: formatDate(checked, i18n.language),
                  })}
          </Text>
        </div>
        <Button
          variant={available ? 'filled' : 'light'}
          leftSection={<IconCloudDownload size={16} />}
          loading={fetchApi.isPending}
          onClick={run}
          data-testid="fetch-invoices"
        >
          {available
            ? t('billingPage.import.fetchApi')
            : checked === null
              ? t('billingPage.import.checkApi')
              : t('billingPage.import.checkAgain')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        {t('billingPage.import.partnership')}
      </Text>
    </Card>
  )
}

export function InvoicesTab({ accountId, from, to }: { accountId: string; from: string; to: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const previewMutation = usePreviewImport()
  const commit = useCommitImport()
  const invoices = useQuery(billingQueries.invoices(accountId, from, to))
  const orgs = useQuery({ queryKey: ['orgs', 'account', accountId], queryFn: () => invoke('orgs:list', { accountId }) })
  // Lets the same file be chosen again (a file input fires no change for an identical pick).
  const resetFile = useRef<() => void>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [choices, setChoices] = useState<Choices>(NO_CHOICES)
  const [refused, setRefused] = useState<{ fileName: string; error: ImportFileError } | null>(null)

  const failed = (error: unknown, fileName: string): void => {
    const fileError = fileErrorOf(error)
    if (fileError) setRefused({ fileName, error: fileError })
    else notifications.show({ color: 'red', message: t('billingPage.import.failed') })
  }

  const [choosing, setChoosing] = useState(false)

  /** A chosen file (known to the core by its id: the bytes never travel through IPC) is read at once. */
  const chosen = async (get: () => Promise<FileRef | null>, name: string): Promise<void> => {
    setPreview(null)
    setRefused(null)
    setChoices(NO_CHOICES)
    let file: FileRef | null
    setChoosing(true)
    try {
      file = await get()
    } catch (error) {
      setChoosing(false)
      if (!isCancelled(error)) failed(error, name)
      return
    }
    setChoosing(false)
    if (!file) return
    try {
      setPreview(await previewMutation.mutateAsync({ accountId, fileId: file.fileId }))
    } catch (error) {
      failed(error, file.fileName)
    }
  }

  /** The browser shell: a file picked in the page, streamed to the shell. */
  const onFile = async (picked: File | null): Promise<void> => {
    resetFile.current?.()
    if (!picked) return
    if (picked.size > IMPORT_LIMITS.fileBytes) {
      setPreview(null)
      setRefused({
        fileName: picked.name,
        error: { kind: 'import_file', code: 'file_too_large', line: null, limit: IMPORT_LIMITS.fileBytes },
      })
      return
    }
    await chosen(() => uploadImportFile(picked), picked.name)
  }

  /** Reads the stored file again with new choices (no new upload). */
  const update = async (patch: Partial<Choices>): Promise<void> => {
    if (!preview) return
    const next = { ...choices, ...patch }
    setChoices(next)
    try {
      setPreview(
        await previewMutation.mutateAsync({ accountId, previewId: preview.previewId, options: toOptions(next) }),
      )
    } catch (error) {
      failed(error, preview.fileName)
    }
  }

  const doCommit = async (): Promise<void> => {
    if (!preview) return
    try {
      const r = await commit.mutateAsync({ accountId, previewId: preview.previewId, options: toOptions(choices) })
      if (r.status === 'imported') {
        notifications.show({
          color: 'teal',
          message: t('billingPage.import.imported', { imported: r.imported, skipped: r.skipped }),
        })
        setPreview(null)
      } else if (r.status === 'duplicate_file') {
        notifications.show({ color: 'yellow', message: t('billingPage.import.duplicateFile') })
        setPreview(null)
      } else {
        notifications.show({ color: 'red', message: t('billingPage.import.rejected', { count: r.errorCount }) })
        setPreview({ ...preview, errors: r.errors, errorCount: r.errorCount })
      }
    } catch (error) {
      failed(error, preview.fileName)
    }
  }

  const currentMapping = (field: ImportField): number | null =>
    field in choices.mapping ? (choices.mapping[field] ?? null) : (preview?.mapping[field] ?? null)
  const columnOptions = (preview?.headers ?? []).map((h, i) => ({ value: String(i), label: h || `#${i + 1}` }))
  const orgOptions = (orgs.data ?? []).map((o) => ({ value: String(o.id), label: o.name }))
  // Without an organization column, the "missing organization" of every row is one question, asked once.
  const needsFileOrg = preview !== null && !preview.orgColumn && !preview.split && preview.fileOrgId === null
  const shownErrors = (preview?.errors ?? []).filter(
    (e) => !(needsFileOrg && e.code === 'missing' && (e.field === 'orgName' || e.field === 'clientNumber')),
  )
  const hasLineText = preview !== null && (currentMapping('product') !== null || currentMapping('description') !== null)
  const canCommit = preview !== null && preview.errorCount === 0 && preview.invoiceCount > 0

  return (
    <Stack gap="lg">
      <Card withBorder padding="md">
        <Title order={2} size="h4">
          {t('billingPage.import.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('billingPage.import.help')}
        </Text>
        <Group>
          {canUploadFiles() ? (
            <FileButton onChange={(f) => void onFile(f)} accept=".csv,.txt,text/csv,text/plain" resetRef={resetFile}>
              {(props) => (
                <Button
                  {...props}
                  leftSection={<IconUpload size={16} />}
                  loading={choosing || previewMutation.isPending}
                  data-testid="import-choose"
                >
                  {t('billingPage.import.choose')}
                </Button>
              )}
            </FileButton>
          ) : (
            <Button
              onClick={() => void chosen(chooseImportFile, '')}
              leftSection={<IconUpload size={16} />}
              loading={choosing || previewMutation.isPending}
              data-testid="import-choose"
            >
              {t('billingPage.import.choose')}
            </Button>
          )}
          {preview && (
            <Text size="sm" data-testid="import-detected">
              {preview.fileName}:{' '}
              {t('billingPage.import.detected', {
                encoding: preview.encoding,
                delimiter: preview.delimiter === '\t' ? 'tab' : preview.delimiter,
                rows: preview.rowCount,
                valid: preview.validCount,
              })}
            </Text>
          )}
        </Group>
        {refused && (
          <Alert
            color="red"
            mt="md"
            title={t('billingPage.import.refused', { file: refused.fileName })}
            data-testid="import-refused"
          >
            {/* The file's problem, from the shared catalogue the core's problems use. */}
            {t(`problems.billing.importFile.${refused.error.code}`, {
              line: refused.error.line ?? '?',
              limit: refused.error.limit ?? '?',
              mb: refused.error.limit ? Math.round(refused.error.limit / 1024 / 1024) : '?',
            })}
          </Alert>
        )}
        {preview && (
          <Stack gap="md" mt="md">
            {preview.alreadyImported && <Alert color="yellow">{t('billingPage.import.alreadyImported')}</Alert>}
            {!preview.orgColumn && (
              <Select
                label={t('billingPage.import.fileOrg')}
                description={t('billingPage.import.fileOrgHelp')}
                placeholder={t('billingPage.import.pickOrg')}
                data={orgOptions}
                searchable
                clearable
                maw={480}
                value={preview.fileOrgId === null ? null : String(preview.fileOrgId)}
                onChange={(v) => void update({ fileOrgId: v === null ? null : Number(v) })}
                error={needsFileOrg ? t('billingPage.import.fileOrgNeeded') : undefined}
                data-testid="import-file-org"
              />
            )}
            {!preview.orgColumn && preview.fileOrgId !== null && (
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => void invoke('app:open-external', { url: managerBillsUrl(preview.fileOrgId ?? 0) })}
              >
                {t('billingPage.import.managerBills')}
              </Anchor>
            )}
            {!preview.orgColumn && hasLineText && (
              <Switch
                label={t('billingPage.import.split')}
                description={t('billingPage.import.splitHelp')}
                checked={preview.split}
                onChange={(e) => void update({ split: e.currentTarget.checked })}
                data-testid="import-split"
              />
            )}
            {(preview.vatUnknownCount > 0 || choices.vatRatePercent !== null) && (
              <NumberInput
                label={t('billingPage.import.vatRate')}
                description={t('billingPage.import.vatRateHelp', { count: preview.vatUnknownCount })}
                suffix=" %"
                min={0}
                max={100}
                decimalScale={2}
                maw={320}
                value={choices.vatRatePercent ?? ''}
                onChange={(v) => void update({ vatRatePercent: v === '' ? null : Number(v) })}
                data-testid="import-vat-rate"
              />
            )}
            <div>
              <Group gap="xs" mb={4}>
                <Text fw={500}>{t('billingPage.import.mapping')}</Text>
                {preview.mappingSource === 'saved' && (
                  <Badge variant="light" size="sm">
                    {t('billingPage.import.savedMapping')}
                  </Badge>
                )}
              </Group>
              <SimpleGrid cols={{ base: 2, md: 5 }}>
                {IMPORT_FIELDS.map((field) => (
                  <Select
                    key={field}
                    size="xs"
                    label={t(`billingPage.import.fields.${field}`)}
                    placeholder={t('billingPage.import.notMapped')}
                    data={columnOptions}
                    clearable
                    value={currentMapping(field) === null ? null : String(currentMapping(field))}
                    onChange={(v) =>
                      void update({ mapping: { ...choices.mapping, [field]: v === null ? null : Number(v) } })
                    }
                  />
                ))}
              </SimpleGrid>
            </div>
            {preview.unmatchedOrgs.length > 0 && (
              <div>
                <Text fw={500}>{t('billingPage.import.unmatched')}</Text>
                <Text size="sm" c="dimmed" mb={4}>
                  {t('billingPage.import.unmatchedHelp')}
                </Text>
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  {preview.unmatchedOrgs.map((name) => (
                    <Select
                      key={name}
                      size="xs"
                      label={name}
                      placeholder={t('billingPage.import.pickOrg')}
                      data={orgOptions}
                      searchable
                      value={choices.orgOverrides[name] === undefined ? null : String(choices.orgOverrides[name])}
                      onChange={(v) => {
                        const rest = Object.fromEntries(
                          Object.entries(choices.orgOverrides).filter(([k]) => k !== name),
                        )
                        void update({ orgOverrides: v === null ? rest : { ...rest, [name]: Number(v) } })
                      }}
                    />
                  ))}
                </SimpleGrid>
              </div>
            )}
            {preview.split && (
              <Text size="sm" data-testid="import-split-summary">
                {t('billingPage.import.splitSummary', { count: preview.splitInvoices })}
              </Text>
            )}
            {preview.unassignedLines.length > 0 && (
              <div data-testid="import-unassigned">
                <Text fw={500}>{t('billingPage.import.unassigned', { count: preview.unassignedLines.length })}</Text>
                <Text size="sm" c="dimmed" mb={4}>
                  {t('billingPage.import.unassignedHelp')}
                </Text>
                <Table>
                  <Table.Tbody>
                    {preview.unassignedLines.map((l) => (
                      <Table.Tr key={l.line}>
                        <Table.Td>
                          {t('billingPage.import.line')} {l.line} · {l.number}
                        </Table.Td>
                        <Table.Td>{l.text}</Table.Td>
                        <Table.Td ta="right">
                          {l.currency && l.inclCents !== null ? formatMoney(l.inclCents, l.currency, language) : ''}
                        </Table.Td>
                        <Table.Td>
                          <Select
                            size="xs"
                            aria-label={t('billingPage.import.assignLine', { line: l.line })}
                            placeholder={t('billingPage.import.pickOrg')}
                            data={orgOptions}
                            searchable
                            value={
                              choices.lineOrgs[String(l.line)] === undefined
                                ? null
                                : String(choices.lineOrgs[String(l.line)])
                            }
                            onChange={(v) => {
                              const key = String(l.line)
                              const rest = Object.fromEntries(
                                Object.entries(choices.lineOrgs).filter(([k]) => k !== key),
                              )
                              void update({ lineOrgs: v === null ? rest : { ...rest, [key]: Number(v) } })
                            }}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            )}
            {shownErrors.length > 0 && (
              <Alert
                color="red"
                title={t('billingPage.import.errors', { count: preview.errorCount })}
                data-testid="import-errors"
              >
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('billingPage.import.line')}</Table.Th>
                      <Table.Th>{t('billingPage.import.field')}</Table.Th>
                      <Table.Th>{t('billingPage.import.problem')}</Table.Th>
                      <Table.Th>{t('billingPage.import.value')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shownErrors.slice(0, 50).map((e, i) => (
                      <Table.Tr key={`${e.line}-${e.field ?? ''}-${i}`}>
                        <Table.Td>{e.line}</Table.Td>
                        <Table.Td>{e.field ? t(`billingPage.import.fields.${e.field}`) : ''}</Table.Td>
                        <Table.Td>{t(`billingPage.import.codes.${e.code}`)}</Table.Td>
                        <Table.Td>{e.value ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Alert>
            )}
            {preview.totals.length > 0 && (
              <Group gap="lg" data-testid="import-totals">
                <Text size="sm" fw={500}>
                  {t('billingPage.import.totals', { count: preview.invoiceCount })}
                </Text>
                {preview.totals.map((x) => (
                  <Text size="sm" key={x.currency}>
                    {formatMoney(x.cents, x.currency, language)}
                  </Text>
                ))}
                {preview.vatUnknownCount > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('billingPage.import.vatUnknown', { count: preview.vatUnknownCount })}
                  </Text>
                )}
              </Group>
            )}
            <Table striped withTableBorder fz="xs">
              <Table.Thead>
                <Table.Tr>
                  {preview.headers.map((h, i) => (
                    <Table.Th key={i}>{h}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.sample.slice(0, 8).map((row, r) => (
                  <Table.Tr key={r}>
                    {preview.headers.map((_, c) => (
                      <Table.Td key={c}>{row[c] ?? ''}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group>
              <Button
                onClick={() => void doCommit()}
                loading={commit.isPending}
                disabled={!canCommit}
                data-testid="import-commit"
              >
                {t('billingPage.import.commit', { count: preview.invoiceCount })}
              </Button>
              {!canCommit && (
                <Text size="sm" c="dimmed">
                  {t('billingPage.import.fixFirst')}
                </Text>
              )}
            </Group>
          </Stack>
        )}
      </Card>

      <FetchFromInfomaniak accountId={accountId} />

      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('billingPage.import.ledger', { count: invoices.data?.length ?? 0 })}
        </Title>
        <Table striped data-testid="ledger">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('billingPage.import.number')}</Table.Th>
              <Table.Th>{t('billingPage.overview.client')}</Table.Th>
              <Table.Th>{t('billingPage.import.issueDate')}</Table.Th>
              <Table.Th>{t('billingPage.import.dueDate')}</Table.Th>
              <Table.Th>{t('billingPage.import.status')}</Table.Th>
              <Table.Th ta="right">{t('billingPage.import.amount')}</Table.Th>
              <Table.Th>{t('billingPage.import.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(invoices.data ?? []).slice(0, 500).map((inv) => (
              <Table.Tr key={`${inv.orgId}-${inv.number}`}>
                <Table.Td>
                  {inv.number}
                  {inv.split && (
                    <Badge ml={6} size="xs" variant="light" color="gray">
                      {t('billingPage.import.splitBadge')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{inv.orgName}</Table.Td>
                <Table.Td>{formatIsoDate(inv.issueDate, language)}</Table.Td>
                <Table.Td>{inv.dueDate ? formatIsoDate(inv.dueDate, language) : ''}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLORS[inv.status]}>
                    {t(`billingPage.statuses.${inv.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  {formatMoney(inv.amountInclVatCents, inv.currency, language)}
                  {inv.vatBasis === 'unknown' && (
                    <Text span size="xs" c="dimmed" title={t('billingPage.import.vatUnknownOne')}>
                      {' '}
                      *
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`billingPage.import.sources.${inv.source}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {(invoices.data ?? []).some((i) => i.vatBasis === 'unknown') && (
          <Text size="xs" c="dimmed" mt="xs">
            * {t('billingPage.import.vatUnknownOne')}
          </Text>
        )}
      </Card>
    </Stack>
  )
}
