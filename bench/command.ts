/*
 * One fairfee command in its own process (started by bench/run.ts), as `fairfee ARGS` runs it,
 * its output discarded; then one JSON line on stderr with the process's peak resident memory
 * (process.resourceUsage().maxRSS, all threads), which a wall clock outside cannot see.
 * Usage: node dist/bench/command.js ARGS...
 */
import { Writable } from 'node:stream';
import { main } from '../src/cli/main.js';

const discard = Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), { isTTY: false }) as unknown as NodeJS.WriteStream;
const status = await main(process.argv.slice(2), { stdout: discard, stderr: process.stderr });
process.stderr.write(`${JSON.stringify({ status, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
process.exitCode = status;
