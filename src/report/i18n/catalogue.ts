import { en } from './en.js';
import type { Lang } from './lang.js';
import type { Messages } from './messages.js';
import { nl } from './nl.js';

const CATALOGUES: Record<Lang, Messages> = { en, nl };

/** The catalogue of a language. */
export const messagesFor = (lang: Lang): Messages => CATALOGUES[lang];
