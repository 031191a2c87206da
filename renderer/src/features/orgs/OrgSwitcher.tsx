import { useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react'
import {
  ActionIcon,
  Box,
  Button,
  Chip,
  ColorSwatch,
  Group,
  Kbd,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
  useMantineTheme,
} from '@mantine/core'
import { useDebouncedValue, useHotkeys } from '@mantine/hooks'
import {
  IconBuildingSkyscraper,
  IconClock,
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
import { useVirtualRows } from '../../lib/virtual'
import { accountsQueries } from '../accounts/accounts-queries'
import { orgColor } from './org-color'
import { orgKey } from './org-key'
import { useOrgPrefs } from './org-prefs'
import { indexOrgs, searchOrgs } from './org-search'
import { orgsQueries, useCurrentOrg } from './orgs-queries'
import { DemoBadge, RoleBadge, useRoleLabel } from './RoleBadge'
import { KNOWN_ROLES } from '../../../../shared/domain/roles'
import {
  NO_FILTERS,
  buildSpotlight,
  hasFilters,
  moveActive,
  orgPasses,
  searchesEverything,
  spotlightRows,
  spotlightTarget,
  type SpotlightItem,
  type SwitcherFilters,
} from './spotlight-model'
import { formatCount } from '../../lib/format'

/** A stable empty list, so the grouped model is not rebuilt at every render. */
const NO_HITS: readonly SearchHit[] = []
const ROW = 48
const HEADER = 28

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
            <Kbd size="xs" visibleFrom="md" aria-hidden>
              {IS_MAC ? '⌘K' : 'Ctrl K'}
            </Kbd>
            <IconSelector size={16} aria-hidden />
            <VisuallyHidden>{t('frame.switchOrganization')}</VisuallyHidden>
          </Group>
        </UnstyledButton>
      </Tooltip>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        onExitTransitionEnd={() => setMounted(false)}
        title={t('switcher.title')}
        size={760}
        yOffset="6vh"
        data-testid="org-switcher"
      >
        {mounted && <SwitcherBody onDone={() => setOpened(false)} accounts={accounts.data ?? []} />}
      </Modal>
    </>
  )
}

/**
 * The organization browser: every organization of every account (virtualized, so the whole fleet
 * scrolls), narrowed by chips (pinned, recent, role, account) and by a search that also finds
 * products and people (one row per person, however many organizations they are in).
 */
