import type { TFunction } from 'i18next'
import type { Problem } from '../../../shared/domain/problem'
import { IpcError } from './ipc'

/** A problem from the core in the UI language (the `problems` namespace). */
export function problemText(t: TFunction, problem: Problem): string {
  // The `problems` namespace is mounted from the catalogue that types `reason`, so every key exists.
  const translate = t as unknown as (key: string, params?: Record<string, string | number>) => string
  return translate(`problems.${problem.reason}`, problem.params)
}

/** Any error in the UI language: an IPC failure by its problem, anything else as "something went wrong". */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof IpcError) return problemText(t, error.problem)
  return t('problems.app.internal')
}
