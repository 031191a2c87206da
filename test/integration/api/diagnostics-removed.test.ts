/**
 * Settings → Diagnostics describes the accounts the user has. A removed account (its data kept by the user) has
 * no API data left, since its cache went with it: it is not listed as an empty "account N".
 */
import { afterEach, expect, it } from 'vitest'
import { testCore } from '../../helpers/core'

let ctx: ReturnType<typeof testCore> | undefined
afterEach(() => ctx?.dispose())

it('lists the current accounts only, numbered without the removed one', () => {
  ctx = testCore()
  const add = ctx.core.db.prepare(
    "INSERT INTO accounts (id, label, base_url, created_at, state, removed_at) VALUES (?, ?, 'http://127.0.0.1:9', ?, ?, ?)",
  )
  add.run('gone', 'Former agency', 1, 'signed_out', 5)
  add.run('here', 'Agency', 2, 'ok', null)
  ctx.core.db
    .prepare(
      'INSERT INTO api_shapes (account_id, endpoint, data, updated_at) VALUES (\'here\', \'GET /1/products\', \'{"statuses":{"200":1},"fields":{}}\', 1)',
    )
    .run()
  const report = ctx.core.services.diagnostics.report()
  expect(report.accounts.map((a) => [a.account, a.endpoints.map((e) => e.endpoint)])).toEqual([
    ['account 1', ['GET /1/products']],
  ])
})
