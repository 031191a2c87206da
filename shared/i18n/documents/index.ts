/** Every document catalogue, by feature (the main-process namespaces). */
import { accessDocuments } from './access'
import { billingDocuments } from './billing'
import { renewalsDocuments } from './renewals'

export const documentCatalogues = {
  access: accessDocuments,
  billing: billingDocuments,
  renewals: renewalsDocuments,
} as const
