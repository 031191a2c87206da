import type { Messages } from './en'

/** French strings (Swiss French conventions where they differ). */
export const fr: Messages = {
  app: {
    name: 'Switchboard',
    tagline: 'Toutes vos organisations clientes, à portée de main.',
  },
  nav: {
    overview: 'Aperçu',
    products: 'Produits',
    renewals: 'Renouvellements',
    access: 'Accès',
    billing: 'Facturation',
    settings: 'Paramètres',
    main: 'Navigation principale',
    toggle: 'Afficher ou masquer la navigation',
  },
  header: {
    noOrganization: 'Aucune organisation sélectionnée',
    organizationHint: 'Ajoutez un compte pour voir vos organisations clientes.',
  },
  empty: {
    noAccountTitle: 'Aucun compte pour l’instant',
    noAccountBody:
      'Switchboard affiche ce que votre jeton d’API Infomaniak peut voir. Ajoutez un compte dans les paramètres pour remplir cet écran.',
    goToSettings: 'Ouvrir les paramètres',
    overview:
      'L’aperçu de l’organisation sélectionnée apparaîtra ici : produits par type, échéances proches, produits signalés, utilisateurs et équipes.',
    products: 'Tous les produits de l’organisation sélectionnée, avec échéance, état et étiquettes.',
    renewals: 'Une chronologie unique de ce qui arrive à échéance dans toutes les organisations clientes.',
    access: 'Qui a accès à quoi : matrice des droits, personnes dans toutes les organisations, départs et historique.',
    billing: 'Factures et prévisions de renouvellement par client et par période, avec exports CSV, XLSX et PDF.',
  },
  settings: {
    title: 'Paramètres',
    appearance: 'Apparence',
    language: 'Langue',
    languageHelp: 'Utilisée pour l’interface et pour les exports destinés aux clients.',
    theme: 'Thème',
    themeLight: 'Clair',
    themeDark: 'Sombre',
    themeSystem: 'Système',
    about: 'À propos',
    version: 'Version',
    platform: 'Plateforme',
    dataDir: 'Dossier des données',
    saved: 'Paramètres enregistrés',
    saveFailed: 'Les paramètres n’ont pas pu être enregistrés.',
  },
  languages: {
    en: 'English',
    fr: 'Français',
  },
  errors: {
    title: 'Une erreur est survenue',
    body: 'Cet écran n’a pas pu s’afficher. Vos données sont intactes ; les détails figurent dans le journal.',
    retry: 'Réessayer',
    loadFailed: 'Impossible de charger ces données.',
    notFoundTitle: 'Page introuvable',
    notFoundBody: 'Cette adresse ne mène nulle part dans Switchboard.',
    backHome: 'Retour à l’aperçu',
  },
  common: {
    loading: 'Chargement…',
  },
}
