/** Products (`/1/products`, `/1/accounts/{account}/products`). */
import type { Product } from '../model'
import { E, listResponse, parseWith, rule, sortItems } from '../http'
import { SERVICE_BY_NAME, SERVICES } from '../vocab'
import * as S from '../serialize'
import {
  DAY,
  PRODUCT_WITH,
  type RouteDef,
  UNDOCUMENTED,
  orgParam,
  pageOpts,
  productSort,
  textMatch,
  visibleInOrg,
  visibleProducts,
} from './context'

export const productsRoutes: RouteDef[] = [
  // ---------------------------------------------------------------- products
  {
    id: 'products.list',
    method: 'GET',
    path: '/1/products',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const q = ctx.query
      parseWith(q, PRODUCT_WITH)
      const accountId = q.int('account_id')
      const serviceId = q.int('service_id')
      const productId = q.int('product_id')
      const serviceName = q.str('service_name')
      if (serviceName !== undefined && !SERVICE_BY_NAME.has(serviceName))
        throw E.validation([
          rule.in(
            'service_name',
            SERVICES.map((s) => s.name),
          ),
        ])
      const customerName = q.str('customer_name')
      const internalName = q.str('internal_name')
      const fqdn = q.str('fqdn')
      const items = visibleProducts(ctx).filter(
        (v) =>
          (accountId === undefined || v.product.accountId === accountId) &&
          (serviceId === undefined || v.product.serviceId === serviceId) &&
          (productId === undefined || v.product.id === productId) &&
          (serviceName === undefined || v.product.serviceName === serviceName) &&
          textMatch(v.product.customerName, customerName) &&
          textMatch(v.product.internalName, internalName) &&
          textMatch(v.product.fqdn, fqdn),
      )
      const sorted = sortItems(items, q, productSort)
      return listResponse(sorted, q, pageOpts(ctx, true, true), (v) => S.product(ctx.store, v.product, v.rights))
    },
  },
  {
    id: 'accounts.products',
    method: 'GET',
    path: '/1/accounts/{account}/products',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const q = ctx.query
      parseWith(q, PRODUCT_WITH)
      const { access } = orgParam(ctx)
      const ref = ctx.now
      const serviceIds = q.filter('service_ids').map(Number)
      const single = q.str('filter[service_id]')
      if (single !== undefined) serviceIds.push(Number(single))
      const excluded = q.filter('excluded_service_ids').map(Number)
      const serviceNames = q.filter('service_names')
      const tags = q.filter('tags').map(Number)
      const expirations = q.filter('expirations')
      const EXP = ['expired', 'less_than_1_month', 'less_than_3_months', 'more_than_3_months', 'none']
      if (expirations.some((e) => !EXP.includes(e))) throw E.validation([rule.in('filter.expirations', EXP)])
      const expClass = (p: Product): string =>
        p.expiredAt === null
          ? 'none'
          : p.expiredAt < ref
            ? 'expired'
            : p.expiredAt < ref + 30 * DAY
              ? 'less_than_1_month'
              : p.expiredAt < ref + 91 * DAY
                ? 'less_than_3_months'
                : 'more_than_3_months'
      const items = visibleInOrg(ctx, access).filter(
        ({ product: p }) =>
          (serviceIds.length === 0 || serviceIds.includes(p.serviceId)) &&
          !excluded.includes(p.serviceId) &&
          (serviceNames.length === 0 || serviceNames.includes(p.serviceName)) &&
          (tags.length === 0 || p.tagIds.some((t) => tags.includes(t))) &&
          (expirations.length === 0 || expirations.includes(expClass(p))) &&
          textMatch(p.customerName, q.str('filter[customer_name]')) &&
          textMatch(p.internalName, q.str('filter[internal_name]')) &&
          (textMatch(p.customerName, q.str('filter[name]')) || textMatch(p.internalName, q.str('filter[name]'))) &&
          textMatch(`${p.customerName} ${p.internalName ?? ''}`, q.str('search')),
      )
      const sorted = sortItems(items, q, productSort)
      return listResponse(sorted, q, pageOpts(ctx, true, true), (v) => S.product(ctx.store, v.product, v.rights))
    },
  },
]
