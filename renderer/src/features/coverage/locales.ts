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
    partial: 'Partial: {{count}} item(s) left out',
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
    summary: 'Done with {{count}} skipped item(s): they did not have the expected shape and were left out.',
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
    partial: 'Partiel : {{count}} élément(s) écarté(s)',
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
    summary: 'Terminé avec {{count}} élément(s) écarté(s) : leur forme n’était pas celle attendue.',
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
