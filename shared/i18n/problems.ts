/**
 * Why something failed, in five languages. The core never sends a sentence across IPC: it sends a
 * `Problem` (`{ reason, params }`, see `shared/domain/problem.ts`), whose reason is a key of this
 * catalogue; the renderer mounts it as the `problems` namespace, the CLI and the document writers
 * translate it with `problemText`. One namespace per feature: `app`, `accounts`, `demo`, `access`,
 * `billing`, `sync`, `shell` (the Electron shell's own dialogs), `api`.
 */
import type { Catalogue, Key, Params } from './catalogue'
import { leaves, PLURAL_SUFFIXES } from './catalogue'
import type { Language } from './languages'
import { createTranslator } from './translate'

const en = {
  app: {
    invalidInput: 'The app sent a request it does not accept. The details are in the log.',
    unknownChannel: 'This action does not exist in this version of the app.',
    untrustedSender: 'This window may not do that.',
    internal: 'Something went wrong. The details are in the log.',
    unexpectedAnswer: 'The app produced an unexpected answer. The details are in the log.',
    shuttingDown: 'The app is shutting down.',
    keychain:
      'Switchboard keeps API tokens only in the system keychain, and it cannot be used. On Linux, install and unlock GNOME Keyring or KWallet (a Secret Service), then try again.',
    noBridge: 'The app bridge is not available.',
    cancelled: 'Cancelled.',
    engineDown: 'The app engine is not running. Restart the app.',
    engineRestarting: 'The app engine stopped during this request; it is restarting. Try again.',
  },
  accounts: {
    notFound: 'This account does not exist.',
    insecureBaseUrl: 'The API address must use https (plain http only on this computer, for the sandbox).',
    tokenEmpty: 'The token is empty. Paste the token shown once when you created it in the Manager.',
    tokenHasSpaces: 'The token contains spaces or line breaks; paste it as a single line.',
    tokenInvalid_one:
      'This does not look like an Infomaniak API token (60 to 100 letters, digits, “-” or “_”; this one has {{count}} character). Copy it again from the Manager.',
    tokenInvalid_other:
      'This does not look like an Infomaniak API token (60 to 100 letters, digits, “-” or “_”; this one has {{count}} characters). Copy it again from the Manager.',
    tokenRejected:
      'Infomaniak rejected this token: it was revoked, has expired or was mistyped. Create a new token in the Manager (Profile → API tokens) and paste it here.',
    missingScope:
      'This token lacks the scope “{{scopes}}”. Create a token that includes it in the Manager (Profile → API tokens).',
    accountsScopeNeeded:
      'This token lacks the “accounts” scope, which Switchboard needs to list your organizations. Create a token that includes it in the Manager (Profile → API tokens).',
    offline:
      'The Infomaniak API cannot be reached. Check your connection (or the API address under Advanced) and try again.',
    alreadyAdded: 'This Infomaniak login is already added as “{{label}}”.',
    addFailed: 'The account could not be added. The details are in the log.',
    needsNewToken: 'This account needs a new token before it can change anything.',
    tokenRemoved: 'The token was removed. Add the account again to sync.',
    removedNotFound: 'This removed account does not exist.',
  },
  demo: {
    failed: 'The demo could not be started. The details are in the log.',
    noOwner: 'The demo data has no owner token.',
    gone: 'The demo account disappeared.',
  },
  access: {
    orgNotCached: 'This organization is not in the cache.',
    personNotCached: 'Nobody with this e-mail address is in the cache.',
    onlyManagers: 'Only administrators and legal representatives can manage users.',
    onlyOwnerGrantsOwner: 'Only a legal representative may grant the legal-representative role.',
    confirmEveryOrg: 'The confirmation must name every organization.',
    nobodyToChange: 'Nobody to add or remove.',
    chooseOrg: 'Choose at least one organization.',
    planRefused: 'The plan breaks a Manager rule in {{orgs}}.',
    runNotFound: 'This offboarding run does not exist.',
  },
  billing: {
    previewExpired: 'This preview has expired. Choose the file again.',
    fileRefused: 'This file cannot be imported.',
    importFile: {
      empty_file: 'The file is empty.',
      bom_only: 'The file is empty (it holds only a byte order mark).',
      blank_file: 'The file holds only blank lines.',
      header_only: 'The file has column headers but no invoice.',
      binary_file: 'This is not a text file. Export the invoice history as CSV from the Manager.',
      spreadsheet_file: 'This is a spreadsheet or a document, not a CSV file. Save it as CSV first.',
      file_too_large: 'The file is larger than {{mb}} MB.',
      too_many_columns: 'Line {{line}} has more than {{limit}} columns: is this the right file?',
      line_too_long: 'Line {{line}} is longer than {{limit}} characters: is this the right file?',
      too_many_rows: 'The file has more than {{limit}} rows. Export a shorter period.',
      unclosed_quote: 'A quote (") opened on line {{line}} is never closed.',
      invalid_quote: 'Line {{line}} has a misplaced quote ("): the file is not valid CSV.',
      malformed_csv: 'The file cannot be read as CSV (line {{line}}).',
    },
    logoTooLarge: 'The logo must be at most 1 MB.',
    exportNotSaved: 'The export was not saved.',
    exportTooLarge: 'This export is too large to download here; choose a shorter period or fewer clients.',
  },
  store: {
    diskFull:
      'The disk is full: nothing was saved, and what was saved before is intact. Free some space and try again.',
    readOnly: 'Switchboard cannot write its data files (read-only disk, file or data). Nothing was changed.',
    corrupt: 'A data file is damaged. Restart Switchboard: it checks the files and repairs them from a backup.',
    readOnlyUntilRestore: 'Your data is read-only until you restore a backup or keep what was recovered.',
    backupNotFound: 'This backup does not exist.',
    backupTooNew: 'This backup comes from a newer version of Switchboard.',
  },
  reminders: {
    muteInPast: 'The end of the mute is in the past.',
    muteNotFound: 'This mute does not exist.',
  },
  files: {
    notSaved: 'The file was not saved.',
    gone: 'This file is no longer available. Choose it again.',
    unreadable: 'This file can no longer be read. Choose it again.',
  },
  fleet: {
    viewNameRequired: 'Name the view.',
    viewNotFound: 'This view does not exist.',
    viewNameTaken: 'Another view has this name.',
    reasonRequired: 'Give a reason.',
    snoozeInFuture: 'Snooze until a date in the future.',
    findingsStale: 'These findings are no longer current.',
  },
  sync: {
    partsFailed_one: '{{count}} part of the sync failed; the previous data is kept.',
    partsFailed_other: '{{count}} parts of the sync failed; the previous data is kept.',
    failed: 'The sync failed.',
  },
  shell: {
    cacheTitle: 'Switchboard cannot open its cache',
    sqliteMissing: 'The package is missing its SQLite module; reinstall Switchboard.',
    keychainTitle: 'Keychain unavailable',
    cacheRecovered: 'The local cache could not be read and was set aside.',
    cacheRecoveredDetail: 'A fresh cache was created. The old file was kept as {{path}}.',
    startFailedTitle: 'Switchboard cannot start',
    startFailed: 'Switchboard could not open its data. The details are in the log.',
    damagedTitle: 'Switchboard is damaged',
    reinstall: 'Please reinstall Switchboard.',
  },
  api: {
    tokenRejected:
      'The API token was rejected: it is expired, revoked or invalid. Create a new token in the Manager and update this account.',
    tokenUnavailable:
      'The API token could not be read from the system keychain. Unlock the keychain or add the token again.',
    missingScope_one: 'The API token lacks the scope {{scopes}}. Create a token that includes it in the Manager.',
    missingScope_other: 'The API token lacks the scopes {{scopes}}. Create a token that includes them in the Manager.',
    accessDenied:
      'Access denied: your role in this organization does not allow this (an administrator or legal representative can).',
    notPartner: 'This organization is not a partner account, so partner routes are closed to it.',
    forbidden: 'Access forbidden (HTTP {{status}}).',
    routeMissing: 'This API route does not exist.',
    notFound: 'Not found (HTTP {{status}}): the object may have been deleted or be out of reach of this token.',
    validation: 'The API rejected the request as invalid ({{fields}}).',
    refused: 'The API refused the request (HTTP {{status}}).',
    rateLimited_one: 'Rate limit reached (60 requests per minute); the next request waits {{count}} second.',
    rateLimited_other: 'Rate limit reached (60 requests per minute); the next request waits {{count}} seconds.',
    rateLimitedUnknown: 'Rate limit reached (60 requests per minute); the next request waits about a minute.',
    server: 'The Infomaniak API had a server error (HTTP {{status}}). Try again later.',
    network: 'Could not reach the Infomaniak API ({{cause}}). Check the internet connection.',
    networkUnknown: 'Could not reach the Infomaniak API. Check the internet connection.',
    timeout_one: 'The Infomaniak API did not answer within {{count}} second.',
    timeout_other: 'The Infomaniak API did not answer within {{count}} seconds.',
    cancelled: 'The request was cancelled.',
    malformed: {
      truncated: 'The Infomaniak API answered with a truncated body.',
      unparsable: 'The Infomaniak API answered with a body that is not JSON.',
      envelope: 'The Infomaniak API answered with a body that is not an API envelope.',
      schema: 'The Infomaniak API answered with data of an unexpected shape.',
      inconsistent: 'The Infomaniak API answered with an HTTP status that contradicts its result.',
      pagination: 'The Infomaniak API answered with inconsistent pagination.',
    },
  },
}

