import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

/**
 * main:     electron/main/shell/index.ts  -> out/main/index.js      (Electron main: windows, dialogs, IPC adapter)
 *           electron/main/host/entry.ts   -> out/main/core-host.js  (the core, in a utility process; native modules external)
 * preload:  electron/preload/index.ts     -> out/preload/index.js (one CJS file, only `electron` external)
 * renderer: renderer/index.html           -> out/renderer/        (relative asset URLs for app://)
 */
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      lib: {
        entry: {
          index: resolve(__dirname, 'electron/main/shell/index.ts'),
          'core-host': resolve(__dirname, 'electron/main/host/entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: true,
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts') },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified: 3.1 MB of JS to parse before the first screen
      // (issue 14: Home's first render in the browser shell, npm run bench -- ui).
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
      chunkSizeWarningLimit: 4000,
    },
  },
})
