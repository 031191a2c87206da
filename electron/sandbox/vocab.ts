/**
 * Vocabulary for the generator: the service table of infomaniak-api.md §8.3 and realistic
 * Swiss / European names. Accents and apostrophes are deliberate (they break naive code).
 */
import type { Country, Language } from './model'

export interface ServiceDef {
  id: number
  name: string
  /** Relative frequency in a typical agency fleet. */
  weight: number
  /** Yearly price range in CHF cents. */
  price: readonly [number, number]
  /** Share of products of this service without an expiry date. */
  noExpiry: number
}

/**
 * service_name ↔ service_id. The 25 names and 25 ids are the spec enums (§8.3); only the pairs
 * domain=14, hosting=1, email_hosting=23, drive=40 are backed by fixtures, the others are a
 * sandbox CHOICE (open question 6).
 */
export const SERVICES: readonly ServiceDef[] = [
  { id: 1, name: 'hosting', weight: 10, price: [11000, 33000], noExpiry: 0 },
  { id: 2, name: 'mailing', weight: 1, price: [5000, 15000], noExpiry: 0 },
  { id: 3, name: 'housing', weight: 0.15, price: [120000, 360000], noExpiry: 0 },
  { id: 4, name: 'dedicated_server', weight: 0.3, price: [90000, 300000], noExpiry: 0 },
  { id: 6, name: 'video', weight: 0.3, price: [10000, 50000], noExpiry: 0 },
  { id: 7, name: 'radio', weight: 0.2, price: [20000, 60000], noExpiry: 0 },
  { id: 10, name: 'nas', weight: 0.3, price: [30000, 90000], noExpiry: 0 },
  { id: 14, name: 'domain', weight: 34, price: [1300, 3500], noExpiry: 0 },
  { id: 15, name: 'cloud', weight: 2, price: [30000, 200000], noExpiry: 0 },
  { id: 18, name: 'backup', weight: 0.6, price: [6000, 24000], noExpiry: 0 },
  { id: 23, name: 'email_hosting', weight: 18, price: [2200, 7000], noExpiry: 0 },
  { id: 25, name: 'vod', weight: 0.3, price: [15000, 60000], noExpiry: 0 },
  { id: 26, name: 'cloud_hd', weight: 0.3, price: [9000, 30000], noExpiry: 0 },
  { id: 29, name: 'certificate', weight: 6, price: [0, 9900], noExpiry: 0.3 },
  { id: 30, name: 'invitation', weight: 0.2, price: [0, 0], noExpiry: 1 },
  { id: 31, name: 'jelastic', weight: 0.3, price: [20000, 80000], noExpiry: 0 },
  { id: 34, name: 'swiss_backup', weight: 3, price: [6000, 40000], noExpiry: 0 },
  { id: 35, name: 'custom_url', weight: 1, price: [1200, 1200], noExpiry: 0 },
  { id: 37, name: 'website_builder', weight: 2, price: [6000, 15000], noExpiry: 0 },
  { id: 40, name: 'drive', weight: 6, price: [5000, 60000], noExpiry: 0 },
  { id: 43, name: 'e_ticketing', weight: 0.2, price: [0, 0], noExpiry: 1 },
  { id: 48, name: 'public_cloud', weight: 1, price: [10000, 120000], noExpiry: 0.5 },
  { id: 50, name: 'ksuite', weight: 4, price: [2000, 9000], noExpiry: 0 },
  { id: 52, name: 'web_hosting', weight: 6, price: [11000, 33000], noExpiry: 0 },
  { id: 58, name: 'ai_tools', weight: 0.4, price: [1000, 20000], noExpiry: 0.5 },
]

export const SERVICE_BY_NAME: ReadonlyMap<string, ServiceDef> = new Map(SERVICES.map((s) => [s.name, s]))
export const SERVICE_BY_ID: ReadonlyMap<number, ServiceDef> = new Map(SERVICES.map((s) => [s.id, s]))
export const SERVICE_WEIGHTS: readonly (readonly [ServiceDef, number])[] = SERVICES.map((s) => [s, s.weight])

