import { Button } from '@mantine/core'
import { IconMapPinOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { EmptyState } from '../components/EmptyState'

export function NotFound() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <EmptyState
      icon={<IconMapPinOff size={28} />}
      title={t('errors.notFoundTitle')}
      body={t('errors.notFoundBody')}
      action={<Button onClick={() => void navigate('/home')}>{t('errors.backHome')}</Button>}
    />
  )
}
