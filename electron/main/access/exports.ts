import ExcelJS from 'exceljs'
import PDFDocument from 'pdfkit'
import { maskLetters, type MatrixData, type OffboardingRun } from '../../../shared/domain/access'
import type { FileContent } from '../files/delivery'
import { toCsv, type CsvCell } from '../export/csv'
import { xlsxText } from '../export/neutralize'
import { accessDocuments, type AccessDocument } from '../../../shared/i18n/documents/access'
import { csvDefaults, formatDateTime, plainSpaces } from '../../../shared/i18n/format'
import type { Language } from '../../../shared/i18n/languages'
import { problemText } from '../../../shared/i18n/problems'
import { roleName, serviceName } from '../../../shared/i18n/terms'
import { createTranslator, type Translate } from '../../../shared/i18n/translate'

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

/** Header and rows of the matrix as a table (shared by CSV and XLSX), in the document's language. */
export function matrixTable(m: MatrixData, language: Language): { header: string[]; rows: CsvCell[][] } {
  const t = createTranslator(accessDocuments[language], language)
  const yesNo = (value: boolean): string => (value ? t('yes') : t('no'))
  const teamName = new Map(m.teams.map((team) => [team.id, team.name]))
  const header = [
    t('matrix.name'),
    t('matrix.email'),
    t('matrix.role'),
    t('matrix.status'),
    t('matrix.billing'),
    t('matrix.adminContact'),
    t('matrix.billingContact'),
    t('matrix.twoFactor'),
    t('matrix.lastLogin'),
    ...m.products.map((p) =>
      t('matrix.product', { type: serviceName(p.serviceName, language), name: p.name, id: p.id }),
    ),
  ]
  const byUser = new Map<number, Map<number, string>>()
  for (const [u, p, mask, direct, teamIds] of m.cells) {
    let row = byUser.get(u)
    if (!row) byUser.set(u, (row = new Map()))
    const via = teamIds.map((id) => t('matrix.viaTeam', { name: teamName.get(id) ?? `#${id}` }))
    const sources = [...(direct ? [t('matrix.direct')] : []), ...via]
    row.set(p, `${maskLetters(mask)} (${sources.join(', ')})`)
  }
  const rows = m.users.map((u, i) => {
    const cells = byUser.get(i)
    return [
      u.displayName,
      u.email,
      roleName(u.roleType, language),
      u.pending ? t('matrix.pending') : t('matrix.member'),
      yesNo(u.billing),
      yesNo(u.correspondent),
      yesNo(u.correspondentBilling),
      u.has2fa === null ? '' : yesNo(u.has2fa),
      iso(u.lastLoginAt),
      ...m.products.map((_, p) => cells?.get(p) ?? ''),
    ]
  })
  return { header, rows }
}

export function matrixCsv(m: MatrixData, language: Language): FileContent {
  const { header, rows } = matrixTable(m, language)
  return file(
    `access-matrix-${slug(m.orgName)}.csv`,
    'text/csv',
    Buffer.from(toCsv(header, rows, { bom: true, delimiter: csvDefaults(language).delimiter }), 'utf8'),
  )
}

export async function matrixXlsx(m: MatrixData, language: Language): Promise<FileContent> {
  const { header, rows } = matrixTable(m, language)
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Switchboard'
  const ws = wb.addWorksheet(accessDocuments[language].matrix.sheet, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
  })
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

type Step = OffboardingRun['steps'][number]
type ReportT = Translate<AccessDocument>

function stepTarget(s: Step, t: ReportT): string {
  if (s.teamName !== null) return t('report.targetTeam', { name: s.teamName, id: s.teamId ?? '' })
  if (s.invitationId !== null) return t('report.targetInvitation', { id: s.invitationId })
  return s.userId !== null ? t('report.targetUser', { id: s.userId }) : ''
}

/** The offboarding report as rows: planned, applied, verified and manual steps. */
export function reportTable(run: OffboardingRun, language: Language): { header: string[]; rows: CsvCell[][] } {
  const t = createTranslator(accessDocuments[language], language)
  const orgName = new Map(run.orgs.map((o) => [`${o.accountId}:${o.orgId}`, o.orgName]))
  return {
    header: [
      t('report.organization'),
      t('report.organizationId'),
      t('report.step'),
      t('report.mode'),
      t('report.target'),
      t('report.outcome'),
      t('report.verified'),
      t('report.error'),
      t('report.managerLink'),
      t('report.at'),
    ],
    rows: run.steps.map((s) => [
      orgName.get(`${s.accountId}:${s.orgId}`) ?? '',
      s.orgId,
      t(`report.steps.${s.kind}`),
      s.api ? t('report.modes.api') : t('report.modes.manual'),
      stepTarget(s, t),
      t(`report.outcomes.${s.outcome}`),
      s.verified === null ? '' : s.verified ? t('yes') : t('no'),
      s.error === null ? '' : problemText(s.error, language),
      s.url ?? '',
      isoMs(s.at),
    ]),
  }
}

export function reportCsv(run: OffboardingRun, language: Language): FileContent {
  const { header, rows } = reportTable(run, language)
  return file(
    `offboarding-${slug(run.email)}.csv`,
    'text/csv',
    Buffer.from(toCsv(header, rows, { bom: true, delimiter: csvDefaults(language).delimiter }), 'utf8'),
  )
}

export async function reportPdf(run: OffboardingRun, language: Language): Promise<FileContent> {
  const t = createTranslator(accessDocuments[language], language)
  const when = (ms: number | null): string =>
    ms === null ? t('report.notFinished') : plainSpaces(formatDateTime(ms, language))
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: t('report.documentTitle', { email: run.email }), Author: 'Switchboard' },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve())
    doc.on('error', reject)
  })
  doc.fontSize(18).text(t('report.title'))
  doc.moveDown(0.5)
  doc.fontSize(11).text(`${run.displayName} <${run.email}>`)
  doc.text(t('report.times', { started: when(run.startedAt), finished: when(run.finishedAt) }))
  const count = (f: (s: Step) => boolean) => run.steps.filter(f).length
  doc.text(
    t('report.counts', {
      planned: run.steps.length,
      applied: count((s) => s.outcome === 'applied'),
      verified: count((s) => s.verified === true),
      manual: count((s) => !s.api),
      failed: count((s) => s.outcome === 'failed'),
    }),
  )
  for (const org of run.orgs) {
    doc.moveDown()
    doc
      .fontSize(13)
      .text(t(org.resynced ? 'report.org' : 'report.orgNotResynced', { name: org.orgName, id: org.orgId }))
    doc.fontSize(10)
    for (const s of run.steps.filter((x) => x.accountId === org.accountId && x.orgId === org.orgId)) {
      const details = [
        s.api ? t('report.modes.api') : t('report.modes.manual'),
        t(`report.outcomes.${s.outcome}`),
        ...(s.verified === null ? [] : [s.verified ? t('report.lineVerified') : t('report.lineNotVerified')]),
      ]
      doc.text(
        `- ${t('report.line', { step: t(`report.steps.${s.kind}`), target: stepTarget(s, t), details: details.join('; ') })}`,
      )
      if (s.error) doc.text(`  ${t('report.errorLine', { error: problemText(s.error, language) })}`)
      if (s.url) doc.fillColor('#1a56db').text(`  ${s.url}`, { link: s.url }).fillColor('black')
    }
  }
  doc.end()
  await done
  return file(`offboarding-${slug(run.email)}.pdf`, 'application/pdf', Buffer.concat(chunks))
}