function SwitcherBody({ onDone, accounts }: { onDone: () => void; accounts: readonly AccountSummary[] }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const location = useLocation()
  const orgs = useQuery(orgsQueries.all())
  const { prefs, markRecent, togglePin } = useOrgPrefs()
  const [query, setQuery] = useState('')
  const [filters, setFilters] = useState<SwitcherFilters>(NO_FILTERS)
  const [debounced] = useDebouncedValue(query.trim(), 120)
  const [active, setActive] = useState(0)
  const listId = useId()
  const scrollRef = useRef<HTMLDivElement>(null)
  const number = useMemo(() => ({ format: (n: number): string => formatCount(n, i18n.language) }), [i18n.language])

  const index = useMemo(() => indexOrgs(orgs.data ?? []), [orgs.data])
  const orgByKey = useMemo(() => new Map(index.map((item) => [item.key, item.org])), [index])
  const narrowed = useMemo(
    () => (hasFilters(filters) ? index.filter((item) => orgPasses(item.org, item.key, filters, prefs)) : index),
    [index, filters, prefs],
  )
  // Every match is kept: the list is virtualized, so only the visible rows are rendered.
  const result = useMemo(() => searchOrgs(narrowed, query, prefs, Number.MAX_SAFE_INTEGER), [narrowed, query, prefs])
  const wide = searchesEverything(query) && searchesEverything(debounced)
  const search = useQuery({ ...orgsQueries.search(debounced), enabled: wide, placeholderData: keepPreviousData })
  const hits = useMemo(() => {
    const all = wide ? (search.data ?? NO_HITS) : NO_HITS
    if (!hasFilters(filters)) return all
    // Chips narrow products to the organizations they let through, and people to the accounts chosen.
    return all.filter((h) => {
      if (filters.accounts.length > 0 && !filters.accounts.includes(h.accountId)) return false
      if (h.kind !== 'product') return true
      const key = orgKey({ accountId: h.accountId, orgId: h.orgId })
      const org = orgByKey.get(key)
      return org !== undefined && orgPasses(org, key, filters, prefs)
    })
  }, [wide, search.data, filters, orgByKey, prefs])
  // Products and people for the text as typed are still on their way (debounce or request).
  const settling = searchesEverything(query) && (debounced !== query.trim() || search.isFetching)
  const model = useMemo(() => buildSpotlight(result.entries, hits), [result.entries, hits])
  const rows = useMemo(() => spotlightRows(model), [model])
  const rowOfIndex = useMemo(() => {
    const map = new Map<number, number>()
    rows.forEach((r, i) => {
      if (r.kind === 'item') map.set(r.index, i)
    })
    return map
  }, [rows])
  const multipleAccounts = accounts.length > 1
  const roleLabel = useRoleLabel()
  // Known roles in the Manager's order first, then any raw value the API sent, as itself.
  const rolesPresent = useMemo(() => {
    const present = new Set((orgs.data ?? []).map((o) => o.role))
    const known: readonly string[] = KNOWN_ROLES
    return [...known.filter((r) => present.has(r)), ...[...present].filter((r) => !known.includes(r)).sort()]
  }, [orgs.data])
  const section = location.pathname.endsWith('/products') || location.pathname === '/products' ? 'products' : 'overview'
  const count = model.flat.length
  const current = count === 0 ? 0 : Math.min(active, count - 1)

  const virtual = useVirtualRows({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'header' ? HEADER : ROW),
    overscan: 6,
  })

  const moveTo = (next: number): void => {
    setActive(next)
    const row = rowOfIndex.get(next)
    if (row !== undefined) virtual.scrollToIndex(row, { align: 'auto' })
  }

  const choose = (item: SpotlightItem): void => {
    if (item.kind === 'org') markRecent(item.entry.key)
    // A product opens inside its organization; a person's page spans organizations.
    else if (item.kind === 'product') markRecent(orgKey({ accountId: item.hit.accountId, orgId: item.hit.orgId }))
    onDone()
    void navigate(spotlightTarget(item, section))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      moveTo(moveActive(current, event.key === 'ArrowDown' ? 1 : -1, count))
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault()
      const step = event.key === 'PageDown' ? 10 : -10
      moveTo(Math.max(0, Math.min(count - 1, current + step)))
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

  const setFilter = (patch: Partial<SwitcherFilters>): void => {
    setFilters((f) => ({ ...f, ...patch }))
    setActive(0)
    virtual.scrollToOffset(0)
  }
  const toggleIn = (list: readonly string[], value: string): string[] =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value]

  const activeItem = model.flat[current]
  const total = orgs.data?.length ?? 0
  const productCount = model.groups.find((g) => g.id === 'products')?.items.length ?? 0
  const peopleCount = model.groups.find((g) => g.id === 'people')?.items.length ?? 0
  const narrowedList = query.trim() !== '' || hasFilters(filters)
  const countLine = [
    narrowedList
      ? t('orgBrowser.countSome', { count: total, shown: number.format(result.total), formatted: number.format(total) })
      : t('orgBrowser.countAll', { count: total, formatted: number.format(total) }),
    ...(productCount > 0
      ? [t('orgBrowser.products', { count: productCount, formatted: number.format(productCount) })]
      : []),
    ...(peopleCount > 0 ? [t('orgBrowser.people', { count: peopleCount, formatted: number.format(peopleCount) })] : []),
  ].join(' · ')

  const cellId = (item: SpotlightItem) => `${listId}-${item.key}-name`
  return (
    <Stack gap="sm">
      <TextInput
        data-autofocus
        placeholder={t('orgBrowser.placeholder')}
        aria-label={t('orgBrowser.searchLabel')}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={settling ? <Loader size="xs" aria-label={t('switcher.searching')} /> : null}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value)
          setActive(0)
          virtual.scrollToOffset(0)
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-haspopup="grid"
        aria-expanded
        aria-controls={listId}
        aria-activedescendant={activeItem ? cellId(activeItem) : undefined}
        data-testid="org-search"
      />
      {total > 0 && (
        <Group gap={6} role="group" aria-label={t('orgBrowser.filters')} data-testid="switcher-filters">
          <Chip
            size="xs"
            checked={filters.pinned}
            onChange={(v) => setFilter({ pinned: v })}
            icon={<IconPinFilled size={12} />}
            data-testid="chip-pinned"
          >
            {t('orgBrowser.pinned')}
          </Chip>
          <Chip
            size="xs"
            checked={filters.recent}
            onChange={(v) => setFilter({ recent: v })}
            icon={<IconClock size={12} />}
            data-testid="chip-recent"
          >
            {t('orgBrowser.recent')}
          </Chip>
          {rolesPresent.length > 1 &&
            rolesPresent.map((role) => (
              <Chip
                key={role}
                size="xs"
                variant="outline"
                checked={filters.roles.includes(role)}
                onChange={() => setFilter({ roles: toggleIn(filters.roles, role) })}
                data-testid={`chip-role-${role}`}
              >
                {roleLabel(role)}
              </Chip>
            ))}
          {multipleAccounts &&
            accounts.map((a) => (
              <Chip
                key={a.id}
                size="xs"
                variant="outline"
                color="gray"
                checked={filters.accounts.includes(a.id)}
                onChange={() => setFilter({ accounts: toggleIn(filters.accounts, a.id) })}
                data-testid="chip-account"
              >
                {a.label}
              </Chip>
            ))}
          {hasFilters(filters) && (
            <Button size="compact-xs" variant="subtle" onClick={() => setFilter(NO_FILTERS)}>
              {t('orgBrowser.clearFilters')}
            </Button>
          )}
        </Group>
      )}
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
                void navigate('/welcome')
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
        <Text c="dimmed" p="md" data-testid="switcher-empty">
          {query.trim() === ''
            ? t('orgBrowser.noMatchFilters')
            : t(searchesEverything(query) ? 'switcher.noMatchAny' : 'switcher.noMatch', { query })}
        </Text>
      ) : (
        <div
          ref={scrollRef}
          id={listId}
          role="grid"
          aria-label={t('orgBrowser.gridLabel')}
          aria-rowcount={rows.length}
          aria-busy={settling}
          data-testid="switcher-list"
          style={{ height: 'min(52vh, 480px)', overflow: 'auto', position: 'relative' }}
        >
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((v) => {
              const row = rows[v.index]!
              const style: CSSProperties = {
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: v.size,
                transform: `translateY(${v.start}px)`,
              }
              if (row.kind === 'header')
                return (
                  <div
                    key={`h-${row.id}`}
                    role="row"
                    aria-rowindex={v.index + 1}
                    style={style}
                    data-testid={`switcher-group-${row.id}`}
                  >
                    <Text
                      role="columnheader"
                      size="xs"
                      fw={700}
                      c="dimmed"
                      tt="uppercase"
                      px="sm"
                      pt={8}
                      style={{ width: '100%' }}
                    >
                      {t(`switcher.group.${row.id}`)}
                    </Text>
                  </div>
                )
              const { item, index: i } = row
              const selected = i === current
              const rowProps = {
                id: `${listId}-${item.key}`,
                role: 'row',
                'aria-rowindex': v.index + 1,
                'aria-selected': selected,
                'data-index': i,
                'data-group': item.kind === 'org' ? 'orgs' : item.kind === 'product' ? 'products' : 'people',
                onMouseMove: () => {
                  if (!selected) setActive(i)
                },
                onClick: () => choose(item),
                style: {
                  ...style,
                  display: 'flex',
                  alignItems: 'center',
                  gap: 'var(--mantine-spacing-sm)',
                  padding: '0 var(--mantine-spacing-sm)',
                  cursor: 'pointer',
                  borderRadius: 'var(--mantine-radius-sm)',
                  background: selected ? 'var(--mantine-color-default-hover)' : undefined,
                  boxShadow: selected ? 'inset 3px 0 0 var(--mantine-primary-color-filled)' : undefined,
                } satisfies CSSProperties,
              } as const
              if (item.kind !== 'org') {
                const org = orgByKey.get(orgKey({ accountId: item.hit.accountId, orgId: item.hit.orgId }))
                const color = orgColor(item.hit.accountId, item.hit.orgId)
                return (
                  <div key={item.key} {...rowProps} data-testid="search-option" data-kind={item.kind}>
                    <Group role="gridcell" id={cellId(item)} gap="sm" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
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
                    </Group>
                    <Group role="gridcell" gap={6} wrap="nowrap" maw="40%" style={{ flexShrink: 0 }}>
                      {item.kind === 'person' ? (
                        <Text size="xs" c="dimmed" truncate>
                          {t('orgBrowser.inOrgs', { count: item.orgCount })}
                        </Text>
                      ) : (
                        <>
                          <ColorSwatch color={`var(--mantine-color-${color}-filled)`} size={10} aria-hidden />
                          <Text size="xs" c="dimmed" truncate>
                            {org?.name ?? t('switcher.unknownOrg', { id: item.hit.orgId })}
                          </Text>
                        </>
                      )}
                    </Group>
                  </div>
                )
              }
              const { entry } = item
              const account = accounts.find((a) => a.id === entry.org.accountId)
              const color = orgColor(entry.org.accountId, entry.org.id)
              return (
                <div key={item.key} {...rowProps} data-testid="org-option">
                  <Group role="gridcell" id={cellId(item)} gap="sm" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
                    <ColorSwatch color={`var(--mantine-color-${color}-filled)`} size={14} aria-hidden />
                    <Box style={{ flex: 1, minWidth: 0 }}>
                      <Text size="sm" fw={500} truncate title={entry.org.name} data-testid="org-option-name">
                        {entry.org.name}
                      </Text>
                      {(multipleAccounts || entry.recent !== null || entry.org.productsComplete === false) && (
                        <Text size="xs" c="dimmed" truncate>
                          {[
                            multipleAccounts ? account?.label : null,
                            entry.recent !== null ? t('switcher.recent') : null,
                            entry.org.productsComplete === false ? t('firstSync.productsIncomplete') : null,
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      )}
                    </Box>
                  </Group>
                  <Group role="gridcell" gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                    {account?.isDemo && <DemoBadge />}
                    <RoleBadge role={entry.org.role} />
                  </Group>
                  <div role="gridcell" style={{ flexShrink: 0 }}>
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
                      {entry.pinned ? <IconPinFilled size={16} aria-hidden /> : <IconPin size={16} aria-hidden />}
                    </ActionIcon>
                  </div>
                </div>
              )
            })}
          </div>
        </div>
      )}
      {total > 0 && (
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed" data-testid="switcher-count" aria-live="polite">
            {countLine}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> {t('switcher.navigate')} · <Kbd size="xs">↵</Kbd>{' '}
            {t('switcher.choose')} · <Kbd size="xs">Alt P</Kbd> {t('switcher.pinKey')} · <Kbd size="xs">Esc</Kbd>{' '}
            {t('switcher.close')}
          </Text>
        </Group>
      )}
    </Stack>
  )
}
