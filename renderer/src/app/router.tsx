import { createHashRouter, Navigate } from 'react-router'
import { AppLayout } from './AppLayout'
import { NotFound } from './NotFound'
import { SettingsPage } from '../features/settings/SettingsPage'
import { BillingPage } from '../features/billing/BillingPage'
import { OnboardingPage } from '../features/onboarding/OnboardingPage'
import { OrgEntry } from '../features/orgs/OrgEntry'
import { OrgScope } from '../features/orgs/OrgScope'
import { OverviewPage } from '../features/overview/OverviewPage'
import { ProductsPage } from '../features/products/ProductsPage'
import { RenewalsPage } from '../features/renewals/RenewalsPage'
import { AccessHomePage, AccessOrgPage } from '../features/access/AccessPages'
import { PersonPage } from '../features/access/PersonPage'
import { HomePage } from '../features/home/HomePage'
import { InventoryPage } from '../features/inventory/InventoryPage'
import { NotificationsPage } from '../features/notifications/NotificationsPage'

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
        { path: 'inventory', element: <InventoryPage /> },
        { path: 'welcome', element: <OnboardingPage /> },
        { path: 'overview', element: <OrgEntry section="overview" /> },
        { path: 'products', element: <OrgEntry section="products" /> },
        {
          path: 'org/:accountId/:orgId',
          element: <OrgScope />,
          children: [
            { index: true, element: <Navigate to="overview" replace /> },
            { path: 'overview', element: <OverviewPage /> },
            { path: 'products', element: <ProductsPage /> },
            { path: 'access/:tab?', element: <AccessOrgPage /> },
          ],
        },
        { path: 'renewals', element: <RenewalsPage /> },
        { path: 'access/:tab?', element: <AccessHomePage /> },
        { path: 'access/people/:email', element: <PersonPage /> },
        { path: 'billing', element: <BillingPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: 'notifications', element: <NotificationsPage /> },
        { path: '*', element: <NotFound /> },
      ],
    },
  ])
}
