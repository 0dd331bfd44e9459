/**
 * Helpers for completion tests: ask for completion at a `|` caret, pick an item by its label,
 * apply its edits and read the whole resulting text, with snippet tab stops replaced by their
 * defaults (what the user sees before typing over them). The plain exports ask about a
 * wrangler.toml; `completionIn` gives the same helpers for a configuration at another URI.
 */
import assert from "node:assert/strict";
import type { CompletionItem, CompletionList, TextEdit } from "vscode-languageserver-types";
import { formatOf, parseConfig } from "../../server/src/service";
import { complete } from "../../server/src/service/completion";
import {
  EMPTY_WORKSPACE,
  type WorkerConfigRef,
  type WorkspaceView,
} from "../../server/src/service/workspace";
import { applyEdits, caret } from "./fixtures";

/** The URI of the configuration under test; other files are placed relative to it. */
export const CONFIG_URI = "file:///work/app/wrangler.toml";
/** The same configuration written as JSON with comments. */
export const JSON_CONFIG_URI = "file:///work/app/wrangler.jsonc";

/** A workspace holding these files (by URI) and these Worker configurations. */
export function workspaceOf(
  files: Readonly<Record<string, string>>,
  configs: readonly WorkerConfigRef[] = [],
): WorkspaceView {
  return { workerConfigs: () => configs, readText: (uri) => files[uri] };
}

/** The completion helpers for a configuration at a URI, read in the format its name says. */
export function completionIn(uri: string) {
  function completionsAt(marked: string, workspace = EMPTY_WORKSPACE): CompletionList {
    const { text, position } = caret(marked);
    return complete(parseConfig(text, undefined, formatOf(uri)), position, workspace, uri);
  }

  /** The items in the order an editor lists them when nothing typed tells them apart. */
  function ranked(marked: string, workspace = EMPTY_WORKSPACE): CompletionItem[] {
    return [...completionsAt(marked, workspace).items].sort((a, b) =>
      (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label),
    );
  }

  function labels(marked: string, workspace = EMPTY_WORKSPACE): string[] {
    return ranked(marked, workspace).map((item) => item.label);
  }

  function itemAt(marked: string, label: string, workspace = EMPTY_WORKSPACE) {
    const matching = completionsAt(marked, workspace).items.filter((item) => item.label === label);
    assert.equal(matching.length, 1, `one item labelled ${label}`);
    return matching[0]!;
  }

  /** The text after applying the item's edits as written, snippet syntax included. */
  function applyRaw(marked: string, label: string, workspace = EMPTY_WORKSPACE): string {
    const item = itemAt(marked, label, workspace);
    assert.ok(item.textEdit && "range" in item.textEdit, `${label} has a text edit`);
    const edits = [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])];
    return applyEdits(caret(marked).text, edits);
  }

  /** The text after choosing the item, each tab stop showing its default. */
  function accept(marked: string, label: string, workspace = EMPTY_WORKSPACE): string {
    return withDefaults(applyRaw(marked, label, workspace));
  }

  return { completionsAt, ranked, labels, itemAt, applyRaw, accept };
}

export const { completionsAt, ranked, labels, itemAt, applyRaw, accept } = completionIn(CONFIG_URI);

/**
 * Resolves snippet syntax: `${1:text}` to its text, `${1|a,b|}` to its first choice, `$1` to
 * nothing, and escaped characters to themselves.
 */
export function withDefaults(snippet: string): string {
  return snippet.replace(
    /\$\{\d+:((?:\\.|[^\\}])*)\}|\$\{\d+\|((?:\\.|[^\\,|])*)[^}]*\}|\$\d+|\\([$}\\])/g,
    (_, placeholder?: string, choice?: string, escaped?: string) =>
      escaped ?? unescape(placeholder ?? choice ?? ""),
  );
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, "$1");
}
