#!/usr/bin/env node
// Regenerates the README's example outputs with this build: every ```text block that starts with
// `$ fairfee ARGS` gets that command's stdout, and the worked example (the first text block)
// gets `fairfee run`'s. Run after a change that moves a number or a line of text, then review
// the diff: `node scripts/update-readme-examples.js && git diff README.md`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = join(root, 'README.md');
const fairfee = (args) => execFileSync(process.execPath, [join(root, 'bin', 'fairfee.js'), ...args, '--no-progress'], { cwd: root, encoding: 'utf8' });

let first = true;
const text = readFileSync(readme, 'utf8').replace(/```text\n([\s\S]*?)```/g, (block, body) => {
  const [head] = body.split('\n');
  if (head.startsWith('$ fairfee ')) {
    const args = head.slice('$ fairfee '.length).split(' ');
    return `\`\`\`text\n${head}\n${fairfee(args)}\`\`\``;
  }
  if (first) {
    first = false;
    return `\`\`\`text\n${fairfee(['run'])}\`\`\``;
  }
  return block;
});
writeFileSync(readme, text);
