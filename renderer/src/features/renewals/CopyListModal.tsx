import { useMemo, useState } from 'react'
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCopy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { RenewalRow } from '../../../../shared/domain/renewals'
import { clientRenewalList } from '../../../../shared/i18n/documents/renewals-list'
import { isLanguage, type Language } from '../../../../shared/i18n/languages'
import { DocumentLanguageSelect } from '../../components/DocumentLanguageSelect'

/**
 * The client-ready list of the selected renewals: plain text per client in a language the user picks (the
 * interface's by default), shown before it is copied so the user sees what the client will read.
 */
export function CopyListModal(props: { rows: readonly RenewalRow[] | null; now: number; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const [language, setLanguage] = useState<Language>(isLanguage(i18n.language) ? i18n.language : 'en')
  const text = useMemo(
    () => (props.rows ? clientRenewalList(props.rows, language, props.now) : ''),
    [props.rows, language, props.now],
  )
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      notifications.show({ color: 'green', message: t('renewals.copied') })
    } catch {
      notifications.show({ color: 'red', message: t('renewals.copyFailed') })
    }
  }
  return (
    <Modal opened={props.rows !== null} onClose={props.onClose} title={t('renewals.copyTitle')} size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('renewals.copyHelp')}</Text>
        <DocumentLanguageSelect
          label={t('renewals.copyLanguage')}
          value={language}
          onChange={setLanguage}
          data-testid="renewals-copy-language"
        />
        <Textarea
          label={t('renewals.copyTitle')}
          value={text}
          readOnly
          autosize
          minRows={6}
          maxRows={16}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          data-testid="renewals-copy-text"
        />
        <Group justify="flex-end">
          <Button leftSection={<IconCopy size={16} />} onClick={() => void copy()}>
            {t('renewals.copy')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
