import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mimeTypeFor, resolveAppPath } from '../../../electron/main/shell/app-protocol-path'

const root = '/opt/switchboard/out/renderer'

describe('resolveAppPath', () => {
  it('serves files under the root', () => {
    expect(resolveAppPath(root, 'app://switchboard/index.html')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://switchboard/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'))
    expect(resolveAppPath(root, 'app://switchboard/assets/a%20b.css')).toBe(join(root, 'assets/a b.css'))
  })

  it('maps the root and client routes to index.html', () => {
    expect(resolveAppPath(root, 'app://switchboard/')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://switchboard')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://switchboard/overview')).toBe(join(root, 'index.html'))
  })

  it.each([
    'app://switchboard/../../etc/passwd',
    'app://switchboard/assets/../../../etc/passwd',
    'app://switchboard/%2e%2e/%2e%2e/etc/passwd',
    'app://switchboard/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
    'app://switchboard/..%2f..%2fetc%2fpasswd',
    'app://switchboard/%2fetc%2fpasswd',
    'app://switchboard//etc/passwd',
    'app://switchboard/..%5c..%5cwindows%5cwin.ini',
    'app://switchboard/C:%5cWindows%5cwin.ini',
    'app://switchboard/index.html%00.png',
    'app://switchboard/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://switchboard/index.html',
    'not a url',
  ])('never leaves the root for %s', (url) => {
    const resolved = resolveAppPath(root, url)
    // Either refused, or a file strictly inside the root (e.g. //etc/passwd is root/etc/passwd).
    if (resolved !== null) expect(resolved.startsWith(root + '/')).toBe(true)
  })

  it('refuses traversal outright rather than clamping it', () => {
    // Literal and %2e-encoded ../ segments are collapsed by the URL parser itself, so they can
    // only land inside the root (here: the SPA fallback, since `passwd` has no extension).
    expect(resolveAppPath(root, 'app://switchboard/../../etc/passwd')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://switchboard/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'index.html'))
    // Encoded separators survive the parser and are refused after decoding.
    expect(resolveAppPath(root, 'app://switchboard/assets/%2E%2E%2F%2E%2E%2Fsecret.txt')).toBeNull()
    expect(resolveAppPath(root, 'app://switchboard/..%2f..%2fetc%2fpasswd')).toBeNull()
    expect(resolveAppPath(root, 'app://switchboard/..%5c..%5cwindows%5cwin.ini')).toBeNull()
    expect(resolveAppPath(root, 'app://switchboard/index.html%00.png')).toBeNull()
    expect(resolveAppPath(root, 'app://switchboard/%E0%A4%A')).toBeNull()
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull()
  })

  it('knows the content types it serves', () => {
    expect(mimeTypeFor('a/index.html')).toMatch(/text\/html/)
    expect(mimeTypeFor('a/x.js')).toMatch(/javascript/)
    expect(mimeTypeFor('a/x.unknown')).toBe('application/octet-stream')
  })
})
