/**
 * The production main build (electron.vite.config.ts, built in memory): Electron main and the core
 * host are separate entries, main carries no core, and no entry carries the sandbox (the fake API
 * with its control endpoint and fault injection): only the lazily loaded demo chunk does.
 */
import { resolveConfig } from 'electron-vite'
import { build, mergeConfig } from 'vite'
import { beforeAll, describe, expect, it } from 'vitest'

interface Chunk {
  fileName: string
  type: 'chunk'
  code: string
  isEntry: boolean
  imports: string[]
  dynamicImports: string[]
}

/** Markers of sandbox code: its control API, its fault injection and its data generator. */
const SANDBOX_MARKERS = ['__control', 'FaultEngine', 'dropConnectionRate', 'ControlError', 'resolveCounts']

let chunks: Map<string, Chunk>

/** Every chunk a file loads at start (static imports, transitively), itself included. */
function staticClosure(fileName: string): Chunk[] {
  const seen = new Map<string, Chunk>()
  const visit = (name: string): void => {
    const chunk = chunks.get(name)
    if (!chunk || seen.has(name)) return
    seen.set(name, chunk)
    for (const next of chunk.imports) visit(next)
  }
  visit(fileName)
  return [...seen.values()]
}

const externals = (closure: Chunk[]): string[] => closure.flatMap((c) => c.imports.filter((i) => !chunks.has(i)))

describe('production main bundle', () => {
  beforeAll(async () => {
    const resolved = await resolveConfig(
      { configFile: 'electron.vite.config.ts', logLevel: 'silent' },
      'build',
      'production',
    )
    const main = resolved.config?.main
    if (!main) throw new Error('electron.vite.config.ts has no main build')
    const result = await build(mergeConfig(main, { logLevel: 'silent', build: { write: false } }))
    const outputs = (Array.isArray(result) ? result : [result]) as { output: (Chunk | { type: 'asset' })[] }[]
    chunks = new Map()
    for (const output of outputs)
      for (const item of output.output) if (item.type === 'chunk') chunks.set(item.fileName, item)
  }, 180_000)

  it('has two entries: Electron main (index.js) and the core host (core-host.js)', () => {
    const entries = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName)
    expect(entries.sort()).toEqual(['core-host.js', 'index.js'])
  })

  it('keeps the core out of Electron main, and Electron out of the core host', () => {
    const main = externals(staticClosure('index.js'))
    expect(main).toContain('electron')
    expect(main).not.toContain('better-sqlite3')
    expect(main).not.toContain('exceljs')
    const host = externals(staticClosure('core-host.js'))
    expect(host).toContain('better-sqlite3')
    expect(host).not.toContain('electron')
  })

  it('loads no sandbox code at start; the demo loads it as a chunk of its own', () => {
    for (const entry of ['index.js', 'core-host.js']) {
      for (const chunk of staticClosure(entry))
        for (const marker of SANDBOX_MARKERS)
          expect(chunk.code.includes(marker), `${marker} in ${chunk.fileName}`).toBe(false)
    }
    const lazy = [...chunks.values()].filter((c) => c.code.includes('__control'))
    expect(lazy.length).toBeGreaterThan(0)
    // Reached only through a dynamic import (the demo seam).
    for (const chunk of lazy) {
      expect(chunk.isEntry).toBe(false)
      expect([...chunks.values()].some((c) => c.dynamicImports.includes(chunk.fileName))).toBe(true)
    }
  })
})
