/**
 * Whether a UTF-16 code unit would act on a terminal instead of showing: C0 (except the line
 * feed that separates a message's lines), DEL, C1, and the bidirectional controls that reorder
 * what is shown (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
 */
export function isTerminalControl(code: number): boolean {
  return (
    (code <= 0x1f && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/**
 * Text from the command line or a file, made safe to print: each control character as `\uXXXX`,
 * so `fairfee run $'\e[2J'` shows `\u001b[2J` instead of clearing the screen.
 * @example escapeForTerminal('Unknown argument: \u001b[2J') // 'Unknown argument: \\u001b[2J'
 */
export function escapeForTerminal(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += isTerminalControl(code) ? `\\u${code.toString(16).padStart(4, '0')}` : text[i];
  }
  return out;
}
