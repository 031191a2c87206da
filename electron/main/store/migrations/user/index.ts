import type { Migration } from '../index'
import { userMigration001 } from './001-baseline'
import { userMigration002 } from './002-fleet'
import { userMigration003 } from './003-billing-real-files'
import { userMigration004 } from './004-reminders'
import { userMigration005 } from './005-user-data'

/** `user.sqlite`: ordered, append-only, 1..n without gaps. */
export const USER_MIGRATIONS: readonly Migration[] = [
  userMigration001,
  userMigration002,
  userMigration003,
  userMigration004,
  userMigration005,
]
