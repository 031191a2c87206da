import { AppShell, Burger, Group, NavLink, ScrollArea, Text, Tooltip, UnstyledButton } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconBuildingSkyscraper, IconPlugConnected } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router'
import { ErrorBoundary } from '../components/ErrorBoundary'
import { NAV_ITEMS } from './nav'

/** The frame: header with the organization slot, navbar with the sections, routed content. */
export function AppLayout() {
  const { t } = useTranslation()
  const [opened, { toggle }] = useDisclosure()
  const location = useLocation()

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <IconPlugConnected size={22} aria-hidden />
            <Text fw={700}>{t('app.name')}</Text>
          </Group>
          <Tooltip label={t('header.organizationHint')}>
            <UnstyledButton data-testid="org-slot" aria-label={t('header.noOrganization')}>
              <Group gap={6} wrap="nowrap">
                <IconBuildingSkyscraper size={18} aria-hidden />
                <Text size="sm" c="dimmed" truncate maw={320}>
                  {t('header.noOrganization')}
                </Text>
              </Group>
            </UnstyledButton>
          </Tooltip>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <ScrollArea>
          {NAV_ITEMS.map((item) => (
            <NavLink
              key={item.path}
              component={RouterLink}
              to={item.path}
              label={t(item.labelKey)}
              leftSection={<item.icon size={18} aria-hidden />}
              active={location.pathname.startsWith(item.path)}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main>
        <ErrorBoundary resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  )
}
