import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  checkIcons,
  ICNS_SIZES,
  ICO_SIZES,
  OUTPUT,
  PNG_SIZES,
  SOURCE,
  svgVariants,
  TRAY_IMAGES,
} from '../../../scripts/icons.mjs'

const root = resolve(__dirname, '../../..')
const source = readFileSync(SOURCE, 'utf8')

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG')
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) }
}

describe('generated icon set (resources/icons)', () => {
  it('lives where electron-builder and the app look for it', () => {
    expect(OUTPUT).toBe(join(root, 'resources', 'icons'))
    expect(SOURCE).toBe(join(root, 'resources', 'icon.svg'))
  })

  it('has a square PNG for every size from 16 to 1024', () => {
    expect(PNG_SIZES[0]).toBe(16)
    expect(PNG_SIZES.at(-1)).toBe(1024)
    for (const size of PNG_SIZES) {
      expect(pngSize(readFileSync(join(OUTPUT, 'png', `${size}x${size}.png`)))).toEqual({ width: size, height: size })
    }
  })

  it('has a Windows .ico holding every size up to 256', () => {
    const ico = readFileSync(join(OUTPUT, 'icon.ico'))
    expect(ico.readUInt16LE(0)).toBe(0)
    expect(ico.readUInt16LE(2)).toBe(1) // 1 = icon
    const count = ico.readUInt16LE(4)
    const sizes = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + 16 * i) || 256)
    expect(sizes.sort((a, b) => a - b)).toEqual(ICO_SIZES)
  })

  it('has a macOS .icns with the retina entries up to 1024', () => {
    const icns = readFileSync(join(OUTPUT, 'icon.icns'))
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const types: string[] = []
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.subarray(at, at + 4).toString())
    // ic10 = 512@2x (1024 px), ic14 = 256@2x, ic07 = 128, is32/il32 = 16/32.
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10', 'ic11', 'ic12', 'ic13', 'ic14']))
    expect(ICNS_SIZES).toContain(1024)
  })

  it('has tray images at 1x and 2x; the macOS template is black with alpha only', async () => {
    for (const [name, size, variant] of TRAY_IMAGES) {
      const file = join(OUTPUT, 'tray', name)
      const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
      expect([info.width, info.height]).toEqual([size, size])
      let opaque = 0
      let coloured = 0
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! > 0) {
          opaque += 1
          if (data[i]! + data[i + 1]! + data[i + 2]! > 0) coloured += 1
        }
      }
      // Drawn, but not filled: the mark covers a part of the square.
      expect(opaque, name).toBeGreaterThan(size * size * 0.15)
      if (variant === 'template') {
        expect(name).toMatch(/Template(@2x)?\.png$/)
        expect(coloured, `${name} must be pure black`).toBe(0)
        expect(opaque, name).toBeLessThan(size * size * 0.75)
      } else {
        expect(coloured).toBeGreaterThan(0)
      }
    }
  })

  it('derives the template from the mark alone, in black', () => {
    const v = svgVariants(source)
    expect(v.template).not.toContain('id="tile"')
    expect(v.template).toContain('id="mark"')
    expect(v.template).not.toMatch(/(fill|stroke)="#(?!000000)/)
    expect(v.small).toContain('id="tile"')
    expect(() => svgVariants(source.replace('id="mark"', 'id="other"'))).toThrow(/mark/)
  })

  it('is up to date with resources/icon.svg, and the check notices a change to the source', async () => {
    expect(await checkIcons(source, OUTPUT)).toEqual([])
    const recoloured = source.replace('#FCC419', '#FA5252')
    const problems = await checkIcons(recoloured, OUTPUT)
    expect(problems).toContain('out of date: png/1024x1024.png')
    expect(problems.some((p) => p.startsWith('out of date: tray/trayTemplate'))).toBe(false)
  })
})
