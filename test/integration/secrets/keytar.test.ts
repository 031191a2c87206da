import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { KeytarSecretStore } from '../../../electron/main/secrets/keytar-secret-store'
import { KeychainUnavailableError } from '../../../electron/main/secrets/secret-store'

const keyringExpected = process.env.REQUIRE_KEYRING === '1' || Boolean(process.env.DBUS_SESSION_BUS_ADDRESS)

describe.skipIf(!keyringExpected)('keytar secret store (real Secret Service)', () => {
  it('stores, reads and deletes a token', async () => {
    const store = await KeytarSecretStore.load('Switchboard test')
    const account = `test-${randomBytes(6).toString('hex')}`
    const token = randomBytes(54).toString('base64url') // 72 characters, like a real token
    await store.set(account, token)
    expect(await store.get(account)).toBe(token)
    expect(await store.delete(account)).toBe(true)
    expect(await store.get(account)).toBeNull()
    expect(await store.delete(account)).toBe(false)
  })
})

describe('keytar adapter errors', () => {
  it('turns keychain failures into KeychainUnavailableError without leaking the secret', async () => {
    const store = new KeytarSecretStore({
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      setPassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      deletePassword: () => Promise.resolve(false),
    })
    await expect(store.get('a')).rejects.toBeInstanceOf(KeychainUnavailableError)
    const secret = 'S'.repeat(72)
    const error = await store.set('a', secret).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(KeychainUnavailableError)
    expect(String((error as Error).message)).not.toContain(secret)
    expect(String((error as Error).message)).toMatch(/Secret Service/)
  })
})