export interface CountryDef {
  country: Country
  language: Language
  weight: number
  tld: string
  /** Business legal forms (suffix). */
  forms: readonly string[]
  /** Non-profit forms (prefix, or suffix for e.V.). */
  assocForms: readonly string[]
  cities: readonly (readonly [string, string])[]
}

export const COUNTRIES: readonly CountryDef[] = [
  {
    country: 'CH',
    language: 'fr',
    weight: 30,
    tld: 'ch',
    forms: ['SA', 'Sàrl', 'Sàrl', 'SA'],
    assocForms: ['Association', 'Fondation'],
    cities: [
      ['1201', 'Genève'],
      ['1003', 'Lausanne'],
      ['2000', 'Neuchâtel'],
      ['1700', 'Fribourg'],
      ['1950', 'Sion'],
      ['1820', 'Montreux'],
      ['1400', 'Yverdon-les-Bains'],
      ['2800', 'Delémont'],
      ['1260', 'Nyon'],
      ['2300', 'La Chaux-de-Fonds'],
    ],
  },
  {
    country: 'CH',
    language: 'de',
    weight: 34,
    tld: 'ch',
    forms: ['AG', 'GmbH', 'GmbH', 'AG'],
    assocForms: ['Verein', 'Stiftung'],
    cities: [
      ['8001', 'Zürich'],
      ['3011', 'Bern'],
      ['4051', 'Basel'],
      ['6003', 'Luzern'],
      ['9000', 'St. Gallen'],
      ['7000', 'Chur'],
      ['8400', 'Winterthur'],
      ['2502', 'Biel/Bienne'],
      ['7500', 'St. Moritz'],
      ['3920', 'Zermatt'],
    ],
  },
  {
    country: 'CH',
    language: 'it',
    weight: 8,
    tld: 'ch',
    forms: ['SA', 'Sagl', 'Sagl'],
    assocForms: ['Associazione', 'Fondazione'],
    cities: [
      ['6900', 'Lugano'],
      ['6600', 'Locarno'],
      ['6500', 'Bellinzona'],
      ['6850', 'Mendrisio'],
      ['7742', 'Poschiavo'],
    ],
  },
  {
    country: 'FR',
    language: 'fr',
    weight: 10,
    tld: 'fr',
    forms: ['SARL', 'SAS', 'SA'],
    assocForms: ['Association'],
    cities: [
      ['74000', 'Annecy'],
      ['69002', 'Lyon'],
      ['75011', 'Paris'],
      ['74100', 'Annemasse'],
      ['25000', 'Besançon'],
    ],
  },
  {
    country: 'DE',
    language: 'de',
    weight: 9,
    tld: 'de',
    forms: ['GmbH', 'GmbH & Co. KG', 'AG'],
    assocForms: ['e.V.'],
    cities: [
      ['78462', 'Konstanz'],
      ['79098', 'Freiburg im Breisgau'],
      ['80331', 'München'],
      ['70173', 'Stuttgart'],
      ['88131', 'Lindau'],
    ],
  },
  {
    country: 'IT',
    language: 'it',
    weight: 4,
    tld: 'it',
    forms: ['S.r.l.', 'S.p.A.'],
    assocForms: ['Associazione'],
    cities: [
      ['22100', 'Como'],
      ['20121', 'Milano'],
      ['28921', 'Verbania'],
      ['23100', 'Sondrio'],
    ],
  },
  {
    country: 'GB',
    language: 'en',
    weight: 5,
    tld: 'com',
    forms: ['Ltd', 'Ltd', 'LLP'],
    assocForms: ['Foundation'],
    cities: [
      ['EC1A 1BB', 'London'],
      ['M1 1AE', 'Manchester'],
      ['EH1 1YZ', 'Edinburgh'],
    ],
  },
]

