/**
 * A name from a history file as a scenario key: lower case, runs of anything but letters and
 * digits as one `_`, a leading `_` before a digit (scenario keys start with a letter or _).
 * Accents are dropped first (`Café` → `cafe`). So "Text edit", "text-edit" and "TEXT EDIT"
 * are one request type.
 * @param fallback used when nothing is left (a name of only punctuation)
 * @example toIdentifier('Bug fix (urgent)') // 'bug_fix_urgent'
 */
export function toIdentifier(name: string, fallback = 'unnamed'): string {
  const plain = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (plain === '') return fallback;
  return /^[0-9]/.test(plain) ? `_${plain}` : plain;
}
