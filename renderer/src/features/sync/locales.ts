/** Strings of the progressive first sync (issue 18). EN is the reference; FR has the same keys. */
export const firstSyncEn = {
  /** Header, while the first products listing runs: numbers are formatted by the caller. */
  productsOfOrgs: 'Products of {{done}} of {{total}} organisations',
  pages: 'page {{done}} of {{total}}',
  productsHint:
    'Products are kept page by page as they arrive, and an interrupted sync resumes where it stopped. The organisation you open is fetched first.',
  orgArriving: 'Products of this organisation are still arriving: the first sync has not reached it yet.',
  orgFetching: 'Fetching the products of this organisation first…',
  productsAsOf: 'Products listed {{time}}',
  productsIncomplete: 'Products incomplete',
  orgRefreshed: 'Organisation refreshed {{when}}',
}

export const firstSyncFr: typeof firstSyncEn = {
  productsOfOrgs: 'Produits de {{done}} organisations sur {{total}}',
  pages: 'page {{done}} sur {{total}}',
  productsHint:
    'Les produits sont gardés page par page dès leur arrivée, et une synchronisation interrompue reprend là où elle s’est arrêtée. L’organisation que vous ouvrez passe en premier.',
  orgArriving:
    'Les produits de cette organisation arrivent encore : la première synchronisation ne l’a pas encore atteinte.',
  orgFetching: 'Récupération prioritaire des produits de cette organisation…',
  productsAsOf: 'Produits listés {{time}}',
  productsIncomplete: 'Produits incomplets',
  orgRefreshed: 'Organisation actualisée {{when}}',
}
