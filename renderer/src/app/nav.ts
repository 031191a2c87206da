import {
  IconCalendarDue,
  IconLayoutDashboard,
  IconPackage,
  IconReceipt2,
  IconSettings,
  IconShieldLock,
  type Icon,
} from '@tabler/icons-react'

export interface NavItem {
  path: string
  labelKey: 'nav.overview' | 'nav.products' | 'nav.renewals' | 'nav.access' | 'nav.billing' | 'nav.settings'
  icon: Icon
}

/** The sections of the app, in navbar order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/overview', labelKey: 'nav.overview', icon: IconLayoutDashboard },
  { path: '/products', labelKey: 'nav.products', icon: IconPackage },
  { path: '/renewals', labelKey: 'nav.renewals', icon: IconCalendarDue },
  { path: '/access', labelKey: 'nav.access', icon: IconShieldLock },
  { path: '/billing', labelKey: 'nav.billing', icon: IconReceipt2 },
  { path: '/settings', labelKey: 'nav.settings', icon: IconSettings },
]
