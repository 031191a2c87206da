import {
  IconCalendarDue,
  IconHome,
  IconLayoutDashboard,
  IconListDetails,
  IconPackage,
  IconReceipt2,
  IconSettings,
  IconShieldLock,
  type Icon,
} from '@tabler/icons-react'

export type NavGroup = 'fleet' | 'client' | 'app'

export interface NavItem {
  path: string
  labelKey:
    | 'nav.home'
    | 'nav.inventory'
    | 'nav.overview'
    | 'nav.products'
    | 'nav.renewals'
    | 'nav.access'
    | 'nav.billing'
    | 'nav.settings'
  icon: Icon
  /** Across all clients, about the current client, or the app itself. */
  group: NavGroup
}

/** The sections of the app, in navbar order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/home', labelKey: 'nav.home', icon: IconHome, group: 'fleet' },
  { path: '/inventory', labelKey: 'nav.inventory', icon: IconListDetails, group: 'fleet' },
  { path: '/renewals', labelKey: 'nav.renewals', icon: IconCalendarDue, group: 'fleet' },
  { path: '/access', labelKey: 'nav.access', icon: IconShieldLock, group: 'fleet' },
  { path: '/billing', labelKey: 'nav.billing', icon: IconReceipt2, group: 'fleet' },
  { path: '/overview', labelKey: 'nav.overview', icon: IconLayoutDashboard, group: 'client' },
  { path: '/products', labelKey: 'nav.products', icon: IconPackage, group: 'client' },
  { path: '/settings', labelKey: 'nav.settings', icon: IconSettings, group: 'app' },
]
