/** Strings of the data-files screens: notices, backups, logs (EN is the reference; FR has the same keys). */
export const storeEn = {
  notices: {
    cache_rebuilt: {
      title: 'The local cache was rebuilt',
      body: 'The cached copy of your Infomaniak data could not be read ({{reason}}). It was set aside as {{file}} and the next sync fills a new one. Your own data (accounts, ledger, history, settings) was not affected.',
      reason: { corrupt: 'the file is damaged', newer_version: 'it was written by a newer version of Switchboard' },
    },
    user_restored: {
      title: 'Your data was restored from a backup',
      body: 'Your data file was damaged. Switchboard restored the backup of {{when}}: changes made after that moment are missing. The damaged file is kept as {{file}}.',
    },
    user_read_only: {
      title: 'Your data is read-only',
      body: 'Your data file was damaged on {{when}} and there is no backup. Switchboard shows what it could read ({{rows}} rows) and changes nothing: no sync, no edits. The damaged file is kept as {{file}}.',
      damagedTables: 'Incomplete: {{tables}}.',
      keep: 'Continue with what was recovered',
      restore: 'Restore a backup…',
    },
    split: {
      title: 'Your data now lives in two files',
      body: 'Switchboard keeps your own data (accounts, ledger, history, settings) apart from the cache of Infomaniak data. The previous file is kept as {{file}}.',
      skipped: '{{count}} unreadable rows could not be carried over.',
    },
    dismiss: 'Dismiss',
  },
  backups: {
    title: 'Backups',
    description:
      'Copies of your own data (accounts, settings, billing ledger, prices, access history, audit log), taken once a day, before every update of the data format, and on request. The last 7 days and one per week for 4 weeks are kept.',
    folder: 'Folder',
    create: 'Back up now',
    created: 'Backup written.',
    createFailed: 'The backup could not be written.',
    none: 'No backup yet. One is taken each day while Switchboard runs.',
    loadFailed: 'The backups could not be listed.',
    taken: 'Taken',
    size: 'Size',
    reason: 'Why',
    reasons: {
      daily: 'Daily',
      migration: 'Before an update',
      manual: 'By hand',
      restore: 'Before a restore',
    },
    restore: 'Restore',
    restoreAria: 'Restore the backup of {{when}}',
    restoreTitle: 'Restore the backup of {{when}}?',
    restoreBody:
      'Your accounts, settings, billing ledger, prices, access history and audit log go back to how they were on {{when}}. Changes made since then are set aside: your data as it is now is backed up first, so you can come back to it.',
    restoreCachedNote:
      'Accounts added since then are removed from this computer with their cached data and their token.',
    restoreConfirm: 'Restore',
    restored: 'The backup of {{when}} was restored. Your data as it was before is in the list.',
    restoreFailed: 'The backup could not be restored.',
  },
  logs: {
    folder: 'Log files (to send with a problem report; tokens and e-mail addresses are left out)',
    open: 'Open log folder',
    openFailed: 'The log folder could not be opened.',
  },
  errors: {
    DISK_FULL:
      'The disk is full: nothing was saved, and what was saved before is intact. Free some space and try again.',
    READ_ONLY:
      'Switchboard cannot change its data right now (read-only disk or file, or damaged data shown read-only).',
    STORE_CORRUPT: 'A data file is damaged. Restart Switchboard: it checks its files and restores a backup if needed.',
  },
}

