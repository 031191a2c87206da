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
