import type { Migration } from '../index'
import { userMigration001 } from './001-baseline'
import { userMigration002 } from './002-fleet'
import { userMigration003 } from './003-billing-real-files'

/** `user.sqlite`: ordered, append-only, 1..n without gaps. */
export const USER_MIGRATIONS: readonly Migration[] = [userMigration001, userMigration002, userMigration003]
