/**
 * The sandboxed preload: exposes `window.api = { invoke, on }` for allowlisted channels only.
 *
 * It imports nothing but `electron` and the dependency-free channel list, because a
 * sandboxed preload cannot load npm packages. Validation happens in main; this bridge only
 * refuses channels that are not on the list.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { isEventChannel, isInvokeChannel } from '../../shared/ipc/channels'
import { createBridge } from './bridge'

contextBridge.exposeInMainWorld(
  'api',
  createBridge({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    on: (channel, listener) => {
      const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
      ipcRenderer.on(channel, handler)
      return () => {
        ipcRenderer.removeListener(channel, handler)
      }
    },
    isInvokeChannel,
    isEventChannel,
  }),
)