/** Businesses per language; `{n}` is a surname, `{c}` a city or region. */
export const ORG_PATTERNS: Record<Language, readonly string[]> = {
  fr: [
    "L'Atelier {n}",
    'Boulangerie {n}',
    'Fiduciaire {n} & Fils',
    'Cabinet médical de {c}',
    'Garage du Léman',
    "Café de l'Hôtel-de-Ville",
    'Architectes {n} & Associés',
    'Pharmacie de la Gare {c}',
    'Les Vins de {c}',
    'Menuiserie {n}',
    'Étude {n}',
    'Horlogerie {n}',
    "Hôtel de l'Ours",
    'Transports {n}',
    'Immobilière {c}',
    'Clinique vétérinaire du Jura',
    'Fromagerie {n}',
    "Auberge de l'Étoile",
    'Imprimerie {n}',
    "L'Épicerie fine {n}",
  ],
  de: [
    '{n} Treuhand',
    'Schreinerei {n}',
    'Bäckerei {n}',
    '{c} Tourismus',
    'Architekturbüro {n}',
    'Praxis Dr. {n}',
    'Garage {n}',
    'Weingut {n}',
    'Zahnarztpraxis {c}',
    'Metzgerei {n}',
    'Kanzlei {n} & Partner',
    'Gärtnerei {n}',
    'Hotel Bären {c}',
    'Käserei {n}',
    'Elektro {n}',
    'Brauerei {c}',
    'Graubünden Reisen',
    'Zürcher Druckerei',
  ],
  it: [
    'Ristorante Bellavista',
    'Studio Legale {n}',
    'Pasticceria {n}',
    'Farmacia {n}',
    'Autorimessa {n}',
    "Grotto dell'Ulivo",
    'Studio Dentistico {n}',
    'Cantina {n}',
    'Agenzia Immobiliare {c}',
    'Falegnameria {n}',
  ],
  en: [
    'Alpine Digital',
    '{n} Consulting',
    'Summit Ventures',
    'Lakeside Studio',
    '{n} & Partners',
    'Northwind Trading',
    'Bluebird Events',
    'Glacier Analytics',
  ],
}

/** Non-profits per language (take an association form). */
export const ASSOC_PATTERNS: Record<Language, readonly string[]> = {
  fr: [
    'Ski-Club {c}',
    'Amis du Léman',
    'Théâtre de {c}',
    'Crèche Les Petits Loups',
    'Chœur mixte de {c}',
    "Musée d'art de {c}",
    'FC {c}',
  ],
  de: ['Freunde der Aare', 'Sportverein {c}', 'Musikschule {c}', 'Jodlerklub {c}', 'Kunstmuseum {c}', 'Turnverein {c}'],
  it: ['Culturale {c}', 'Amici del Ceresio', 'Filarmonica {c}', 'Sci Club {c}'],
  en: ['Friends of the Lake', 'Heritage Trust {c}', 'Chess Club {c}'],
}

export const SURNAMES: Record<Language, readonly string[]> = {
  fr: [
    'Dupont',
    'Rochat',
    'Favre',
    'Girard',
    'Perret',
    'Morel',
    'Bonvin',
    'Délèze',
    'Crettenand',
    'Jaquier',
    'Rossier',
    'Mercier',
    'Chappuis',
    'Gaillard',
    'Péclard',
    'Zufferey',
    'de Rham',
    "D'Andrès",
    'Rey',
    'Aubert',
  ],
  de: [
    'Müller',
    'Meier',
    'Schmid',
    'Keller',
    'Weber',
    'Huber',
    'Brügger',
    'Zürcher',
    'Kälin',
    'Bösch',
    'Wälti',
    'Baumann',
    'Graf',
    'Frei',
    'Steiner',
    'von Graffenried',
    'Gerber',
    'Lüthi',
    'Hofstetter',
    'Schnyder',
  ],
  it: [
    'Bernasconi',
    'Rossi',
    'Ferrari',
    'Bianchi',
    'Cattaneo',
    'Lurati',
    'Gianella',
    'Pedrazzini',
    'Colombo',
    "D'Alessandro",
    'Galli',
    'Fontana',
    'Righetti',
  ],
  en: ['Smith', 'Taylor', 'Walker', "O'Brien", 'Clarke', 'Hughes', 'Bennett', 'Wright'],
}

