import type { Transport, WireMessage } from './peer'

/** The part of Electron's MessagePortMain a transport needs (this file imports no Electron). */
export interface PortLike {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown
  start(): void
}

/** A core-host transport over a MessagePort: main's end, and the utility process's end. */
export function portTransport(port: PortLike): Transport {
  return {
    post: (message: WireMessage) => port.postMessage(message),
    onMessage: (listener) => {
      const onMessage = (event: { data: unknown }): void => listener(event.data)
      port.on('message', onMessage)
      port.start()
      return () => {
        port.off('message', onMessage)
      }
    },
  }
}
