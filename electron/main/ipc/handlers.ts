import type { Handlers } from './dispatch'
import type { CoreServices } from '../core'

/** Maps every channel to a service call. Handlers stay thin: no SQL, no fetch. */
export function createHandlers(services: CoreServices): Handlers {
  return {
    'app:info': () => services.appInfo,
    'settings:get': () => services.settings.get(),
    'settings:set': ({ patch }) => services.settings.set(patch),
  }
}
