/** Mantine palette colours an organization can get (no greys: they read as "disabled"). */
export const ORG_COLORS = [
  'blue',
  'cyan',
  'grape',
  'green',
  'indigo',
  'lime',
  'orange',
  'pink',
  'red',
  'teal',
  'violet',
  'yellow',
] as const
export type OrgColor = (typeof ORG_COLORS)[number]

/** FNV-1a, 32 bits: tiny, stable across runs and platforms. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** The colour of an organization: the same on every screen and every run. */
export function orgColor(accountId: string, orgId: number): OrgColor {
  return ORG_COLORS[fnv1a(`${accountId}:${orgId}`) % ORG_COLORS.length] ?? 'blue'
}