export const FIRST_NAMES: Record<Language, readonly string[]> = {
  fr: [
    'Sophie',
    'Julien',
    'Camille',
    'Léa',
    'Mathieu',
    'Chloé',
    'Nicolas',
    'Émilie',
    'Aurélien',
    'Noémie',
    'François',
    'Hélène',
    'Loïc',
    'Anaïs',
    'Jérôme',
    'Céline',
    'Benoît',
    'Maëlle',
  ],
  de: [
    'Lukas',
    'Anna',
    'Jonas',
    'Lea',
    'Matthias',
    'Jürg',
    'Andrea',
    'Sabine',
    'Reto',
    'Ursula',
    'Jürgen',
    'Björn',
    'Käthi',
    'Urs',
    'Nadine',
    'Fabian',
    'Regula',
    'Thomas',
  ],
  it: ['Luca', 'Giulia', 'Marco', 'Chiara', 'Matteo', 'Francesca', 'Niccolò', 'Elena', 'Fabio', 'Sara', 'Andrea'],
  en: ['James', 'Emily', 'Oliver', 'Charlotte', 'Harry', 'Sophie', 'Jack', 'Grace'],
}

export const TEAM_NAMES: Record<Language, readonly string[]> = {
  fr: ['Web', 'Marketing', 'Comptabilité', 'Support', 'Direction', 'Équipe Genève', 'Rédaction', 'Informatique'],
  de: ['Web', 'Marketing', 'Buchhaltung', 'Entwicklung', 'Geschäftsleitung', 'Team Zürich', 'Support', 'Informatik'],
  it: ['Web', 'Marketing', 'Amministrazione', 'Sviluppo', 'Direzione', 'Squadra Lugano'],
  en: ['Web', 'Marketing', 'Finance', 'Engineering', 'Management', 'Support'],
}

export const TAG_NAMES: readonly string[] = [
  'VIP',
  'Production',
  'Staging',
  'À renouveler',
  'Kunde A',
  'Legacy',
  'Marketing',
  'Shop',
  'Intern',
  'Critique',
]

export const WORDS: readonly string[] = [
  'shop',
  'blog',
  'events',
  'news',
  'app',
  'portal',
  'booking',
  'jobs',
  'immo',
  'vins',
  'ski',
  'lac',
  'alpes',
  'bio',
  'kids',
  'fondation',
  'club',
  'expo',
  'design',
  'studio',
  'cloud',
  'data',
  'info',
  'media',
  'tourisme',
  'reisen',
  'gourmet',
  'market',
  'store',
  'online',
  'digital',
  'swiss',
  'boutique',
  'agenda',
]

export const MAIL_PROVIDERS: readonly string[] = [
  'gmail.com',
  'bluewin.ch',
  'gmx.ch',
  'proton.me',
  'ik.me',
  'hotmail.com',
  'sunrise.ch',
]

export const LANGUAGE_LOCALE = {
  fr: 'fr_FR',
  de: 'de_DE',
  it: 'it_IT',
  en: 'en_GB',
} as const

/** Infomaniak language ids (CHOICE: 1 fr, 2 en, 3 de, 4 it, 5 es). */
export const LANGUAGE_ID: Record<string, number> = { fr_FR: 1, en_GB: 2, de_DE: 3, it_IT: 4, es_ES: 5 }

/** Removes diacritics and apostrophes and lowercases: "L'Atelier Zürich" → "latelier-zurich". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
