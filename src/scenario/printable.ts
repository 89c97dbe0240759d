/*
 * Text from a user's file can hold characters that steer a terminal: C0 controls (ESC starts an
 * escape sequence), DEL, C1 controls (CSI is one byte there), and the Unicode bidi controls that
 * reorder what is shown (the "Trojan Source" trick). None belongs in a name; every message that
 * quotes input shows them escaped, so nothing from a file reaches a terminal raw.
 */

/** True for C0 (U+0000–U+001F), DEL, C1 (U+0080–U+009F) and the bidi controls. */
export function isControlOrBidi(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function escapeCode(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The first control or bidi character of `text`, escaped (`\u001b`), or undefined when none. */
export function unsafeCharacter(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isControlOrBidi(code)) return escapeCode(code);
  }
  return undefined;
}

/**
 * `text` with every control and bidi character replaced by its `\uXXXX` escape; other text,
 * accents and emoji included, is left as it is.
 * @example printable('a\u001b[31mb') // 'a\\u001b[31mb'
 */
export function printable(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += isControlOrBidi(code) ? escapeCode(code) : text[i];
  }
  return out;
}
