/** The languages the reports speak; English is the default. */
export const LANGS = ['en', 'nl'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The language a POSIX locale asks for (`nl_NL.UTF-8`, `nl_BE`, `nl`), else English: a locale
 * we have no catalogue for must not break a run.
 * @example langOfLocale('nl_NL.UTF-8') // 'nl'
 */
export function langOfLocale(locale: string | undefined): Lang {
  return locale !== undefined && /^nl(?:[_.@-]|$)/i.test(locale) ? 'nl' : 'en';
}
