/**
 * Fixture helpers for the editor features: a `|` caret marks the position a test asks about,
 * and edits are applied to compare the whole resulting text, as a user would see it.
 */
import type { Position, TextEdit } from "vscode-languageserver-types";
import { LineIndex } from "../../server/src/service/positions";

/** Removes the one `|` from the text and returns where it was. */
export function caret(marked: string): { text: string; offset: number; position: Position } {
  const offset = marked.indexOf("|");
  if (offset < 0 || marked.indexOf("|", offset + 1) >= 0) {
    throw new Error("a fixture needs exactly one | caret");
  }
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, offset, position: new LineIndex(text).positionAt(offset) };
}

/** Applies LSP text edits (non-overlapping, as a client would) and returns the new text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const ordered = edits
    .map((edit) => ({
      start: lines.offsetAt(edit.range.start),
      end: lines.offsetAt(edit.range.end),
      newText: edit.newText,
    }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let limit = Infinity;
  for (const edit of ordered) {
    if (edit.end > limit) throw new Error("overlapping edits");
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    limit = edit.start;
  }
  return result;
}
