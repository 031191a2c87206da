import { z } from 'zod'
import { AccountRemovalPreview, RemovedAccount } from '../../domain/account-removal'

const AccountId = z.string().min(1).max(100)

/** Removing an account: what goes and what stays, removed accounts with kept data. */
export const accountRemovalContract = {
  /** What removing the account deletes (cached data, token) and keeps (ledger, history, audit). */
  'accounts:removal-preview': { input: z.object({ accountId: AccountId }).strict(), output: AccountRemovalPreview },
  /** Accounts removed with their data kept. */
  'accounts:removed-list': { input: z.object({}).strict(), output: z.array(RemovedAccount) },
  /** Deletes the kept data (ledger, prices, history, audit, offboarding runs) of a removed account. */
  'accounts:delete-data': {
    input: z.object({ accountId: AccountId }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>
