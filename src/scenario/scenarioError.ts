import { printable } from './printable.js';

/** One problem in an input file: where it is and what is wrong, with what is allowed. */
export interface InputProblem {
  /** Key path such as `clients[2].plan`, or `line 4` for text formats; empty for the whole file. */
  path: string;
  message: string;
}

/**
 * Bad input (exit status 2): every problem found in one file, each with its key path.
 * The message has one line per problem: `FILE: PATH: MESSAGE`, control and bidi characters
 * escaped (printable), so no text from the file reaches a terminal raw.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly file: string,
    readonly problems: InputProblem[],
  ) {
    super(problems.map((p) => printable(`${file}: ${p.path ? `${p.path}: ` : ''}${p.message}`)).join('\n'));
  }
}

/** `['clients', 2, 'plan']` → `clients[2].plan`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text;
}
