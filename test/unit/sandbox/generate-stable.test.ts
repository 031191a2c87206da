/**
 * Pins the generator's output: any change to the random draws, their order or the shape of the data changes
 * these hashes. Refactors of `generate()` must keep them; a deliberate change of the generated model must
 * update them (and say so in the commit).
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generate, hashData, type GenerateOptions } from '../../../electron/sandbox/index'

const REF = Date.UTC(2026, 0, 15, 9, 0, 0)

/** sha256 of the plain JSON, so the key order of every object is pinned too (hashData sorts keys). */
function rawHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex')
}

const CASES: { name: string; opts: Omit<GenerateOptions, 'referenceTime'>; canonical: string; raw: string }[] = [
  {
    name: 'tiny, seed 1',
    opts: { seed: 1, scale: 'tiny' },
    canonical: '3008db61b0997d99ff94d9a9bb0ae48a939a3f065f8159c2b44c6911a03a6c63',
    raw: 'a12362983cb6af5c0546df012add5e2382885234c38d416fba7a3117384f9967',
  },
  {
    name: 'demo, seed 42',
    opts: { seed: 42, scale: 'demo' },
    canonical: 'baf6eb9da1ed2bdd4f53933081714ec422651882278c498cbd72ef9343e695b0',
    raw: 'a5c8f065bd3df5c8a706af39a0159ab8872876058f969a0111c961f598fc2a77',
  },
  {
    name: 'large with 50 organisations, seed 7',
    opts: { seed: 7, scale: 'large', orgs: 50 },
    canonical: '996f25bbe8e50246979e580fc6bbc31f08629d9f68cd68df22f130ddc467c960',
    raw: '1f2edd81496860198ba286011a28ecdfbeb6b8d78076ebf701fa9a9570be718c',
  },
]

describe('generate() output is stable', () => {
  for (const c of CASES) {
    it(`gives the pinned model for ${c.name}`, () => {
      const data = generate({ ...c.opts, referenceTime: REF })
      expect(hashData(data)).toBe(c.canonical)
      expect(rawHash(data)).toBe(c.raw)
    })
  }
})
