import { KeychainUnavailableError, type SecretStore } from './secret-store'

/** The subset of keytar we use (keeps the adapter testable with a fake). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

export const KEYCHAIN_SERVICE = 'Switchboard (Infomaniak API token)'

const HINT =
  'Switchboard keeps API tokens only in the operating system keychain. On Linux, install and unlock a Secret Service provider (GNOME Keyring or KWallet) and try again.'

/**
 * Stores tokens in the OS keychain through keytar (N-API, so the same binary loads in
 * Node and Electron). There is deliberately no plaintext fallback.
 */
export class KeytarSecretStore implements SecretStore {
  readonly kind = 'keychain'

  constructor(
    private readonly keytar: KeytarLike,
    private readonly service = KEYCHAIN_SERVICE,
  ) {}

  /** Loads the real keytar module; a failure to load means no keychain. */
  static async load(service = KEYCHAIN_SERVICE): Promise<KeytarSecretStore> {
    try {
      const mod = (await import('keytar')) as unknown as { default?: KeytarLike } & KeytarLike
      return new KeytarSecretStore(mod.default ?? mod, service)
    } catch (error) {
      throw new KeychainUnavailableError(`${HINT} (${error instanceof Error ? error.message : String(error)})`)
    }
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      throw new KeychainUnavailableError(`${HINT} (${detail})`)
    }
  }

  get(account: string): Promise<string | null> {
    return this.call(() => this.keytar.getPassword(this.service, account))
  }

  set(account: string, secret: string): Promise<void> {
    return this.call(() => this.keytar.setPassword(this.service, account, secret))
  }

  delete(account: string): Promise<boolean> {
    return this.call(() => this.keytar.deletePassword(this.service, account))
  }
}
