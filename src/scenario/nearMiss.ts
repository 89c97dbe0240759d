/** Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), by UTF-16 unit. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[rows - 1][cols - 1];
}

/** Longest name compared for a near miss: the distance table grows with the product of lengths. */
const MAX_COMPARED_LENGTH = 64;

/**
 * The defined name closest to `name`, when one is close: equal but for case, or within
 * max(1, ⌊length/4⌋) edits (insertions, deletions, substitutions, adjacent swaps); else undefined.
 * @example nearMiss('basci', ['basic', 'plus']) // 'basic'
 */
export function nearMiss(name: string, defined: readonly string[]): string | undefined {
  const folded = name.toLowerCase();
  const sameButCase = defined.find((d) => d.toLowerCase() === folded);
  if (sameButCase !== undefined) return sameButCase;
  if (name.length > MAX_COMPARED_LENGTH) return undefined;
  const allowed = Math.max(1, Math.floor(name.length / 4));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of defined) {
    if (Math.abs(candidate.length - name.length) > allowed) continue;
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
