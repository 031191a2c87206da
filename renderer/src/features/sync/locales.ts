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

export const firstSyncDe: typeof firstSyncEn = {
  productsOfOrgs: 'Produkte von {{done}} von {{total}} Organisationen',
  pages: 'Seite {{done}} von {{total}}',
  productsHint:
    'Produkte werden Seite für Seite gespeichert, sobald sie eintreffen, und eine unterbrochene Synchronisierung macht dort weiter, wo sie aufgehört hat. Die Organisation, die Sie öffnen, wird zuerst abgerufen.',
  orgArriving:
    'Die Produkte dieser Organisation treffen noch ein: Die erste Synchronisierung hat sie noch nicht erreicht.',
  orgFetching: 'Die Produkte dieser Organisation werden zuerst abgerufen…',
  productsAsOf: 'Produkte aufgelistet {{time}}',
  productsIncomplete: 'Produkte unvollständig',
  orgRefreshed: 'Organisation aktualisiert {{when}}',
}

export const firstSyncIt: typeof firstSyncEn = {
  productsOfOrgs: 'Prodotti di {{done}} di {{total}} organizzazioni',
  pages: 'pagina {{done}} di {{total}}',
  productsHint:
    'I prodotti vengono salvati pagina per pagina man mano che arrivano, e una sincronizzazione interrotta riprende da dove si era fermata. L’organizzazione che apri viene recuperata per prima.',
  orgArriving:
    'I prodotti di questa organizzazione stanno ancora arrivando: la prima sincronizzazione non l’ha ancora raggiunta.',
  orgFetching: 'Recupero per primi dei prodotti di questa organizzazione…',
  productsAsOf: 'Prodotti elencati {{time}}',
  productsIncomplete: 'Prodotti incompleti',
  orgRefreshed: 'Organizzazione aggiornata {{when}}',
}

export const firstSyncEs: typeof firstSyncEn = {
  productsOfOrgs: 'Productos de {{done}} de {{total}} organizaciones',
  pages: 'página {{done}} de {{total}}',
  productsHint:
    'Los productos se guardan página a página a medida que llegan, y una sincronización interrumpida continúa donde se detuvo. La organización que abres se obtiene primero.',
  orgArriving:
    'Los productos de esta organización aún están llegando: la primera sincronización todavía no la ha alcanzado.',
  orgFetching: 'Obteniendo primero los productos de esta organización…',
  productsAsOf: 'Productos listados {{time}}',
  productsIncomplete: 'Productos incompletos',
  orgRefreshed: 'Organización actualizada {{when}}',
}
