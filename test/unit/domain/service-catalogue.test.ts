import {
  CATALOGUE_LANGUAGES,
  SERVICE_CATALOGUE,
  catalogueLanguage,
  findService,
  isKnownService,
  readableServiceCode,
  serviceIcon,
  serviceLabel,
  serviceSearchText,
} from '../../../shared/domain/service-catalogue'
import { SERVICES } from '../../../electron/sandbox/vocab'

describe('service catalogue', () => {
  it('names every service of the API enum in the five languages, none left as a raw code', () => {
    for (const s of SERVICES) {
      const known = findService(s.name)
      expect(known, s.name).toBeDefined()
      for (const lang of CATALOGUE_LANGUAGES) {
        const label = serviceLabel(s.name, lang)
        expect(label, `${s.name} ${lang}`).not.toMatch(/_/)
        expect(label.trim()).toBe(label)
        expect(label.length).toBeGreaterThan(1)
      }
    }
  })

  it('has no duplicate codes, aliases or ids', () => {
    const codes = SERVICE_CATALOGUE.flatMap((e) => [e.name, ...(e.aliases ?? [])])
    expect(new Set(codes).size).toBe(codes.length)
    const ids = SERVICE_CATALOGUE.flatMap((e) => (e.id === null ? [] : [e.id]))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('translates and falls back to English for other languages', () => {
    expect(serviceLabel('email_hosting', 'en')).toBe('Mail service')
    expect(serviceLabel('email_hosting', 'fr')).toBe('Service mail')
    expect(serviceLabel('email_hosting', 'de-CH')).toBe('Mail-Service')
    expect(serviceLabel('certificate', 'it')).toBe('Certificato SSL')
    expect(serviceLabel('domain', 'es')).toBe('Dominio')
    expect(serviceLabel('domain', 'ja')).toBe('Domain')
    expect(catalogueLanguage('FR_ch')).toBe('fr')
  })

  it('knows hosting_3 (service 57) and the internal vocabulary through aliases', () => {
    expect(serviceLabel('hosting_3', 'en')).toBe('Node.js hosting')
    expect(serviceLabel({ id: 57 }, 'fr')).toBe('Hébergement Node.js')
    expect(serviceLabel('domain_name', 'en')).toBe('Domain')
    expect(serviceLabel('HEBERGEMENT_WEB', 'en')).toBe('Web hosting')
    expect(serviceIcon('hosting_3')).toBe('hosting')
  })

  it('gives unknown services a readable fallback, never the raw code', () => {
    expect(readableServiceCode('hosting_4')).toBe('Hosting 4')
    expect(readableServiceCode('videoHardware')).toBe('Video hardware')
    expect(readableServiceCode('super-new.thing2')).toBe('Super new thing 2')
    expect(serviceLabel('web_hosting_9000', 'en')).toBe('Web hosting 9000')
    expect(isKnownService('web_hosting_9000')).toBe(false)
    expect(serviceIcon('web_hosting_9000')).toBe('generic')
    // A product without a usable code: its id, else a sentence.
    expect(serviceLabel({ name: 'unknown', id: 999 }, 'en')).toBe('Service 999')
    expect(serviceLabel({ name: '', id: null }, 'de')).toBe('Unbekannter Dienst')
    // A name wins over an id that says something else.
    expect(serviceLabel({ name: 'domain', id: 23 }, 'en')).toBe('Domain')
  })

  it('search text carries every language, so a French word finds a service in an English UI', () => {
    const text = serviceSearchText('email_hosting')
    expect(text).toContain('email_hosting')
    expect(text).toContain('Service mail')
    expect(text).toContain('Servicio de correo')
    expect(serviceSearchText('brand_new')).toBe('brand_new Brand new')
  })
})
