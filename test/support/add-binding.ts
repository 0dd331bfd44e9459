/**
 * Helpers for the "Add binding" tests: the service's edits applied as a client applies them (the
 * one versioned document edit, its text edits), so tests compare whole resulting texts.
 */
import assert from "node:assert/strict";
import type { TextEdit, WorkspaceEdit } from "vscode-languageserver-types";
import type { AddBindingParams } from "../../server/src/protocol";
import { formatOf, parseConfig } from "../../server/src/service";
import { addBindingEdit, removeBindingEdit } from "../../server/src/service/add-binding";
import { LineIndex } from "../../server/src/service/positions";
import { applyEdits } from "./fixtures";

export interface DocumentEdit {
  readonly uri: string;
  readonly version: number | null;
  readonly edits: TextEdit[];
}

/** The edit's only change: one text document edit, with plain text edits. */
export function documentEdit(edit: WorkspaceEdit): DocumentEdit {
  assert.equal(edit.changes, undefined, "edits come as documentChanges, with a version");
  assert.equal(edit.documentChanges?.length, 1, "one document change");
  const change = edit.documentChanges[0]!;
  assert.ok("edits" in change, "a text document edit");
  const edits = change.edits.map((item) => {
    assert.ok("newText" in item, "plain text edits");
    return { range: item.range, newText: item.newText };
  });
  return { uri: change.textDocument.uri, version: change.textDocument.version, edits };
}

/** The whole text once the edit is applied. */
export function applied(text: string, edit: WorkspaceEdit): string {
  return applyEdits(text, documentEdit(edit).edits);
}

export const TOML_URI = "file:///w/wrangler.toml";
export const JSON_URI = "file:///w/wrangler.jsonc";

export interface Added {
  /** The whole document after the edit. */
  readonly text: string;
  /** The text the edit's `reveal` range covers in it. */
  readonly revealed: string;
}

/**
 * Adds a binding to the fixture through the service and applies the edit; null when the
 * service offers none. The URI says the format.
 */
export function add(
  text: string,
  request: Partial<AddBindingParams> & Pick<AddBindingParams, "kind">,
  uri = TOML_URI,
): Added | null {
  const parsed = parseConfig(text, undefined, formatOf(uri));
  const params = { uri, environment: null, name: "", fields: {}, ...request };
  const result = addBindingEdit(parsed, params, 1);
  if (!result) return null;
  assert.equal(documentEdit(result.edit).version, 1);
  const edited = applied(text, result.edit);
  const lines = new LineIndex(edited);
  const revealed = edited.slice(
    lines.offsetAt(result.reveal.start),
    lines.offsetAt(result.reveal.end),
  );
  return { text: edited, revealed };
}

/** Removes the `index`-th binding of the kind and returns the whole new text, or null. */
export function remove(
  text: string,
  kind: string,
  index: number,
  environment: string | null = null,
  uri = TOML_URI,
): string | null {
  const parsed = parseConfig(text, undefined, formatOf(uri));
  const edit = removeBindingEdit(parsed, { uri, environment, kind, index }, 1);
  return edit && applied(text, edit);
}
