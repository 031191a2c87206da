import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../../renderer/src/app/App'
import type { BackupInfo, StoreStatus } from '../../../shared/domain/store'
import type { IpcResult } from '../../../shared/ipc/result'

const AT = Date.UTC(2026, 10, 20, 9, 30)
const backups: BackupInfo[] = [
  { id: 'user-20261120T093000000Z-daily.sqlite', at: AT, size: 1_572_864, reason: 'daily' },
  { id: 'user-20261119T080000000Z-migration.sqlite', at: AT - 86_400_000, size: 2048, reason: 'migration' },
]

function stubBridge(status: StoreStatus, fail: Record<string, string> = {}, host = 'browser-shell') {
  let current = status
  const invoke = vi.fn(async (channel: string, input: unknown): Promise<IpcResult<unknown>> => {
    if (fail[channel]) return { ok: false, error: { code: fail[channel] as 'DISK_FULL', reason: 'store.diskFull' } }
    switch (channel) {
      case 'settings:get':
        return { ok: true, value: { language: 'en', theme: 'light' } }
      case 'accounts:list':
      case 'orgs:list':
      case 'sync:status':
        return { ok: true, value: [] }
      case 'app:info':
        return {
          ok: true,
          value: { name: 'Switchboard', version: '1', platform: 'linux', dataDir: '/d', host },
        }
      case 'store:status':
        return { ok: true, value: current }
      case 'store:acknowledge':
        current = { ...current, notices: current.notices.filter((n) => n.kind !== (input as { kind: string }).kind) }
        return { ok: true, value: current }
      case 'store:keep-recovered':
        current = { ...current, readOnly: false, notices: [] }
        return { ok: true, value: current }
      case 'backups:list':
        return { ok: true, value: backups }
      case 'backups:create':
        return { ok: true, value: backups[0] }
      case 'backups:restore':
        return { ok: true, value: { restored: backups[1], safetyBackup: backups[0] } }
      case 'logs:open-folder':
        return { ok: true, value: { opened: true } }
    }
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', reason: 'app.unknownChannel' } }
  })
  window.api = { invoke, on: () => () => undefined }
  return invoke
}

const base: StoreStatus = { readOnly: false, notices: [], dataDir: '/d', backupDir: '/d/backups', logDir: '/d/logs' }

describe('data files in the UI', () => {
  afterEach(() => {
    delete window.api
    window.location.hash = ''
  })

  it('lists backups with date, reason and size, and restores one after a confirmation', async () => {
    const invoke = stubBridge(base)
    window.location.hash = '#/settings'
    render(<App mantineEnv="test" />)
    const table = await screen.findByTestId('backups-table')
    const rows = within(table).getAllByRole('row')
    expect(rows).toHaveLength(3)
    expect(rows[1]).toHaveTextContent('Daily')
    expect(rows[1]).toHaveTextContent('1.5 MB')
    expect(rows[2]).toHaveTextContent('Before an update')
    expect(rows[2]).toHaveTextContent('2 kB')
    expect(screen.getByText('Folder: /d/backups')).toBeInTheDocument()
    // Where the logs are; no file manager to open in the browser shell.
    expect(screen.getByTestId('log-folder')).toHaveTextContent('/d/logs')
    expect(within(screen.getByTestId('log-folder')).queryByRole('button')).toBeNull()
    await userEvent.click(within(rows[2]!).getByRole('button', { name: /Restore the backup of/ }))
    expect(await screen.findByText(/Changes made since then are set aside/)).toBeInTheDocument()
    await userEvent.click(screen.getByTestId('confirm-restore'))
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('backups:restore', { id: backups[1]!.id }))
    await userEvent.click(screen.getByTestId('backup-now'))
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('backups:create', {}))
  })

  it('opens the log folder in the app', async () => {
    const invoke = stubBridge(base, {}, 'electron')
    window.location.hash = '#/settings'
    render(<App mantineEnv="test" />)
    await userEvent.click(await screen.findByRole('button', { name: 'Open log folder' }))
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('logs:open-folder', {}))
  })

  it('says the data was restored from a backup, from when, and where the damaged file is', async () => {
    const invoke = stubBridge({
      ...base,
      notices: [
        {
          kind: 'user_restored',
          at: AT + 1000,
          backupId: backups[0]!.id,
          backupAt: AT,
          damagedKeptAs: '/d/user.sqlite.damaged-x',
        },
      ],
    })
    window.location.hash = '#/settings'
    render(<App mantineEnv="test" />)
    const notice = await screen.findByTestId('store-notice-user_restored')
    expect(notice).toHaveTextContent('Your data was restored from a backup')
    expect(notice).toHaveTextContent('/d/user.sqlite.damaged-x')
    expect(notice).toHaveTextContent('2026')
    await userEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }))
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('store:acknowledge', { kind: 'user_restored' }))
    await waitFor(() => expect(screen.queryByTestId('store-notice-user_restored')).toBeNull())
  })

  it('read-only: says so, cannot be dismissed, and the user can keep what was recovered', async () => {
    const invoke = stubBridge({
      ...base,
      readOnly: true,
      notices: [
        {
          kind: 'user_read_only',
          at: AT,
          damagedKeptAs: '/d/user.sqlite.damaged-y',
          copiedRows: 1234,
          damagedTables: ['billing_invoices'],
        },
      ],
    })
    window.location.hash = '#/settings'
    render(<App mantineEnv="test" />)
    const notice = await screen.findByTestId('store-notice-user_read_only')
    expect(notice).toHaveTextContent('Your data is read-only')
    expect(notice).toHaveTextContent("1'234 rows")
    expect(notice).toHaveTextContent('Incomplete: billing_invoices.')
    expect(within(notice).queryByRole('button', { name: 'Dismiss' })).toBeNull()
    expect(screen.getByTestId('backup-now')).toBeDisabled()
    await userEvent.click(within(notice).getByRole('button', { name: 'Continue with what was recovered' }))
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('store:keep-recovered', {}))
    await waitFor(() => expect(screen.queryByTestId('store-notice-user_read_only')).toBeNull())
  })

  it('words a full disk wherever a change fails', async () => {
    stubBridge(base, { 'backups:create': 'DISK_FULL' })
    window.location.hash = '#/settings'
    render(<App mantineEnv="test" />)
    await userEvent.click(await screen.findByTestId('backup-now'))
    expect(await screen.findByText(/The disk is full: nothing was saved/)).toBeInTheDocument()
  })
})
