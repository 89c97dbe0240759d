import { isControlOrBidi, printable } from '../scenario/printable.js';

/**
 * Whether a UTF-16 code unit would act on a terminal instead of showing: a control or bidi
 * character (scenario/printable.ts), except the line feed that separates a message's lines.
 */
export function isTerminalControl(code: number): boolean {
  return code !== 0x0a && isControlOrBidi(code);
}

/**
 * Text from the command line or a file, made safe to print: each control character as `\uXXXX`,
 * line feeds kept, so `fairfee run $'\e[2J'` shows `\u001b[2J` instead of clearing the screen.
 * @example escapeForTerminal('Unknown argument: \u001b[2J') // 'Unknown argument: \\u001b[2J'
 */
export function escapeForTerminal(text: string): string {
  return text.split('\n').map(printable).join('\n');
}
