/** Strings of data coverage, skipped items and API diagnostics (EN is the reference; FR has the same keys). */
export const coverageEn = {
  dataset: {
    products: 'Products',
    product_rights: 'Per-product rights',
    teams: 'Teams',
    team_memberships: 'Team memberships',
    two_factor: 'Two-factor authentication',
    invitation_details: 'Invitation details',
  },
  state: {
    complete: 'Complete',
    partial_one: 'Partial: {{count}} item left out',
    partial_other: 'Partial: {{count}} items left out',
    not_offered: 'Not available from the API',
    needs_scope: 'Needs the “{{scope}}” scope',
    error: 'Failed at the last sync; earlier data kept',
    never_synced: 'Not synced yet',
  },
  notice: {
    title: 'Some data is not available',
    product_rights_not_offered:
      'Per-product rights are not available from the API for this organisation; rights through teams are shown.',
    team_memberships_not_offered: 'Team memberships are not available from the API for this organisation.',
    two_factor_not_offered: 'Two-factor status is not available from the API for this organisation.',
    invitation_details_not_offered: 'Invitation dates are not available from the API for this organisation.',
    generic: '{{dataset}}: {{state}}',
    viaTeams: 'Team memberships are read from each team’s member list.',
  },
  overview: {
    title: 'Data coverage',
    subtitle: 'What the API gave for this organisation at the last sync.',
  },
  skipped: {
    summary_one: 'Done with {{count}} skipped item: it did not have the expected shape and was left out.',
    summary_other: 'Done with {{count}} skipped items: they did not have the expected shape and were left out.',
    line: '{{resource}} · {{endpoint}} · {{path}}: expected {{expected}}, got {{seen}} ({{count}}×)',
  },
  diagnostics: {
    title: 'API diagnostics',
    body: 'A report of the answer shapes Switchboard saw (endpoints, status codes, field names and types, skipped items). It contains no values, names, e-mails, ids or tokens: you can send it to help us learn the real API.',
    export: 'Export API diagnostics',
    exported: '{{file}} is ready.',
    failed: 'The diagnostics could not be exported.',
  },
}

export const coverageFr: typeof coverageEn = {
  dataset: {
    products: 'Produits',
    product_rights: 'Droits par produit',
    teams: 'Équipes',
    team_memberships: 'Membres des équipes',
    two_factor: 'Double authentification',
    invitation_details: 'Détails des invitations',
  },
  state: {
    complete: 'Complet',
    partial_one: 'Partiel : {{count}} élément écarté',
    partial_other: 'Partiel : {{count}} éléments écartés',
    not_offered: 'Non fourni par l’API',
    needs_scope: 'Nécessite la portée « {{scope}} »',
    error: 'Échec à la dernière synchronisation ; données précédentes conservées',
    never_synced: 'Pas encore synchronisé',
  },
  notice: {
    title: 'Certaines données ne sont pas disponibles',
    product_rights_not_offered:
      'Les droits par produit ne sont pas fournis par l’API pour cette organisation ; les droits via les équipes sont affichés.',
    team_memberships_not_offered: 'Les membres des équipes ne sont pas fournis par l’API pour cette organisation.',
    two_factor_not_offered: 'L’état de la double authentification n’est pas fourni par l’API pour cette organisation.',
    invitation_details_not_offered: 'Les dates des invitations ne sont pas fournies par l’API pour cette organisation.',
    generic: '{{dataset}} : {{state}}',
    viaTeams: 'Les membres des équipes sont lus dans la liste de chaque équipe.',
  },
  overview: {
    title: 'Couverture des données',
    subtitle: 'Ce que l’API a fourni pour cette organisation à la dernière synchronisation.',
  },
  skipped: {
    summary_one: 'Terminé avec {{count}} élément écarté : sa forme n’était pas celle attendue.',
    summary_other: 'Terminé avec {{count}} éléments écartés : leur forme n’était pas celle attendue.',
    line: '{{resource}} · {{endpoint}} · {{path}} : attendu {{expected}}, reçu {{seen}} ({{count}}×)',
  },
  diagnostics: {
    title: 'Diagnostic de l’API',
    body: 'Un rapport des formes de réponses vues par Switchboard (points d’accès, codes d’état, noms et types des champs, éléments écartés). Il ne contient ni valeurs, ni noms, ni e-mails, ni identifiants, ni jetons : vous pouvez nous l’envoyer pour nous aider à connaître l’API réelle.',
    export: 'Exporter le diagnostic de l’API',
    exported: '{{file}} est prêt.',
    failed: 'Le diagnostic n’a pas pu être exporté.',
  },
}

