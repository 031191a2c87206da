/**
 * The CLI's commands, in the order `--help` lists them within a group. Adding a command: one file in
 * this folder (`defineCommand`) and one line here.
 */
import { accountsAdd } from './accounts-add'
import { accountsList } from './accounts-list'
import { accountsRemove } from './accounts-remove'
import { backupCreate, backupList, backupRestore } from './backup'
import { billingExport } from './billing-export'
import { billingGauge } from './billing-gauge'
import { billingImport } from './billing-import'
import { diagnosticsCommand } from './diagnostics'
import { orgs } from './orgs'
import { products } from './products'
import { reminders } from './reminders'
import { sync } from './sync'
import { syncStatus } from './sync-status'
import { users } from './users'

export const COMMANDS = [
  accountsAdd,
  accountsList,
  accountsRemove,
  sync,
  syncStatus,
  orgs,
  products,
  users,
  backupList,
  backupCreate,
  backupRestore,
  billingImport,
  billingExport,
  billingGauge,
  diagnosticsCommand,
  reminders,
] as const
