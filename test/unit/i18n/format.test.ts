import { describe, expect, it } from 'vitest'
import {
  csvDefaults,
  formatDate,
  formatDuration,
  formatMoney,
  formatMonth,
  formatNumber,
  formatNumericDate,
  intlLocale,
  plainSpaces,
  relativeTime,
} from '../../../shared/i18n/format'
import { pseudoText } from '../../../shared/i18n/pseudo'

const DEC_1 = Date.UTC(2026, 11, 1, 12)

describe('the formatting module', () => {
  it("formats the Swiss way in German, French, Italian and English: 1'234.50 and 01.12.2026", () => {
    for (const language of ['de', 'fr', 'it', 'en']) {
      expect(formatNumber(1234.5, language, { minimumFractionDigits: 2 }), language).toBe("1'234.50")
      expect(formatNumber(1234567, language), language).toBe("1'234'567")
      expect(formatNumericDate(DEC_1, language), language).toBe('01.12.2026')
      expect(formatNumericDate('2026-12-01', language), language).toBe('01.12.2026')
      expect(formatMoney(123450, 'CHF', language), language).toBe("CHF 1'234.50")
      expect(formatMoney(-8081, 'EUR', language), language).toBe('EUR -80.81')
    }
  })

  it('formats Spanish the Spanish way', () => {
    expect(intlLocale('es')).toBe('es-ES')
    expect(formatNumber(12345.5, 'es', { minimumFractionDigits: 2 })).toBe('12.345,50')
    expect(plainSpaces(formatMoney(123450, 'EUR', 'es'))).toBe('1234,50 EUR')
    expect(formatNumericDate('2026-12-01', 'es')).toBe('01/12/2026')
  })

  it('names months and relative times in each language', () => {
    expect(formatDate('2026-03-05', 'de')).toBe('5. März 2026')
    expect(formatDate('2026-03-05', 'it')).toMatch(/^5 mar 2026$/)
    expect(formatMonth('2026-03', 'fr')).toBe('mars 2026')
    expect(formatMonth('2026-03', 'es')).toBe('mar 2026')
    const now = Date.UTC(2026, 0, 10)
    expect(relativeTime(now - 3 * 86_400_000, now, 'de')).toBe('vor 3 Tagen')
    expect(relativeTime(now - 3 * 86_400_000, now, 'it')).toBe('3 giorni fa')
    expect(relativeTime(now - 3 * 86_400_000, now, 'es')).toBe('hace 3 días')
    expect(relativeTime(now + 2 * 3_600_000, now, 'fr')).toBe('dans 2 heures')
    // The pseudo-locale marks relative times and durations like its other texts (no English escapes).
    expect(relativeTime(now - 3 * 60_000, now, 'en-XA')).toBe(pseudoText(relativeTime(now - 3 * 60_000, now, 'en')))
    expect(relativeTime(now - 3 * 60_000, now, 'en-XA')).toMatch(/^⟦3 .* ·~+⟧$/)
    expect(formatDuration(120_000, 'en-XA')).toBe(pseudoText(formatDuration(120_000, 'en')))
  })

  it('reads an ISO day as that calendar day, whatever the time zone', () => {
    expect(formatNumericDate('2026-01-01', 'de')).toBe('01.01.2026')
    expect(formatNumericDate('2026-12-31', 'es')).toBe('31/12/2026')
  })

  it('defaults CSV to the decimal separator of the language and the delimiter Excel expects', () => {
    expect(csvDefaults('en')).toEqual({ delimiter: ',', decimal: '.' })
    expect(csvDefaults('de')).toEqual({ delimiter: ';', decimal: '.' })
    expect(csvDefaults('fr')).toEqual({ delimiter: ';', decimal: '.' })
    expect(csvDefaults('it')).toEqual({ delimiter: ';', decimal: '.' })
    expect(csvDefaults('es')).toEqual({ delimiter: ';', decimal: ',' })
  })

  it('formats the pseudo-locale like English', () => {
    expect(intlLocale('en-XA')).toBe('en-CH')
    expect(formatMoney(100, 'CHF', 'en-XA')).toBe('CHF 1.00')
  })
})