export const storeFr: typeof storeEn = {
  notices: {
    cache_rebuilt: {
      title: 'Le cache local a été reconstruit',
      body: 'La copie locale de vos données Infomaniak n’a pas pu être lue ({{reason}}). Elle a été mise de côté sous {{file}} et la prochaine synchronisation en remplit une nouvelle. Vos propres données (comptes, registre, historique, réglages) ne sont pas touchées.',
      reason: {
        corrupt: 'le fichier est endommagé',
        newer_version: 'il a été écrit par une version plus récente de Switchboard',
      },
    },
    user_restored: {
      title: 'Vos données ont été restaurées depuis une sauvegarde',
      body: 'Votre fichier de données était endommagé. Switchboard a restauré la sauvegarde du {{when}} : les changements faits après ce moment manquent. Le fichier endommagé est conservé sous {{file}}.',
    },
    user_read_only: {
      title: 'Vos données sont en lecture seule',
      body: 'Votre fichier de données a été trouvé endommagé le {{when}} et il n’existe aucune sauvegarde. Switchboard affiche ce qu’il a pu lire ({{rows}} lignes) et ne modifie rien : ni synchronisation, ni modification. Le fichier endommagé est conservé sous {{file}}.',
      damagedTables: 'Incomplet : {{tables}}.',
      keep: 'Continuer avec ce qui a été récupéré',
      restore: 'Restaurer une sauvegarde…',
    },
    split: {
      title: 'Vos données sont maintenant dans deux fichiers',
      body: 'Switchboard garde vos propres données (comptes, registre, historique, réglages) à part du cache des données Infomaniak. L’ancien fichier est conservé sous {{file}}.',
      skipped: '{{count}} lignes illisibles n’ont pas pu être reprises.',
    },
    dismiss: 'Masquer',
  },
  backups: {
    title: 'Sauvegardes',
    description:
      'Copies de vos propres données (comptes, réglages, registre de facturation, prix, historique des accès, journal d’audit), prises chaque jour, avant chaque mise à jour du format des données et à la demande. Les 7 derniers jours et une par semaine sur 4 semaines sont conservés.',
    folder: 'Dossier',
    create: 'Sauvegarder maintenant',
    created: 'Sauvegarde écrite.',
    createFailed: 'La sauvegarde n’a pas pu être écrite.',
    none: 'Aucune sauvegarde pour l’instant. Une sauvegarde est prise chaque jour pendant que Switchboard tourne.',
    loadFailed: 'Les sauvegardes n’ont pas pu être listées.',
    taken: 'Prise le',
    size: 'Taille',
    reason: 'Pourquoi',
    reasons: {
      daily: 'Quotidienne',
      migration: 'Avant une mise à jour',
      manual: 'À la main',
      restore: 'Avant une restauration',
    },
    restore: 'Restaurer',
    restoreAria: 'Restaurer la sauvegarde du {{when}}',
    restoreTitle: 'Restaurer la sauvegarde du {{when}} ?',
    restoreBody:
      'Vos comptes, réglages, registre de facturation, prix, historique des accès et journal d’audit reviennent à leur état du {{when}}. Les changements faits depuis sont mis de côté : vos données actuelles sont d’abord sauvegardées, vous pourrez y revenir.',
    restoreCachedNote:
      'Les comptes ajoutés depuis sont retirés de cet ordinateur avec leurs données en cache et leur jeton.',
    restoreConfirm: 'Restaurer',
    restored: 'La sauvegarde du {{when}} a été restaurée. Vos données d’avant figurent dans la liste.',
    restoreFailed: 'La sauvegarde n’a pas pu être restaurée.',
  },
  logs: {
    folder: 'Fichiers journaux (à joindre à un signalement ; les jetons et adresses e-mail n’y figurent pas)',
    open: 'Ouvrir le dossier des journaux',
    openFailed: 'Le dossier des journaux n’a pas pu être ouvert.',
  },
  errors: {
    DISK_FULL:
      'Le disque est plein : rien n’a été enregistré, et ce qui l’était avant est intact. Libérez de la place et réessayez.',
    READ_ONLY:
      'Switchboard ne peut pas modifier ses données pour l’instant (disque ou fichier en lecture seule, ou données endommagées affichées en lecture seule).',
    STORE_CORRUPT:
      'Un fichier de données est endommagé. Redémarrez Switchboard : il vérifie ses fichiers et restaure une sauvegarde si nécessaire.',
  },
}

