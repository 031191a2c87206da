/** Product APIs: domains, mail hostings, kDrive, Swiss Backup. */
import { viewerRights } from '../truth'
import { E, listResponse, ok, parseWith, sortItems } from '../http'
import * as S from '../serialize'
import {
  type RouteDef,
  orgFor,
  pageOpts,
  requiredOrgId,
  textMatch,
  unreachable,
  visibleInOrg,
  visibleProductParam,
  visibleProducts,
} from './context'

export const servicesRoutes: RouteDef[] = [
  // ---------------------------------------------------------------- domains
  {
    id: 'domains.list',
    method: 'GET',
    path: '/2/domains/domains',
    scope: 'domain:read',
    handle: (ctx) => {
      const q = ctx.query
      parseWith(q, ['contacts', 'options', 'status'])
      const accountId = q.int('account_id')
      const after = q.int('expires_after')
      const before = q.int('expires_before')
      const tld = q.str('tld')
      const items = visibleProducts(ctx).filter(
        ({ product: p }) =>
          p.serviceName === 'domain' &&
          (accountId === undefined || p.accountId === accountId) &&
          (after === undefined || (p.expiredAt !== null && p.expiredAt >= after)) &&
          (before === undefined || (p.expiredAt !== null && p.expiredAt <= before)) &&
          (tld === undefined || p.customerName.endsWith(`.${tld.replace(/^\./, '')}`)) &&
          textMatch(p.customerName, q.str('search')),
      )
      const sorted = sortItems(items, q, {
        fields: { expiration: (v) => v.product.expiredAt, name: (v) => v.product.customerName },
        dirParam: 'order_dir',
        id: (v) => v.product.id,
      })
      return listResponse(sorted, q, pageOpts(ctx), (v) => S.domain(ctx.store, v.product))
    },
  },
  {
    id: 'domains.get',
    method: 'GET',
    path: '/2/domains/domains/{domain}',
    scope: 'domain:read',
    handle: (ctx) => {
      const name = (ctx.params.domain ?? '').toLowerCase()
      const p = ctx.store.ix.domains.get(name)
      if (!p) throw E.objectNotFound('Domain')
      const access = ctx.access.get(p.accountId)
      if (!access || !viewerRights(access, p, ctx.store.ix.teamsByOrg.get(p.accountId) ?? []))
        throw unreachable(ctx, 'Domain')
      return ok(S.domain(ctx.store, p))
    },
  },

  // ---------------------------------------------------------------- mail
  {
    id: 'mail.list',
    method: 'GET',
    path: '/1/mail_hostings',
    scope: 'mail',
    handle: (ctx) => {
      const q = ctx.query
      parseWith(q, ['pack', 'diagnostic_dns'])
      const accountId = q.int('account_id')
      const items = visibleProducts(ctx).filter(
        ({ product: p }) =>
          p.serviceName === 'email_hosting' &&
          (accountId === undefined || p.accountId === accountId) &&
          textMatch(p.customerName, q.str('search') ?? q.str('customer_name')),
      )
      const sorted = sortItems(items, q, {
        fields: { customer_name: (v) => v.product.customerName },
        id: (v) => v.product.id,
      })
      return listResponse(sorted, q, pageOpts(ctx, true, true), (v) => S.mailHosting(ctx.store, v.product, v.rights))
    },
  },
  {
    id: 'mail.get',
    method: 'GET',
    path: '/1/mail_hostings/{mail}',
    scope: 'mail',
    handle: (ctx) => {
      const v = visibleProductParam(ctx, 'mail', 'email_hosting', 'Mail hosting')
      return ok(S.mailHosting(ctx.store, v.product, v.rights))
    },
  },
  {
    id: 'mail.mailboxes',
    method: 'GET',
    path: '/1/mail_hostings/{mail}/mailboxes',
    scope: 'mail',
    handle: (ctx) => {
      const v = visibleProductParam(ctx, 'mail', 'email_hosting', 'Mail hosting')
      const q = ctx.query
      const boxes = S.mailboxes(ctx.store, v.product).filter((b) => textMatch(b.mailbox as string, q.str('search')))
      const sorted = sortItems(boxes, q, {
        fields: { mailIDN: (b) => b.mailbox_idn as string, created_at: (b) => b.created_at as number },
        id: (b) => b.mailbox_id as number,
      })
      return listResponse(sorted, q, pageOpts(ctx, true, true), (b) => b)
    },
  },

  // ---------------------------------------------------------------- kDrive
  {
    id: 'drive.list',
    method: 'GET',
    path: '/2/drive',
    scope: 'drive',
    handle: (ctx) => {
      const accountId = requiredOrgId(ctx)
      const { access } = orgFor(ctx, accountId)
      const items = visibleInOrg(ctx, access).filter((v) => v.product.serviceName === 'drive')
      const sorted = sortItems(items, ctx.query, {
        fields: { name: (v) => v.product.customerName, expired_at: (v) => v.product.expiredAt },
        id: (v) => v.product.id,
      })
      return listResponse(sorted, ctx.query, pageOpts(ctx, true, false, 1000), (v) =>
        S.drive(ctx.store, v.product, access),
      )
    },
  },

  // ---------------------------------------------------------------- Swiss Backup
  {
    id: 'swiss_backups.list',
    method: 'GET',
    path: '/1/swiss_backups',
    scope: 'swiss-backup',
    handle: (ctx) => {
      const accountId = requiredOrgId(ctx)
      const { access } = orgFor(ctx, accountId)
      const items = visibleInOrg(ctx, access).filter((v) => v.product.serviceName === 'swiss_backup')
      const sorted = sortItems(items, ctx.query, {
        fields: {
          customer_name: (v) => v.product.customerName,
          internal_name: (v) => v.product.internalName,
          expired_at: (v) => v.product.expiredAt,
        },
        id: (v) => v.product.id,
      })
      return listResponse(sorted, ctx.query, pageOpts(ctx, true, true), (v) =>
        S.swissBackup(ctx.store, v.product, v.rights),
      )
    },
  },
  {
    id: 'swiss_backups.get',
    method: 'GET',
    path: '/1/swiss_backups/{backup}',
    scope: 'swiss-backup',
    handle: (ctx) => {
      const v = visibleProductParam(ctx, 'backup', 'swiss_backup', 'Swiss Backup')
      return ok(S.swissBackup(ctx.store, v.product, v.rights))
    },
  },
]
