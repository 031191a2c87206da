#!/usr/bin/env node
/**
 * Runs @doyensec/electronegativity over the Electron sources (main, preload, shell) and the
 * renderer's HTML, and fails on any finding that is not explained in
 * .electronegativity-allowlist.json ({ issue, file, reason }).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const work = mkdtempSync(join(tmpdir(), 'switchboard-scan-'))
const input = join(work, 'app')
mkdirSync(join(input, 'renderer'), { recursive: true })
cpSync(join(root, 'electron'), join(input, 'electron'), { recursive: true })
cpSync(join(root, 'renderer', 'index.html'), join(input, 'renderer', 'index.html'))
const report = join(work, 'report.sarif')
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version

const run = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'),
    '-i',
    input,
    '-o',
    report,
    '-r',
    '-e',
    electronVersion,
  ],
  { encoding: 'utf8' },
)
let sarif
try {
  sarif = JSON.parse(readFileSync(report, 'utf8'))
} catch {
  console.error(run.stdout, run.stderr)
  console.error('electronegativity: the scan produced no report')
  process.exit(1)
}
rmSync(work, { recursive: true, force: true })

const allowlist = JSON.parse(readFileSync(join(root, '.electronegativity-allowlist.json'), 'utf8'))
const findings = sarif.runs
  .flatMap((r) => r.results)
  .map((r) => ({
    issue: r.ruleId,
    file: (r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '').replace(/^file:\/\//, ''),
    line: r.locations?.[0]?.physicalLocation?.region?.startLine ?? 0,
    message: r.message?.text ?? '',
  }))
const explained = (f) => allowlist.find((a) => a.issue === f.issue && f.file.endsWith(a.file) && a.reason?.trim())
const unexplained = findings.filter((f) => !explained(f))
const unusedAllowances = allowlist.filter((a) => !findings.some((f) => f.issue === a.issue && f.file.endsWith(a.file)))

for (const f of findings) {
  const why = explained(f)
  console.log(`${why ? 'allowed ' : 'FINDING '} ${f.issue} ${f.file}:${f.line} ${why ? `— ${why.reason}` : f.message}`)
}
for (const a of unusedAllowances) console.log(`note: allowlist entry no longer matches anything: ${a.issue} ${a.file}`)
console.log(
  `electronegativity: ${findings.length} findings, ${findings.length - unexplained.length} allowlisted with a reason, ${unexplained.length} unexplained`,
)
process.exit(unexplained.length === 0 ? 0 : 1)
