import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPlugConnected } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router'
import { ErrorBoundary } from '../components/ErrorBoundary'
import { OrgSwitcher } from '../features/orgs/OrgSwitcher'
import { orgPath } from '../features/orgs/org-key'
import { useCurrentOrg } from '../features/orgs/orgs-queries'
import { SyncIndicator } from '../features/sync/SyncIndicator'
import { OfflineBanner } from '../features/sync/OfflineBanner'
import { StoreBanner } from '../features/store/StoreBanner'
import { NotificationBell } from '../features/notifications/NotificationBell'
import { CoreStatusBanner } from '../features/core-host/CoreStatusBanner'
import { NAV_ITEMS } from './nav'

/**
 * "Skip to content": the first thing Tab reaches; hidden until focused. It moves focus to the main
 * region without touching the URL (the hash holds the route).
 */
function SkipLink() {
  const { t } = useTranslation()
  return (
    <a
      href="#main"
      className="skip-link"
      onClick={(e) => {
        e.preventDefault()
        document.getElementById('main')?.focus()
      }}
      data-testid="skip-link"
    >
      {t('frame.skipToContent')}
    </a>
  )
}

/** The frame: header with the organization switcher and sync state, navbar with the sections, routed content. */
export function AppLayout() {
  const { t } = useTranslation()
  const [opened, { toggle }] = useDisclosure()
  const location = useLocation()
  const current = useCurrentOrg()

  const target = (path: string): string => {
    if (current.org && current.ref && (path === '/overview' || path === '/products'))
      return orgPath(current.ref, path === '/overview' ? 'overview' : 'products')
    return path
  }
  const isActive = (path: string): boolean =>
    location.pathname.startsWith(path) ||
    (location.pathname.startsWith('/org/') && `/${location.pathname.split('/')[4] ?? ''}` === path) ||
    (path === '/home' && location.pathname === '/welcome')

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <IconPlugConnected size={22} aria-hidden />
            <Text fw={700}>{t('app.name')}</Text>
          </Group>
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
            <SyncIndicator />
            <NotificationBell />
            <OrgSwitcher />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <ScrollArea>
          {(['fleet', 'client', 'app'] as const).map((group) => (
            <div key={group} {...(group !== 'app' ? { role: 'group', 'aria-labelledby': `nav-group-${group}` } : {})}>
              {group !== 'app' ? (
                <Text
                  id={`nav-group-${group}`}
                  size="xs"
                  fw={700}
                  c="dimmed"
                  tt="uppercase"
                  px="sm"
                  pt={group === 'fleet' ? 4 : 'md'}
                  pb={4}
                  truncate
                  title={group === 'client' ? current.org?.name : undefined}
                >
                  {group === 'fleet' ? t('nav.allClients') : (current.org?.name ?? t('nav.currentClient'))}
                </Text>
              ) : (
                <div style={{ height: 'var(--mantine-spacing-md)' }} />
              )}
              {NAV_ITEMS.filter((item) => item.group === group).map((item) => (
                <NavLink
                  key={item.path}
                  component={RouterLink}
                  to={target(item.path)}
                  label={t(item.labelKey)}
                  leftSection={<item.icon size={18} aria-hidden />}
                  active={isActive(item.path)}
                />
              ))}
            </div>
          ))}
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <CoreStatusBanner />
        <StoreBanner />
        <OfflineBanner />
        <ErrorBoundary resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  )
}
