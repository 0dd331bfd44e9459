/**
 * Adding an item to a bracketed list, or taking one out, in the list's own layout: a TOML
 * inline array, a JSON array, or a JSON object's properties. A list written on one line stays
 * on one line; a list with an item per line gets a line for the new item, indented like its
 * neighbours, with the comma placed the way the list places it (after each item, the last
 * one included, or between items only). A comment ending an item's line stays on that line.
 */
import type { Span } from "../../syntax/model";
import { indentAt, lineStart, nextLineStart, type OffsetEdit } from "../quick-fixes/edits";
import { endOfLine, isComment, startsLine } from "./text-lines";

export interface List {
  readonly text: string;
  readonly eol: string;
  /** What starts a comment: `#` in TOML, `//` and `/*` in JSON. */
  readonly comments: readonly string[];
  readonly items: readonly Span[];
  /** Set a new item off from the one above by a blank line, as the list does. */
  readonly blankLine?: boolean;
}

/**
 * Edits that add an item after the last one; `render` writes it, given the indentation of its
 * line when it gets a line of its own (undefined when it joins a one-line list). Undefined for
 * an empty list, whose layout the caller chooses.
 */
export function appendItem(
  list: List,
  render: (indent: string | undefined) => string,
): OffsetEdit[] | undefined {
  const { text, eol } = list;
  const last = list.items.at(-1);
  if (!last) return undefined;
  if (!startsLine(text, last.start)) {
    return [{ start: last.end, end: last.end, newText: `, ${render(undefined)}` }];
  }

  const indent = indentAt(text, last.start);
  const comma = commaAfter(text, last.end);
  const after = comma === undefined ? last.end : comma + 1;
  const lineEnd = endOfLine(text, after);
  const blank = list.blankLine ? eol : "";
  const item = eol + blank + indent + render(indent) + (comma === undefined ? "" : ",");
  if (!isComment(text.slice(after, lineEnd), list.comments)) {
    return [{ start: after, end: after, newText: (comma === undefined ? "," : "") + item }];
  }
  // `last, # note`: the new line goes after the note, which stays with its item.
  const edits: OffsetEdit[] = [{ start: lineEnd, end: lineEnd, newText: item }];
  if (comma === undefined) edits.unshift({ start: last.end, end: last.end, newText: "," });
  return edits;
}

/**
 * Edits that take out one item and its comma: its whole lines when it has lines of its own,
 * else just its text. Undefined when it is the only item: the caller decides what an empty
 * list becomes.
 */
export function removeItem(list: List, index: number): OffsetEdit[] | undefined {
  const { text } = list;
  const item = list.items[index];
  const previous = list.items[index - 1];
  const next = list.items[index + 1];
  if (!item || (!previous && !next)) return undefined;

  const comma = commaAfter(text, item.end);
  const end = comma === undefined ? item.end : comma + 1;
  const rest = text.slice(end, endOfLine(text, end));
  if (startsLine(text, item.start) && (rest.trim() === "" || isComment(rest, list.comments))) {
    const edits: OffsetEdit[] = [
      { start: lineStart(text, item.start), end: nextLineStart(text, end), newText: "" },
    ];
    // Taking out the last item leaves its predecessor last: it loses the comma it no longer
    // needs, unless the list ends every item with one.
    const previousComma = previous && commaAfter(text, previous.end);
    if (!next && comma === undefined && previousComma !== undefined) {
      edits.unshift({ start: previousComma, end: previousComma + 1, newText: "" });
    }
    return edits;
  }
  if (next) return [{ start: item.start, end: next.start, newText: "" }];
  return [{ start: previous!.end, end, newText: "" }];
}

/** Where the comma right after an item stands, spaces aside; undefined when none follows. */
export function commaAfter(text: string, offset: number): number | undefined {
  let at = offset;
  while (text[at] === " " || text[at] === "\t") at++;
  return text[at] === "," ? at : undefined;
}
