/** Strings of the background-engine banner (EN is the reference; FR must have the same keys). */
export const coreHostEn = {
  restartingTitle: 'Restarting the background engine',
  restartingBody:
    'The part of Switchboard that keeps your cache and runs the sync stopped unexpectedly. It is being restarted; nothing you saved is lost.',
  restartedTitle: 'The background engine was restarted',
  restartedBody: 'It stopped unexpectedly and is running again. The sync continues where it stopped.',
  failedTitle: 'The background engine keeps stopping',
  failedBody:
    'Switchboard could not restart it. Quit and reopen the app; if it happens again, the log has the details.',
  dismiss: 'Dismiss',
}

export const coreHostFr: typeof coreHostEn = {
  restartingTitle: 'Redémarrage du moteur en arrière-plan',
  restartingBody:
    'La partie de Switchboard qui tient le cache et synchronise s’est arrêtée de manière inattendue. Elle redémarre ; rien de ce que vous avez enregistré n’est perdu.',
  restartedTitle: 'Le moteur en arrière-plan a redémarré',
  restartedBody:
    'Il s’était arrêté de manière inattendue et fonctionne de nouveau. La synchronisation reprend là où elle s’était arrêtée.',
  failedTitle: 'Le moteur en arrière-plan s’arrête sans cesse',
  failedBody:
    'Switchboard n’a pas pu le redémarrer. Quittez et rouvrez l’application ; si cela se reproduit, le journal contient les détails.',
  dismiss: 'Fermer',
}

export const coreHostDe: typeof coreHostEn = {
  restartingTitle: 'Der Hintergrunddienst wird neu gestartet',
  restartingBody:
    'Der Teil von Switchboard, der den Cache hält und synchronisiert, wurde unerwartet beendet. Er wird neu gestartet; nichts Gespeichertes geht verloren.',
  restartedTitle: 'Der Hintergrunddienst wurde neu gestartet',
  restartedBody: 'Er wurde unerwartet beendet und läuft wieder. Die Synchronisierung macht dort weiter, wo sie stand.',
  failedTitle: 'Der Hintergrunddienst wird immer wieder beendet',
  failedBody:
    'Switchboard konnte ihn nicht neu starten. Beenden und öffnen Sie die App erneut; wenn es wieder passiert, stehen die Details im Protokoll.',
  dismiss: 'Ausblenden',
}

export const coreHostIt: typeof coreHostEn = {
  restartingTitle: 'Riavvio del motore in background',
  restartingBody:
    'La parte di Switchboard che gestisce la cache e la sincronizzazione si è fermata inaspettatamente. Si sta riavviando; nulla di ciò che hai salvato va perso.',
  restartedTitle: 'Il motore in background è stato riavviato',
  restartedBody:
    'Si era fermato inaspettatamente e ora funziona di nuovo. La sincronizzazione riprende da dove si era fermata.',
  failedTitle: 'Il motore in background continua a fermarsi',
  failedBody:
    'Switchboard non è riuscito a riavviarlo. Chiudi e riapri l’app; se succede di nuovo, i dettagli sono nel registro.',
  dismiss: 'Chiudi',
}

export const coreHostEs: typeof coreHostEn = {
  restartingTitle: 'Reiniciando el motor en segundo plano',
  restartingBody:
    'La parte de Switchboard que mantiene la caché y sincroniza se detuvo de forma inesperada. Se está reiniciando; no se pierde nada de lo que has guardado.',
  restartedTitle: 'El motor en segundo plano se ha reiniciado',
  restartedBody: 'Se detuvo de forma inesperada y vuelve a funcionar. La sincronización continúa donde se quedó.',
  failedTitle: 'El motor en segundo plano se detiene una y otra vez',
  failedBody:
    'Switchboard no ha podido reiniciarlo. Cierra y vuelve a abrir la aplicación; si vuelve a ocurrir, el registro tiene los detalles.',
  dismiss: 'Cerrar',
}
