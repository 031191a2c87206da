import { Button, Stack, Text, Title } from '@mantine/core'
import { IconKey } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { EmptyState } from '../../components/EmptyState'

type Section = 'overview' | 'products' | 'renewals' | 'access' | 'billing'

/** What a section shows before any account exists: what it will contain, and the next step. */
export function SectionPlaceholder({ section }: { section: Section }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Stack gap="xs">
      <Title order={2}>{t(`nav.${section}`)}</Title>
      <Text c="dimmed">{t(`empty.${section}`)}</Text>
      <EmptyState
        icon={<IconKey size={28} />}
        title={t('empty.noAccountTitle')}
        body={t('empty.noAccountBody')}
        action={<Button onClick={() => void navigate('/settings')}>{t('empty.goToSettings')}</Button>}
      />
    </Stack>
  )
}
