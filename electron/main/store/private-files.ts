import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'

/**
 * The data folder holds client e-mails, roles, 2FA gaps and invoices: on POSIX it is readable by
 * its owner only (0700) and so is every file in it (0600). On Windows the per-user profile folder
 * already applies (chmod there only toggles the read-only bit, so it is not called).
 */
export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/** SQLite's companions of a database file (they hold pages of it). */
export const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'] as const

function posix(platform: NodeJS.Platform): boolean {
  return platform !== 'win32'
}

/** Creates `dir` (and parents) when missing and makes it private. */
export function ensurePrivateDir(dir: string, platform: NodeJS.Platform = process.platform): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  if (posix(platform)) chmodSync(dir, PRIVATE_DIR_MODE)
}

/** Makes an existing file private (a no-op when it does not exist). */
export function makePrivate(file: string, platform: NodeJS.Platform = process.platform): void {
  if (!posix(platform) || !existsSync(file)) return
  chmodSync(file, PRIVATE_FILE_MODE)
}

/**
 * Creates `file` empty with mode 0600 when missing (SQLite takes an empty file as a new database
 * and gives its -wal and -shm files the database file's mode), else makes it and its SQLite
 * companions private (files written by an earlier version were 0644).
 */
export function ensurePrivateFile(file: string, platform: NodeJS.Platform = process.platform): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE_MODE))
  makePrivate(file, platform)
  for (const suffix of SQLITE_COMPANIONS) makePrivate(file + suffix, platform)
}
