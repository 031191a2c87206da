import type { Handlers } from '../dispatch'
import type { CoreServices } from '../../core'
import { AppError } from '../../lib/app-error'

type BillingChannel = Extract<keyof Handlers, `billing:${string}`>

/** The billing part of the handler map. */
export function billingHandlers(services: CoreServices): Pick<Handlers, BillingChannel> {
  const account = (accountId: string): string => {
    if (!services.accounts.list().some((a) => a.id === accountId)) throw new AppError('NOT_FOUND', 'accounts.notFound')
    return accountId
  }
  const b = services.billing
  return {
    // The chosen file is read from disk here (asynchronously); only its id crossed IPC.
    'billing:import-preview': async ({ accountId, fileId, mapping, orgOverrides }) => {
      const file = await services.inbox.read(fileId)
      return b.preview(account(accountId), file.fileName, file.bytes, mapping, orgOverrides)
    },
    'billing:import-commit': async ({ fileId, ...input }) => {
      const file = fileId !== undefined && input.previewId === undefined ? await services.inbox.read(fileId) : undefined
      const result = b.commit({ ...input, accountId: account(input.accountId), file })
      if (result.status !== 'rejected' && fileId !== undefined) await services.inbox.release(fileId)
      return result
    },
    'billing:fetch-invoices': ({ accountId }) => b.fetchInvoices(account(accountId)),
    'billing:invoices': ({ accountId, from, to, orgIds }) =>
      b.invoices({ accountId: account(accountId), from, to, orgIds }),
    'billing:prices-get': ({ accountId }) => b.prices(account(accountId)),
    'billing:prices-set': ({ accountId, entries }) => b.setPrices(account(accountId), entries),
    'billing:services': ({ accountId }) => b.services(account(accountId)),
    'billing:forecast': ({ accountId, from, to, orgIds }) => b.forecast(account(accountId), from, to, orgIds),
    'billing:overview': ({ accountId, from, to }) => b.overview(account(accountId), from, to),
    'billing:profile-get': ({ accountId }) => b.profile(account(accountId)),
    'billing:profile-set': ({ accountId, profile }) => b.setProfile(account(accountId), profile),
    'billing:export': (req) => b.export({ ...req, accountId: account(req.accountId) }),
  }
}
