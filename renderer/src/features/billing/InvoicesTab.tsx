import { useRef, useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCloudDownload, IconUpload } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { IMPORT_FIELDS, type ImportField, type ImportPreview } from '../../../../shared/domain/billing'
import { invoke } from '../../lib/ipc'
import { billingQueries, useCommitImport, useFetchInvoices, usePreviewImport } from './billing-queries'
import { formatIsoDate, formatMoney } from './billing-model'
import type { FileRef } from '../../../../shared/domain/files'
import { canUploadFiles, chooseImportFile, isCancelled, uploadImportFile } from '../../lib/download'

const MAX_BYTES = 20 * 1024 * 1024

export function InvoicesTab({ accountId, from, to }: { accountId: string; from: string; to: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const previewMutation = usePreviewImport()
  const commit = useCommitImport()
  const fetchApi = useFetchInvoices()
  const invoices = useQuery(billingQueries.invoices(accountId, from, to))
  const orgs = useQuery({ queryKey: ['orgs', 'account', accountId], queryFn: () => invoke('orgs:list', { accountId }) })
  // The chosen file, known by the core's reference: its bytes never travel through IPC.
  const [file, setFile] = useState<FileRef | null>(null)
  const [choosing, setChoosing] = useState(false)
  // Lets the same file be chosen again (a file input fires no change for an identical pick).
  const resetFile = useRef<() => void>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [mapping, setMapping] = useState<Partial<Record<ImportField, number | null>>>({})
  const [orgOverrides, setOrgOverrides] = useState<Record<string, number>>({})

  const runPreview = async (picked: FileRef): Promise<void> => {
    try {
      setPreview(await previewMutation.mutateAsync({ accountId, fileId: picked.fileId }))
    } catch {
      notifications.show({ color: 'red', message: t('billingPage.import.failed') })
    }
  }

  const onFile = async (picked: File | null): Promise<void> => {
    resetFile.current?.()
    if (!picked) return
    if (picked.size > MAX_BYTES) {
      notifications.show({ color: 'red', message: t('billingPage.import.tooLarge') })
      return
    }
    await chosen(() => uploadImportFile(picked))
  }

  /** The app: main's open dialog; the core reads the chosen file from disk. */
  const onChoose = async (): Promise<void> => {
    await chosen(chooseImportFile)
  }

  const chosen = async (get: () => Promise<FileRef | null>): Promise<void> => {
    let next: FileRef | null
    setChoosing(true)
    try {
      next = await get()
    } catch (e) {
      if (!isCancelled(e)) notifications.show({ color: 'red', message: t('billingPage.import.failed') })
      return
    } finally {
      setChoosing(false)
    }
    if (!next) return
    setFile(next)
    setMapping({})
    setOrgOverrides({})
    await runPreview(next)
  }

  const doCommit = async (): Promise<void> => {
    if (!file) return
    try {
      const r = await commit.mutateAsync({
        accountId,
        fileId: file.fileId,
        mapping,
        orgOverrides,
      })
      if (r.status === 'imported') {
        notifications.show({
          color: 'green',
          message: t('billingPage.import.imported', { imported: r.imported, skipped: r.skipped }),
        })
        setPreview(null)
        setFile(null)
      } else if (r.status === 'duplicate_file') {
        notifications.show({ color: 'yellow', message: t('billingPage.import.duplicateFile') })
        setPreview(null)
        setFile(null)
      } else {
        notifications.show({ color: 'red', message: t('billingPage.import.rejected', { count: r.errors.length }) })
        if (preview)
          setPreview({
            ...preview,
            errors: r.errors,
            validCount: preview.rowCount - new Set(r.errors.map((e) => e.line)).size,
          })
      }
    } catch {
      notifications.show({ color: 'red', message: t('billingPage.import.failed') })
    }
  }

  const recheck = async (): Promise<void> => {
    if (!file) return
    try {
      const next = await previewMutation.mutateAsync({
        accountId,
        fileId: file.fileId,
        mapping,
        orgOverrides,
      })
      // Keep the user's corrections visible: the overrides stay in state, the answer carries the rest.
      setPreview({ ...next, unmatchedOrgs: [...new Set([...(preview?.unmatchedOrgs ?? []), ...next.unmatchedOrgs])] })
    } catch {
      notifications.show({ color: 'red', message: t('billingPage.import.failed') })
    }
  }

  const currentMapping = (field: ImportField): number | null =>
    field in mapping ? (mapping[field] ?? null) : (preview?.mapping[field] ?? null)
  const columnOptions = (preview?.headers ?? []).map((h, i) => ({ value: String(i), label: h || `#${i + 1}` }))
  const orgOptions = (orgs.data ?? []).map((o) => ({ value: String(o.id), label: o.name }))
  const errorCount = preview?.errors.length ?? 0

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
            <FileButton onChange={(f) => void onFile(f)} accept=".csv,text/csv,text/plain" resetRef={resetFile}>
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
              onClick={() => void onChoose()}
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
        {preview && (
          <Stack gap="md" mt="md">
            {preview.alreadyImported && <Alert color="yellow">{t('billingPage.import.alreadyImported')}</Alert>}
            <div>
              <Text fw={500} mb={4}>
                {t('billingPage.import.mapping')}
              </Text>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                {IMPORT_FIELDS.map((field) => (
                  <Select
                    key={field}
                    size="xs"
                    label={t(`billingPage.import.fields.${field}`)}
                    placeholder={t('billingPage.import.notMapped')}
                    data={columnOptions}
                    clearable
                    value={currentMapping(field) === null ? null : String(currentMapping(field))}
                    onChange={(v) => setMapping((m) => ({ ...m, [field]: v === null ? null : Number(v) }))}
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
                      value={orgOverrides[name] === undefined ? null : String(orgOverrides[name])}
                      onChange={(v) =>
                        setOrgOverrides((o) =>
                          v === null
                            ? Object.fromEntries(Object.entries(o).filter(([k]) => k !== name))
                            : { ...o, [name]: Number(v) },
                        )
                      }
                    />
                  ))}
                </SimpleGrid>
              </div>
            )}
            {errorCount > 0 && (
              <Alert
                color="red"
                title={t('billingPage.import.errors', { count: errorCount })}
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
                    {preview.errors.slice(0, 50).map((e, i) => (
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
              {errorCount > 0 ? (
                <Button variant="default" onClick={() => void recheck()} loading={previewMutation.isPending}>
                  {t('billingPage.import.recheck')}
                </Button>
              ) : (
                <Button onClick={() => void doCommit()} loading={commit.isPending} data-testid="import-commit">
                  {t('billingPage.import.commit', { count: preview.validCount })}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Card>

      <Card withBorder padding="md">
        <Group justify="space-between">
          <div>
            <Title order={3} size="h5">
              {t('billingPage.import.fetchApi')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('billingPage.import.fetchHelp')}
            </Text>
          </div>
          <Button
            variant="light"
            leftSection={<IconCloudDownload size={16} />}
            loading={fetchApi.isPending}
            onClick={() =>
              fetchApi.mutate(accountId, {
                onSuccess: (r) =>
                  notifications.show({
                    color: r.available ? 'green' : 'yellow',
                    message: r.available
                      ? t('billingPage.import.fetched', { imported: r.imported, updated: r.updated })
                      : t('billingPage.import.fetchUnavailable'),
                  }),
                onError: () => notifications.show({ color: 'red', message: t('billingPage.import.failed') }),
              })
            }
          >
            {t('billingPage.import.fetchApi')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('billingPage.import.partnership')}
        </Text>
      </Card>

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
                <Table.Td>{inv.number}</Table.Td>
                <Table.Td>{inv.orgName}</Table.Td>
                <Table.Td>{formatIsoDate(inv.issueDate, language)}</Table.Td>
                <Table.Td>{inv.dueDate ? formatIsoDate(inv.dueDate, language) : ''}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={inv.status === 'paid' ? 'green' : inv.status === 'unpaid' ? 'orange' : 'gray'}
                  >
                    {t(`billingPage.statuses.${inv.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{formatMoney(inv.amountInclVatCents, inv.currency, language)}</Table.Td>
                <Table.Td>{inv.source.toUpperCase()}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  )
}