export const storeDe: typeof storeEn = {
  notices: {
    cache_rebuilt: {
      title: 'Der lokale Cache wurde neu aufgebaut',
      body: 'Die zwischengespeicherte Kopie Ihrer Infomaniak-Daten konnte nicht gelesen werden ({{reason}}). Sie wurde als {{file}} beiseitegelegt, und die nächste Synchronisierung füllt eine neue. Ihre eigenen Daten (Konten, Journal, Verlauf, Einstellungen) sind nicht betroffen.',
      reason: {
        corrupt: 'die Datei ist beschädigt',
        newer_version: 'sie wurde von einer neueren Version von Switchboard geschrieben',
      },
    },
    user_restored: {
      title: 'Ihre Daten wurden aus einer Sicherung wiederhergestellt',
      body: 'Ihre Datendatei war beschädigt. Switchboard hat die Sicherung vom {{when}} wiederhergestellt: Änderungen nach diesem Zeitpunkt fehlen. Die beschädigte Datei bleibt als {{file}} erhalten.',
    },
    user_read_only: {
      title: 'Ihre Daten sind schreibgeschützt',
      body: 'Ihre Datendatei wurde am {{when}} beschädigt, und es gibt keine Sicherung. Switchboard zeigt, was es lesen konnte ({{rows}} Zeilen), und ändert nichts: keine Synchronisierung, keine Bearbeitung. Die beschädigte Datei bleibt als {{file}} erhalten.',
      damagedTables: 'Unvollständig: {{tables}}.',
      keep: 'Mit dem Wiederhergestellten weiterarbeiten',
      restore: 'Sicherung wiederherstellen…',
    },
    split: {
      title: 'Ihre Daten liegen jetzt in zwei Dateien',
      body: 'Switchboard hält Ihre eigenen Daten (Konten, Journal, Verlauf, Einstellungen) getrennt vom Cache der Infomaniak-Daten. Die bisherige Datei bleibt als {{file}} erhalten.',
      skipped: '{{count}} unlesbare Zeilen konnten nicht übernommen werden.',
    },
    dismiss: 'Schliessen',
  },
  backups: {
    title: 'Sicherungen',
    description:
      'Kopien Ihrer eigenen Daten (Konten, Einstellungen, Abrechnungsjournal, Preise, Zugriffsverlauf, Audit-Protokoll), einmal täglich, vor jeder Aktualisierung des Datenformats und auf Wunsch erstellt. Aufbewahrt werden die letzten 7 Tage und eine pro Woche während 4 Wochen.',
    folder: 'Ordner',
    create: 'Jetzt sichern',
    created: 'Sicherung geschrieben.',
    createFailed: 'Die Sicherung konnte nicht geschrieben werden.',
    none: 'Noch keine Sicherung. Jeden Tag, an dem Switchboard läuft, wird eine erstellt.',
    loadFailed: 'Die Sicherungen konnten nicht aufgelistet werden.',
    taken: 'Erstellt',
    size: 'Grösse',
    reason: 'Anlass',
    reasons: {
      daily: 'Täglich',
      migration: 'Vor einer Aktualisierung',
      manual: 'Von Hand',
      restore: 'Vor einer Wiederherstellung',
    },
    restore: 'Wiederherstellen',
    restoreAria: 'Sicherung vom {{when}} wiederherstellen',
    restoreTitle: 'Sicherung vom {{when}} wiederherstellen?',
    restoreBody:
      'Ihre Konten, Einstellungen, das Abrechnungsjournal, Preise, Zugriffsverlauf und Audit-Protokoll werden auf den Stand vom {{when}} zurückgesetzt. Seither vorgenommene Änderungen werden beiseitegelegt: Ihre aktuellen Daten werden zuerst gesichert, sodass Sie zu ihnen zurückkehren können.',
    restoreCachedNote:
      'Seither hinzugefügte Konten werden mit ihren zwischengespeicherten Daten und ihrem Token von diesem Computer entfernt.',
    restoreConfirm: 'Wiederherstellen',
    restored:
      'Die Sicherung vom {{when}} wurde wiederhergestellt. Ihre Daten im vorherigen Zustand stehen in der Liste.',
    restoreFailed: 'Die Sicherung konnte nicht wiederhergestellt werden.',
  },
  logs: {
    folder: 'Protokolldateien (zum Mitsenden mit einer Problemmeldung; Tokens und E-Mail-Adressen sind ausgelassen)',
    open: 'Protokollordner öffnen',
    openFailed: 'Der Protokollordner konnte nicht geöffnet werden.',
  },
  errors: {
    DISK_FULL:
      'Der Datenträger ist voll: Es wurde nichts gespeichert, und das zuvor Gespeicherte ist intakt. Geben Sie Speicherplatz frei und versuchen Sie es erneut.',
    READ_ONLY:
      'Switchboard kann seine Daten gerade nicht ändern (Datenträger oder Datei schreibgeschützt, oder beschädigte Daten schreibgeschützt angezeigt).',
    STORE_CORRUPT:
      'Eine Datendatei ist beschädigt. Starten Sie Switchboard neu: Es prüft seine Dateien und stellt bei Bedarf eine Sicherung wieder her.',
  },
}

