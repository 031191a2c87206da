/**
 * Internal records → Infomaniak wire shapes (snake_case, unix seconds, integer ids, the spec's
 * misspellings such as `has_customer_paiement_method`). Product-derived details that nobody
 * mutates (mailboxes, drive sizes, domain contacts) are derived on the fly from (seed, product id).
 */
export { displayName, initialsImage, miniUser, money } from './common'
export * from './orgs'
export * from './products'
export * from './users'
export * from './teams'
export * from './invitations'
