import type { Migration } from '../index'
import { migration001 } from './001-settings'
import { migration002 } from './002-cache'
import { migration003 } from './003-billing'
import { migration004 } from './004-search-counts'

/**
 * The single `switchboard.sqlite` of versions before the two-store split. Frozen: a file at
 * version 1..4 is brought to 4 and then split into `user.sqlite` and `cache.sqlite`.
 */
export const LEGACY_MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004]

/** The legacy schema version the split copies from. */
export const LEGACY_FINAL_VERSION = 4
