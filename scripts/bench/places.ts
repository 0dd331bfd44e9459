/**
 * The places of a generated configuration where the benchmark types and asks: near the start,
 * the middle and the end, inside values, keys, headers, inline tables and comments. Each is an
 * offset where one more character lands inside the token it is named after.
 */

export interface Place {
  readonly name: string;
  readonly offset: number;
}

/** Where one typed character goes: the edit benchmark's places. */
export function editPlaces(text: string): Place[] {
  const middle = text.length >> 1;
  return [
    { name: "start, value", offset: after(text, 'name = "bench', 0) },
    { name: "middle, header", offset: after(text, "[[env.e", middle, ".") },
    { name: "middle, value", offset: after(text, '\nbinding = "', middle) + 1 },
    { name: "middle, inline table", offset: after(text, '{ binding = "', middle) + 1 },
    { name: "middle, comment", offset: after(text, "\n# ", middle) },
    { name: "end, value", offset: text.lastIndexOf('"info"') + 3 },
  ];
}

/** Where completion and hover are asked: the edit places, a key, and an empty line. */
export function requestPlaces(text: string): Place[] {
  const middle = text.length >> 1;
  return [
    ...editPlaces(text),
    { name: "middle, key", offset: after(text, "\nbucket_", middle) },
    { name: "middle, empty line", offset: after(text, "\n\n", middle) - 1 },
  ];
}

/**
 * The offset just after the first `marker` at or after `from`, or else the first anywhere (past
 * `then` too, when given). The generator always writes these markers, so a missing one is a
 * bug in the benchmark.
 */
function after(text: string, marker: string, from: number, then?: string): number {
  let at = text.indexOf(marker, from);
  if (at < 0) at = text.indexOf(marker);
  if (at < 0) throw new Error(`the generated file has no ${JSON.stringify(marker)}`);
  const end = at + marker.length;
  return then === undefined ? end : text.indexOf(then, end) + then.length;
}