export const storeIt: typeof storeEn = {
  notices: {
    cache_rebuilt: {
      title: 'La cache locale è stata ricostruita',
      body: 'La copia in cache dei tuoi dati Infomaniak non ha potuto essere letta ({{reason}}). È stata messa da parte come {{file}} e la prossima sincronizzazione ne riempirà una nuova. I tuoi dati (account, registro, cronologia, impostazioni) non sono stati toccati.',
      reason: {
        corrupt: 'il file è danneggiato',
        newer_version: 'è stata scritta da una versione più recente di Switchboard',
      },
    },
    user_restored: {
      title: 'I tuoi dati sono stati ripristinati da un backup',
      body: 'Il tuo file di dati era danneggiato. Switchboard ha ripristinato il backup del {{when}}: le modifiche successive mancano. Il file danneggiato è conservato come {{file}}.',
    },
    user_read_only: {
      title: 'I tuoi dati sono in sola lettura',
      body: 'Il tuo file di dati è stato danneggiato il {{when}} e non esiste alcun backup. Switchboard mostra ciò che ha potuto leggere ({{rows}} righe) e non modifica nulla: nessuna sincronizzazione, nessuna modifica. Il file danneggiato è conservato come {{file}}.',
      damagedTables: 'Incompleti: {{tables}}.',
      keep: 'Continua con ciò che è stato recuperato',
      restore: 'Ripristina un backup…',
    },
    split: {
      title: 'I tuoi dati ora si trovano in due file',
      body: 'Switchboard tiene i tuoi dati (account, registro, cronologia, impostazioni) separati dalla cache dei dati Infomaniak. Il file precedente è conservato come {{file}}.',
      skipped: '{{count}} righe illeggibili non hanno potuto essere riportate.',
    },
    dismiss: 'Chiudi',
  },
  backups: {
    title: 'Backup',
    description:
      'Copie dei tuoi dati (account, impostazioni, registro di fatturazione, prezzi, cronologia degli accessi, registro di audit), fatte una volta al giorno, prima di ogni aggiornamento del formato dei dati e su richiesta. Vengono conservati gli ultimi 7 giorni e uno a settimana per 4 settimane.',
    folder: 'Cartella',
    create: 'Esegui il backup ora',
    created: 'Backup scritto.',
    createFailed: 'Non è stato possibile scrivere il backup.',
    none: 'Ancora nessun backup. Ne viene fatto uno ogni giorno in cui Switchboard è in funzione.',
    loadFailed: 'Non è stato possibile elencare i backup.',
    taken: 'Eseguito',
    size: 'Dimensione',
    reason: 'Motivo',
    reasons: {
      daily: 'Giornaliero',
      migration: 'Prima di un aggiornamento',
      manual: 'A mano',
      restore: 'Prima di un ripristino',
    },
    restore: 'Ripristina',
    restoreAria: 'Ripristina il backup del {{when}}',
    restoreTitle: 'Ripristinare il backup del {{when}}?',
    restoreBody:
      'I tuoi account, impostazioni, registro di fatturazione, prezzi, cronologia degli accessi e registro di audit tornano com’erano il {{when}}. Le modifiche fatte da allora vengono messe da parte: i tuoi dati attuali vengono prima salvati, così puoi tornarci.',
    restoreCachedNote:
      'Gli account aggiunti da allora vengono rimossi da questo computer con i loro dati in cache e il loro token.',
    restoreConfirm: 'Ripristina',
    restored: 'Il backup del {{when}} è stato ripristinato. I tuoi dati com’erano prima sono nell’elenco.',
    restoreFailed: 'Non è stato possibile ripristinare il backup.',
  },
  logs: {
    folder: 'File di log (da inviare con una segnalazione; token e indirizzi e-mail sono omessi)',
    open: 'Apri la cartella dei log',
    openFailed: 'Non è stato possibile aprire la cartella dei log.',
  },
  errors: {
    DISK_FULL: 'Il disco è pieno: non è stato salvato nulla e quanto salvato prima è intatto. Libera spazio e riprova.',
    READ_ONLY:
      'Switchboard non può modificare i suoi dati in questo momento (disco o file in sola lettura, o dati danneggiati mostrati in sola lettura).',
    STORE_CORRUPT:
      'Un file di dati è danneggiato. Riavvia Switchboard: controlla i suoi file e ripristina un backup se necessario.',
  },
}