export const coverageDe: typeof coverageEn = {
  dataset: {
    products: 'Produkte',
    product_rights: 'Rechte pro Produkt',
    teams: 'Arbeitsteams',
    team_memberships: 'Mitglieder der Arbeitsteams',
    two_factor: 'Zwei-Faktor-Authentifizierung',
    invitation_details: 'Details der Einladungen',
  },
  state: {
    complete: 'Vollständig',
    partial_one: 'Teilweise: {{count}} Element ausgelassen',
    partial_other: 'Teilweise: {{count}} Elemente ausgelassen',
    not_offered: 'Von der API nicht angeboten',
    needs_scope: 'Benötigt den Scope «{{scope}}»',
    error: 'Bei der letzten Synchronisierung fehlgeschlagen; frühere Daten bleiben erhalten',
    never_synced: 'Noch nicht synchronisiert',
  },
  notice: {
    title: 'Einige Daten sind nicht verfügbar',
    product_rights_not_offered:
      'Rechte pro Produkt bietet die API für diese Organisation nicht an; angezeigt werden die Rechte über Arbeitsteams.',
    team_memberships_not_offered: 'Die Mitglieder der Arbeitsteams bietet die API für diese Organisation nicht an.',
    two_factor_not_offered:
      'Den Status der Zwei-Faktor-Authentifizierung bietet die API für diese Organisation nicht an.',
    invitation_details_not_offered: 'Die Daten der Einladungen bietet die API für diese Organisation nicht an.',
    generic: '{{dataset}}: {{state}}',
    viaTeams: 'Die Mitglieder der Arbeitsteams werden aus der Mitgliederliste jedes Teams gelesen.',
  },
  overview: {
    title: 'Datenabdeckung',
    subtitle: 'Was die API bei der letzten Synchronisierung für diese Organisation geliefert hat.',
  },
  skipped: {
    summary_one:
      'Abgeschlossen mit {{count}} ausgelassenen Element: Es hatte nicht die erwartete Form und wurde weggelassen.',
    summary_other:
      'Abgeschlossen mit {{count}} ausgelassenen Elementen: Sie hatten nicht die erwartete Form und wurden weggelassen.',
    line: '{{resource}} · {{endpoint}} · {{path}}: erwartet {{expected}}, erhalten {{seen}} ({{count}}×)',
  },
  diagnostics: {
    title: 'API-Diagnose',
    body: 'Ein Bericht über die Antwortformen, die Switchboard gesehen hat (Endpunkte, Statuscodes, Feldnamen und -typen, ausgelassene Elemente). Er enthält keine Werte, Namen, E-Mail-Adressen, IDs oder Tokens: Sie können ihn uns senden, damit wir die echte API besser kennenlernen.',
    export: 'API-Diagnose exportieren',
    exported: '{{file}} ist bereit.',
    failed: 'Die Diagnose konnte nicht exportiert werden.',
  },
}

