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

export const pastRunsDe: typeof pastRunsEn = {
  title: 'Frühere Offboardings',
  none: 'Hier wurde noch kein Offboarding durchgeführt.',
  loadFailed: 'Die früheren Offboardings konnten nicht geladen werden.',
  person: 'Person',
  started: 'Gestartet',
  orgs: 'Organisationen',
  result: 'Ergebnis',
  state: {
    running: 'Läuft',
    done: 'Erledigt',
    failed: 'Fehlgeschlagen',
    interrupted: 'Unterbrochen (die App wurde beendet)',
  },
  counts:
    '{{applied}} von {{total}} angewendet · {{verified}} geprüft · {{failed}} fehlgeschlagen · {{manual}} im Manager zu erledigen',
  report: 'Bericht',
  reportCsvAria: 'Bericht vom {{when}} als CSV',
  reportPdfAria: 'Bericht vom {{when}} als PDF',
  reportFailed: 'Der Bericht konnte nicht erstellt werden.',
}

export const pastRunsIt: typeof pastRunsEn = {
  title: 'Uscite precedenti',
  none: 'Qui non è ancora stata eseguita alcuna uscita.',
  loadFailed: 'Non è stato possibile caricare le uscite precedenti.',
  person: 'Persona',
  started: 'Avviata',
  orgs: 'Organizzazioni',
  result: 'Risultato',
  state: {
    running: 'In corso',
    done: 'Completata',
    failed: 'Non riuscita',
    interrupted: 'Interrotta (l’app si è fermata)',
  },
  counts:
    '{{applied}} di {{total}} applicati · {{verified}} verificati · {{failed}} non riusciti · {{manual}} da fare nel Manager',
  report: 'Rapporto',
  reportCsvAria: 'Rapporto del {{when}} in CSV',
  reportPdfAria: 'Rapporto del {{when}} in PDF',
  reportFailed: 'Non è stato possibile creare il rapporto.',
}

export const pastRunsEs: typeof pastRunsEn = {
  title: 'Bajas anteriores',
  none: 'Aún no se ha ejecutado ninguna baja aquí.',
  loadFailed: 'No se pudieron cargar las bajas anteriores.',
  person: 'Persona',
  started: 'Iniciada',
  orgs: 'Organizaciones',
  result: 'Resultado',
  state: {
    running: 'En curso',
    done: 'Terminada',
    failed: 'Fallida',
    interrupted: 'Interrumpida (la app se detuvo)',
  },
  counts:
    '{{applied}} de {{total}} aplicados · {{verified}} verificados · {{failed}} fallidos · {{manual}} por hacer en el Manager',
  report: 'Informe',
  reportCsvAria: 'Informe del {{when}} en CSV',
  reportPdfAria: 'Informe del {{when}} en PDF',
  reportFailed: 'No se pudo crear el informe.',
}
