/** Strings of the list of past offboarding runs (EN is the reference; FR has the same keys). */
export const pastRunsEn = {
  title: 'Past offboardings',
  none: 'No offboarding was run here yet.',
  loadFailed: 'The past offboardings could not be loaded.',
  person: 'Person',
  started: 'Started',
  orgs: 'Organizations',
  result: 'Result',
  state: {
    running: 'Running',
    done: 'Done',
    failed: 'Failed',
    interrupted: 'Interrupted (the app stopped)',
  },
  counts:
    '{{applied}} of {{total}} applied · {{verified}} verified · {{failed}} failed · {{manual}} to do in the Manager',
  report: 'Report',
  reportCsvAria: 'Report of {{when}} as CSV',
  reportPdfAria: 'Report of {{when}} as PDF',
  reportFailed: 'The report could not be created.',
}

export const pastRunsFr: typeof pastRunsEn = {
  title: 'Départs précédents',
  none: 'Aucun départ n’a encore été traité ici.',
  loadFailed: 'Les départs précédents n’ont pas pu être chargés.',
  person: 'Personne',
  started: 'Commencé le',
  orgs: 'Organisations',
  result: 'Résultat',
  state: {
    running: 'En cours',
    done: 'Terminé',
    failed: 'Échoué',
    interrupted: 'Interrompu (l’application s’est arrêtée)',
  },
  counts:
    '{{applied}} sur {{total}} appliquées · {{verified}} vérifiées · {{failed}} en échec · {{manual}} à faire dans le Manager',
  report: 'Rapport',
  reportCsvAria: 'Rapport du {{when}} en CSV',
  reportPdfAria: 'Rapport du {{when}} en PDF',
  reportFailed: 'Le rapport n’a pas pu être créé.',
}
