/// <reference types="vite/client" />
import type { DesktopBridge } from '../../shared/ipc/bridge'

declare global {
  interface Window {
    /** Provided by the preload (Electron) or by the browser shell's bridge script. */
    api?: DesktopBridge
  }
}
