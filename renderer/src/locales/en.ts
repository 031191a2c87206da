/** English strings: the reference catalogue. Other languages must have exactly these keys. */
export const en = {
  app: {
    name: 'Switchboard',
    tagline: 'Every client organization, at hand.',
  },
  nav: {
    overview: 'Overview',
    products: 'Products',
    renewals: 'Renewals',
    access: 'Access',
    billing: 'Billing',
    settings: 'Settings',
    main: 'Main navigation',
    toggle: 'Toggle navigation',
  },
  header: {
    noOrganization: 'No organization selected',
    organizationHint: 'Add an account to see your client organizations.',
  },
  empty: {
    noAccountTitle: 'No account yet',
    noAccountBody:
      'Switchboard shows what your Infomaniak API token can see. Add an account in Settings to fill this screen.',
    goToSettings: 'Open Settings',
    overview:
      'The overview of the selected organization will appear here: products by type, what expires soon, flagged products, users and teams.',
    products: 'All products of the selected organization, with expiry, status and tags.',
    renewals: 'One timeline of what expires soon across every client organization.',
    access: 'Who has access to what: permission matrix, people across organizations, offboarding and history.',
    billing: 'Invoices and renewal forecasts per client and period, with CSV, XLSX and PDF exports.',
  },
  settings: {
    title: 'Settings',
    appearance: 'Appearance',
    language: 'Language',
    languageHelp: 'Used for the interface and for client-facing exports.',
    theme: 'Theme',
    themeLight: 'Light',
    themeDark: 'Dark',
    themeSystem: 'System',
    about: 'About',
    version: 'Version',
    platform: 'Platform',
    dataDir: 'Data folder',
    saved: 'Settings saved',
    saveFailed: 'The settings could not be saved.',
  },
  languages: {
    en: 'English',
    fr: 'Français',
  },
  errors: {
    title: 'Something went wrong',
    body: 'This screen failed to display. Your data is safe; the details are in the log.',
    retry: 'Try again',
    loadFailed: 'Could not load this data.',
    notFoundTitle: 'Page not found',
    notFoundBody: 'This address does not lead anywhere in Switchboard.',
    backHome: 'Back to the overview',
  },
  common: {
    loading: 'Loading…',
  },
}

/** The shape every catalogue must follow (same keys, string leaves). */
type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> }
export type Messages = Catalogue<typeof en>
