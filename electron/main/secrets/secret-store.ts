/**
 * Where API tokens live. Only the OS keychain adapter is used by the app; the memory
 * adapter serves tests and the browser shell. Tokens leave a SecretStore only to become
 * an `Authorization` header.
 */
export interface SecretStore {
  /** Human-readable backend name for diagnostics ("keychain", "memory"). */
  readonly kind: string
  get(account: string): Promise<string | null>
  set(account: string, secret: string): Promise<void>
  /** Returns true when something was deleted. */
  delete(account: string): Promise<boolean>
}

/** Raised when the keychain cannot be reached (e.g. Linux without a Secret Service). */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError'
}
