/**
 * Entry point of the core host process (built as out/main/core-host.js).
 *
 * - In the app it runs as an Electron utility process: the first message on `process.parentPort`
 *   carries the MessagePort to main; every later message goes over that port.
 * - Under plain Node it is a forked child (`child_process.fork`, advanced serialization) and talks
 *   over the process channel: the browser shell, the e2e suite, the tests and the benchmarks.
 *
 * It never imports `electron`: `process.parentPort` is a property Electron adds to the process.
 */
import { consoleLogger } from '../lib/logger'
import type { Transport, WireMessage } from './peer'
import { portTransport, type PortLike } from './port-transport'
import { serveCore } from './serve'

/** The subset of Electron's `process.parentPort` the host uses. */
interface ParentPortLike {
  once(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void
}

function isParentPort(value: unknown): value is ParentPortLike {
  return typeof value === 'object' && value !== null && typeof (value as { once?: unknown }).once === 'function'
}

function processTransport(): Transport {
  return {
    post: (message: WireMessage) => {
      process.send?.(message)
    },
    onMessage: (listener) => {
      process.on('message', listener)
      return () => {
        process.off('message', listener)
      }
    },
  }
}

const logger = consoleLogger('warn')
const loadKeychain = async () => {
  const { KeytarSecretStore } = await import('../secrets/keytar-secret-store')
  return KeytarSecretStore.load()
}

function serve(transport: Transport): () => void {
  return serveCore({ transport, loadKeychain, exit: (code) => process.exit(code) }).close
}

const parentPort: unknown = Reflect.get(process, 'parentPort')
if (isParentPort(parentPort)) {
  parentPort.once('message', (event) => {
    const port = event.ports[0]
    if (!port) {
      logger.error('core host: the first message from main carried no MessagePort')
      process.exit(2)
    }
    serve(portTransport(port))
  })
} else if (typeof process.send === 'function') {
  const close = serve(processTransport())
  // The parent is gone (closed channel): nothing to serve any more.
  process.on('disconnect', () => {
    close()
    process.exit(0)
  })
} else {
  logger.error('core host: start me with child_process.fork or Electron utilityProcess.fork')
  process.exit(2)
}
