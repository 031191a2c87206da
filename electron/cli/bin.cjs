#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher: require() is its module system */
// The `switchboard` bin (package.json "bin"). It registers tsx, then runs the TypeScript CLI as is.
// tsx is a devDependency: acceptable because the CLI is a developer and scripting tool run from a
// checkout (npm install done), not something shipped inside the packaged desktop app.
'use strict'
require('tsx/cjs')
require('./index.ts')
