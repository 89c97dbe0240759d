#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by npm ci/prepare and npm start).
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
