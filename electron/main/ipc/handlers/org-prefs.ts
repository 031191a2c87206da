import type { CoreServices } from '../../core'
import type { Handlers } from '../dispatch'

/** Pinned and recent organizations of the switcher. */
export function orgPrefsHandlers(
  services: Pick<CoreServices, 'orgPrefs'>,
): Pick<Handlers, 'prefs:orgs-get' | 'prefs:orgs-set'> {
  return {
    'prefs:orgs-get': () => services.orgPrefs.get(),
    'prefs:orgs-set': (patch) => services.orgPrefs.set(patch),
  }
}