export type ProblemsCatalogue = Catalogue<typeof en>

/** A key of the catalogue: why something failed. */
export type ProblemReason = Key<typeof en>

export const problems: Record<Language, ProblemsCatalogue> = {
  en,
  fr: {
    app: {
      invalidInput: 'L’application a envoyé une requête qu’elle n’accepte pas. Les détails sont dans le journal.',
      unknownChannel: 'Cette action n’existe pas dans cette version de l’application.',
      untrustedSender: 'Cette fenêtre n’a pas le droit de faire cela.',
      internal: 'Un problème est survenu. Les détails sont dans le journal.',
      unexpectedAnswer: 'L’application a produit une réponse inattendue. Les détails sont dans le journal.',
      shuttingDown: 'L’application est en train de se fermer.',
      keychain:
        'Switchboard ne garde les jetons d’API que dans le trousseau du système, et il est inutilisable. Sous Linux, installez et déverrouillez GNOME Keyring ou KWallet (un Secret Service), puis réessayez.',
      noBridge: 'Le pont de l’application n’est pas disponible.',
      cancelled: 'Annulé.',
      engineDown: 'Le moteur de l’application ne tourne pas. Redémarrez l’application.',
      engineRestarting: 'Le moteur de l’application s’est arrêté pendant cette requête ; il redémarre. Réessayez.',
    },
    accounts: {
      notFound: 'Ce compte n’existe pas.',
      insecureBaseUrl:
        'L’adresse de l’API doit utiliser https (http seulement sur cet ordinateur, pour le bac à sable).',
      tokenEmpty: 'Le jeton est vide. Collez le jeton affiché une seule fois lors de sa création dans le Manager.',
      tokenHasSpaces: 'Le jeton contient des espaces ou des retours à la ligne ; collez-le sur une seule ligne.',
      tokenInvalid_one:
        'Cela ne ressemble pas à un jeton d’API Infomaniak (60 à 100 lettres, chiffres, « - » ou « _ » ; celui-ci compte {{count}} caractère). Copiez-le à nouveau depuis le Manager.',
      tokenInvalid_other:
        'Cela ne ressemble pas à un jeton d’API Infomaniak (60 à 100 lettres, chiffres, « - » ou « _ » ; celui-ci compte {{count}} caractères). Copiez-le à nouveau depuis le Manager.',
      tokenRejected:
        'Infomaniak a refusé ce jeton : il a été révoqué, a expiré ou a été mal copié. Créez un nouveau jeton dans le Manager (Profil → Jetons d’API) et collez-le ici.',
      missingScope:
        'Il manque à ce jeton le scope « {{scopes}} ». Créez dans le Manager (Profil → Jetons d’API) un jeton qui l’inclut.',
      accountsScopeNeeded:
        'Il manque à ce jeton le scope « accounts », dont Switchboard a besoin pour lister vos organisations. Créez dans le Manager (Profil → Jetons d’API) un jeton qui l’inclut.',
      offline:
        'L’API Infomaniak est injoignable. Vérifiez votre connexion (ou l’adresse de l’API dans les options avancées) et réessayez.',
      alreadyAdded: 'Cet identifiant Infomaniak est déjà ajouté, sous le nom « {{label}} ».',
      addFailed: 'Le compte n’a pas pu être ajouté. Les détails sont dans le journal.',
      needsNewToken: 'Ce compte a besoin d’un nouveau jeton avant de pouvoir modifier quoi que ce soit.',
      tokenRemoved: 'Le jeton a été retiré. Ajoutez à nouveau le compte pour synchroniser.',
      removedNotFound: 'Ce compte retiré n’existe pas.',
    },
    demo: {
      failed: 'La démo n’a pas pu démarrer. Les détails sont dans le journal.',
      noOwner: 'Les données de démonstration n’ont pas de jeton de propriétaire.',
      gone: 'Le compte de démonstration a disparu.',
    },
    access: {
      orgNotCached: 'Cette organisation n’est pas dans le cache.',
      personNotCached: 'Personne avec cette adresse e-mail dans le cache.',
      onlyManagers: 'Seuls les administrateurs et les représentants légaux peuvent gérer les utilisateurs.',
      onlyOwnerGrantsOwner: 'Seul un représentant légal peut attribuer le rôle de représentant légal.',
      confirmEveryOrg: 'La confirmation doit nommer chaque organisation.',
      nobodyToChange: 'Personne à ajouter ni à retirer.',
      chooseOrg: 'Choisissez au moins une organisation.',
      planRefused: 'Le plan enfreint une règle du Manager dans {{orgs}}.',
      runNotFound: 'Ce départ n’existe pas.',
    },
    billing: {
      previewExpired: 'Cet aperçu a expiré. Choisissez à nouveau le fichier.',
      fileRefused: 'Ce fichier ne peut pas être importé.',
      importFile: {
        empty_file: 'Le fichier est vide.',
        bom_only: 'Le fichier est vide (il ne contient qu’une marque d’ordre des octets).',
        blank_file: 'Le fichier ne contient que des lignes vides.',
        header_only: 'Le fichier a des en-têtes de colonnes mais aucune facture.',
        binary_file: 'Ce n’est pas un fichier texte. Exportez l’historique des factures en CSV depuis le Manager.',
        spreadsheet_file: 'C’est un classeur ou un document, pas un fichier CSV. Enregistrez-le d’abord en CSV.',
        file_too_large: 'Le fichier dépasse {{mb}} Mo.',
        too_many_columns: 'La ligne {{line}} a plus de {{limit}} colonnes : est-ce le bon fichier ?',
        line_too_long: 'La ligne {{line}} dépasse {{limit}} caractères : est-ce le bon fichier ?',
        too_many_rows: 'Le fichier dépasse {{limit}} lignes. Exportez une période plus courte.',
        unclosed_quote: 'Un guillemet (") ouvert à la ligne {{line}} n’est jamais refermé.',
        invalid_quote: 'La ligne {{line}} contient un guillemet (") mal placé : le fichier n’est pas un CSV valide.',
        malformed_csv: 'Le fichier ne peut pas être lu comme CSV (ligne {{line}}).',
      },
      logoTooLarge: 'Le logo ne doit pas dépasser 1 Mo.',
      exportNotSaved: 'L’export n’a pas été enregistré.',
      exportTooLarge:
        'Cet export est trop volumineux pour être téléchargé ici ; choisissez une période plus courte ou moins de clients.',
    },
    store: {
      diskFull:
        'Le disque est plein : rien n’a été enregistré, et ce qui l’était avant est intact. Libérez de l’espace et réessayez.',
      readOnly:
        'Switchboard ne peut pas écrire ses fichiers de données (disque, fichier ou données en lecture seule). Rien n’a été modifié.',
      corrupt:
        'Un fichier de données est endommagé. Redémarrez Switchboard : il vérifie les fichiers et les répare depuis une sauvegarde.',
      readOnlyUntilRestore:
        'Vos données sont en lecture seule jusqu’à ce que vous restauriez une sauvegarde ou gardiez ce qui a été récupéré.',
      backupNotFound: 'Cette sauvegarde n’existe pas.',
      backupTooNew: 'Cette sauvegarde provient d’une version plus récente de Switchboard.',
    },
    reminders: {
      muteInPast: 'La fin de la mise en sourdine est dans le passé.',
      muteNotFound: 'Cette mise en sourdine n’existe pas.',
    },
    files: {
      notSaved: 'Le fichier n’a pas été enregistré.',
      gone: 'Ce fichier n’est plus disponible. Choisissez-le à nouveau.',
      unreadable: 'Ce fichier ne peut plus être lu. Choisissez-le à nouveau.',
    },
    fleet: {
      viewNameRequired: 'Donnez un nom à la vue.',
      viewNotFound: 'Cette vue n’existe pas.',
      viewNameTaken: 'Une autre vue porte déjà ce nom.',
      reasonRequired: 'Indiquez une raison.',
      snoozeInFuture: 'Reportez à une date future.',
      findingsStale: 'Ces constats ne sont plus d’actualité.',
    },
    sync: {
      partsFailed_one: '{{count}} partie de la synchronisation a échoué ; les données précédentes sont conservées.',
      partsFailed_other:
        '{{count}} parties de la synchronisation ont échoué ; les données précédentes sont conservées.',
      failed: 'La synchronisation a échoué.',
    },
    shell: {
      cacheTitle: 'Switchboard ne peut pas ouvrir son cache',
      sqliteMissing: 'Il manque au paquet son module SQLite ; réinstallez Switchboard.',
      keychainTitle: 'Trousseau indisponible',
      cacheRecovered: 'Le cache local était illisible et a été mis de côté.',
      cacheRecoveredDetail: 'Un nouveau cache a été créé. L’ancien fichier a été conservé sous {{path}}.',
      startFailedTitle: 'Switchboard ne peut pas démarrer',
      startFailed: 'Switchboard n’a pas pu ouvrir ses données. Les détails sont dans le journal.',
      damagedTitle: 'Switchboard est endommagé',
      reinstall: 'Veuillez réinstaller Switchboard.',
    },
    api: {
      tokenRejected:
        'Le jeton d’API a été refusé : il a expiré, a été révoqué ou n’est pas valable. Créez un nouveau jeton dans le Manager et mettez à jour ce compte.',
      tokenUnavailable:
        'Le jeton d’API n’a pas pu être lu dans le trousseau du système. Déverrouillez le trousseau ou ajoutez à nouveau le jeton.',
      missingScope_one: 'Il manque au jeton d’API le scope {{scopes}}. Créez dans le Manager un jeton qui l’inclut.',
      missingScope_other:
        'Il manque au jeton d’API les scopes {{scopes}}. Créez dans le Manager un jeton qui les inclut.',
      accessDenied:
        'Accès refusé : votre rôle dans cette organisation ne le permet pas (un administrateur ou un représentant légal le peut).',
      notPartner: 'Cette organisation n’est pas un compte partenaire : les routes partenaires lui sont fermées.',
      forbidden: 'Accès interdit (HTTP {{status}}).',
      routeMissing: 'Cette route de l’API n’existe pas.',
      notFound: 'Introuvable (HTTP {{status}}) : l’objet a peut-être été supprimé ou est hors de portée de ce jeton.',
      validation: 'L’API a refusé la requête comme non valable ({{fields}}).',
      refused: 'L’API a refusé la requête (HTTP {{status}}).',
      rateLimited_one: 'Limite de requêtes atteinte (60 par minute) ; la prochaine requête attend {{count}} seconde.',
      rateLimited_other:
        'Limite de requêtes atteinte (60 par minute) ; la prochaine requête attend {{count}} secondes.',
      rateLimitedUnknown:
        'Limite de requêtes atteinte (60 par minute) ; la prochaine requête attend environ une minute.',
      server: 'L’API Infomaniak a rencontré une erreur de serveur (HTTP {{status}}). Réessayez plus tard.',
      network: 'L’API Infomaniak est injoignable ({{cause}}). Vérifiez la connexion Internet.',
      networkUnknown: 'L’API Infomaniak est injoignable. Vérifiez la connexion Internet.',
      timeout_one: 'L’API Infomaniak n’a pas répondu en {{count}} seconde.',
      timeout_other: 'L’API Infomaniak n’a pas répondu en {{count}} secondes.',
      cancelled: 'La requête a été annulée.',
      malformed: {
        truncated: 'L’API Infomaniak a répondu par un contenu tronqué.',
        unparsable: 'L’API Infomaniak a répondu par un contenu qui n’est pas du JSON.',
        envelope: 'L’API Infomaniak a répondu par un contenu qui n’est pas une enveloppe d’API.',
        schema: 'L’API Infomaniak a répondu par des données d’une forme inattendue.',
        inconsistent: 'L’API Infomaniak a répondu par un statut HTTP qui contredit son résultat.',
        pagination: 'L’API Infomaniak a répondu par une pagination incohérente.',
      },
    },
  },
  de: {
    app: {
      invalidInput: 'Die App hat eine Anfrage gesendet, die sie nicht annimmt. Die Details stehen im Protokoll.',
      unknownChannel: 'Diese Aktion gibt es in dieser Version der App nicht.',
      untrustedSender: 'Dieses Fenster darf das nicht.',
      internal: 'Etwas ist schiefgelaufen. Die Details stehen im Protokoll.',
      unexpectedAnswer: 'Die App hat eine unerwartete Antwort erzeugt. Die Details stehen im Protokoll.',
      shuttingDown: 'Die App wird gerade beendet.',
      keychain:
        'Switchboard bewahrt API-Tokens nur im Schlüsselbund des Systems auf, und dieser ist nicht nutzbar. Installieren und entsperren Sie unter Linux GNOME Keyring oder KWallet (einen Secret Service) und versuchen Sie es erneut.',
      noBridge: 'Die Verbindung zur App ist nicht verfügbar.',
      cancelled: 'Abgebrochen.',
      engineDown: 'Der Kern der App läuft nicht. Starten Sie die App neu.',
      engineRestarting:
        'Der Kern der App wurde während dieser Anfrage beendet und startet neu. Versuchen Sie es erneut.',
    },
    accounts: {
      notFound: 'Dieses Konto existiert nicht.',
      insecureBaseUrl: 'Die API-Adresse muss https verwenden (http nur auf diesem Computer, für die Sandbox).',
      tokenEmpty:
        'Das Token ist leer. Fügen Sie das Token ein, das beim Erstellen im Manager einmalig angezeigt wurde.',
      tokenHasSpaces: 'Das Token enthält Leerzeichen oder Zeilenumbrüche; fügen Sie es auf einer einzigen Zeile ein.',
      tokenInvalid_one:
        'Das sieht nicht nach einem Infomaniak-API-Token aus (60 bis 100 Buchstaben, Ziffern, «-» oder «_»; dieses hat {{count}} Zeichen). Kopieren Sie es erneut aus dem Manager.',
      tokenInvalid_other:
        'Das sieht nicht nach einem Infomaniak-API-Token aus (60 bis 100 Buchstaben, Ziffern, «-» oder «_»; dieses hat {{count}} Zeichen). Kopieren Sie es erneut aus dem Manager.',
      tokenRejected:
        'Infomaniak hat dieses Token abgelehnt: Es wurde widerrufen, ist abgelaufen oder wurde falsch kopiert. Erstellen Sie im Manager (Profil → API-Tokens) ein neues Token und fügen Sie es hier ein.',
      missingScope:
        'Diesem Token fehlt der Scope «{{scopes}}». Erstellen Sie im Manager (Profil → API-Tokens) ein Token, das ihn enthält.',
      accountsScopeNeeded:
        'Diesem Token fehlt der Scope «accounts», den Switchboard braucht, um Ihre Organisationen aufzulisten. Erstellen Sie im Manager (Profil → API-Tokens) ein Token, das ihn enthält.',
      offline:
        'Die Infomaniak-API ist nicht erreichbar. Prüfen Sie Ihre Verbindung (oder die API-Adresse unter «Erweitert») und versuchen Sie es erneut.',
      alreadyAdded: 'Dieses Infomaniak-Login ist bereits als «{{label}}» hinzugefügt.',
      addFailed: 'Das Konto konnte nicht hinzugefügt werden. Die Details stehen im Protokoll.',
      needsNewToken: 'Dieses Konto braucht ein neues Token, bevor es etwas ändern kann.',
      tokenRemoved: 'Das Token wurde entfernt. Fügen Sie das Konto erneut hinzu, um zu synchronisieren.',
      removedNotFound: 'Dieses entfernte Konto existiert nicht.',
    },
    demo: {
      failed: 'Die Demo konnte nicht gestartet werden. Die Details stehen im Protokoll.',
      noOwner: 'Die Demodaten haben kein Token für den Inhaber.',
      gone: 'Das Demokonto ist verschwunden.',
    },
    access: {
      orgNotCached: 'Diese Organisation ist nicht im Cache.',
      personNotCached: 'Niemand mit dieser E-Mail-Adresse ist im Cache.',
      onlyManagers: 'Nur Administratoren und Rechtsvertreter können Benutzer verwalten.',
      onlyOwnerGrantsOwner: 'Nur ein Rechtsvertreter kann die Rolle des Rechtsvertreters vergeben.',
      confirmEveryOrg: 'Die Bestätigung muss jede Organisation nennen.',
      nobodyToChange: 'Niemand hinzuzufügen oder zu entfernen.',
      chooseOrg: 'Wählen Sie mindestens eine Organisation.',
      planRefused: 'Der Plan verletzt eine Regel des Managers in {{orgs}}.',
      runNotFound: 'Dieses Offboarding existiert nicht.',
    },
    billing: {
      previewExpired: 'Diese Vorschau ist abgelaufen. Wählen Sie die Datei erneut.',
      fileRefused: 'Diese Datei kann nicht importiert werden.',
      importFile: {
        empty_file: 'Die Datei ist leer.',
        bom_only: 'Die Datei ist leer (sie enthält nur eine Byte-Reihenfolge-Markierung).',
        blank_file: 'Die Datei enthält nur leere Zeilen.',
        header_only: 'Die Datei hat Spaltenüberschriften, aber keine Rechnung.',
        binary_file: 'Das ist keine Textdatei. Exportieren Sie den Rechnungsverlauf im Manager als CSV.',
        spreadsheet_file: 'Das ist eine Tabelle oder ein Dokument, keine CSV-Datei. Speichern Sie sie zuerst als CSV.',
        file_too_large: 'Die Datei ist grösser als {{mb}} MB.',
        too_many_columns: 'Zeile {{line}} hat mehr als {{limit}} Spalten: Ist das die richtige Datei?',
        line_too_long: 'Zeile {{line}} ist länger als {{limit}} Zeichen: Ist das die richtige Datei?',
        too_many_rows: 'Die Datei hat mehr als {{limit}} Zeilen. Exportieren Sie einen kürzeren Zeitraum.',
        unclosed_quote: 'Ein in Zeile {{line}} geöffnetes Anführungszeichen (") wird nie geschlossen.',
        invalid_quote:
          'Zeile {{line}} enthält ein falsch platziertes Anführungszeichen ("): Die Datei ist kein gültiges CSV.',
        malformed_csv: 'Die Datei lässt sich nicht als CSV lesen (Zeile {{line}}).',
      },
      logoTooLarge: 'Das Logo darf höchstens 1 MB gross sein.',
      exportNotSaved: 'Der Export wurde nicht gespeichert.',
      exportTooLarge:
        'Dieser Export ist zu gross, um ihn hier herunterzuladen; wählen Sie einen kürzeren Zeitraum oder weniger Kunden.',
    },
    store: {
      diskFull:
        'Der Datenträger ist voll: Es wurde nichts gespeichert, und das zuvor Gespeicherte ist intakt. Geben Sie Speicherplatz frei und versuchen Sie es erneut.',
      readOnly:
        'Switchboard kann seine Datendateien nicht schreiben (Datenträger, Datei oder Daten schreibgeschützt). Es wurde nichts geändert.',
      corrupt:
        'Eine Datendatei ist beschädigt. Starten Sie Switchboard neu: Es prüft die Dateien und repariert sie aus einer Sicherung.',
      readOnlyUntilRestore:
        'Ihre Daten sind schreibgeschützt, bis Sie eine Sicherung wiederherstellen oder das Wiederhergestellte behalten.',
      backupNotFound: 'Diese Sicherung existiert nicht.',
      backupTooNew: 'Diese Sicherung stammt aus einer neueren Version von Switchboard.',
    },
    reminders: {
      muteInPast: 'Das Ende der Stummschaltung liegt in der Vergangenheit.',
      muteNotFound: 'Diese Stummschaltung existiert nicht.',
    },
    files: {
      notSaved: 'Die Datei wurde nicht gespeichert.',
      gone: 'Diese Datei ist nicht mehr verfügbar. Wählen Sie sie erneut.',
      unreadable: 'Diese Datei kann nicht mehr gelesen werden. Wählen Sie sie erneut.',
    },
    fleet: {
      viewNameRequired: 'Geben Sie der Ansicht einen Namen.',
      viewNotFound: 'Diese Ansicht existiert nicht.',
      viewNameTaken: 'Eine andere Ansicht hat bereits diesen Namen.',
      reasonRequired: 'Geben Sie einen Grund an.',
      snoozeInFuture: 'Zurückstellen geht nur bis zu einem Datum in der Zukunft.',
      findingsStale: 'Diese Befunde sind nicht mehr aktuell.',
    },
    sync: {
      partsFailed_one: '{{count}} Teil der Synchronisierung ist fehlgeschlagen; die bisherigen Daten bleiben erhalten.',
      partsFailed_other:
        '{{count}} Teile der Synchronisierung sind fehlgeschlagen; die bisherigen Daten bleiben erhalten.',
      failed: 'Die Synchronisierung ist fehlgeschlagen.',
    },
    shell: {
      cacheTitle: 'Switchboard kann seinen Cache nicht öffnen',
      sqliteMissing: 'Dem Paket fehlt das SQLite-Modul; installieren Sie Switchboard neu.',
      keychainTitle: 'Schlüsselbund nicht verfügbar',
      cacheRecovered: 'Der lokale Cache war nicht lesbar und wurde beiseitegelegt.',
      cacheRecoveredDetail: 'Ein neuer Cache wurde angelegt. Die alte Datei wurde als {{path}} aufbewahrt.',
      startFailedTitle: 'Switchboard kann nicht starten',
      startFailed: 'Switchboard konnte seine Daten nicht öffnen. Die Details stehen im Protokoll.',
      damagedTitle: 'Switchboard ist beschädigt',
      reinstall: 'Bitte installieren Sie Switchboard neu.',
    },
    api: {
      tokenRejected:
        'Das API-Token wurde abgelehnt: Es ist abgelaufen, widerrufen oder ungültig. Erstellen Sie im Manager ein neues Token und aktualisieren Sie dieses Konto.',
      tokenUnavailable:
        'Das API-Token konnte nicht aus dem Schlüsselbund des Systems gelesen werden. Entsperren Sie den Schlüsselbund oder fügen Sie das Token erneut hinzu.',
      missingScope_one:
        'Dem API-Token fehlt der Scope {{scopes}}. Erstellen Sie im Manager ein Token, das ihn enthält.',
      missingScope_other:
        'Dem API-Token fehlen die Scopes {{scopes}}. Erstellen Sie im Manager ein Token, das sie enthält.',
      accessDenied:
        'Zugriff verweigert: Ihre Rolle in dieser Organisation erlaubt das nicht (ein Administrator oder Rechtsvertreter kann es).',
      notPartner: 'Diese Organisation ist kein Partnerkonto; die Partnerrouten sind ihr verschlossen.',
      forbidden: 'Zugriff verboten (HTTP {{status}}).',
      routeMissing: 'Diese API-Route existiert nicht.',
      notFound:
        'Nicht gefunden (HTTP {{status}}): Das Objekt wurde vielleicht gelöscht oder liegt ausserhalb der Reichweite dieses Tokens.',
      validation: 'Die API hat die Anfrage als ungültig abgelehnt ({{fields}}).',
      refused: 'Die API hat die Anfrage abgelehnt (HTTP {{status}}).',
      rateLimited_one: 'Anfragelimit erreicht (60 Anfragen pro Minute); die nächste Anfrage wartet {{count}} Sekunde.',
      rateLimited_other:
        'Anfragelimit erreicht (60 Anfragen pro Minute); die nächste Anfrage wartet {{count}} Sekunden.',
      rateLimitedUnknown:
        'Anfragelimit erreicht (60 Anfragen pro Minute); die nächste Anfrage wartet etwa eine Minute.',
      server: 'Die Infomaniak-API hatte einen Serverfehler (HTTP {{status}}). Versuchen Sie es später erneut.',
      network: 'Die Infomaniak-API war nicht erreichbar ({{cause}}). Prüfen Sie die Internetverbindung.',
      networkUnknown: 'Die Infomaniak-API war nicht erreichbar. Prüfen Sie die Internetverbindung.',
      timeout_one: 'Die Infomaniak-API hat nicht innert {{count}} Sekunde geantwortet.',
      timeout_other: 'Die Infomaniak-API hat nicht innert {{count}} Sekunden geantwortet.',
      cancelled: 'Die Anfrage wurde abgebrochen.',
      malformed: {
        truncated: 'Die Infomaniak-API hat mit einem abgeschnittenen Inhalt geantwortet.',
        unparsable: 'Die Infomaniak-API hat mit einem Inhalt geantwortet, der kein JSON ist.',
        envelope: 'Die Infomaniak-API hat mit einem Inhalt geantwortet, der keine API-Hülle ist.',
        schema: 'Die Infomaniak-API hat mit Daten in unerwarteter Form geantwortet.',
        inconsistent: 'Die Infomaniak-API hat mit einem HTTP-Status geantwortet, der ihrem Ergebnis widerspricht.',
        pagination: 'Die Infomaniak-API hat mit einer widersprüchlichen Seitenaufteilung geantwortet.',
      },
    },
  },
  it: {
    app: {
      invalidInput: 'L’app ha inviato una richiesta che non accetta. I dettagli sono nel registro.',
      unknownChannel: 'Questa azione non esiste in questa versione dell’app.',
      untrustedSender: 'Questa finestra non può farlo.',
      internal: 'Qualcosa è andato storto. I dettagli sono nel registro.',
      unexpectedAnswer: 'L’app ha prodotto una risposta inattesa. I dettagli sono nel registro.',
      shuttingDown: 'L’app si sta chiudendo.',
      keychain:
        'Switchboard conserva i token API solo nel portachiavi del sistema, che non è utilizzabile. Su Linux installa e sblocca GNOME Keyring o KWallet (un Secret Service), poi riprova.',
      noBridge: 'Il collegamento con l’app non è disponibile.',
      cancelled: 'Annullato.',
      engineDown: 'Il motore dell’app non è in esecuzione. Riavvia l’app.',
      engineRestarting: 'Il motore dell’app si è fermato durante questa richiesta e si sta riavviando. Riprova.',
    },
    accounts: {
      notFound: 'Questo account non esiste.',
      insecureBaseUrl: 'L’indirizzo dell’API deve usare https (http solo su questo computer, per la sandbox).',
      tokenEmpty: 'Il token è vuoto. Incolla il token mostrato una sola volta quando l’hai creato nel Manager.',
      tokenHasSpaces: 'Il token contiene spazi o a capo; incollalo su una sola riga.',
      tokenInvalid_one:
        'Non sembra un token API di Infomaniak (da 60 a 100 lettere, cifre, «-» o «_»; questo ha {{count}} carattere). Copialo di nuovo dal Manager.',
      tokenInvalid_other:
        'Non sembra un token API di Infomaniak (da 60 a 100 lettere, cifre, «-» o «_»; questo ha {{count}} caratteri). Copialo di nuovo dal Manager.',
      tokenRejected:
        'Infomaniak ha rifiutato questo token: è stato revocato, è scaduto o è stato copiato male. Crea un nuovo token nel Manager (Profilo → Token API) e incollalo qui.',
      missingScope:
        'A questo token manca lo scope «{{scopes}}». Crea nel Manager (Profilo → Token API) un token che lo includa.',
      accountsScopeNeeded:
        'A questo token manca lo scope «accounts», necessario a Switchboard per elencare le tue organizzazioni. Crea nel Manager (Profilo → Token API) un token che lo includa.',
      offline:
        'L’API di Infomaniak non è raggiungibile. Controlla la connessione (o l’indirizzo dell’API nelle opzioni avanzate) e riprova.',
      alreadyAdded: 'Questo login Infomaniak è già stato aggiunto come «{{label}}».',
      addFailed: 'Non è stato possibile aggiungere l’account. I dettagli sono nel registro.',
      needsNewToken: 'Questo account ha bisogno di un nuovo token prima di poter modificare qualcosa.',
      tokenRemoved: 'Il token è stato rimosso. Aggiungi di nuovo l’account per sincronizzare.',
      removedNotFound: 'Questo account rimosso non esiste.',
    },
    demo: {
      failed: 'Non è stato possibile avviare la demo. I dettagli sono nel registro.',
      noOwner: 'I dati dimostrativi non hanno un token del titolare.',
      gone: 'L’account dimostrativo è scomparso.',
    },
    access: {
      orgNotCached: 'Questa organizzazione non è in cache.',
      personNotCached: 'Nessuno con questo indirizzo e-mail è in cache.',
      onlyManagers: 'Solo gli amministratori e i rappresentanti legali possono gestire gli utenti.',
      onlyOwnerGrantsOwner: 'Solo un rappresentante legale può assegnare il ruolo di rappresentante legale.',
      confirmEveryOrg: 'La conferma deve indicare ogni organizzazione.',
      nobodyToChange: 'Nessuno da aggiungere o rimuovere.',
      chooseOrg: 'Scegli almeno un’organizzazione.',
      planRefused: 'Il piano viola una regola del Manager in {{orgs}}.',
      runNotFound: 'Questa uscita non esiste.',
    },
    billing: {
      previewExpired: 'Questa anteprima è scaduta. Scegli di nuovo il file.',
      fileRefused: 'Questo file non può essere importato.',
      importFile: {
        empty_file: 'Il file è vuoto.',
        bom_only: 'Il file è vuoto (contiene solo un byte order mark).',
        blank_file: 'Il file contiene solo righe vuote.',
        header_only: 'Il file ha intestazioni di colonna ma nessuna fattura.',
        binary_file: 'Non è un file di testo. Esporta lo storico delle fatture in CSV dal Manager.',
        spreadsheet_file: 'È un foglio di calcolo o un documento, non un file CSV. Salvalo prima in CSV.',
        file_too_large: 'Il file supera {{mb}} MB.',
        too_many_columns: 'La riga {{line}} ha più di {{limit}} colonne: è il file giusto?',
        line_too_long: 'La riga {{line}} supera {{limit}} caratteri: è il file giusto?',
        too_many_rows: 'Il file ha più di {{limit}} righe. Esporta un periodo più breve.',
        unclosed_quote: 'Le virgolette (") aperte alla riga {{line}} non vengono mai chiuse.',
        invalid_quote: 'La riga {{line}} contiene virgolette (") fuori posto: il file non è un CSV valido.',
        malformed_csv: 'Il file non può essere letto come CSV (riga {{line}}).',
      },
      logoTooLarge: 'Il logo non deve superare 1 MB.',
      exportNotSaved: 'L’esportazione non è stata salvata.',
      exportTooLarge:
        'Questa esportazione è troppo grande per essere scaricata qui; scegli un periodo più breve o meno clienti.',
    },
    store: {
      diskFull:
        'Il disco è pieno: non è stato salvato nulla e quanto salvato prima è intatto. Libera spazio e riprova.',
      readOnly:
        'Switchboard non può scrivere i suoi file di dati (disco, file o dati in sola lettura). Non è stato modificato nulla.',
      corrupt: 'Un file di dati è danneggiato. Riavvia Switchboard: controlla i file e li ripara da un backup.',
      readOnlyUntilRestore:
        'I tuoi dati sono in sola lettura finché non ripristini un backup o tieni quanto recuperato.',
      backupNotFound: 'Questo backup non esiste.',
      backupTooNew: 'Questo backup proviene da una versione più recente di Switchboard.',
    },
    reminders: {
      muteInPast: 'La fine della disattivazione è nel passato.',
      muteNotFound: 'Questa disattivazione non esiste.',
    },
    files: {
      notSaved: 'Il file non è stato salvato.',
      gone: 'Questo file non è più disponibile. Sceglilo di nuovo.',
      unreadable: 'Questo file non può più essere letto. Sceglilo di nuovo.',
    },
    fleet: {
      viewNameRequired: 'Dai un nome alla vista.',
      viewNotFound: 'Questa vista non esiste.',
      viewNameTaken: 'Un’altra vista ha già questo nome.',
      reasonRequired: 'Indica un motivo.',
      snoozeInFuture: 'Rimanda a una data futura.',
      findingsStale: 'Questi rilievi non sono più attuali.',
    },
    sync: {
      partsFailed_one: '{{count}} parte della sincronizzazione non è riuscita; i dati precedenti vengono mantenuti.',
      partsFailed_other:
        '{{count}} parti della sincronizzazione non sono riuscite; i dati precedenti vengono mantenuti.',
      failed: 'La sincronizzazione non è riuscita.',
    },
    shell: {
      cacheTitle: 'Switchboard non riesce ad aprire la sua cache',
      sqliteMissing: 'Al pacchetto manca il modulo SQLite; reinstalla Switchboard.',
      keychainTitle: 'Portachiavi non disponibile',
      cacheRecovered: 'La cache locale non era leggibile ed è stata messa da parte.',
      cacheRecoveredDetail: 'È stata creata una nuova cache. Il vecchio file è stato conservato come {{path}}.',
      startFailedTitle: 'Switchboard non riesce ad avviarsi',
      startFailed: 'Switchboard non è riuscito ad aprire i suoi dati. I dettagli sono nel registro.',
      damagedTitle: 'Switchboard è danneggiato',
      reinstall: 'Reinstalla Switchboard.',
    },
    api: {
      tokenRejected:
        'Il token API è stato rifiutato: è scaduto, revocato o non valido. Crea un nuovo token nel Manager e aggiorna questo account.',
      tokenUnavailable:
        'Non è stato possibile leggere il token API dal portachiavi del sistema. Sblocca il portachiavi o aggiungi di nuovo il token.',
      missingScope_one: 'Al token API manca lo scope {{scopes}}. Crea nel Manager un token che lo includa.',
      missingScope_other: 'Al token API mancano gli scope {{scopes}}. Crea nel Manager un token che li includa.',
      accessDenied:
        'Accesso negato: il tuo ruolo in questa organizzazione non lo consente (un amministratore o un rappresentante legale può farlo).',
      notPartner: 'Questa organizzazione non è un account partner: i percorsi per i partner le sono chiusi.',
      forbidden: 'Accesso vietato (HTTP {{status}}).',
      routeMissing: 'Questo percorso dell’API non esiste.',
      notFound:
        'Non trovato (HTTP {{status}}): l’oggetto potrebbe essere stato eliminato o essere fuori dalla portata di questo token.',
      validation: 'L’API ha rifiutato la richiesta come non valida ({{fields}}).',
      refused: 'L’API ha rifiutato la richiesta (HTTP {{status}}).',
      rateLimited_one: 'Limite di richieste raggiunto (60 al minuto); la prossima richiesta attende {{count}} secondo.',
      rateLimited_other:
        'Limite di richieste raggiunto (60 al minuto); la prossima richiesta attende {{count}} secondi.',
      rateLimitedUnknown:
        'Limite di richieste raggiunto (60 al minuto); la prossima richiesta attende circa un minuto.',
      server: 'L’API di Infomaniak ha avuto un errore del server (HTTP {{status}}). Riprova più tardi.',
      network:
        'Non è stato possibile raggiungere l’API di Infomaniak ({{cause}}). Controlla la connessione a Internet.',
      networkUnknown: 'Non è stato possibile raggiungere l’API di Infomaniak. Controlla la connessione a Internet.',
      timeout_one: 'L’API di Infomaniak non ha risposto entro {{count}} secondo.',
      timeout_other: 'L’API di Infomaniak non ha risposto entro {{count}} secondi.',
      cancelled: 'La richiesta è stata annullata.',
      malformed: {
        truncated: 'L’API di Infomaniak ha risposto con un contenuto troncato.',
        unparsable: 'L’API di Infomaniak ha risposto con un contenuto che non è JSON.',
        envelope: 'L’API di Infomaniak ha risposto con un contenuto che non è una busta dell’API.',
        schema: 'L’API di Infomaniak ha risposto con dati di forma inattesa.',
        inconsistent: 'L’API di Infomaniak ha risposto con uno stato HTTP che contraddice il suo risultato.',
        pagination: 'L’API di Infomaniak ha risposto con una paginazione incoerente.',
      },
    },
  },
  es: {
    app: {
      invalidInput: 'La aplicación ha enviado una solicitud que no acepta. Los detalles están en el registro.',
      unknownChannel: 'Esta acción no existe en esta versión de la aplicación.',
      untrustedSender: 'Esta ventana no puede hacer eso.',
      internal: 'Algo ha salido mal. Los detalles están en el registro.',
      unexpectedAnswer: 'La aplicación ha producido una respuesta inesperada. Los detalles están en el registro.',
      shuttingDown: 'La aplicación se está cerrando.',
      keychain:
        'Switchboard solo guarda los tokens de API en el llavero del sistema, y no se puede usar. En Linux, instala y desbloquea GNOME Keyring o KWallet (un Secret Service) y vuelve a intentarlo.',
      noBridge: 'La conexión con la aplicación no está disponible.',
      cancelled: 'Cancelado.',
      engineDown: 'El motor de la aplicación no está en marcha. Reinicia la aplicación.',
      engineRestarting:
        'El motor de la aplicación se detuvo durante esta solicitud y se está reiniciando. Vuelve a intentarlo.',
    },
    accounts: {
      notFound: 'Esta cuenta no existe.',
      insecureBaseUrl: 'La dirección de la API debe usar https (http solo en este ordenador, para el sandbox).',
      tokenEmpty: 'El token está vacío. Pega el token que se mostró una sola vez al crearlo en el Manager.',
      tokenHasSpaces: 'El token contiene espacios o saltos de línea; pégalo en una sola línea.',
      tokenInvalid_one:
        'Esto no parece un token de API de Infomaniak (de 60 a 100 letras, cifras, «-» o «_»; este tiene {{count}} carácter). Vuelve a copiarlo desde el Manager.',
      tokenInvalid_other:
        'Esto no parece un token de API de Infomaniak (de 60 a 100 letras, cifras, «-» o «_»; este tiene {{count}} caracteres). Vuelve a copiarlo desde el Manager.',
      tokenRejected:
        'Infomaniak ha rechazado este token: se ha revocado, ha caducado o se ha copiado mal. Crea un token nuevo en el Manager (Perfil → Tokens de API) y pégalo aquí.',
      missingScope:
        'A este token le falta el scope «{{scopes}}». Crea en el Manager (Perfil → Tokens de API) un token que lo incluya.',
      accountsScopeNeeded:
        'A este token le falta el scope «accounts», que Switchboard necesita para listar tus organizaciones. Crea en el Manager (Perfil → Tokens de API) un token que lo incluya.',
      offline:
        'No se puede acceder a la API de Infomaniak. Comprueba tu conexión (o la dirección de la API en las opciones avanzadas) y vuelve a intentarlo.',
      alreadyAdded: 'Este inicio de sesión de Infomaniak ya está añadido como «{{label}}».',
      addFailed: 'No se ha podido añadir la cuenta. Los detalles están en el registro.',
      needsNewToken: 'Esta cuenta necesita un token nuevo antes de poder cambiar nada.',
      tokenRemoved: 'Se ha quitado el token. Vuelve a añadir la cuenta para sincronizar.',
      removedNotFound: 'Esta cuenta eliminada no existe.',
    },
    demo: {
      failed: 'No se ha podido iniciar la demo. Los detalles están en el registro.',
      noOwner: 'Los datos de demostración no tienen token de titular.',
      gone: 'La cuenta de demostración ha desaparecido.',
    },
    access: {
      orgNotCached: 'Esta organización no está en la caché.',
      personNotCached: 'No hay nadie con esta dirección de correo en la caché.',
      onlyManagers: 'Solo los administradores y los representantes legales pueden gestionar usuarios.',
      onlyOwnerGrantsOwner: 'Solo un representante legal puede otorgar el rol de representante legal.',
      confirmEveryOrg: 'La confirmación debe nombrar cada organización.',
      nobodyToChange: 'No hay nadie que añadir ni quitar.',
      chooseOrg: 'Elige al menos una organización.',
      planRefused: 'El plan incumple una regla del Manager en {{orgs}}.',
      runNotFound: 'Esta baja no existe.',
    },
    billing: {
      previewExpired: 'Esta vista previa ha caducado. Vuelve a elegir el archivo.',
      fileRefused: 'Este archivo no se puede importar.',
      importFile: {
        empty_file: 'El archivo está vacío.',
        bom_only: 'El archivo está vacío (solo contiene una marca de orden de bytes).',
        blank_file: 'El archivo solo contiene líneas vacías.',
        header_only: 'El archivo tiene encabezados de columna pero ninguna factura.',
        binary_file: 'No es un archivo de texto. Exporta el historial de facturas como CSV desde el Manager.',
        spreadsheet_file: 'Es una hoja de cálculo o un documento, no un archivo CSV. Guárdalo primero como CSV.',
        file_too_large: 'El archivo supera {{mb}} MB.',
        too_many_columns: 'La línea {{line}} tiene más de {{limit}} columnas: ¿es el archivo correcto?',
        line_too_long: 'La línea {{line}} supera {{limit}} caracteres: ¿es el archivo correcto?',
        too_many_rows: 'El archivo tiene más de {{limit}} filas. Exporta un periodo más corto.',
        unclosed_quote: 'Unas comillas (") abiertas en la línea {{line}} nunca se cierran.',
        invalid_quote: 'La línea {{line}} tiene unas comillas (") mal colocadas: el archivo no es un CSV válido.',
        malformed_csv: 'El archivo no se puede leer como CSV (línea {{line}}).',
      },
      logoTooLarge: 'El logotipo no puede superar 1 MB.',
      exportNotSaved: 'La exportación no se ha guardado.',
      exportTooLarge:
        'Esta exportación es demasiado grande para descargarla aquí; elige un periodo más corto o menos clientes.',
    },
    store: {
      diskFull:
        'El disco está lleno: no se ha guardado nada y lo guardado antes está intacto. Libera espacio y vuelve a intentarlo.',
      readOnly:
        'Switchboard no puede escribir sus archivos de datos (disco, archivo o datos de solo lectura). No se ha cambiado nada.',
      corrupt:
        'Un archivo de datos está dañado. Reinicia Switchboard: comprueba los archivos y los repara desde una copia de seguridad.',
      readOnlyUntilRestore:
        'Tus datos son de solo lectura hasta que restaures una copia de seguridad o conserves lo recuperado.',
      backupNotFound: 'Esta copia de seguridad no existe.',
      backupTooNew: 'Esta copia de seguridad procede de una versión más reciente de Switchboard.',
    },
    reminders: {
      muteInPast: 'El fin del silencio está en el pasado.',
      muteNotFound: 'Este silencio no existe.',
    },
    files: {
      notSaved: 'El archivo no se ha guardado.',
      gone: 'Este archivo ya no está disponible. Vuelve a elegirlo.',
      unreadable: 'Este archivo ya no se puede leer. Vuelve a elegirlo.',
    },
    fleet: {
      viewNameRequired: 'Ponle un nombre a la vista.',
      viewNotFound: 'Esta vista no existe.',
      viewNameTaken: 'Ya hay otra vista con este nombre.',
      reasonRequired: 'Indica un motivo.',
      snoozeInFuture: 'Pospón hasta una fecha futura.',
      findingsStale: 'Estos hallazgos ya no están vigentes.',
    },
    sync: {
      partsFailed_one: 'Ha fallado {{count}} parte de la sincronización; se conservan los datos anteriores.',
      partsFailed_other: 'Han fallado {{count}} partes de la sincronización; se conservan los datos anteriores.',
      failed: 'La sincronización ha fallado.',
    },
    shell: {
      cacheTitle: 'Switchboard no puede abrir su caché',
      sqliteMissing: 'Al paquete le falta su módulo SQLite; vuelve a instalar Switchboard.',
      keychainTitle: 'Llavero no disponible',
      cacheRecovered: 'La caché local no se podía leer y se ha apartado.',
      cacheRecoveredDetail: 'Se ha creado una caché nueva. El archivo antiguo se ha conservado como {{path}}.',
      startFailedTitle: 'Switchboard no puede iniciarse',
      startFailed: 'Switchboard no ha podido abrir sus datos. Los detalles están en el registro.',
      damagedTitle: 'Switchboard está dañado',
      reinstall: 'Vuelve a instalar Switchboard.',
    },
    api: {
      tokenRejected:
        'Se ha rechazado el token de API: ha caducado, se ha revocado o no es válido. Crea un token nuevo en el Manager y actualiza esta cuenta.',
      tokenUnavailable:
        'No se ha podido leer el token de API del llavero del sistema. Desbloquea el llavero o vuelve a añadir el token.',
      missingScope_one: 'Al token de API le falta el scope {{scopes}}. Crea en el Manager un token que lo incluya.',
      missingScope_other:
        'Al token de API le faltan los scopes {{scopes}}. Crea en el Manager un token que los incluya.',
      accessDenied:
        'Acceso denegado: tu rol en esta organización no lo permite (un administrador o un representante legal sí puede).',
      notPartner: 'Esta organización no es una cuenta de partner: las rutas de partner le están cerradas.',
      forbidden: 'Acceso prohibido (HTTP {{status}}).',
      routeMissing: 'Esta ruta de la API no existe.',
      notFound:
        'No encontrado (HTTP {{status}}): puede que el objeto se haya eliminado o que esté fuera del alcance de este token.',
      validation: 'La API ha rechazado la solicitud por no ser válida ({{fields}}).',
      refused: 'La API ha rechazado la solicitud (HTTP {{status}}).',
      rateLimited_one:
        'Se ha alcanzado el límite de solicitudes (60 por minuto); la siguiente solicitud espera {{count}} segundo.',
      rateLimited_other:
        'Se ha alcanzado el límite de solicitudes (60 por minuto); la siguiente solicitud espera {{count}} segundos.',
      rateLimitedUnknown:
        'Se ha alcanzado el límite de solicitudes (60 por minuto); la siguiente solicitud espera alrededor de un minuto.',
      server: 'La API de Infomaniak ha tenido un error de servidor (HTTP {{status}}). Vuelve a intentarlo más tarde.',
      network: 'No se ha podido acceder a la API de Infomaniak ({{cause}}). Comprueba la conexión a Internet.',
      networkUnknown: 'No se ha podido acceder a la API de Infomaniak. Comprueba la conexión a Internet.',
      timeout_one: 'La API de Infomaniak no ha respondido en {{count}} segundo.',
      timeout_other: 'La API de Infomaniak no ha respondido en {{count}} segundos.',
      cancelled: 'Se ha cancelado la solicitud.',
      malformed: {
        truncated: 'La API de Infomaniak ha respondido con un contenido truncado.',
        unparsable: 'La API de Infomaniak ha respondido con un contenido que no es JSON.',
        envelope: 'La API de Infomaniak ha respondido con un contenido que no es un sobre de la API.',
        schema: 'La API de Infomaniak ha respondido con datos de una forma inesperada.',
        inconsistent: 'La API de Infomaniak ha respondido con un estado HTTP que contradice su resultado.',
        pagination: 'La API de Infomaniak ha respondido con una paginación incoherente.',
      },
    },
  },
}

const REASONS: ReadonlySet<string> = new Set(
  [...leaves(en).keys()].map((key) =>
    PLURAL_SUFFIXES.reduce((k, suffix) => k.replace(new RegExp(`${suffix}$`), ''), key),
  ),
)

/** True when `value` is a reason of the catalogue. */
export function isProblemReason(value: unknown): value is ProblemReason {
  return typeof value === 'string' && REASONS.has(value)
}

/** Every reason (for tests and the IPC schema). */
export function problemReasons(): string[] {
  return [...REASONS]
}

/** A problem in words, in a language (the CLI, documents, logs for people). */
export function problemText(
  problem: { reason: ProblemReason; params?: Params | undefined },
  language: Language,
): string {
  return createTranslator(problems[language], language)(problem.reason, problem.params)
}
