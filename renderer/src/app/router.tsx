import { createHashRouter, Navigate } from 'react-router'
import { AppLayout } from './AppLayout'
import { NotFound } from './NotFound'
import { OnboardingPage } from '../features/onboarding/OnboardingPage'
import { OrgEntry } from '../features/orgs/OrgEntry'
import { OrgScope } from '../features/orgs/OrgScope'
import { HomePage } from '../features/home/HomePage'

/**
 * Screens other than Home and onboarding load as their own chunks when first opened: the first
 * screen parses only what it shows (issue 14: Home's first render, `npm run bench -- ui`).
 */
const page = (load: () => Promise<{ Component: React.ComponentType }>) => ({ lazy: load })
const settings = page(() => import('../features/settings/SettingsPage').then((m) => ({ Component: m.SettingsPage })))
const billing = page(() => import('../features/billing/BillingPage').then((m) => ({ Component: m.BillingPage })))
const overview = page(() => import('../features/overview/OverviewPage').then((m) => ({ Component: m.OverviewPage })))
const products = page(() => import('../features/products/ProductsPage').then((m) => ({ Component: m.ProductsPage })))
const renewals = page(() => import('../features/renewals/RenewalsPage').then((m) => ({ Component: m.RenewalsPage })))
const accessOrg = page(() => import('../features/access/AccessPages').then((m) => ({ Component: m.AccessOrgPage })))
const accessHome = page(() => import('../features/access/AccessPages').then((m) => ({ Component: m.AccessHomePage })))
const person = page(() => import('../features/access/PersonPage').then((m) => ({ Component: m.PersonPage })))
const inventory = page(() =>
  import('../features/inventory/InventoryPage').then((m) => ({ Component: m.InventoryPage })),
)
const notifications = page(() =>
  import('../features/notifications/NotificationsPage').then((m) => ({ Component: m.NotificationsPage })),
)

/**
 * Hash routing: works unchanged under app://, the dev server and the browser shell,
 * with no server-side fallback to configure. The current organization lives in the URL
 * (`/org/:accountId/:orgId/...`), so a reload keeps it.
 */
export function createRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <AppLayout />,
      children: [
        { index: true, element: <Navigate to="/home" replace /> },
        { path: 'home', element: <HomePage /> },
        { path: 'inventory', ...inventory },
        { path: 'welcome', element: <OnboardingPage /> },
        { path: 'overview', element: <OrgEntry section="overview" /> },
        { path: 'products', element: <OrgEntry section="products" /> },
        {
          path: 'org/:accountId/:orgId',
          element: <OrgScope />,
          children: [
            { index: true, element: <Navigate to="overview" replace /> },
            { path: 'overview', ...overview },
            { path: 'products', ...products },
            { path: 'access/:tab?', ...accessOrg },
          ],
        },
        { path: 'renewals', ...renewals },
        { path: 'access/:tab?', ...accessHome },
        { path: 'access/people/:email', ...person },
        { path: 'billing', ...billing },
        { path: 'settings', ...settings },
        { path: 'notifications', ...notifications },
        { path: '*', element: <NotFound /> },
      ],
    },
  ])
}
