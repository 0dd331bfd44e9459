/**
 * Compares a parse that reused a previous version with a fresh parse of the same text: the
 * model, the sections, the problems and the line index must all read the same.
 */
import type { ParsedConfig } from "../../server/src/service";

/** Where a parse that reused a previous version reads differently from a fresh one, if it does. */
export function modelDifference(fresh: ParsedConfig, edited: ParsedConfig): string | undefined {
  const { root, sections, problems } = fresh.document;
  const a = edited.document;
  return (
    firstDifference(a.root, root, "root") ??
    firstDifference(a.sections, sections, "sections") ??
    firstDifference(a.problems, problems, "problems") ??
    firstDifference(edited.lines, fresh.lines, "lines")
  );
}

/**
 * Compares two values of plain data (objects, arrays, maps) without recursion: a model may
 * nest a thousand levels, deeper than `assert.deepStrictEqual` can follow.
 */
export function firstDifference(
  actual: unknown,
  expected: unknown,
  at: string,
): string | undefined {
  const pending: [unknown, unknown, string][] = [[actual, expected, at]];
  while (pending.length > 0) {
    const [a, b, path] = pending.pop()!;
    if (Object.is(a, b)) continue;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
      return `${path}: ${String(a)} where a fresh parse has ${String(b)}`;
    }
    const [x, y] = [a, b].map((v) => (v instanceof Map ? Object.fromEntries(v) : v)) as [
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    const keys = Object.keys(x);
    if (keys.join() !== Object.keys(y).join()) {
      return `${path}: keys ${keys.join()} where a fresh parse has ${Object.keys(y).join()}`;
    }
    for (const key of keys) pending.push([x[key], y[key], `${path}.${key}`]);
  }
  return undefined;
}
