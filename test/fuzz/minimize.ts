/**
 * Shrinks a failing document to a small one that fails the same way: whole lines first, then
 * characters, dropping ever smaller pieces while the failure stays (a simple delta debugging).
 * Bounded in time, so a slow predicate costs a less minimal result, never a stuck run.
 */

export function minimize(text: string, fails: (candidate: string) => boolean, budgetMs = 10_000) {
  const deadline = performance.now() + budgetMs;
  const byLines = shrink(text.split(/(?<=\n)/), fails, deadline);
  return shrink([...byLines], fails, deadline);
}

/** Removes chunks of pieces, halving the chunk size whenever no chunk can go. */
function shrink(pieces: string[], fails: (candidate: string) => boolean, deadline: number) {
  let current = pieces;
  let chunk = Math.max(1, current.length >> 1);
  while (chunk >= 1 && performance.now() < deadline) {
    let removed = false;
    for (let start = 0; start < current.length && performance.now() < deadline;) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      if (candidate.length < current.length && fails(candidate.join(""))) {
        current = candidate;
        removed = true;
      } else start += chunk;
    }
    if (!removed) chunk >>= 1;
  }
  return current.join("");
}
