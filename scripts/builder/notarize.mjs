// @ts-check
/**
 * electron-builder `afterSign` hook: notarizes the signed macOS app with @electron/notarize, using
 * the credentials in environment variables (scripts/builder/release.mjs › notarizationPlan).
 * Without credentials it prints why it skipped; with a partial set it fails the build.
 * electron-builder calls afterSign only when it actually signed something.
 */
import { join } from 'node:path'
import { notarizationPlan } from './release.mjs'

/**
 * @param {{ electronPlatformName: string, appOutDir: string, packager: { appInfo: { productFilename: string } } }} context
 */
export default async function afterSign(context) {
  if (context.electronPlatformName !== 'darwin') return
  const plan = notarizationPlan(process.env)
  if (plan.kind === 'skip') {
    console.log(`  • notarization ${plan.message}`)
    return
  }
  if (plan.kind === 'error') throw new Error(plan.message)
  const appPath = join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`)
  console.log(`  • notarizing ${appPath} with ${plan.method} (a few minutes)…`)
  const { notarize } = await import('@electron/notarize')
  // The option set is one of @electron/notarize's three credential shapes (checked by notarizationPlan).
  await notarize(/** @type {Parameters<typeof notarize>[0]} */ ({ appPath, ...plan.options }))
  console.log('  • notarization done')
}
