import type { CoreServices } from '../../core'
import type { Handlers } from '../dispatch'

/** Past offboarding runs per person or per organization. */
export function offboardingRunsHandlers(services: Pick<CoreServices, 'access'>): Pick<Handlers, 'offboarding:runs'> {
  return { 'offboarding:runs': (filter) => services.access.pastRuns(filter) }
}
