import { createHashRouter, Navigate } from 'react-router'
import { AppLayout } from './AppLayout'
import { NotFound } from './NotFound'
import { SectionPlaceholder } from '../features/placeholder/SectionPlaceholder'
import { SettingsPage } from '../features/settings/SettingsPage'

/**
 * Hash routing: works unchanged under app://, the dev server and the browser shell,
 * with no server-side fallback to configure.
 */
export function createRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <AppLayout />,
      children: [
        { index: true, element: <Navigate to="/overview" replace /> },
        { path: 'overview', element: <SectionPlaceholder section="overview" /> },
        { path: 'products', element: <SectionPlaceholder section="products" /> },
        { path: 'renewals', element: <SectionPlaceholder section="renewals" /> },
        { path: 'access', element: <SectionPlaceholder section="access" /> },
        { path: 'billing', element: <SectionPlaceholder section="billing" /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: '*', element: <NotFound /> },
      ],
    },
  ])
}
