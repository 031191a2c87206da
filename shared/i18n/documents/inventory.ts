/**
 * Inventory documents (the fleet's product list as CSV or XLSX): sheet name, column headers and
 * statuses, keyed by `shared/domain/fleet.ts`'s columns and statuses. Product types are named by
 * `shared/domain/service-catalogue.ts`.
 */
import type { InventoryColumn, InventoryStatus } from '../../domain/fleet'
import type { Catalogue } from '../catalogue'
import type { Language } from '../languages'

const en = {
  sheet: 'Products',
  columns: {
    name: 'Product',
    client: 'Client',
    type: 'Type',
    expiry: 'Expiry date',
    status: 'Status',
    tags: 'Tags',
    fqdn: 'Domain',
    created: 'Created',
    account: 'Account',
    id: 'Product id',
  },
  statuses: {
    expired: 'Expired',
    expiring: 'Expires soon',
    locked: 'Locked',
    maintenance: 'Maintenance',
    trial: 'Trial',
    operation: 'Operation in progress',
  },
} satisfies { sheet: string; columns: Record<InventoryColumn, string>; statuses: Record<InventoryStatus, string> }

export type InventoryDocument = Catalogue<typeof en>

export const inventoryDocuments: Record<Language, InventoryDocument> = {
  en,
  fr: {
    sheet: 'Produits',
    columns: {
      name: 'Produit',
      client: 'Client',
      type: 'Type',
      expiry: 'Échéance',
      status: 'État',
      tags: 'Étiquettes',
      fqdn: 'Domaine',
      created: 'Créé le',
      account: 'Compte',
      id: 'N° de produit',
    },
    statuses: {
      expired: 'Expiré',
      expiring: 'Expire bientôt',
      locked: 'Verrouillé',
      maintenance: 'Maintenance',
      trial: 'Essai',
      operation: 'Opération en cours',
    },
  },
  de: {
    sheet: 'Produkte',
    columns: {
      name: 'Produkt',
      client: 'Kunde',
      type: 'Typ',
      expiry: 'Ablaufdatum',
      status: 'Status',
      tags: 'Tags',
      fqdn: 'Domain',
      created: 'Erstellt',
      account: 'Konto',
      id: 'Produkt-ID',
    },
    statuses: {
      expired: 'Abgelaufen',
      expiring: 'Läuft bald ab',
      locked: 'Gesperrt',
      maintenance: 'Wartung',
      trial: 'Testphase',
      operation: 'Vorgang läuft',
    },
  },
  it: {
    sheet: 'Prodotti',
    columns: {
      name: 'Prodotto',
      client: 'Cliente',
      type: 'Tipo',
      expiry: 'Scadenza',
      status: 'Stato',
      tags: 'Etichette',
      fqdn: 'Dominio',
      created: 'Creato il',
      account: 'Account',
      id: 'ID prodotto',
    },
    statuses: {
      expired: 'Scaduto',
      expiring: 'In scadenza',
      locked: 'Bloccato',
      maintenance: 'Manutenzione',
      trial: 'Prova',
      operation: 'Operazione in corso',
    },
  },
  es: {
    sheet: 'Productos',
    columns: {
      name: 'Producto',
      client: 'Cliente',
      type: 'Tipo',
      expiry: 'Vencimiento',
      status: 'Estado',
      tags: 'Etiquetas',
      fqdn: 'Dominio',
      created: 'Creado',
      account: 'Cuenta',
      id: 'ID de producto',
    },
    statuses: {
      expired: 'Vencido',
      expiring: 'Vence pronto',
      locked: 'Bloqueado',
      maintenance: 'Mantenimiento',
      trial: 'Prueba',
      operation: 'Operación en curso',
    },
  },
}
