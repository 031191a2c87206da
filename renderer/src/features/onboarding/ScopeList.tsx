import { Badge, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ScopeStatus } from '../../../../shared/domain/cache'
import { CopyableUrl } from './CopyableUrl'
import { TOKEN_PAGE } from './account-errors'

/** Catalogue keys of the scopes Switchboard probes (":" and "-" are not safe in i18next keys). */
const SCOPE_KEYS = {
  user_info: 'user_info',
  accounts: 'accounts',
  'domain:read': 'domain_read',
  mail: 'mail',
  drive: 'drive',
  'swiss-backup': 'swiss_backup',
} as const
type ScopeKey = (typeof SCOPE_KEYS)[keyof typeof SCOPE_KEYS]
const scopeKey = (scope: string): ScopeKey | undefined =>
  Object.prototype.hasOwnProperty.call(SCOPE_KEYS, scope) ? SCOPE_KEYS[scope as keyof typeof SCOPE_KEYS] : undefined

/** Each probed scope, whether the token has it, and what it unlocks in Switchboard. */
export function ScopeList({ scopes }: { scopes: readonly ScopeStatus[] }) {
  const { t } = useTranslation()
  const missing = scopes.some((s) => s.granted === false)
  return (
    <Stack gap="xs" data-testid="scope-list">
      {scopes.map((s) => {
        const key = scopeKey(s.scope)
        return (
          <Group key={s.scope} gap="sm" wrap="nowrap" align="flex-start">
            <Badge
              w={96}
              style={{ flexShrink: 0 }}
              variant="light"
              color={s.granted === true ? 'green' : s.granted === false ? 'red' : 'gray'}
            >
              {s.granted === true
                ? t('scopes.granted')
                : s.granted === false
                  ? t('scopes.missing')
                  : t('scopes.unknown')}
            </Badge>
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} ff="monospace">
                {s.scope}
              </Text>
              {key && (
                <Text size="sm" c="dimmed">
                  {t(`scopes.unlocks.${key}`)}
                </Text>
              )}
            </div>
          </Group>
        )
      })}
      {missing && (
        <Stack gap={4} mt="xs">
          <Text size="sm">{t('scopes.howToAdd')}</Text>
          <CopyableUrl url={TOKEN_PAGE} />
        </Stack>
      )}
    </Stack>
  )
}
