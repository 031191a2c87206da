import { MessageChannelMain, utilityProcess } from 'electron'
import type { HostProcess, SpawnHost } from '../host/client'
import type { Transport, WireMessage } from '../host/peer'
import { portTransport } from '../host/port-transport'

/**
 * Runs the core host (out/main/core-host.js) in an Electron utility process and talks to it over a
 * MessagePort: the first message hands the host its end of a MessageChannelMain.
 */
export function utilityHostSpawner(entryPath: string): SpawnHost {
  return (): HostProcess => {
    const child = utilityProcess.fork(entryPath, [], { serviceName: 'Switchboard core', stdio: 'inherit' })
    const { port1, port2 } = new MessageChannelMain()
    child.postMessage({ t: 'port' }, [port2])
    const transport: Transport = portTransport(port1)
    let exit: { code: number | null; signal: string | null } | null = null
    const exitListeners: ((info: { code: number | null; signal: string | null }) => void)[] = []
    child.once('exit', (code) => {
      exit = { code, signal: null }
      port1.close()
      for (const listener of exitListeners) listener(exit)
    })
    return {
      get pid() {
        return child.pid
      },
      transport: { post: (message: WireMessage) => transport.post(message), onMessage: transport.onMessage },
      onExit: (listener) => {
        if (exit) listener(exit)
        else exitListeners.push(listener)
      },
      kill: () => {
        if (!exit) child.kill()
      },
    }
  }
}
