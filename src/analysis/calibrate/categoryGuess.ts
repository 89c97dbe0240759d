import type { Category } from '../../scenario/types.js';

/**
 * Words in a request type's name that suggest its maintenance category (ISO/IEC 14764 plus
 * support), tried in this order: "security fix" is corrective (something broke), "security
 * update" preventive, "plugin update" adaptive. English and Dutch, as the names agencies use.
 */
const RULES: readonly (readonly [Category, RegExp])[] = [
  ['corrective', /bug|fix|incident|error|crash|outage|broken|defect|storing|fout|kapot/],
  ['preventive', /security|patch|backup|monitor|vulnerab|beveilig/],
  ['adaptive', /update|upgrade|migrat|plugin|compat|php|versie/],
  ['support', /call|question|support|help|advice|training|vraag|advies|uitleg/],
];

/**
 * A category guessed from a request type's name: bug/fix/incident → corrective,
 * security/patch/backup → preventive, update/upgrade/migration → adaptive,
 * call/question/support → support, anything else perfective (changes the client asks for).
 * Only a label in reports: it changes no simulated number. The scenario marks it as a guess.
 * @example guessCategory('Plugin update') // 'adaptive'
 */
export function guessCategory(typeName: string): Category {
  const name = typeName.toLowerCase();
  for (const [category, pattern] of RULES) if (pattern.test(name)) return category;
  return 'perfective';
}
