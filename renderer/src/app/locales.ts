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
