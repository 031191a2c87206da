import ExcelJS from 'exceljs'
import PDFDocument from 'pdfkit'
import { serviceLabel } from '../../../shared/domain/service-catalogue'
import { maskLetters, type MatrixData, type OffboardingRun } from '../../../shared/domain/access'
import type { FileContent } from '../files/delivery'
import { toCsv, type CsvCell } from '../export/csv'
import { xlsxText } from '../export/neutralize'

function file(fileName: string, mimeType: string, content: Buffer): FileContent {
  return { fileName, mimeType, bytes: content }
}

function iso(unix: number | null): string {
  return unix === null ? '' : new Date(unix * 1000).toISOString().slice(0, 19).replace('T', ' ')
}

function isoMs(ms: number | null): string {
  return ms === null ? '' : iso(Math.floor(ms / 1000))
}

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'org'
  )
}

/** Header and rows of the matrix as a table (shared by CSV and XLSX). */
export function matrixTable(m: MatrixData): { header: string[]; rows: CsvCell[][] } {
  const teamName = new Map(m.teams.map((t) => [t.id, t.name]))
  const header = [
    'Name',
    'E-mail',
    'Role',
    'Status',
    'Billing access',
    'Administrative contact',
    'Billing contact',
    '2FA',
    'Last login (UTC)',
    ...m.products.map((p) => `${serviceLabel(p.serviceName, 'en')}: ${p.name} (#${p.id})`),
  ]
  const byUser = new Map<number, Map<number, string>>()
  for (const [u, p, mask, direct, teamIds] of m.cells) {
    let row = byUser.get(u)
    if (!row) byUser.set(u, (row = new Map()))
    const via = teamIds.map((id) => teamName.get(id) ?? `#${id}`)
    const sources = [...(direct ? ['direct'] : []), ...via.map((n) => `team ${n}`)]
    row.set(p, `${maskLetters(mask)} (${sources.join(', ')})`)
  }
  const rows = m.users.map((u, i) => {
    const cells = byUser.get(i)
    return [
      u.displayName,
      u.email,
      u.roleType,
      u.pending ? 'pending' : 'member',
      u.billing ? 'yes' : 'no',
      u.correspondent ? 'yes' : 'no',
      u.correspondentBilling ? 'yes' : 'no',
      u.has2fa === null ? '' : u.has2fa ? 'yes' : 'no',
      iso(u.lastLoginAt),
      ...m.products.map((_, p) => cells?.get(p) ?? ''),
    ]
  })
  return { header, rows }
}

export function matrixCsv(m: MatrixData): FileContent {
  const { header, rows } = matrixTable(m)
  return file(
    `access-matrix-${slug(m.orgName)}.csv`,
    'text/csv',
    Buffer.from(toCsv(header, rows, { bom: true }), 'utf8'),
  )
}

export async function matrixXlsx(m: MatrixData): Promise<FileContent> {
  const { header, rows } = matrixTable(m)
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Switchboard'
  const ws = wb.addWorksheet('Access', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] })
  ws.addRow(header.map((h) => xlsxText(h)))
  ws.getRow(1).font = { bold: true }
  for (const r of rows) ws.addRow(r.map((c) => (typeof c === 'string' ? xlsxText(c) : (c ?? ''))))
  const buffer = Buffer.from(await wb.xlsx.writeBuffer())
  return file(
    `access-matrix-${slug(m.orgName)}.xlsx`,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  )
}

const STEP_LABEL: Record<string, string> = {
  remove_from_team: 'Remove from team',
  cancel_invitation: 'Cancel pending invitation',
  remove_member: 'Remove from organization (Manager)',
  transfer_legal_representative: 'Appoint another legal representative (Manager)',
}

function stepTarget(s: OffboardingRun['steps'][number]): string {
  if (s.teamName !== null) return `team ${s.teamName} (#${s.teamId ?? ''})`
  if (s.invitationId !== null) return `invitation #${s.invitationId}`
  return s.userId !== null ? `user #${s.userId}` : ''
}

/** The offboarding report as rows: planned, applied, verified and manual steps. */
export function reportTable(run: OffboardingRun): { header: string[]; rows: CsvCell[][] } {
  const orgName = new Map(run.orgs.map((o) => [`${o.accountId}:${o.orgId}`, o.orgName]))
  return {
    header: [
      'Organization',
      'Organization id',
      'Step',
      'Mode',
      'Target',
      'Outcome',
      'Verified',
      'Error',
      'Manager link',
      'At (UTC)',
    ],
    rows: run.steps.map((s) => [
      orgName.get(`${s.accountId}:${s.orgId}`) ?? '',
      s.orgId,
      STEP_LABEL[s.kind] ?? s.kind,
      s.api ? 'API' : 'manual',
      stepTarget(s),
      s.outcome,
      s.verified === null ? '' : s.verified ? 'yes' : 'no',
      s.error ?? '',
      s.url ?? '',
      isoMs(s.at),
    ]),
  }
}

export function reportCsv(run: OffboardingRun): FileContent {
  const { header, rows } = reportTable(run)
  return file(`offboarding-${slug(run.email)}.csv`, 'text/csv', Buffer.from(toCsv(header, rows, { bom: true }), 'utf8'))
}

export async function reportPdf(run: OffboardingRun): Promise<FileContent> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `Offboarding ${run.email}`, Author: 'Switchboard' },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve())
    doc.on('error', reject)
  })
  doc.fontSize(18).text('Offboarding report')
  doc.moveDown(0.5)
  doc.fontSize(11).text(`${run.displayName} <${run.email}>`)
  doc.text(`Started ${isoMs(run.startedAt)} UTC, finished ${isoMs(run.finishedAt)} UTC`)
  const count = (f: (s: OffboardingRun['steps'][number]) => boolean) => run.steps.filter(f).length
  doc.text(
    `Steps: ${run.steps.length} planned, ${count((s) => s.outcome === 'applied')} applied, ` +
      `${count((s) => s.verified === true)} verified, ${count((s) => !s.api)} manual, ${count((s) => s.outcome === 'failed')} failed`,
  )
  for (const org of run.orgs) {
    doc.moveDown()
    doc.fontSize(13).text(`${org.orgName} (#${org.orgId})${org.resynced ? '' : ' (not re-synced)'}`)
    doc.fontSize(10)
    for (const s of run.steps.filter((x) => x.accountId === org.accountId && x.orgId === org.orgId)) {
      const verified = s.verified === null ? '' : s.verified ? ', verified' : ', not verified'
      doc.text(
        `- ${STEP_LABEL[s.kind] ?? s.kind}: ${stepTarget(s)} (${s.api ? 'API' : 'manual'}; ${s.outcome}${verified})`,
      )
      if (s.error) doc.text(`  Error: ${s.error}`)
      if (s.url) doc.fillColor('#1a56db').text(`  ${s.url}`, { link: s.url }).fillColor('black')
    }
  }
  doc.end()
  await done
  return file(`offboarding-${slug(run.email)}.pdf`, 'application/pdf', Buffer.concat(chunks))
}
