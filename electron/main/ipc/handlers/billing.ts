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
  /** The chosen file, read from disk by the core (only its id crossed IPC), within the import's size cap. */
  const chosen = async (fileId: string | undefined): Promise<{ fileName: string; bytes: Uint8Array } | undefined> => {
    if (fileId === undefined) return undefined
    b.checkImportSize(services.inbox.get(fileId).byteLength)
    return services.inbox.read(fileId)
  }
  return {
    'billing:import-preview': async ({ accountId, fileId, previewId, options }) => {
      const file = await chosen(fileId)
      return b.preview({
        accountId: account(accountId),
        fileName: file?.fileName,
        bytes: file?.bytes,
        previewId,
        options,
      })
    },
    'billing:import-commit': async ({ accountId, fileId, previewId, options }) => {
      const file = previewId === undefined ? await chosen(fileId) : undefined
      const result = await b.commit({
        accountId: account(accountId),
        previewId,
        fileName: file?.fileName,
        bytes: file?.bytes,
        options,
      })
      if (result.status !== 'rejected' && fileId !== undefined) await services.inbox.release(fileId)
      return result
    },
    'billing:invoice-route': ({ accountId }) => b.invoiceRoute(account(accountId)),
    'billing:fetch-invoices': ({ accountId }) => b.fetchInvoices(account(accountId)),
    'billing:invoices': ({ accountId, from, to, orgIds }) =>
      b.invoices({ accountId: account(accountId), from, to, orgIds }),
    'billing:prices-get': ({ accountId }) => b.prices(account(accountId)),
    'billing:prices-set': ({ accountId, entries }) => b.setPrices(account(accountId), entries),
    'billing:services': ({ accountId }) => b.services(account(accountId)),
    'billing:currencies': ({ accountId }) => b.currencies(account(accountId)),
    'billing:currency-set': ({ accountId, orgId, currency }) => b.setCurrency(account(accountId), orgId, currency),
    'billing:forecast': ({ accountId, from, to, orgIds }) => b.forecast(account(accountId), from, to, orgIds),
    'billing:forecast-export': (req) => b.exportForecast({ ...req, accountId: account(req.accountId) }),
    'billing:overview': ({ accountId, from, to }) => b.overview(account(accountId), from, to),
    'billing:gauge': ({ accountId }) => b.gauge(account(accountId)),
    'billing:margins': ({ accountId }) => b.margins(account(accountId)),
    'billing:profile-get': ({ accountId }) => b.profile(account(accountId)),
    'billing:profile-set': ({ accountId, profile }) => b.setProfile(account(accountId), profile),
    'billing:export': (req) => b.export({ ...req, accountId: account(req.accountId) }),
  }
}
