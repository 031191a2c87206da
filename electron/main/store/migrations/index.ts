import type Database from 'better-sqlite3'
import { CACHE_MIGRATIONS } from './cache'
import { LEGACY_MIGRATIONS } from './legacy'
import { USER_MIGRATIONS } from './user'

/** One schema step. Never edit a migration that has shipped: add a new one. */
export interface Migration {
  version: number
  name: string
  up(db: Database.Database): void
}

/**
 * Two stores, two ordered, append-only lists (each numbered 1..n without gaps):
 *
 * - `user.sqlite` ({@link USER_MIGRATIONS}): what the user created or what cannot be fetched again.
 * - `cache.sqlite` ({@link CACHE_MIGRATIONS}): everything derived from the API, free to drop and rebuild.
 *
 * {@link LEGACY_MIGRATIONS} is the frozen schema of the single `switchboard.sqlite` of earlier
 * versions: the split (../split.ts) brings an old file to its last version before copying it.
 */
export { CACHE_MIGRATIONS, LEGACY_MIGRATIONS, USER_MIGRATIONS }
