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
