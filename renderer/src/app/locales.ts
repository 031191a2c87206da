/** Strings of the app frame (skip link, shared icon buttons). EN is the reference; FR has the same keys. */
export const frameEn = {
  skipToContent: 'Skip to content',
  close: 'Close',
  switchOrganization: 'Switch organization',
  actions: 'Actions',
}

export const frameFr: typeof frameEn = {
  skipToContent: 'Aller au contenu',
  close: 'Fermer',
  switchOrganization: 'Changer d’organisation',
  actions: 'Actions',
}

export const frameDe: typeof frameEn = {
  skipToContent: 'Zum Inhalt springen',
  close: 'Schliessen',
  switchOrganization: 'Organisation wechseln',
  actions: 'Aktionen',
}

export const frameIt: typeof frameEn = {
  skipToContent: 'Vai al contenuto',
  close: 'Chiudi',
  switchOrganization: 'Cambia organizzazione',
  actions: 'Azioni',
}

export const frameEs: typeof frameEn = {
  skipToContent: 'Ir al contenido',
  close: 'Cerrar',
  switchOrganization: 'Cambiar de organización',
  actions: 'Acciones',
}
