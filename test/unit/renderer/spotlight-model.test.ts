import { describe, expect, it } from 'vitest'
import type { SearchHit } from '../../../shared/domain/cache'
import { indexOrgs, searchOrgs } from '../../../renderer/src/features/orgs/org-search'
import {
  NO_FILTERS,
  buildSpotlight,
  hasFilters,
  orgPasses,
  spotlightRows,
  moveActive,
  searchesEverything,
  spotlightTarget,
} from '../../../renderer/src/features/orgs/spotlight-model'
import { org } from './daily-fixtures'

const hit = (over: Partial<SearchHit>): SearchHit => ({
  kind: 'product',
  accountId: 'acc',
  orgId: 1,
  ref: '10',
  title: 'example.ch',
  subtitle: 'Domain',
  ...over,
})

const orgEntries = (query: string) =>
  searchOrgs(indexOrgs([org(1, 'Genève Design'), org(2, 'Gemini SA')]), query, { pins: [], recents: [] }).entries

describe('spotlight model', () => {
  it('searches products and people from two characters on', () => {
    expect(searchesEverything('g')).toBe(false)
    expect(searchesEverything(' g ')).toBe(false)
    expect(searchesEverything('ge')).toBe(true)
  })

  it('groups organizations, then products, then people, and leaves out organization hits', () => {
    const model = buildSpotlight(orgEntries('ge'), [
      hit({ kind: 'person', ref: 'u:5', title: 'Anne Gerber', subtitle: 'anne@example.ch' }),
      hit({ kind: 'org', ref: '1', title: 'Genève Design' }),
      hit({ kind: 'product', ref: '10' }),
      hit({ kind: 'product', ref: '10' }),
      hit({ kind: 'product', ref: '11', title: 'geneve.ch' }),
    ])
    expect(model.groups.map((g) => [g.id, g.start, g.items.length])).toEqual([
      ['orgs', 0, 2],
      ['products', 2, 2],
      ['people', 4, 1],
    ])
    expect(model.flat.map((i) => i.kind)).toEqual(['org', 'org', 'product', 'product', 'person'])
    expect(new Set(model.flat.map((i) => i.key)).size).toBe(model.flat.length)
  })

  it('drops empty groups, so the first row of a product-only result is a product', () => {
    const model = buildSpotlight(orgEntries('zz'), [hit({ ref: '7' })])
    expect(model.groups.map((g) => g.id)).toEqual(['products'])
    expect(model.groups[0]?.start).toBe(0)
    expect(buildSpotlight([], []).flat).toEqual([])
  })

  it('moves the highlight across groups and wraps around', () => {
    expect(moveActive(0, 1, 5)).toBe(1)
    expect(moveActive(4, 1, 5)).toBe(0)
    expect(moveActive(0, -1, 5)).toBe(4)
    expect(moveActive(9, -1, 5)).toBe(3)
    expect(moveActive(3, 1, 0)).toBe(0)
  })

  it('opens the right screen', () => {
    const [first] = orgEntries('gen')
    if (!first) throw new Error('no org')
    expect(spotlightTarget({ kind: 'org', key: 'o', entry: first }, 'products')).toBe(
      `/org/${encodeURIComponent(first.org.accountId)}/1/products`,
    )
    expect(
      spotlightTarget({ kind: 'product', key: 'p', hit: hit({ accountId: 'a b', orgId: 3, ref: '42' }) }, 'overview'),
    ).toBe('/org/a%20b/3/products?product=42')
    expect(
      spotlightTarget(
        { kind: 'person', key: 'u', hit: hit({ kind: 'person', subtitle: 'Anne@Example.ch' }), orgCount: 1 },
        'overview',
      ),
    ).toBe('/access/people/anne%40example.ch')
  })

  it('lists a person once, counting the organizations the search found them in', () => {
    const model = buildSpotlight(
      [],
      [
        hit({ kind: 'person', orgId: 1, ref: 'u:5', title: 'Anne Gerber', subtitle: 'anne@example.ch' }),
        hit({ kind: 'person', orgId: 2, ref: 'u:5', title: 'Anne Gerber', subtitle: 'Anne@Example.ch' }),
        hit({ kind: 'person', orgId: 2, ref: 'i:9', title: 'Anne Gerber', subtitle: 'anne@example.ch' }),
        hit({ kind: 'person', orgId: 3, ref: 'u:6', title: 'Bob', subtitle: 'bob@example.ch' }),
      ],
    )
    expect(model.flat).toHaveLength(2)
    const anne = model.flat[0]
    expect(anne?.kind === 'person' ? anne.orgCount : null).toBe(2)
  })

  it('flattens groups into rows with headings only when more than organizations are listed', () => {
    const onlyOrgs = buildSpotlight(orgEntries('ge'), [])
    expect(spotlightRows(onlyOrgs).map((r) => r.kind)).toEqual(['item', 'item'])
    const mixed = buildSpotlight(orgEntries('ge'), [hit({ ref: '7' })])
    const rows = spotlightRows(mixed)
    expect(rows.map((r) => (r.kind === 'header' ? `h:${r.id}` : `i:${r.index}`))).toEqual([
      'h:orgs',
      'i:0',
      'i:1',
      'h:products',
      'i:2',
    ])
  })

  it('filter chips narrow within a group and across groups', () => {
    const prefs = { pins: ['a:1'], recents: ['a:2'] }
    const o = (accountId: string, role: string) => ({ accountId, role })
    expect(hasFilters(NO_FILTERS)).toBe(false)
    expect(orgPasses(o('a', 'owner'), 'a:1', { ...NO_FILTERS, pinned: true }, prefs)).toBe(true)
    expect(orgPasses(o('a', 'owner'), 'a:2', { ...NO_FILTERS, pinned: true }, prefs)).toBe(false)
    expect(orgPasses(o('a', 'owner'), 'a:2', { ...NO_FILTERS, recent: true }, prefs)).toBe(true)
    const roles = { ...NO_FILTERS, roles: ['owner', 'admin'] }
    expect(orgPasses(o('a', 'admin'), 'a:3', roles, prefs)).toBe(true)
    expect(orgPasses(o('a', 'normal'), 'a:3', roles, prefs)).toBe(false)
    expect(orgPasses(o('b', 'admin'), 'b:3', { ...roles, accounts: ['a'] }, prefs)).toBe(false)
  })
})
