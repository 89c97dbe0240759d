import type { ContractForm } from '../scenario/types.js';
import { EN_TEXT, type TextStyle } from './i18n/textStyle.js';

/**
 * A price unit in the style's language. The study gives it as scenario/types.ts priceUnit spells
 * it in English (`per 20-hour card`); the form says which unit it is, and a bundle's hours are
 * taken from that text, so the catalogue need not know how the hours were rounded.
 */
export function priceUnitText(form: ContractForm, priceUnit: string, { t }: TextStyle = EN_TEXT): string {
  const hours = form === 'bundle' ? (/^per (.*)-hour card$/.exec(priceUnit)?.[1] ?? null) : '';
  // A unit that is not priceUnit's own spelling is shown as it came, rather than reworded wrongly.
  return hours === null ? priceUnit : t.priceUnit({ form, hours });
}
