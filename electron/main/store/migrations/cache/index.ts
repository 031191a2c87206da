import type { Migration } from '../index'
import { cacheMigration001 } from './001-baseline'
import { cacheMigration002 } from './002-api-coverage'
import { cacheMigration003 } from './003-billing-invoice-routes'
import { cacheMigration004 } from './004-listing-cursors'
import { cacheMigration005 } from './005-drop-unfilled-tables'
import { cacheMigrationSyncRunSummary } from './006-sync-run-summary'

/** `cache.sqlite`: ordered, append-only, 1..n without gaps. */
export const CACHE_MIGRATIONS: readonly Migration[] = [
  cacheMigration001,
  cacheMigration002,
  cacheMigration003,
  cacheMigration004,
  cacheMigration005,
  cacheMigrationSyncRunSummary,
]
