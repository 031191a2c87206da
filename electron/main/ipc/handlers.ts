import { serviceName } from '../../../shared/i18n/terms'
import type { Handlers } from './dispatch'
import type { CoreServices } from '../core'
import { AppError } from '../lib/app-error'
import { isAllowedExternalUrl } from '../shell/url-policy'
import { RenewalsService } from '../renewals/renewals-service'
import { accessHandlers } from './handlers/access'
import { billingHandlers } from './handlers/billing'
import { storeHandlers } from './handlers/store'
import { accountRemovalHandlers } from './handlers/account-removal'
import { offboardingRunsHandlers } from './handlers/offboarding-runs'
import { orgPrefsHandlers } from './handlers/org-prefs'
import { fleetHandlers } from './handlers/fleet'
import { coverageHandlers } from './handlers/coverage'
import { filesHandlers } from './handlers/files'
import { remindersHandlers } from './handlers/reminders'
import { syncEstimateHandlers } from './handlers/sync-estimate'

const DAY_SECONDS = 86_400

/** Maps every channel to a service call. Handlers stay thin: no SQL, no fetch. */
export function createHandlers(services: CoreServices): Handlers {
  const requireAccount = (accountId: string): void => {
    if (!services.accounts.list().some((a) => a.id === accountId)) throw new AppError('NOT_FOUND', 'accounts.notFound')
  }
  const accountIds = (accountId: string | undefined): string[] =>
    accountId
      ? [accountId]
      : services.accounts
          .list()
          .filter((a) => a.state !== 'signed_out')
          .map((a) => a.id)
  return {
    'app:info': () => services.appInfo,
    'settings:get': ({ localeHints }) => services.settings.get(localeHints),
    'settings:set': ({ patch }) => services.settings.set(patch),
    'accounts:list': () => services.accounts.list(),
    'accounts:add': async (input) => {
      const account = await services.accounts.add(input)
      services.sync.start(account.id)
      return account
    },
    'accounts:rename': ({ accountId, label }) => services.accounts.rename(accountId, label),
    'accounts:remove': async ({ accountId, deleteUserData }) => ({
      removed: await services.accounts.remove(accountId, deleteUserData),
    }),
    'sync:start': ({ accountId, orgId, focusOrgId }) => {
      // A sync writes the cache and the access history: not while the user data is read-only.
      services.store.assertWritable()
      if (accountId) requireAccount(accountId)
      for (const id of accountIds(accountId))
        services.sync.start(id, { orgId: orgId ?? null, ...(focusOrgId !== undefined ? { focusOrgId } : {}) })
      return services.sync.status(accountId)
    },
    'sync:cancel': ({ accountId }) => {
      if (accountId) requireAccount(accountId)
      for (const id of accountIds(accountId)) services.sync.cancel(id)
      return services.sync.status(accountId)
    },
    'sync:status': () => services.sync.status(),
    'orgs:list': ({ accountId }) => services.queries.orgs(accountId),
    // "Expiring within N days": from now to now + N days (expired products are the renewals view's job).
    'products:list': ({ accountId, orgId, expiringWithinDays }) => {
      const now = Math.floor(services.clock.now() / 1000)
      return services.queries.products({
        accountId,
        orgId,
        ...(expiringWithinDays === undefined
          ? {}
          : { expiringFrom: now, expiringBefore: now + expiringWithinDays * DAY_SECONDS }),
      })
    },
    'users:list': ({ accountId, orgId }) => services.queries.users(accountId, orgId),
    'renewals:list': ({ withinDays, includeExpiredDays, accountId }) =>
      services.renewals.list({ withinDays, includeExpiredDays, accountId }),
    'renewals:export': async ({
      format,
      withinDays,
      includeExpiredDays,
      accountId,
      keys,
      delimiter,
      bom,
      language,
    }) => {
      const rows = RenewalsService.select(services.renewals.list({ withinDays, includeExpiredDays, accountId }), keys)
      const lang = language ?? services.settings.get().language
      if (format === 'xlsx') return services.files.deliver(await services.renewals.exportXlsx(rows, lang))
      return services.files.stream(
        services.renewals.exportStream(format, rows, lang, {
          ...(delimiter ? { delimiter } : {}),
          ...(bom !== undefined ? { bom } : {}),
        }),
      )
    },
    'search:query': ({ text, limit }) => {
      const hits = services.queries.search(text, limit ?? 8)
      // A product's subtitle names its service in the UI language (the index holds every language).
      const briefs = services.queries.productBriefs(
        hits.filter((h) => h.kind === 'product').map((h) => ({ accountId: h.accountId, id: Number(h.ref) })),
      )
      const language = services.settings.get().language
      return hits.map((h) => {
        const kind = h.kind === 'org' || h.kind === 'product' ? h.kind : 'person'
        const brief = kind === 'product' ? briefs.get(`${h.accountId}:${h.ref}`) : undefined
        const subtitle = brief
          ? [serviceName({ name: brief.serviceName, id: brief.serviceId }, language), brief.fqdn]
              .filter(Boolean)
              .join(' · ')
          : h.subtitle
        return { ...h, kind, subtitle }
      })
    },
    'demo:start': () => services.demo.start(),
    // Checked here and again by the host's safe opener: only Manager and documentation links pass.
    'app:open-external': async ({ url }) => ({
      opened: isAllowedExternalUrl(url) ? await services.openExternal(url) : false,
    }),
    ...accessHandlers(services),
    ...billingHandlers(services),
    ...storeHandlers(services),
    ...accountRemovalHandlers(services),
    ...offboardingRunsHandlers(services),
    ...orgPrefsHandlers(services),
    ...syncEstimateHandlers(services),
    ...fleetHandlers(services),
    ...coverageHandlers(services),
    ...filesHandlers(services),
    ...remindersHandlers(services),
  }
}