export const storeEs: typeof storeEn = {
  notices: {
    cache_rebuilt: {
      title: 'Se ha reconstruido la caché local',
      body: 'No se pudo leer la copia en caché de tus datos de Infomaniak ({{reason}}). Se ha apartado como {{file}} y la próxima sincronización llenará una nueva. Tus propios datos (cuentas, registro, historial, ajustes) no se han visto afectados.',
      reason: {
        corrupt: 'el archivo está dañado',
        newer_version: 'la escribió una versión más reciente de Switchboard',
      },
    },
    user_restored: {
      title: 'Tus datos se han restaurado desde una copia de seguridad',
      body: 'Tu archivo de datos estaba dañado. Switchboard ha restaurado la copia de seguridad del {{when}}: faltan los cambios posteriores. El archivo dañado se conserva como {{file}}.',
    },
    user_read_only: {
      title: 'Tus datos son de solo lectura',
      body: 'Tu archivo de datos se dañó el {{when}} y no hay copia de seguridad. Switchboard muestra lo que pudo leer ({{rows}} filas) y no cambia nada: ni sincronización ni ediciones. El archivo dañado se conserva como {{file}}.',
      damagedTables: 'Incompletos: {{tables}}.',
      keep: 'Continuar con lo recuperado',
      restore: 'Restaurar una copia de seguridad…',
    },
    split: {
      title: 'Tus datos ahora están en dos archivos',
      body: 'Switchboard guarda tus propios datos (cuentas, registro, historial, ajustes) aparte de la caché de datos de Infomaniak. El archivo anterior se conserva como {{file}}.',
      skipped: 'No se pudieron trasladar {{count}} filas ilegibles.',
    },
    dismiss: 'Cerrar',
  },
  backups: {
    title: 'Copias de seguridad',
    description:
      'Copias de tus propios datos (cuentas, ajustes, registro de facturación, precios, historial de accesos, registro de auditoría), hechas una vez al día, antes de cada actualización del formato de datos y a petición. Se conservan los últimos 7 días y una por semana durante 4 semanas.',
    folder: 'Carpeta',
    create: 'Hacer copia ahora',
    created: 'Copia de seguridad escrita.',
    createFailed: 'No se pudo escribir la copia de seguridad.',
    none: 'Aún no hay copias de seguridad. Se hace una cada día que Switchboard funciona.',
    loadFailed: 'No se pudieron listar las copias de seguridad.',
    taken: 'Hecha',
    size: 'Tamaño',
    reason: 'Motivo',
    reasons: {
      daily: 'Diaria',
      migration: 'Antes de una actualización',
      manual: 'A mano',
      restore: 'Antes de una restauración',
    },
    restore: 'Restaurar',
    restoreAria: 'Restaurar la copia de seguridad del {{when}}',
    restoreTitle: '¿Restaurar la copia de seguridad del {{when}}?',
    restoreBody:
      'Tus cuentas, ajustes, registro de facturación, precios, historial de accesos y registro de auditoría vuelven a como estaban el {{when}}. Los cambios hechos desde entonces se apartan: primero se hace una copia de tus datos actuales, para que puedas volver a ellos.',
    restoreCachedNote:
      'Las cuentas añadidas desde entonces se eliminan de este ordenador con sus datos en caché y su token.',
    restoreConfirm: 'Restaurar',
    restored: 'Se ha restaurado la copia del {{when}}. Tus datos tal como estaban antes están en la lista.',
    restoreFailed: 'No se pudo restaurar la copia de seguridad.',
  },
  logs: {
    folder: 'Archivos de registro (para enviar con un informe de problema; se omiten tokens y direcciones de correo)',
    open: 'Abrir la carpeta de registros',
    openFailed: 'No se pudo abrir la carpeta de registros.',
  },
  errors: {
    DISK_FULL:
      'El disco está lleno: no se ha guardado nada y lo guardado antes está intacto. Libera espacio y vuelve a intentarlo.',
    READ_ONLY:
      'Switchboard no puede cambiar sus datos ahora (disco o archivo de solo lectura, o datos dañados mostrados en solo lectura).',
    STORE_CORRUPT:
      'Un archivo de datos está dañado. Reinicia Switchboard: comprueba sus archivos y restaura una copia de seguridad si hace falta.',
  },
}
