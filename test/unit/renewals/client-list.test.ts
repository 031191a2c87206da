import { describe, expect, it } from 'vitest'
import { autoRenewOf, type RenewalRow } from '../../../shared/domain/renewals'
import { clientRenewalList } from '../../../shared/i18n/documents/renewals-list'

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000

function row(over: Partial<RenewalRow> & Pick<RenewalRow, 'productId'>): RenewalRow {
  return {
    accountId: 'a',
    orgId: 1,
    orgName: 'Café Müller SA',
    customerName: `p${over.productId}.ch`,
    serviceName: 'domain',
    expiredAt: day('2026-12-12'),
    daysLeft: 10,
    expired: false,
    underCutoff: true,
    autoRenew: 'unknown',
    price: { currency: 'CHF', cents: null },
    ...over,
  }
}

const today = Date.UTC(2026, 11, 2)

describe('client-ready renewal list', () => {
  it('groups per client in order of the earliest renewal, names services from the catalogue, prices in the document language', () => {
    const text = clientRenewalList(
      [
        row({ productId: 3, orgId: 2, orgName: 'Studio Rossi', expiredAt: day('2027-01-05'), serviceName: 'ksuite' }),
        row({ productId: 1, serviceName: 'web_hosting', price: { currency: 'CHF', cents: 12_000 } }),
        row({
          productId: 2,
          customerName: 'Drive Dupont',
          serviceName: 'drive',
          expiredAt: day('2026-11-28'),
          expired: true,
          price: { currency: 'CHF', cents: 250_050 },
        }),
      ],
      'en',
      today,
    )
    expect(text).toBe(
      [
        'Renewals as of 2 Dec 2026',
        '',
        'Café Müller SA',
        "- kDrive: Drive Dupont: expired on 28 Nov 2026, CHF 2'500.50 per year",
        '- Web hosting: p1.ch: renews on 12 Dec 2026, CHF 120.00 per year',
        "Total: CHF 2'620.50 per year",
        '',
        'Studio Rossi',
        '- kSuite: p3.ch: renews on 5 Jan 2027',
        '',
      ].join('\n'),
    )
    expect(text).not.toMatch(/web_hosting|ksuite/)
  })

  it('never writes a missing price as 0, and totals each currency apart', () => {
    const text = clientRenewalList(
      [
        row({ productId: 1, price: { currency: 'EUR', cents: 1_000 } }),
        row({ productId: 2, price: { currency: 'CHF', cents: 2_000 } }),
        row({ productId: 3 }),
      ],
      'en',
      today,
    )
    expect(text).not.toMatch(/\b0\.00/)
    expect(text).toContain('- Domain: p3.ch: renews on 12 Dec 2026\n')
    expect(text).toContain('Total: CHF 20.00 and EUR 10.00 per year')
  })

  it('writes dates, amounts and words in the document language', () => {
    const text = clientRenewalList(
      [row({ productId: 1, serviceName: 'email_hosting', price: { currency: 'CHF', cents: 123_450 } })],
      'fr',
      today,
    )
    expect(text).toMatch(/^Renouvellements au 2 déc\. 2026\n/)
    expect(text).toMatch(/- Service mail: p1\.ch: échéance le 12 déc\. 2026, CHF 1.234\.50 par an/u)
    const de = clientRenewalList([row({ productId: 1 })], 'de', today)
    expect(de).toContain('- Domain: p1.ch: läuft am 12. Dez. 2026 ab')
  })
})

describe('auto-renewal read from the API', () => {
  it('reads kSuite has_auto_renew, auto_renew-like flags and renew_preferences; anything else is unknown', () => {
    expect(autoRenewOf({ has_auto_renew: true })).toBe(true)
    expect(autoRenewOf({ has_auto_renew: false })).toBe(false)
    expect(autoRenewOf({ auto_renew: 0 })).toBe(false)
    expect(autoRenewOf({ renew_preferences: [{ automatic_renewal: '1' }] })).toBe(true)
    expect(autoRenewOf({ renew_preferences: { is_auto_renew: false } })).toBe(false)
    expect(autoRenewOf({ renew_preferences: ['auto_renew'] })).toBe(true)
    expect(autoRenewOf({ renew_preferences: [] })).toBeNull()
    expect(autoRenewOf({ renew_preferences: [{ period: 12 }], has_auto_renew: null })).toBeNull()
    expect(autoRenewOf({})).toBeNull()
  })
})
