import type Database from 'better-sqlite3'

const proxies = new WeakMap<Database.Database, Database.Database>()

/**
 * The same database, with `prepare` cached per SQL text: the access read models run the same few
 * statements thousands of times (one person across 1,000 organizations), and preparing dominates.
 * A statement's mode (`raw`, `pluck`) sticks, so each SQL text must always be used the same way.
 */
export function cachingDb(db: Database.Database): Database.Database {
  const existing = proxies.get(db)
  if (existing) return existing
  const statements = new Map<string, Database.Statement>()
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }
  const proxy = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return prepare
      const value: unknown = Reflect.get(target, prop, target)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
  proxies.set(db, proxy)
  return proxy
}
