/**
 * `npm run bench -- <name> [args] [--json]`: runs test/bench/<name>.ts and prints its figures.
 *
 * Each bench module default-exports `(argv: string[]) => Promise<Record<string, unknown>>`.
 * Benchmarks are measurements, not tests: CI runs them small for correctness only.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2)
  const available = readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
    .map((f) => f.replace(/\.ts$/, ''))
  if (!name || !available.includes(name)) {
    process.stderr.write(`usage: npm run bench -- <${available.join('|')}> [args] [--json]\n`)
    process.exit(2)
  }
  const mod = (await import(join(__dirname, `${name}.ts`))) as {
    default: (argv: string[]) => Promise<Record<string, unknown>>
  }
  const started = performance.now()
  const figures = await mod.default(rest.filter((a) => a !== '--json'))
  const result = { bench: name, ...figures, benchWallMs: Math.round(performance.now() - started) }
  if (rest.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`)
  else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
}

void main()
