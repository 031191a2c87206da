/**
 * The scheduler runs in the core host (a forked Node child, the very entry the app runs in Electron's
 * utility process): power signals cross the host protocol, and a restarted host is told them again.
 */
import { describe, expect, it } from 'vitest'
import type { ScheduleOverview } from '../../../shared/domain/reminders'
import { startNodeCoreHost } from '../../../electron/main/host/node-host'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { tempDir } from '../../helpers/temp'

const APP = { name: 'Switchboard', version: '0.0.0-test', platform: 'linux', host: 'browser-shell' } as const

describe('scheduler in the core host', () => {
  it(
    'runs there, hears battery and sleep signals, and keeps them across a host restart',
    { timeout: 120_000 },
    async () => {
      const temp = tempDir()
      const { client, started } = await startNodeCoreHost({
        init: { dataDir: temp.dir, app: APP, validateOutput: true },
        logger: memoryLogger(),
      })
      const overview = async (): Promise<ScheduleOverview> => {
        const r = await client.dispatch('schedule:get', {}, { transport: 'test' })
        if (!r.ok) throw new Error(r.error.reason)
        return r.value as ScheduleOverview
      }
      try {
        expect(await overview()).toMatchObject({ running: true, power: { onBattery: false, suspended: false } })
        client.signal({ kind: 'power', onBattery: true })
        client.signal({ kind: 'suspend' })
        await expect
          .poll(async () => (await overview()).power, { timeout: 10_000 })
          .toEqual({
            onBattery: true,
            suspended: true,
          })
        // The host crashes; the new one starts "on AC, awake" and is told what the parent knows.
        process.kill(started.pid, 'SIGKILL')
        await expect
          .poll(
            async () => (client.pid !== started.pid && client.pid !== undefined ? (await overview()).power : null),
            {
              timeout: 60_000,
            },
          )
          .toEqual({ onBattery: true, suspended: true })
        client.signal({ kind: 'resume' })
        await expect.poll(async () => (await overview()).power.suspended, { timeout: 10_000 }).toBe(false)
      } finally {
        await client.stop()
        temp.cleanup()
      }
    },
  )
})
