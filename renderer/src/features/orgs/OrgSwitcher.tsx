import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import {
  ActionIcon,
  Box,
  Button,
  ColorSwatch,
  Group,
  Kbd,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
  useMantineTheme,
} from '@mantine/core'
import { useDebouncedValue, useHotkeys } from '@mantine/hooks'
import {
  IconBuildingSkyscraper,
  IconPackage,
  IconPin,
  IconPinFilled,
  IconSearch,
  IconSelector,
  IconUser,
} from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import type { AccountSummary, SearchHit } from '../../../../shared/domain/cache'
import { accountsQueries } from '../accounts/accounts-queries'
import { orgColor } from './org-color'
import { orgKey } from './org-key'
import { useOrgPrefs } from './org-prefs'
import { indexOrgs, searchOrgs } from './org-search'
import { orgsQueries, useCurrentOrg } from './orgs-queries'
import { DemoBadge, RoleBadge } from './RoleBadge'
import { buildSpotlight, moveActive, searchesEverything, spotlightTarget, type SpotlightItem } from './spotlight-model'

/** A stable empty list, so the grouped model is not rebuilt at every render. */
const NO_HITS: readonly SearchHit[] = []

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** The header control naming the current organization; opens the switcher (also Ctrl/Cmd+K). */
export function OrgSwitcher() {
  const { t } = useTranslation()
  const theme = useMantineTheme()
  const [opened, setOpened] = useState(false)
  // The list stays rendered during the closing transition, and starts afresh at every opening.
  const [mounted, setMounted] = useState(false)
  const open = (): void => {
    setOpened(true)
    setMounted(true)
  }
  const current = useCurrentOrg()
  const accounts = useQuery(accountsQueries.list())
  useHotkeys([['mod+K', open]], [])

  const account = accounts.data?.find((a) => a.id === current.org?.accountId)
  const color = current.org ? orgColor(current.org.accountId, current.org.id) : null
  const name = current.org?.name ?? t('header.noOrganization')
  return (
    <>
      <Tooltip label={t('switcher.hint', { shortcut: IS_MAC ? '⌘K' : 'Ctrl+K' })}>
        <UnstyledButton
          data-testid="org-slot"
          aria-label={t('switcher.open', { name })}
          aria-haspopup="dialog"
          onClick={open}
          px="sm"
          py={6}
          style={{
            borderRadius: theme.radius.md,
            border: `1px solid ${color ? theme.colors[color]?.[5] : 'var(--mantine-color-default-border)'}`,
            minWidth: 0,
          }}
        >
          <Group gap={8} wrap="nowrap">
            {color ? (
              <ColorSwatch color={`var(--mantine-color-${color}-filled)`} size={14} aria-hidden />
            ) : (
              <IconBuildingSkyscraper size={18} aria-hidden />
            )}
            <Text size="sm" fw={current.org ? 600 : 400} {...(current.org ? {} : { c: 'dimmed' })} truncate maw={320}>
              {name}
            </Text>
            {current.org && <RoleBadge role={current.org.role} />}
            {account?.isDemo && <DemoBadge />}
            <Kbd size="xs" visibleFrom="md">
              {IS_MAC ? '⌘K' : 'Ctrl K'}
            </Kbd>
            <IconSelector size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Tooltip>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        onExitTransitionEnd={() => setMounted(false)}
        title={t('switcher.title')}
        size="lg"
        yOffset="8vh"
        data-testid="org-switcher"
      >
        {mounted && <SwitcherBody onDone={() => setOpened(false)} accounts={accounts.data ?? []} />}
      </Modal>
    </>
  )
}

