/** Helpers shared by the serializers. */
import type { Money, Product, Rights, SandboxData, User } from '../model'
import { Rng } from '../prng'

export const DAY = 86_400

export const PALETTE = [
  '#0098FF',
  '#E91E63',
  '#4CAF50',
  '#FF9800',
  '#9C27B0',
  '#009688',
  '#795548',
  '#3F51B5',
  '#F44336',
  '#607D8B',
  '#8BC34A',
  '#FFC107',
]

/** A small SVG with initials, as a data URI (no network, works offline and under a strict CSP with data: images). */
export function initialsImage(text: string, id: number): string {
  const initials = text
    .replace(/['’]/g, ' ')
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .slice(0, 2)
    .map((w) => w[0])
    .join('')
  const color = PALETTE[id % PALETTE.length] ?? '#0098FF'
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" rx="8" fill="${color}"/><text x="32" y="41" font-family="sans-serif" font-size="26" fill="#fff" text-anchor="middle">${initials || '?'}</text></svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}

export function money(m: Money): { amount: number; currency: string } {
  return { amount: m.amountCents / 100, currency: m.currency }
}

export const rightNames = (r: Rights): string[] => (Object.keys(r) as (keyof Rights)[]).filter((k) => r[k])

export function displayName(u: Pick<User, 'firstName' | 'lastName'>): string {
  return `${u.firstName} ${u.lastName}`
}

export function miniUser(u: User): Record<string, unknown> {
  return {
    id: u.id,
    display_name: displayName(u),
    first_name: u.firstName,
    last_name: u.lastName,
    email: u.email,
    avatar: u.hasAvatar ? initialsImage(displayName(u), u.id) : null,
  }
}

export function derived(data: SandboxData, p: Product, salt: string): Rng {
  return Rng.derive(data.seed, 'product', p.id, salt)
}
