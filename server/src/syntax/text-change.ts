/**
 * What changed between two versions of a document, as one replaced stretch: the editor sends
 * edits, but the language service only sees texts, and comparing them finds the stretch in a
 * fraction of the time any reader of the file needs.
 */
export interface TextChange {
  /** Where the texts start to differ (the length of their common beginning). */
  readonly start: number;
  /** Where the replaced stretch ended in the old text. */
  readonly removedEnd: number;
  /** Where the replacement ends in the new text. */
  readonly insertedEnd: number;
}

/** Compared a block at a time: comparing substrings runs in native code, not one char a step. */
const BLOCK = 4096;

/** The stretch of `before` that `after` replaced; undefined when the texts are the same. */
export function changedRange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);

  let start = 0;
  while (
    start + BLOCK <= shorter &&
    before.substring(start, start + BLOCK) === after.substring(start, start + BLOCK)
  ) {
    start += BLOCK;
  }
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;

  // The common end may not reach into the common beginning: "aa" → "aaa" inserts one "a" at 2.
  const room = shorter - start;
  let common = 0;
  const endsAt = (n: number) => before.length - n;
  while (
    common + BLOCK <= room &&
    before.substring(endsAt(common + BLOCK), endsAt(common)) ===
      after.substring(after.length - common - BLOCK, after.length - common)
  ) {
    common += BLOCK;
  }
  while (
    common < room &&
    before.charCodeAt(before.length - common - 1) === after.charCodeAt(after.length - common - 1)
  ) {
    common++;
  }
  return { start, removedEnd: before.length - common, insertedEnd: after.length - common };
}
