#!/usr/bin/env node
// @ts-check
/**
 * Generates every icon the platforms need from the one source, resources/icon.svg:
 *
 *   resources/icons/png/<n>x<n>.png      16 … 1024 (Linux desktop icon set, window icon)
 *   resources/icons/icon.ico             Windows (16 … 256)
 *   resources/icons/icon.icns            macOS (16 … 1024)
 *   resources/icons/tray/trayTemplate.png, trayTemplate@2x.png   macOS menu bar (black + alpha:
 *                                        macOS tints template images for light and dark menu bars)
 *   resources/icons/tray/tray.png, tray@2x.png                   Windows and Linux tray
 *
 * sharp (libvips + librsvg) renders the SVG at each target size (not a downscaled bitmap);
 * icon-gen writes the ICO and ICNS containers. At 32 px and below the tile and mark are drawn
 * larger so the cord stays at least ~2 px wide.
 *
 *   npm run icons              write the set
 *   npm run icons -- --check   regenerate in a temporary folder and fail if the committed set differs
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import sharp from 'sharp'
import iconGen from 'icon-gen'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const SOURCE = join(root, 'resources', 'icon.svg')
export const OUTPUT = join(root, 'resources', 'icons')

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
export const ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024]
/** Sizes at or below this use the "small" drawing (bigger tile and mark). */
export const SMALL_MAX = 32
/** The tray images: [file name, size in px, variant]. */
export const TRAY_IMAGES = /** @type {const} */ ([
  ['trayTemplate.png', 16, 'template'],
  ['trayTemplate@2x.png', 32, 'template'],
  ['tray.png', 16, 'small'],
  ['tray@2x.png', 32, 'small'],
])

/** The square the mark occupies in the 1024 canvas (plugs included), with a little air. */
const MARK_BOX = { x: 226, y: 226, size: 572 }
const CANVAS = 1024

/**
 * @param {string} source
 * @param {RegExp} pattern
 * @param {string} what
 */
function pick(source, pattern, what) {
  const found = source.match(new RegExp(pattern.source, 'g'))
  if (!found || found.length !== 1) throw new Error(`icon.svg must contain exactly one ${what}`)
  return found[0]
}

/**
 * @param {number} scale
 * @param {string} content
 */
function scaled(scale, content) {
  const c = CANVAS / 2
  return `<g transform="translate(${c} ${c}) scale(${scale}) translate(${-c} ${-c})">${content}</g>`
}

/**
 * @param {{ x: number, y: number, size: number }} box
 * @param {string} content
 */
function svgDocument(box, content) {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${box.size}" height="${box.size}" ` +
    `viewBox="${box.x} ${box.y} ${box.size} ${box.size}">${content}</svg>`
  )
}

/**
 * The three drawings derived from the source: `full` (as drawn), `small` (tile and mark enlarged
 * for 16–32 px) and `template` (the mark alone, black on transparent, cropped to the mark).
 * @param {string} source the text of icon.svg
 * @returns {{ full: string, small: string, template: string }}
 */
export function svgVariants(source) {
  const defs = pick(source, /<defs>[\s\S]*?<\/defs>/, '<defs> block')
  const tile = pick(source, /<g id="tile">[\s\S]*?<\/g>/, '<g id="tile"> group')
  const mark = pick(source, /<g id="mark">[\s\S]*?<\/g>/, '<g id="mark"> group')
  const canvas = { x: 0, y: 0, size: CANVAS }
  const black = mark.replace(/(fill|stroke)="#[0-9A-Fa-f]{3,8}"/g, '$1="#000000"')
  if (/(fill|stroke)="(?!#000000"|none")/.test(black)) throw new Error('the mark may only use hex colours or none')
  return {
    full: source,
    small: svgDocument(canvas, defs + scaled(1.14, tile) + scaled(1.22, mark)),
    template: svgDocument(MARK_BOX, black),
  }
}

/**
 * Renders an SVG at exactly `size` px: the vector is rasterised at the target density, so small
 * sizes are drawn, not shrunk from a large bitmap.
 * @param {string} svg
 * @param {number} size
 */
export async function renderPng(svg, size) {
  const width = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? CANVAS)
  return sharp(Buffer.from(svg), { density: (72 * size) / width })
    .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png({ compressionLevel: 9, adaptiveFiltering: false, palette: false })
    .toBuffer()
}

/**
 * Writes the whole set into `outDir` (created if needed) and returns the relative paths written.
 * @param {string} source
 * @param {string} outDir
 */
export async function generateIcons(source, outDir) {
  const variants = svgVariants(source)
  const written = []
  const pngDir = join(outDir, 'png')
  const trayDir = join(outDir, 'tray')
  mkdirSync(pngDir, { recursive: true })
  mkdirSync(trayDir, { recursive: true })
  // icon-gen reads <size>.png from one folder.
  const work = mkdtempSync(join(tmpdir(), 'switchboard-icons-'))
  try {
    for (const size of PNG_SIZES) {
      const png = await renderPng(size <= SMALL_MAX ? variants.small : variants.full, size)
      writeFileSync(join(pngDir, `${size}x${size}.png`), png)
      writeFileSync(join(work, `${size}.png`), png)
      written.push(`png/${size}x${size}.png`)
    }
    for (const [name, size, variant] of TRAY_IMAGES) {
      writeFileSync(join(trayDir, name), await renderPng(variants[variant], size))
      written.push(`tray/${name}`)
    }
    await iconGen(work, outDir, {
      ico: { name: 'icon', sizes: ICO_SIZES },
      icns: { name: 'icon', sizes: ICNS_SIZES },
      report: false,
    })
    written.push('icon.ico', 'icon.icns')
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  return written
}

/** @param {string} dir */
function listFiles(dir) {
  /** @type {string[]} */
  const out = []
  const walk = (/** @type {string} */ d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out.push(relative(dir, p).split('\\').join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

/**
 * Regenerates into a temporary folder and lists what differs from `committedDir`.
 * @param {string} source
 * @param {string} committedDir
 * @returns {Promise<string[]>} problems (empty when the committed set is up to date)
 */
export async function checkIcons(source, committedDir) {
  const fresh = mkdtempSync(join(tmpdir(), 'switchboard-icons-check-'))
  try {
    await generateIcons(source, fresh)
    const expected = listFiles(fresh)
    let actual = []
    try {
      actual = listFiles(committedDir)
    } catch {
      return [`${committedDir} does not exist`]
    }
    const problems = []
    for (const file of expected) {
      if (!actual.includes(file)) problems.push(`missing: ${file}`)
      else if (!readFileSync(join(fresh, file)).equals(readFileSync(join(committedDir, file))))
        problems.push(`out of date: ${file}`)
    }
    for (const file of actual) if (!expected.includes(file)) problems.push(`not generated: ${file}`)
    return problems
  } finally {
    rmSync(fresh, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const source = readFileSync(SOURCE, 'utf8')
  if (process.argv.includes('--check')) {
    const problems = await checkIcons(source, OUTPUT)
    if (problems.length > 0) {
      console.error(`[icons] resources/icons does not match resources/icon.svg (run npm run icons):`)
      for (const p of problems) console.error(`  ${p}`)
      process.exit(1)
    }
    console.log('[icons] resources/icons is up to date')
  } else {
    rmSync(OUTPUT, { recursive: true, force: true })
    const written = await generateIcons(source, OUTPUT)
    console.log(`[icons] wrote ${written.length} files to ${relative(root, OUTPUT)}/`)
  }
}
