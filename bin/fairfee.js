#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by npm ci/prepare and npm start).
import { runProcess } from '../dist/src/cli/processIo.js';

process.exitCode = await runProcess(process.argv.slice(2));
