import { useState, type FormEvent } from 'react'
import { Alert, Anchor, Button, Collapse, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { AccountSummary } from '../../../../shared/domain/cache'
import { accountsQueries, useAddAccount } from '../accounts/accounts-queries'
import { problemText } from '../../lib/problem'
import { CopyableUrl } from './CopyableUrl'
import { checkBaseUrl, explainAddError, type AddErrorView } from './account-errors'

function ErrorMessage({ view }: { view: AddErrorView }) {
  const { t } = useTranslation()
  const body = ((): string => {
    switch (view.kind) {
      case 'invalid_token':
        return view.problem ? problemText(t, view.problem) : t('onboarding.errors.invalidToken')
      case 'token_rejected':
        return t('onboarding.errors.tokenRejected')
      case 'missing_scope':
        return t('onboarding.errors.missingScope', {
          scopes: view.scopes.length > 0 ? view.scopes.join(', ') : 'accounts',
        })
      case 'offline':
        return t('onboarding.errors.offline')
      case 'keychain':
        return t('onboarding.errors.keychain')
      case 'conflict':
        return view.existingLabel
          ? t('onboarding.errors.conflictNamed', { label: view.existingLabel })
          : t('onboarding.errors.conflict')
      default:
        return t('onboarding.errors.other', {
          message: view.problem ? problemText(t, view.problem) : t('problems.app.internal'),
        })
    }
  })()
  return (
    <Alert
      color="red"
      icon={<IconAlertCircle size={18} />}
      title={t(`onboarding.errorTitles.${view.kind}`)}
      role="alert"
    >
      <Stack gap={6}>
        <Text size="sm" data-testid="add-account-error">
          {body}
        </Text>
        {view.manageUrl &&
          (view.kind === 'token_rejected' || view.kind === 'missing_scope' || view.kind === 'invalid_token') && (
            <>
              <Text size="sm">{t('onboarding.managerPage')}</Text>
              <CopyableUrl url={view.manageUrl} />
            </>
          )}
      </Stack>
    </Alert>
  )
}

/** Paste a personal API token (and, under Advanced, an API address); add the account. */
export function AddAccountForm({ onAdded }: { onAdded: (account: AccountSummary) => void }) {
  const { t } = useTranslation()
  const [token, setToken] = useState('')
  const [baseUrl, setBaseUrl] = useState('')
  const [advanced, setAdvanced] = useState(false)
  const [tokenMissing, setTokenMissing] = useState(false)
  const add = useAddAccount()
  const accounts = useQuery(accountsQueries.list())
  const urlState = checkBaseUrl(baseUrl)

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (token.trim() === '') {
      setTokenMissing(true)
      return
    }
    if (urlState !== 'ok') {
      setAdvanced(true)
      return
    }
    add.mutate(
      { token: token.trim(), ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}) },
      {
        onSuccess: (account) => {
          setToken('')
          onAdded(account)
        },
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('onboarding.formLabel')}>
      <Stack gap="sm">
        <PasswordInput
          label={t('onboarding.tokenLabel')}
          description={t('onboarding.tokenHelp')}
          placeholder={t('onboarding.tokenPlaceholder')}
          value={token}
          onChange={(e) => {
            setToken(e.currentTarget.value)
            setTokenMissing(false)
          }}
          error={tokenMissing ? t('onboarding.tokenRequired') : undefined}
          autoComplete="off"
          spellCheck={false}
          data-testid="token-input"
        />
        <div>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => setAdvanced((v) => !v)}
            aria-expanded={advanced}
          >
            {advanced ? t('onboarding.hideAdvanced') : t('onboarding.advanced')}
          </Anchor>
          <Collapse expanded={advanced}>
            <TextInput
              mt="xs"
              label={t('onboarding.baseUrlLabel')}
              description={t('onboarding.baseUrlHelp')}
              placeholder="https://api.infomaniak.com"
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.currentTarget.value)}
              error={urlState === 'invalid' ? t('onboarding.baseUrlInvalid') : undefined}
              spellCheck={false}
              data-testid="base-url-input"
            />
          </Collapse>
        </div>
        {add.isError && <ErrorMessage view={explainAddError(add.error, accounts.data ?? [])} />}
        <Group>
          <Button type="submit" loading={add.isPending} data-testid="add-account-submit">
            {t('onboarding.submit')}
          </Button>
          {add.isPending && (
            <Text size="sm" c="dimmed">
              {t('onboarding.checking')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  )
}
