/**
 * Characters that must not reach a terminal or a scenario file raw: C0 and C1 controls (ESC
 * starts terminal escape sequences, BEL rings, CR overwrites a line), DEL, the line and
 * paragraph separators, and the bidirectional controls that reorder what is shown (U+061C,
 * U+200E/F, U+202A–E, U+2066–9: "Trojan source").
 */
const HIDDEN = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** Control characters only (C0, DEL, C1): what a name may not hold. */
const CONTROL = /\p{Cc}/u;

/** `\u001b` for one character: how it is shown instead. */
export const escapeCharacter = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text with every control and bidirectional character replaced by its `\uXXXX` escape, so it
 * shows as written and cannot move the cursor, ring, or reorder a line.
 * @example visibleText('Acme\u001b[31m') // 'Acme\\u001b[31m'
 */
export function visibleText(text: string): string {
  return text.replace(HIDDEN, escapeCharacter);
}

/** The first control character in text and its position (1-based), if any. */
export function controlCharacter(text: string): { char: string; position: number } | undefined {
  const match = CONTROL.exec(text);
  return match ? { char: match[0], position: match.index + 1 } : undefined;
}
