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

/** The header's one status line and the "Sync everything now" confirmation (issue 14, item 9). */
export const syncLineEn = {
  upToDate: 'Up to date · synced {{when}}',
  notComplete: 'Not fully synced yet',
  upToDateHint: 'Every account was read completely. Screens show cached data with the time it was read.',
  notCompleteHint: 'At least one account has not completed a full sync yet. Open Settings to start one.',
  retrying: 'next attempt {{when}}',
  confirmTitle: 'Re-read every organisation?',
  confirmBody:
    'A full sync of {{accounts}} makes about {{requests}} requests. At Infomaniak’s limit of 60 requests per minute, that takes about {{eta}}.',
  confirmNote: 'You can keep working meanwhile: cached data stays readable, and the sync can be cancelled.',
  confirmStart: 'Sync everything',
  cancel: 'Cancel',
  estimateFailed: 'The duration could not be estimated. Start the sync anyway?',
}

export const syncLineFr: typeof syncLineEn = {
  upToDate: 'À jour · synchronisé {{when}}',
  notComplete: 'Synchronisation complète pas encore faite',
  upToDateHint:
    'Chaque compte a été lu en entier. Les écrans montrent les données en cache avec l’heure à laquelle elles ont été lues.',
  notCompleteHint:
    'Au moins un compte n’a pas encore terminé de synchronisation complète. Ouvrez les Réglages pour en lancer une.',
  retrying: 'prochaine tentative {{when}}',
  confirmTitle: 'Relire toutes les organisations ?',
  confirmBody:
    'Une synchronisation complète de {{accounts}} fait environ {{requests}} requêtes. À la limite d’Infomaniak de 60 requêtes par minute, cela prend environ {{eta}}.',
  confirmNote:
    'Vous pouvez continuer à travailler : les données en cache restent lisibles et la synchronisation peut être annulée.',
  confirmStart: 'Tout synchroniser',
  cancel: 'Annuler',
  estimateFailed: 'La durée n’a pas pu être estimée. Lancer quand même la synchronisation ?',
}

export const syncLineDe: typeof syncLineEn = {
  upToDate: 'Aktuell · synchronisiert {{when}}',
  notComplete: 'Noch nicht vollständig synchronisiert',
  upToDateHint:
    'Jedes Konto wurde vollständig gelesen. Die Ansichten zeigen zwischengespeicherte Daten mit dem Zeitpunkt, zu dem sie gelesen wurden.',
  notCompleteHint:
    'Mindestens ein Konto hat noch keine vollständige Synchronisierung abgeschlossen. Öffnen Sie die Einstellungen, um eine zu starten.',
  retrying: 'nächster Versuch {{when}}',
  confirmTitle: 'Alle Organisationen neu lesen?',
  confirmBody:
    'Eine vollständige Synchronisierung von {{accounts}} braucht etwa {{requests}} Anfragen. Beim Limit von Infomaniak von 60 Anfragen pro Minute dauert das etwa {{eta}}.',
  confirmNote:
    'Sie können währenddessen weiterarbeiten: Zwischengespeicherte Daten bleiben lesbar, und die Synchronisierung lässt sich abbrechen.',
  confirmStart: 'Alles synchronisieren',
  cancel: 'Abbrechen',
  estimateFailed: 'Die Dauer konnte nicht geschätzt werden. Die Synchronisierung trotzdem starten?',
}

export const syncLineIt: typeof syncLineEn = {
  upToDate: 'Aggiornato · sincronizzato {{when}}',
  notComplete: 'Sincronizzazione completa non ancora eseguita',
  upToDateHint:
    'Ogni account è stato letto per intero. Le schermate mostrano i dati in cache con l’ora in cui sono stati letti.',
  notCompleteHint:
    'Almeno un account non ha ancora completato una sincronizzazione completa. Apri le Impostazioni per avviarne una.',
  retrying: 'prossimo tentativo {{when}}',
  confirmTitle: 'Rileggere tutte le organizzazioni?',
  confirmBody:
    'Una sincronizzazione completa di {{accounts}} richiede circa {{requests}} richieste. Con il limite di Infomaniak di 60 richieste al minuto, ci vogliono circa {{eta}}.',
  confirmNote:
    'Puoi continuare a lavorare nel frattempo: i dati in cache restano leggibili e la sincronizzazione si può annullare.',
  confirmStart: 'Sincronizza tutto',
  cancel: 'Annulla',
  estimateFailed: 'Non è stato possibile stimare la durata. Avviare comunque la sincronizzazione?',
}

export const syncLineEs: typeof syncLineEn = {
  upToDate: 'Al día · sincronizado {{when}}',
  notComplete: 'Aún no sincronizado por completo',
  upToDateHint:
    'Cada cuenta se ha leído por completo. Las pantallas muestran los datos en caché con la hora en que se leyeron.',
  notCompleteHint:
    'Al menos una cuenta aún no ha completado una sincronización completa. Abre Ajustes para iniciar una.',
  retrying: 'próximo intento {{when}}',
  confirmTitle: '¿Volver a leer todas las organizaciones?',
  confirmBody:
    'Una sincronización completa de {{accounts}} hace unas {{requests}} solicitudes. Con el límite de Infomaniak de 60 solicitudes por minuto, tarda unos {{eta}}.',
  confirmNote:
    'Puedes seguir trabajando mientras tanto: los datos en caché siguen legibles y la sincronización se puede cancelar.',
  confirmStart: 'Sincronizar todo',
  cancel: 'Cancelar',
  estimateFailed: 'No se pudo estimar la duración. ¿Iniciar la sincronización de todos modos?',
}
