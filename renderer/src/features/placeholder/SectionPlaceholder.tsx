import { Button, Stack, Text, Title } from '@mantine/core'
import { IconHourglass, IconKey } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { EmptyState } from '../../components/EmptyState'
import { accountsQueries } from '../accounts/accounts-queries'

type Section = 'overview' | 'products' | 'renewals' | 'access' | 'billing'

/** A section not built yet: what it will contain, and the next step (add an account first). */
export function SectionPlaceholder({ section }: { section: Section }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const accounts = useQuery(accountsQueries.list())
  const hasAccount = (accounts.data?.length ?? 0) > 0
  return (
    <Stack gap="xs">
      <Title order={1} size="h2">
        {t(`nav.${section}`)}
      </Title>
      <Text c="dimmed">{t(`empty.${section}`)}</Text>
      {hasAccount ? (
        <EmptyState icon={<IconHourglass size={28} />} title={t('empty.comingTitle')} body={t('empty.comingBody')} />
      ) : (
        <EmptyState
          icon={<IconKey size={28} />}
          title={t('empty.noAccountTitle')}
          body={t('empty.noAccountBody')}
          action={<Button onClick={() => void navigate('/welcome')}>{t('empty.addAccount')}</Button>}
        />
      )}
    </Stack>
  )
}
