import { useEffect, useMemo, useState } from 'react'
import { MantineProvider, useMantineColorScheme } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider, useQuery, type QueryClient } from '@tanstack/react-query'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { RouterProvider } from 'react-router'
import type { i18n } from 'i18next'
import { PSEUDO_LANGUAGE } from '../../../shared/i18n/languages'
import { createI18n, setUiLanguage } from './i18n'
import { createQueryClient } from './query-client'
import { createRouter } from './router'
import { createAppTheme, cssVariablesResolver } from './theme'
import { useCacheInvalidation } from './use-cache-invalidation'
import { settingsQueries } from '../features/settings/settings-queries'
import { useFleetInvalidation } from '../features/fleet/fleet-queries'

/** Applies the stored language and theme whenever the settings change. */
function SettingsEffects({ i18n }: { i18n: i18n }) {
  const settings = useQuery(settingsQueries.current())
  const { setColorScheme } = useMantineColorScheme()
  useCacheInvalidation()
  // The fleet screens (Home, inventory, hygiene) read several scopes at once: refreshed even when not shown.
  useFleetInvalidation()
  const language = settings.data?.language
  const themePref = settings.data?.theme
  useEffect(() => {
    // `?pseudo` (development and e2e only: nothing can add it to the app's own address) shows the
    // pseudo-locale, which reveals hard-coded and truncated text.
    const pseudo = new URLSearchParams(window.location.search).has('pseudo')
    if (pseudo) void setUiLanguage(i18n, PSEUDO_LANGUAGE)
    else if (language) void setUiLanguage(i18n, language)
  }, [language, i18n])
  useEffect(() => {
    if (themePref) setColorScheme(themePref === 'system' ? 'auto' : themePref)
  }, [themePref, setColorScheme])
  return null
}

/** `mantineEnv="test"` disables transitions and portals for component tests. */
export function App({ queryClient, mantineEnv }: { queryClient?: QueryClient; mantineEnv?: 'default' | 'test' }) {
  const [client] = useState(() => queryClient ?? createQueryClient())
  const [i18n] = useState(() => createI18n('en'))
  const router = useMemo(() => createRouter(), [])
  return (
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <ThemedApp router={router} i18n={i18n} mantineEnv={mantineEnv ?? 'default'} />
      </I18nextProvider>
    </QueryClientProvider>
  )
}

/** Mantine with the accessible theme; its own icon buttons are labelled in the UI language. */
function ThemedApp({
  router,
  i18n,
  mantineEnv,
}: {
  router: ReturnType<typeof createRouter>
  i18n: i18n
  mantineEnv: 'default' | 'test'
}) {
  const { t } = useTranslation()
  const close = t('frame.close')
  const theme = useMemo(() => createAppTheme({ close }), [close])
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      env={mantineEnv}
    >
      <Notifications position="bottom-right" />
      <SettingsEffects i18n={i18n} />
      <RouterProvider router={router} />
    </MantineProvider>
  )
}
