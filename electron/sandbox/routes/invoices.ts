/** Invoices (a sandbox assumption, served only with the `invoiceRoute` setting). */
import { E, listResponse, ok, rule, sortItems } from '../http'
import * as S from '../serialize'
import { type RouteDef, UNDOCUMENTED, idParam, orgParam, pageOpts, requireBilling } from './context'

export const invoicesRoutes: RouteDef[] = [
  // ---------------------------------------------------------------- invoices (sandbox assumption, off by default)
  {
    id: 'invoices.list',
    method: 'GET',
    path: '/1/accounts/{account}/invoices',
    scope: UNDOCUMENTED,
    optional: 'invoiceRoute',
    handle: (ctx) => {
      const q = ctx.query
      const { org, access } = orgParam(ctx)
      requireBilling(access)
      const status = q.filter('status')
      const STATUSES = ['paid', 'unpaid', 'cancelled']
      if (status.some((s) => !STATUSES.includes(s))) throw E.validation([rule.in('filter.status', STATUSES)])
      const currency = q.filter('currency')
      if (currency.some((c) => c !== 'CHF' && c !== 'EUR'))
        throw E.validation([rule.in('filter.currency', ['CHF', 'EUR'])])
      const from = q.int('filter[issued_after]')
      const to = q.int('filter[issued_before]')
      const items = (ctx.store.ix.invoicesByOrg.get(org.id) ?? []).filter(
        (i) =>
          (status.length === 0 || status.includes(i.status)) &&
          (currency.length === 0 || currency.includes(i.currency)) &&
          (from === undefined || i.issuedAt >= from) &&
          (to === undefined || i.issuedAt <= to),
      )
      const sorted = sortItems(items, q, {
        fields: {
          issued_at: (i) => i.issuedAt,
          due_at: (i) => i.dueAt,
          number: (i) => i.number,
          amount_incl_vat: (i) => i.amountInclVatCents,
        },
        id: (i) => i.id,
      })
      return listResponse(sorted, q, pageOpts(ctx), (i) => S.invoice(i))
    },
  },
  {
    id: 'invoices.get',
    method: 'GET',
    path: '/1/accounts/{account}/invoices/{invoice}',
    scope: UNDOCUMENTED,
    optional: 'invoiceRoute',
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireBilling(access)
      const id = idParam(ctx, 'invoice', 'Invoice')
      const inv = ctx.store.ix.invoices.get(id)
      if (!inv || inv.accountId !== org.id) throw E.objectNotFound('Invoice')
      return ok(S.invoice(inv))
    },
  },
  {
    // The route a third party saw live (infomaniak-api.md §15): items with
    // `id, type, status, amount_incl_tax, currency, created_at, pdf`. Served with the option above.
    id: 'invoicing.invoices',
    method: 'GET',
    path: '/2/invoicing/account/{account}/invoices',
    scope: UNDOCUMENTED,
    optional: 'invoiceRoute',
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireBilling(access)
      const items = [...(ctx.store.ix.invoicesByOrg.get(org.id) ?? [])].sort(
        (a, b) => b.issuedAt - a.issuedAt || b.id - a.id,
      )
      return listResponse(items, ctx.query, pageOpts(ctx), (i) => S.invoiceV2(i))
    },
  },
]
