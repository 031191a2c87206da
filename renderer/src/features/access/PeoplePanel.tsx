import { useState } from 'react'
import { Badge, Group, Loader, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { accessQueries } from './access-queries'

export const personPath = (email: string) => `/access/people/${encodeURIComponent(email.toLowerCase())}`

/** Search a person by e-mail or name across all organizations of all accounts. */
export function PeoplePanel() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [text, setText] = useState('')
  const people = useQuery(accessQueries.people(text.trim()))
  return (
    <Stack gap="sm">
      <TextInput
        leftSection={<IconSearch size={14} />}
        placeholder={t('accessPage.people.search')}
        aria-label={t('accessPage.people.search')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data-testid="people-search"
        autoFocus
      />
      {people.isFetching && <Loader size="xs" />}
      {people.data?.length === 0 && <Text c="dimmed">{t('accessPage.people.noHit')}</Text>}
      {people.data?.map((p) => (
        <UnstyledButton
          key={p.email}
          onClick={() => void navigate(personPath(p.email))}
          data-testid="person-hit"
          style={{ padding: 6, borderBottom: '1px solid var(--mantine-color-default-border)' }}
        >
          <Group justify="space-between">
            <div>
              <Text fw={500}>{p.displayName}</Text>
              <Text size="sm" c="dimmed">
                {p.email}
              </Text>
            </div>
            <Group gap={4}>
              <Badge variant="light">{t('accessPage.people.orgCount', { count: p.orgCount })}</Badge>
              {p.pendingCount > 0 && (
                <Badge variant="light" color="orange">
                  {t('accessPage.people.pendingCount', { count: p.pendingCount })}
                </Badge>
              )}
            </Group>
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  )
}
