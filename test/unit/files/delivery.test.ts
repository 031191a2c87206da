/**
 * Files never travel through IPC: where exports go in each host (save dialog, download, local
 * folder), and how imports are known to the core (opaque ids, temporary copies deleted).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileDelivery } from '../../../electron/main/files/delivery'
import { FileInbox } from '../../../electron/main/files/inbox'
import { openDialogOptions, saveDialogOptions } from '../../../electron/main/shell/dialog-options'
import { tempDir } from '../../helpers/temp'

let temp: ReturnType<typeof tempDir>
beforeEach(() => {
  temp = tempDir()
})
afterEach(() => temp.cleanup())

const content = { fileName: 'report.csv', mimeType: 'text/csv; charset=utf-8', bytes: Buffer.from('a;b\n1;2\n') }

describe('FileDelivery', () => {
  it('without a host: writes under the exports folder and answers the path', async () => {
    const files = new FileDelivery({ exportsDir: join(temp.dir, 'exports'), host: {} })
    const file = await files.deliver(content)
    expect(file).toMatchObject({ fileName: 'report.csv', byteLength: 8, downloadUrl: null })
    expect(file.savedPath!.startsWith(join(temp.dir, 'exports'))).toBe(true)
    expect(file.savedPath!.endsWith('.csv')).toBe(true)
    expect(readFileSync(file.savedPath!, 'utf8')).toBe('a;b\n1;2\n')
  })

  it('the app: asks the save dialog first, then writes exactly there; a cancel writes nothing', async () => {
    const asked: [string, string][] = []
    let answer: string | null = join(temp.dir, 'chosen.csv')
    const files = new FileDelivery({
      exportsDir: join(temp.dir, 'exports'),
      host: {
        chooseSavePath: (name, mime) => {
          asked.push([name, mime])
          return Promise.resolve(answer)
        },
      },
    })
    const file = await files.deliver(content)
    expect(asked).toEqual([['report.csv', 'text/csv; charset=utf-8']])
    expect(file).toEqual({
      fileName: 'report.csv',
      mimeType: 'text/csv; charset=utf-8',
      byteLength: 8,
      savedPath: join(temp.dir, 'chosen.csv'),
      downloadUrl: null,
    })
    expect(readFileSync(join(temp.dir, 'chosen.csv'), 'utf8')).toBe('a;b\n1;2\n')
    answer = null
    await expect(files.deliver(content)).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(existsSync(join(temp.dir, 'exports'))).toBe(false)
  })

  it('the browser shell: a temporary file offered once as a download', async () => {
    const offered: { path: string; fileName: string; byteLength: number }[] = []
    const files = new FileDelivery({
      exportsDir: join(temp.dir, 'exports'),
      host: {
        offerDownload: (f) => {
          offered.push(f)
          return Promise.resolve('/__shell/download/abc')
        },
      },
    })
    const file = await files.deliver(content)
    expect(file).toMatchObject({ savedPath: null, downloadUrl: '/__shell/download/abc', byteLength: 8 })
    expect(offered).toHaveLength(1)
    expect(readFileSync(offered[0]!.path, 'utf8')).toBe('a;b\n1;2\n')
  })

  it('removes a partial file when the export fails', async () => {
    const files = new FileDelivery({ exportsDir: join(temp.dir, 'exports'), host: {} })
    const target = (await files.target('big.xlsx', 'application/x'))!
    writeFileSync(target.path, 'partial')
    await files.discard(target)
    expect(existsSync(target.path)).toBe(false)
  })
})

describe('FileDelivery.stream', () => {
  it('writes the pieces as they come, yielding to the event loop between them', async () => {
    const files = new FileDelivery({ exportsDir: join(temp.dir, 'exports'), host: {} })
    let produced = 0
    let producedWhenOtherWorkRan = -1
    function* pieces(): Generator<string> {
      for (let i = 0; i < 200; i++) {
        // Work queued by someone else once the export has started.
        if (i === 0)
          setImmediate(() => {
            producedWhenOtherWorkRan = produced
          })
        produced++
        yield `row ${i}\n`
      }
    }
    const file = await files.stream({ fileName: 'big.csv', mimeType: 'text/csv', chunks: pieces() })
    const text = readFileSync(file.savedPath!, 'utf8')
    expect(text.split('\n')).toHaveLength(201)
    expect(text.startsWith('row 0\nrow 1\n')).toBe(true)
    expect(file.byteLength).toBe(Buffer.byteLength(text))
    // Other work of the core ran while the file was being produced, not after it.
    expect(producedWhenOtherWorkRan).toBeGreaterThan(0)
    expect(producedWhenOtherWorkRan).toBeLessThan(200)
  })

  it('a failure while producing removes what was written; a cancelled dialog produces nothing', async () => {
    const dir = join(temp.dir, 'exports')
    const files = new FileDelivery({ exportsDir: dir, host: {} })
    function* failing(): Generator<string> {
      for (let i = 0; i < 50; i++) yield `row ${i}\n`
      throw new Error('disk full of surprises')
    }
    await expect(files.stream({ fileName: 'x.csv', mimeType: 'text/csv', chunks: failing() })).rejects.toThrow(
      'disk full of surprises',
    )
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([])

    let started = false
    const cancelled = new FileDelivery({ exportsDir: dir, host: { chooseSavePath: () => Promise.resolve(null) } })
    const lazy = (function* () {
      started = true
      yield 'never'
    })()
    await expect(cancelled.stream({ fileName: 'x.csv', mimeType: 'text/csv', chunks: lazy })).rejects.toMatchObject({
      code: 'CANCELLED',
    })
    expect(started).toBe(false)
  })
})

describe('FileInbox', () => {
  it('knows files by opaque id, reads them, deletes temporary copies only', async () => {
    let now = 0
    const inbox = new FileInbox({ now: () => now, maxAgeMs: 1_000, maxEntries: 2 })
    const mine = join(temp.dir, 'manager.csv')
    writeFileSync(mine, 'x,y\n')
    const upload = join(temp.dir, 'upload-1')
    writeFileSync(upload, 'u\n')
    const a = await inbox.register(mine, { owned: false })
    expect(a).toMatchObject({ fileName: 'manager.csv', byteLength: 4 })
    expect(a.fileId).toMatch(/^[0-9a-f-]{36}$/)
    const b = await inbox.register(upload, { fileName: 'export.csv', owned: true })
    expect(await inbox.read(b.fileId)).toMatchObject({ fileName: 'export.csv', bytes: Buffer.from('u\n') })

    await inbox.release(a.fileId)
    await inbox.release(b.fileId)
    expect(existsSync(mine)).toBe(true) // the user's own file stays
    expect(existsSync(upload)).toBe(false) // the temporary copy goes
    await expect(inbox.read(a.fileId)).rejects.toMatchObject({ code: 'NOT_FOUND' })

    // Old entries expire; at most maxEntries are kept.
    const c = await inbox.register(mine, { owned: false })
    now = 5_000
    const d = await inbox.register(mine, { owned: false })
    expect(() => inbox.get(c.fileId)).toThrow(/files.gone/)
    const e = await inbox.register(mine, { owned: false })
    const f = await inbox.register(mine, { owned: false })
    expect(() => inbox.get(d.fileId)).toThrow()
    expect(inbox.get(e.fileId).path).toBe(mine)
    expect(inbox.get(f.fileId).path).toBe(mine)
  })
})

describe('dialog options (main)', () => {
  it('filters the save dialog by the export extension and the open dialog by what the import reads', () => {
    expect(saveDialogOptions('billing-2026-01-01-2026-12-31.xlsx', 'application/vnd.ms-excel')).toEqual({
      defaultPath: 'billing-2026-01-01-2026-12-31.xlsx',
      filters: [{ name: 'application/vnd.ms-excel', extensions: ['xlsx'] }],
    })
    expect(saveDialogOptions('renewals.csv', 'text/csv; charset=utf-8').filters).toEqual([
      { name: 'text/csv', extensions: ['csv'] },
    ])
    expect(saveDialogOptions('noext', 'x').filters).toEqual([])
    expect(openDialogOptions('billing-import')).toMatchObject({
      properties: ['openFile'],
      filters: [{ extensions: ['csv', 'txt'] }, { extensions: ['*'] }],
    })
  })
})