export const coverageIt: typeof coverageEn = {
  dataset: {
    products: 'Prodotti',
    product_rights: 'Diritti per prodotto',
    teams: 'Team di lavoro',
    team_memberships: 'Membri dei team',
    two_factor: 'Autenticazione a due fattori',
    invitation_details: 'Dettagli degli inviti',
  },
  state: {
    complete: 'Completo',
    partial_one: 'Parziale: {{count}} elemento escluso',
    partial_other: 'Parziale: {{count}} elementi esclusi',
    not_offered: 'Non fornito dall’API',
    needs_scope: 'Richiede lo scope «{{scope}}»',
    error: 'Non riuscito all’ultima sincronizzazione; dati precedenti mantenuti',
    never_synced: 'Non ancora sincronizzato',
  },
  notice: {
    title: 'Alcuni dati non sono disponibili',
    product_rights_not_offered:
      'I diritti per prodotto non sono forniti dall’API per questa organizzazione; sono mostrati i diritti tramite i team.',
    team_memberships_not_offered: 'I membri dei team non sono forniti dall’API per questa organizzazione.',
    two_factor_not_offered:
      'Lo stato dell’autenticazione a due fattori non è fornito dall’API per questa organizzazione.',
    invitation_details_not_offered: 'Le date degli inviti non sono fornite dall’API per questa organizzazione.',
    generic: '{{dataset}}: {{state}}',
    viaTeams: 'I membri dei team sono letti dall’elenco dei membri di ciascun team.',
  },
  overview: {
    title: 'Copertura dei dati',
    subtitle: 'Ciò che l’API ha fornito per questa organizzazione all’ultima sincronizzazione.',
  },
  skipped: {
    summary_one: 'Terminato con {{count}} elemento escluso: non aveva la forma attesa ed è stato tralasciato.',
    summary_other: 'Terminato con {{count}} elementi esclusi: non avevano la forma attesa e sono stati tralasciati.',
    line: '{{resource}} · {{endpoint}} · {{path}}: atteso {{expected}}, ricevuto {{seen}} ({{count}}×)',
  },
  diagnostics: {
    title: 'Diagnostica dell’API',
    body: 'Un rapporto sulle forme delle risposte viste da Switchboard (endpoint, codici di stato, nomi e tipi dei campi, elementi esclusi). Non contiene valori, nomi, e-mail, ID né token: puoi inviarcelo per aiutarci a conoscere l’API reale.',
    export: 'Esporta la diagnostica dell’API',
    exported: '{{file}} è pronto.',
    failed: 'Non è stato possibile esportare la diagnostica.',
  },
}

export const coverageEs: typeof coverageEn = {
  dataset: {
    products: 'Productos',
    product_rights: 'Derechos por producto',
    teams: 'Equipos de trabajo',
    team_memberships: 'Miembros de los equipos',
    two_factor: 'Autenticación de dos factores',
    invitation_details: 'Detalles de las invitaciones',
  },
  state: {
    complete: 'Completo',
    partial_one: 'Parcial: {{count}} elemento descartado',
    partial_other: 'Parcial: {{count}} elementos descartados',
    not_offered: 'La API no lo ofrece',
    needs_scope: 'Necesita el ámbito «{{scope}}»',
    error: 'Falló en la última sincronización; se conservan los datos anteriores',
    never_synced: 'Aún no sincronizado',
  },
  notice: {
    title: 'Algunos datos no están disponibles',
    product_rights_not_offered:
      'La API no ofrece los derechos por producto para esta organización; se muestran los derechos a través de los equipos.',
    team_memberships_not_offered: 'La API no ofrece los miembros de los equipos para esta organización.',
    two_factor_not_offered: 'La API no ofrece el estado de la autenticación de dos factores para esta organización.',
    invitation_details_not_offered: 'La API no ofrece las fechas de las invitaciones para esta organización.',
    generic: '{{dataset}}: {{state}}',
    viaTeams: 'Los miembros de los equipos se leen de la lista de miembros de cada equipo.',
  },
  overview: {
    title: 'Cobertura de los datos',
    subtitle: 'Lo que la API proporcionó para esta organización en la última sincronización.',
  },
  skipped: {
    summary_one: 'Terminado con {{count}} elemento descartado: no tenía la forma esperada y se ha dejado fuera.',
    summary_other: 'Terminado con {{count}} elementos descartados: no tenían la forma esperada y se han dejado fuera.',
    line: '{{resource}} · {{endpoint}} · {{path}}: se esperaba {{expected}}, se recibió {{seen}} ({{count}}×)',
  },
  diagnostics: {
    title: 'Diagnóstico de la API',
    body: 'Un informe de las formas de respuesta que ha visto Switchboard (endpoints, códigos de estado, nombres y tipos de campos, elementos descartados). No contiene valores, nombres, correos, identificadores ni tokens: puedes enviárnoslo para ayudarnos a conocer la API real.',
    export: 'Exportar el diagnóstico de la API',
    exported: '{{file}} está listo.',
    failed: 'No se ha podido exportar el diagnóstico.',
  },
}
