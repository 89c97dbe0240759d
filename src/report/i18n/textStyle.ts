import { messagesFor } from './catalogue.js';
import type { Lang } from './lang.js';
import type { Messages } from './messages.js';
import { numberStyle, type NumberStyle } from './numbers.js';

/** What a terminal renderer needs to speak a language: its words and its number spelling. */
export interface TextStyle {
  readonly m: Messages;
  readonly t: Messages['terminal'];
  readonly n: NumberStyle;
}

/** The text style of a language. */
export function textStyle(lang: Lang): TextStyle {
  const m = messagesFor(lang);
  return { m, t: m.terminal, n: numberStyle(lang) };
}

/** English, the default of every text renderer: its output is what it was before there were languages. */
export const EN_TEXT: TextStyle = textStyle('en');

/**
 * A figure format.ts spelled in English (an uptime percentage, hours) in the style's spelling:
 * the uptime reports keep format.ts's digits, which a Dutch reader gets with a decimal comma and `u`.
 */
export const inStyle = (text: string, { n }: TextStyle): string => (n.lang === 'nl' ? text.replace(/(\d)\.(\d)/g, '$1,$2').replace(/ h\b/g, ' u') : text);
