/**
 * "Did you mean": the known name closest to a mistyped one, when it is close enough to be a
 * typo (`kv_namespace`, `r2_bucket`, `send_mail`) or a shortening (`bucket` for
 * `bucket_name`) rather than a different word.
 */

export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const names = [...candidates];
  return closestByEdits(word, names) ?? onlyExtension(word, names);
}

function closestByEdits(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(normalize(word), normalize(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The one candidate that starts with the word and an `_`, if there is exactly one. */
function onlyExtension(word: string, candidates: readonly string[]): string | undefined {
  if (word.length < 3) return undefined;
  const prefix = `${normalize(word)}_`;
  const matches = candidates.filter((candidate) => normalize(candidate).startsWith(prefix));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Case and the `-`/`_` choice are the commonest slips; they cost nothing here. */
function normalize(word: string): string {
  return word.toLowerCase().replaceAll("-", "_");
}

/** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Math.abs(a.length - b.length);
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]![j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
