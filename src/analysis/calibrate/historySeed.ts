/**
 * A seed for a calibrated scenario taken from the history's text (32-bit FNV-1a, folded to six
 * digits): the same history gives the same file, byte for byte, and a different history a
 * different seed. Any seed is as good as another; this one only avoids a clock or Math.random.
 * @example historySeed('date,client,type,hours\n...') // a whole number in [0, 999999]
 */
export function historySeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 1_000_000;
}