function SwitcherBody({ onDone, accounts }: { onDone: () => void; accounts: readonly AccountSummary[] }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const location = useLocation()
  const orgs = useQuery(orgsQueries.all())
  const { prefs, markRecent, togglePin } = useOrgPrefs()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query.trim(), 120)
  const [active, setActive] = useState(0)
  const listId = useId()
  const listRef = useRef<HTMLDivElement>(null)

  const index = useMemo(() => indexOrgs(orgs.data ?? []), [orgs.data])
  const result = useMemo(() => searchOrgs(index, query, prefs), [index, query, prefs])
  const wide = searchesEverything(query) && searchesEverything(debounced)
  const search = useQuery({ ...orgsQueries.search(debounced), enabled: wide, placeholderData: keepPreviousData })
  const hits = wide ? search.data : undefined
  // Products and people for the text as typed are still on their way (debounce or request).
  const settling = searchesEverything(query) && (debounced !== query.trim() || search.isFetching)
  const model = useMemo(() => buildSpotlight(result.entries, hits ?? NO_HITS), [result.entries, hits])
  const orgByKey = useMemo(() => new Map(index.map((item) => [item.key, item.org])), [index])
  const multipleAccounts = accounts.length > 1
  const section = location.pathname.endsWith('/products') || location.pathname === '/products' ? 'products' : 'overview'
  const count = model.flat.length
  const current = count === 0 ? 0 : Math.min(active, count - 1)

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [current])

  const choose = (item: SpotlightItem): void => {
    if (item.kind === 'org') markRecent(item.entry.key)
    // A product opens inside its organization; a person's page spans organizations.
    else if (item.kind === 'product') markRecent(orgKey({ accountId: item.hit.accountId, orgId: item.hit.orgId }))
    onDone()
    void navigate(spotlightTarget(item, section))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setActive(moveActive(current, 1, count))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive(moveActive(current, -1, count))
    } else if (event.altKey && event.code === 'KeyP') {
      // Alt+P pins or unpins the highlighted organization.
      const item = model.flat[current]
      if (item?.kind === 'org') {
        event.preventDefault()
        togglePin(item.entry.key)
      }
    } else if (event.key === 'Enter') {
      const item = model.flat[current]
      if (item) {
        event.preventDefault()
        choose(item)
      }
    }
  }

  const activeItem = model.flat[current]
  const showHeadings = model.groups.some((g) => g.id !== 'orgs')
  return (
    <Stack gap="sm">
      <TextInput
        data-autofocus
        placeholder={t('switcher.placeholder')}
        aria-label={t('switcher.searchLabel')}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={settling ? <Loader size="xs" aria-label={t('switcher.searching')} /> : null}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded
        aria-controls={listId}
        aria-activedescendant={activeItem ? `${listId}-${activeItem.key}` : undefined}
        data-testid="org-search"
      />
      {orgs.isPending ? (
        <Group gap="xs" p="md">
          <Loader size="sm" />
          <Text>{t('common.loading')}</Text>
        </Group>
      ) : orgs.isError ? (
        <Text c="red" p="md">
          {t('errors.loadFailed')}
        </Text>
      ) : orgs.data.length === 0 ? (
        <Stack gap="xs" p="md" align="flex-start">
          <Text fw={600}>{t('switcher.noOrgsTitle')}</Text>
          <Text c="dimmed" size="sm">
            {accounts.length === 0 ? t('switcher.noAccountBody') : t('switcher.noOrgsBody')}
          </Text>
          {accounts.length === 0 && (
            <Button
              variant="light"
              onClick={() => {
                onDone()
                void navigate('/overview')
              }}
            >
              {t('onboarding.addAccountCta')}
            </Button>
          )}
        </Stack>
      ) : count === 0 && settling ? (
        <Group gap="xs" p="md">
          <Loader size="sm" />
          <Text c="dimmed">{t('switcher.searching')}</Text>
        </Group>
      ) : count === 0 ? (
        <Text c="dimmed" p="md">
          {t(searchesEverything(query) ? 'switcher.noMatchAny' : 'switcher.noMatch', { query })}
        </Text>
      ) : (
        <>
          <ScrollArea.Autosize mah="55vh" type="auto">
            <Box
              ref={listRef}
              id={listId}
              role="listbox"
              aria-label={t('switcher.listLabel')}
              aria-busy={settling}
              data-testid="switcher-list"
            >
              {model.groups.map((group) => (
                <Box
                  key={group.id}
                  role="group"
                  aria-label={t(`switcher.group.${group.id}`)}
                  data-testid={`switcher-group-${group.id}`}
                >
                  {showHeadings && (
                    <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt={6} pb={2} aria-hidden>
                      {t(`switcher.group.${group.id}`)}
                    </Text>
                  )}
                  {group.items.map((item, j) => {
                    const i = group.start + j
                    const rowProps = {
                      id: `${listId}-${item.key}`,
                      role: 'option',
                      'aria-selected': i === current,
                      'data-index': i,
                      onMouseMove: () => setActive(i),
                      onClick: () => choose(item),
                      style: {
                        cursor: 'pointer',
                        borderRadius: 'var(--mantine-radius-sm)',
                        background: i === current ? 'var(--mantine-color-default-hover)' : undefined,
                      },
                    } as const
                    if (item.kind !== 'org') {
                      const org = orgByKey.get(orgKey({ accountId: item.hit.accountId, orgId: item.hit.orgId }))
                      const color = orgColor(item.hit.accountId, item.hit.orgId)
                      return (
                        <Group
                          key={item.key}
                          {...rowProps}
                          data-testid="search-option"
                          data-kind={item.kind}
                          gap="sm"
                          wrap="nowrap"
                          px="sm"
                          py={6}
                        >
                          {item.kind === 'product' ? (
                            <IconPackage size={16} aria-hidden />
                          ) : (
                            <IconUser size={16} aria-hidden />
                          )}
                          <Box style={{ flex: 1, minWidth: 0 }}>
                            <Text size="sm" fw={500} truncate title={item.hit.title} data-testid="search-option-title">
                              {item.hit.title}
                            </Text>
                            {item.hit.subtitle !== '' && (
                              <Text size="xs" c="dimmed" truncate>
                                {item.hit.subtitle}
                              </Text>
                            )}
                          </Box>
                          <Group gap={6} wrap="nowrap" maw="40%">
                            <ColorSwatch color={`var(--mantine-color-${color}-filled)`} size={10} aria-hidden />
                            <Text size="xs" c="dimmed" truncate>
                              {org?.name ?? t('switcher.unknownOrg', { id: item.hit.orgId })}
                            </Text>
                          </Group>
                        </Group>
                      )
                    }
                    const { entry } = item
                    const account = accounts.find((a) => a.id === entry.org.accountId)
                    const color = orgColor(entry.org.accountId, entry.org.id)
                    return (
                      <Group
                        key={item.key}
                        {...rowProps}
                        data-testid="org-option"
                        gap="sm"
                        wrap="nowrap"
                        px="sm"
                        py={6}
                      >
                        <ColorSwatch color={`var(--mantine-color-${color}-filled)`} size={14} aria-hidden />
                        <Box style={{ flex: 1, minWidth: 0 }}>
                          <Text size="sm" fw={500} truncate title={entry.org.name} data-testid="org-option-name">
                            {entry.org.name}
                          </Text>
                          {(multipleAccounts || entry.recent !== null) && (
                            <Text size="xs" c="dimmed" truncate>
                              {[
                                multipleAccounts ? account?.label : null,
                                entry.recent !== null ? t('switcher.recent') : null,
                              ]
                                .filter(Boolean)
                                .join(' · ')}
                            </Text>
                          )}
                        </Box>
                        {account?.isDemo && <DemoBadge />}
                        <RoleBadge role={entry.org.role} />
                        <ActionIcon
                          variant="subtle"
                          color={entry.pinned ? 'yellow' : 'gray'}
                          aria-label={
                            entry.pinned
                              ? t('switcher.unpin', { name: entry.org.name })
                              : t('switcher.pin', { name: entry.org.name })
                          }
                          aria-pressed={entry.pinned}
                          tabIndex={-1}
                          onClick={(e) => {
                            e.stopPropagation()
                            togglePin(entry.key)
                          }}
                        >
                          {entry.pinned ? <IconPinFilled size={16} /> : <IconPin size={16} />}
                        </ActionIcon>
                      </Group>
                    )
                  })}
                </Box>
              ))}
            </Box>
          </ScrollArea.Autosize>
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              {result.total === 0
                ? null
                : result.hidden > 0
                  ? t('switcher.refine', { shown: result.entries.length, total: result.total })
                  : t('switcher.count', { count: result.total })}
            </Text>
            <Text size="xs" c="dimmed">
              <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> {t('switcher.navigate')} · <Kbd size="xs">↵</Kbd>{' '}
              {t('switcher.choose')} · <Kbd size="xs">Alt P</Kbd> {t('switcher.pinKey')} · <Kbd size="xs">Esc</Kbd>{' '}
              {t('switcher.close')}
            </Text>
          </Group>
        </>
      )}
    </Stack>
  )
}
