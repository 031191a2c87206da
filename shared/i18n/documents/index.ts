/** Every document catalogue, by feature (the main-process namespaces). */
import { accessDocuments } from './access'
import { billingDocuments } from './billing'
import { inventoryDocuments } from './inventory'
import { renewalsDocuments } from './renewals'

export const documentCatalogues = {
  access: accessDocuments,
  billing: billingDocuments,
  inventory: inventoryDocuments,
  renewals: renewalsDocuments,
} as const
