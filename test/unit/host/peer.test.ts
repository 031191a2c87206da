/**
 * The message link between the core host and its parent, over an in-memory transport that
 * structured-clones like Electron's MessagePort and Node's advanced serialization.
 */
import { describe, expect, it } from 'vitest'
import { Peer, PeerCallError, type Transport } from '../../../electron/main/host/peer'

/** Two connected transports; messages are cloned and delivered asynchronously, like a real port. */
function pair(): [Transport & { inject(raw: unknown): void }, Transport] {
  const listeners: [Set<(m: unknown) => void>, Set<(m: unknown) => void>] = [new Set(), new Set()]
  const make = (mine: 0 | 1) => ({
    post: (message: unknown) => {
      const copy = structuredClone(message)
      setImmediate(() => {
        for (const l of listeners[1 - mine]!) l(copy)
      })
    },
    onMessage: (listener: (m: unknown) => void) => {
      listeners[mine].add(listener)
      return () => listeners[mine].delete(listener)
    },
    inject: (raw: unknown) => {
      for (const l of listeners[mine]) l(raw)
    },
  })
  return [make(0), make(1)]
}

type A = { add: (p: { a: number; b: number }) => number; fail: (p: Record<string, never>) => null }
type B = { hello: (p: { name: string }) => string }
type AEvents = { tick: { n: number } }
type BEvents = Record<string, never>

describe('Peer', () => {
  it('answers calls in both directions, by id, whatever the order of the answers', async () => {
    const [ta, tb] = pair()
    const a = new Peer<A, B, AEvents, BEvents>(ta, {
      add: async ({ a, b }) => {
        await new Promise((r) => setTimeout(r, a === 1 ? 30 : 0))
        return a + b
      },
      fail: () => {
        throw new PeerCallError('no way', 'NOPE')
      },
    })
    const b = new Peer<B, A, BEvents, AEvents>(tb, { hello: ({ name }) => `hello ${name}` })
    const slow = b.call('add', { a: 1, b: 1 })
    const fast = b.call('add', { a: 2, b: 3 })
    expect(await Promise.all([slow, fast])).toEqual([2, 5])
    expect(await a.call('hello', { name: 'core' })).toBe('hello core')
    await expect(b.call('fail', {})).rejects.toMatchObject({ name: 'PeerCallError', code: 'NOPE', message: 'no way' })
    expect(b.pendingCalls).toBe(0)
  })

  it('delivers events to every listener until unsubscribed', async () => {
    const [ta, tb] = pair()
    const a = new Peer<A, B, AEvents, BEvents>(ta, {})
    const b = new Peer<B, A, BEvents, AEvents>(tb, {})
    const seen: number[] = []
    const off = b.onEvent((name, payload) => {
      if (name === 'tick') seen.push(payload.n)
    })
    a.emit('tick', { n: 1 })
    a.emit('tick', { n: 2 })
    await new Promise((r) => setTimeout(r, 10))
    off()
    a.emit('tick', { n: 3 })
    await new Promise((r) => setTimeout(r, 10))
    expect(seen).toEqual([1, 2])
  })

  it('refuses unknown methods (own properties only) and ignores malformed messages', async () => {
    const [ta, tb] = pair()
    const invalid: unknown[] = []
    new Peer<A, B, AEvents, BEvents>(ta, { add: ({ a, b }) => a + b }, (m) => invalid.push(m))
    const b = new Peer<B, A, BEvents, AEvents>(tb, {})
    await expect(b.call('fail', {})).rejects.toMatchObject({ code: 'UNKNOWN_METHOD' })
    await expect(b.call('toString' as 'fail', {})).rejects.toMatchObject({ code: 'UNKNOWN_METHOD' })
    ta.inject({ k: 'call', id: 'x', method: 'add' })
    ta.inject('garbage')
    ta.inject({ k: 'reply', id: 999, ok: true, value: 1 })
    expect(invalid).toEqual([{ k: 'call', id: 'x', method: 'add' }, 'garbage'])
    expect(await b.call('add', { a: 20, b: 22 })).toBe(42)
  })

  it('fails pending and later calls once closed', async () => {
    const [ta, tb] = pair()
    new Peer<A, B, AEvents, BEvents>(ta, { add: () => new Promise<number>(() => undefined) })
    const b = new Peer<B, A, BEvents, AEvents>(tb, {})
    const pending = b.call('add', { a: 1, b: 2 })
    await new Promise((r) => setTimeout(r, 10))
    expect(b.pendingCalls).toBe(1)
    b.close('gone', 'CRASHED')
    await expect(pending).rejects.toMatchObject({ code: 'CRASHED', message: 'gone' })
    await expect(b.call('add', { a: 1, b: 2 })).rejects.toMatchObject({ code: 'CRASHED' })
    expect(b.pendingCalls).toBe(0)
  })
})
