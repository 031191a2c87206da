import type { AccountSummary } from '../../../shared/domain/cache'
import type { Sandbox, SandboxOptions } from '../../sandbox'
import { AppError } from '../lib/app-error'
import type { Clock } from '../lib/clock'
import type { Logger } from '../lib/logger'
import type { EventBus } from '../ipc/dispatch'
import type { SecretStore } from '../secrets/secret-store'
import type { AccountsRepo } from '../store/repos/accounts-repo'
import type { SyncEngine } from '../sync/engine'
import { secretKey, type AccountsService } from './accounts-service'
import { change, emitChanges } from '../lib/cache-events'

/** The demo sandbox answers 600 requests per minute (the real API: 60) so the demo fills up quickly. */
export const DEMO_RATE_LIMIT = { limit: 600, windowMs: 60_000 } as const
export const DEMO_LABEL = 'Demo agency'
export const DEMO_SEED = 42

export interface DemoServiceDeps {
  accounts: AccountsService
  repo: AccountsRepo
  secrets: SecretStore
  sync: SyncEngine
  events: EventBus
  clock: Clock
  logger: Logger
  /** Starts the sandbox (electron/sandbox `startSandbox`); injected so the core stays testable. */
  startSandbox(options: SandboxOptions): Promise<Sandbox>
  /** Forgets the cached API client of an account (its base URL changed). */
  forgetClient(accountId: string): void
}

/**
 * "Explore with demo data": runs the in-process sandbox (seeded demo agency) for the life of
 * the core and adds its owner token as an account through the same path as a pasted token.
 */
export class DemoService {
  private sandbox: Promise<Sandbox> | null = null
  private starting: Promise<AccountSummary> | null = null
  private closed = false

  constructor(private readonly d: DemoServiceDeps) {}

  /** The running sandbox's URL, if any (diagnostics and tests). */
  async url(): Promise<string | null> {
    return this.sandbox ? (await this.sandbox).url : null
  }

  private ensureSandbox(): Promise<Sandbox> {
    if (this.closed) return Promise.reject(new AppError('CONFLICT', 'app.shuttingDown'))
    this.sandbox ??= this.d
      .startSandbox({
        scale: 'demo',
        seed: DEMO_SEED,
        clock: this.d.clock,
        settings: { rateLimit: { ...DEMO_RATE_LIMIT } },
      })
      .catch((error: unknown) => {
        this.sandbox = null
        this.d.logger.error('demo sandbox failed to start', { error })
        throw new AppError('INTERNAL', 'demo.failed')
      })
    return this.sandbox
  }

  /**
   * Starts (or reuses) the demo sandbox and returns the demo account, adding it the first time.
   * Concurrent calls share one start.
   */
  start(): Promise<AccountSummary> {
    this.starting ??= this.doStart().finally(() => {
      this.starting = null
    })
    return this.starting
  }

  private async doStart(): Promise<AccountSummary> {
    const sandbox = await this.ensureSandbox()
    const token = sandbox.tokens.owner
    if (!token) throw new AppError('INTERNAL', 'demo.noOwner')
    const existing = this.d.repo.list().find((a) => a.is_demo === 1)
    if (!existing) {
      const account = await this.d.accounts.add({ token, baseUrl: sandbox.url, label: DEMO_LABEL, isDemo: true })
      this.d.sync.start(account.id)
      return account
    }
    // The sandbox listens on a new port after every start: re-point the stored account at it,
    // drop its cached client (bound to the old URL) and put the (public, sandbox-only) token back
    // in the store, which may have lost it (memory store of the browser shell, or "signed out").
    if (existing.base_url !== sandbox.url) {
      this.d.sync.cancel(existing.id)
      await this.d.sync.whenIdle(existing.id)
      this.d.repo.setBaseUrl(existing.id, sandbox.url)
      this.d.forgetClient(existing.id)
    }
    await this.d.secrets.set(secretKey(existing.id), token)
    if (existing.state !== 'ok') this.d.repo.setState(existing.id, 'ok', null)
    emitChanges(this.d.events, [change('accounts', existing.id)])
    this.d.sync.start(existing.id)
    const record = this.d.repo.get(existing.id)
    if (!record) throw new AppError('NOT_FOUND', 'demo.gone')
    return this.d.repo.summary(record)
  }

  /** At core start: a demo account from a previous run gets its sandbox back (in the background). */
  resumeIfPresent(): void {
    if (!this.d.repo.list().some((a) => a.is_demo === 1)) return
    this.start().catch((error: unknown) => this.d.logger.warn('demo could not be resumed', { error }))
  }

  /** Stops the sandbox (core close). */
  async close(): Promise<void> {
    this.closed = true
    const sandbox = this.sandbox
    this.sandbox = null
    if (!sandbox) return
    try {
      await (await sandbox).stop()
    } catch {
      // it never started: nothing to stop
    }
  }
}
