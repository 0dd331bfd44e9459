/**
 * Questions about the lines around an offset, in either syntax: where a line ends, whether an
 * item starts its line, and whether a blank line sets something off from what is above it.
 * Comments are recognised by their markers: `#` in TOML, `//` and `/*` in JSON.
 */
import { lineStart } from "../quick-fixes/edits";

export const TOML_COMMENTS: readonly string[] = ["#"];
export const JSON_COMMENTS: readonly string[] = ["//", "/*"];

/** Where the line holding `offset` ends, before its `\r\n` or `\n`. */
export function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  if (newline < 0) return text.length;
  return text[newline - 1] === "\r" ? newline - 1 : newline;
}

/** Whether only spaces stand before `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  return text.slice(lineStart(text, offset), offset).trim() === "";
}

export function isComment(line: string, comments: readonly string[]): boolean {
  const trimmed = line.trim();
  return comments.some((marker) => trimmed.startsWith(marker));
}

/** The start of the comment lines right above the line at `start` (or `start` itself). */
export function leadingCommentsStart(
  text: string,
  start: number,
  comments: readonly string[],
): number {
  let at = start;
  while (at > 0) {
    const previous = lineStart(text, at - 1);
    if (!isComment(text.slice(previous, at), comments)) break;
    at = previous;
  }
  return at;
}

/**
 * Whether a blank line (or the start of the file) stands above the line holding `offset`,
 * comment lines aside: entries written one right under the other get the next one the same way.
 */
export function blankAbove(text: string, offset: number, comments: readonly string[]): boolean {
  const start = leadingCommentsStart(text, lineStart(text, offset), comments);
  return start === 0 || text.slice(lineStart(text, start - 1), start).trim() === "";
}
