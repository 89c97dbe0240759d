import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/cli/errors.js';
import { checkOutputTargets, writeOutputs, type OutputTarget } from '../src/cli/outputFiles.js';

const folder = () => mkdtempSync(join(tmpdir(), 'fairfee-out-'));
const csv = (path: string): OutputTarget => ({ option: '--csv', path });

/** Captures what would go to stdout. */
function stdoutSink() {
  let text = '';
  return {
    write: (piece: string) => {
      text += piece;
      return true;
    },
    text: () => text,
  };
}

describe('checkOutputTargets', () => {
  it('accepts a new file in an existing folder, and - as stdout', async () => {
    const dir = folder();
    const [file, out] = await checkOutputTargets([csv(join(dir, 'a.csv')), { option: '--trials-csv', path: '-' }], []);
    expect(file.kind).toBe('file');
    expect(out.kind).toBe('stdout');
  });

  it('treats a character device as a stream, never as a file to replace', async () => {
    const [device] = await checkOutputTargets([csv('/dev/null')], []);
    expect(device.kind).toBe('stream');
  });

  it.each([
    ['a missing folder', (dir: string) => join(dir, 'nope', 'a.csv'), /folder .* does not exist/],
    ['a folder', (dir: string) => dir, /is a folder/],
    [
      'a read-only file',
      (dir: string) => {
        const path = join(dir, 'ro.csv');
        writeFileSync(path, 'old');
        chmodSync(path, 0o444);
        return path;
      },
      /is read-only/,
    ],
    [
      'a dangling link',
      (dir: string) => {
        const path = join(dir, 'dangling.csv');
        symlinkSync(join(dir, 'missing', 'x'), path);
        return path;
      },
      /points nowhere/,
    ],
  ])('refuses %s with the option, the path and why (exit 2)', async (_what, make, reason) => {
    const dir = folder();
    const path = make(dir);
    const attempt = checkOutputTargets([csv(path)], []);
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(checkOutputTargets([csv(path)], [])).rejects.toThrow(reason);
    await expect(checkOutputTargets([csv(path)], [])).rejects.toThrow(`--csv ${JSON.stringify(path)}`);
  });

  it('refuses to write over an input, also through a link or another spelling', async () => {
    const dir = folder();
    const scenario = join(dir, 'scenario.yaml');
    writeFileSync(scenario, 'name: x\n');
    symlinkSync(scenario, join(dir, 'link.yaml'));
    for (const path of [scenario, join(dir, 'link.yaml'), join(dir, '.', 'scenario.yaml')]) {
      await expect(checkOutputTargets([csv(path)], [scenario])).rejects.toThrow(/is an input of this command/);
    }
  });

  it('refuses two outputs on one file', async () => {
    const dir = folder();
    const path = join(dir, 'same.csv');
    await expect(checkOutputTargets([csv(path), { option: '--trials-csv', path }], [])).rejects.toThrow(/also the target of --csv/);
    await expect(checkOutputTargets([csv('-'), { option: '--trials-csv', path: '-' }], [])).rejects.toThrow(/also the target of --csv/);
  });
});

describe('writeOutputs', () => {
  it('writes every file whole, leaves no temporary file, and sends - to stdout', async () => {
    const dir = folder();
    const sink = stdoutSink();
    const destinations = await checkOutputTargets(
      [csv(join(dir, 'a.csv')), { option: '--trials-csv', path: join(dir, 'b.csv') }, { option: '--plan-csv', path: '-' }],
      [],
    );
    await writeOutputs(
      [
        { destination: destinations[0], content: 'a,b\n1,2\n' },
        { destination: destinations[1], content: ['x\n', 'y\n'] },
        { destination: destinations[2], content: 'to stdout\n' },
      ],
      sink,
    );
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('a,b\n1,2\n');
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe('x\ny\n');
    expect(sink.text()).toBe('to stdout\n');
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv']);
  });

  it('writes through a symbolic link: the link stays a link, its target gets the content', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'real'));
    const real = join(dir, 'real', 'out.csv');
    writeFileSync(real, 'old');
    symlinkSync(real, join(dir, 'link.csv'));
    const [destination] = await checkOutputTargets([csv(join(dir, 'link.csv'))], []);
    await writeOutputs([{ destination, content: 'new' }], stdoutSink());
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('keeps an existing file’s permissions', async () => {
    const dir = folder();
    const path = join(dir, 'kept.csv');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    const [destination] = await checkOutputTargets([csv(path)], []);
    await writeOutputs([{ destination, content: 'new' }], stdoutSink());
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('all or nothing: a failure in the second output leaves the first target as it was and no temporary file', async () => {
    const dir = folder();
    const first = join(dir, 'first.csv');
    writeFileSync(first, 'before');
    const destinations = await checkOutputTargets([csv(first), { option: '--trials-csv', path: join(dir, 'second.csv') }], []);
    function* failing(): Generator<string> {
      yield 'row 1\n';
      throw new Error('disk full');
    }
    await expect(
      writeOutputs(
        [
          { destination: destinations[0], content: 'after' },
          { destination: destinations[1], content: failing() },
        ],
        stdoutSink(),
      ),
    ).rejects.toThrow('disk full');
    expect(readFileSync(first, 'utf8')).toBe('before');
    expect(readdirSync(dir)).toEqual(['first.csv']);
  });

  it('writes into a device without replacing it', async () => {
    const [destination] = await checkOutputTargets([csv('/dev/null')], []);
    await writeOutputs([{ destination, content: 'discarded' }], stdoutSink());
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});
