import type { AccountSummary } from '../../../../shared/domain/cache'
import { MANAGER_TOKENS_URL } from '../../../../shared/domain/manager-links'
import type { Problem } from '../../../../shared/domain/problem'
import { IpcError } from '../../lib/ipc'

/** The Manager page where personal API tokens are created (shown as text to copy). */
export const TOKEN_PAGE = MANAGER_TOKENS_URL

export type AddErrorKind =
  'invalid_token' | 'token_rejected' | 'missing_scope' | 'offline' | 'keychain' | 'conflict' | 'other'

export interface AddErrorView {
  kind: AddErrorKind
  /** Missing scopes (MISSING_SCOPE). */
  scopes: string[]
  /** Label of the existing account (CONFLICT). */
  existingLabel: string | null
  /** Where to fix it, when the fix is in the Manager. */
  manageUrl: string | null
  /** Why, as the core said it (worded in the UI language by the form). */
  problem: Problem | null
}

function detail(details: unknown, key: string): unknown {
  return typeof details === 'object' && details !== null ? (details as Record<string, unknown>)[key] : undefined
}

/** Turns an `accounts:add` failure into what the form shows (one precise cause and its fix). */
export function explainAddError(error: unknown, accounts: readonly AccountSummary[] = []): AddErrorView {
  const base: AddErrorView = { kind: 'other', scopes: [], existingLabel: null, manageUrl: null, problem: null }
  if (!(error instanceof IpcError)) return base
  const problem = error.problem
  const manage = detail(error.details, 'manageUrl')
  const manageUrl = typeof manage === 'string' ? manage : TOKEN_PAGE
  switch (error.code) {
    case 'INVALID_INPUT':
      return problem.reason === 'accounts.insecureBaseUrl'
        ? { ...base, problem }
        : { ...base, kind: 'invalid_token', manageUrl, problem }
    case 'TOKEN_REJECTED':
      return { ...base, kind: 'token_rejected', manageUrl, problem }
    case 'MISSING_SCOPE': {
      const raw = detail(error.details, 'scopes')
      const scopes = Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string') : []
      return { ...base, kind: 'missing_scope', scopes, manageUrl, problem }
    }
    case 'OFFLINE':
      return { ...base, kind: 'offline', problem }
    case 'KEYCHAIN_UNAVAILABLE':
      return { ...base, kind: 'keychain', problem }
    case 'CONFLICT': {
      const id = detail(error.details, 'accountId')
      const existing = accounts.find((a) => a.id === id)
      return { ...base, kind: 'conflict', existingLabel: existing?.label ?? null, problem }
    }
    default:
      return { ...base, problem }
  }
}

/** Checks the optional API address the way main does (https, or http on this computer only). */
export function checkBaseUrl(raw: string): 'ok' | 'invalid' {
  if (raw.trim() === '') return 'ok'
  try {
    const url = new URL(raw.trim())
    if (url.protocol === 'https:') return 'ok'
    if (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return 'ok'
    return 'invalid'
  } catch {
    return 'invalid'
  }
}
