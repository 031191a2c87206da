import type { SecretStore } from './secret-store'

/** In-memory secrets for tests and the browser shell. Never used by the desktop app. */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory'
  private readonly secrets = new Map<string, string>()

  get(account: string): Promise<string | null> {
    return Promise.resolve(this.secrets.get(account) ?? null)
  }

  set(account: string, secret: string): Promise<void> {
    this.secrets.set(account, secret)
    return Promise.resolve()
  }

  delete(account: string): Promise<boolean> {
    return Promise.resolve(this.secrets.delete(account))
  }
}
