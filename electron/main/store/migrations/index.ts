import type Database from 'better-sqlite3'
import { migration001 } from './001-settings'
import { migration002 } from './002-cache'
import { migration003 } from './003-billing'
import { migration004 } from './004-search-counts'
import { migration005 } from './005-reminders'

/** One schema step. Never edit a migration that has shipped: add a new one. */
export interface Migration {
  version: number
  name: string
  up(db: Database.Database): void
}

/** Ordered, append-only. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005]
