/**
 * The last step of every "Add binding" and "Remove binding" edit: check on the edited text that
 * the edit did what it should (no new syntax problem, exactly one binding more or less of the
 * kind in the environment), then hand it over as one versioned text document edit, which
 * VS Code applies as a single undo step. An edit that fails the check is not offered.
 */
import {
  OptionalVersionedTextDocumentIdentifier,
  TextDocumentEdit,
  TextEdit,
  type Range,
  type WorkspaceEdit,
} from "vscode-languageserver-types";
import { bindingsIn, environmentsOf } from "../bindings";
import { parseConfig, type ParsedConfig } from "../index";
import { LineIndex } from "../positions";
import type { OffsetEdit } from "../quick-fixes/edits";

/** What the edit is about, and how many bindings of the kind it adds (1) or removes (-1). */
export interface Expectation {
  readonly environment: string | null;
  readonly kind: string;
  readonly change: 1 | -1;
}

export interface Outcome {
  readonly edits: readonly OffsetEdit[];
  /** The whole text once the edits are applied. */
  readonly text: string;
}

/** The edits in document order, insertions at one offset merged in the order given. */
export function settle(
  parsed: ParsedConfig,
  edits: readonly OffsetEdit[],
  expected: Expectation,
): Outcome | undefined {
  const ordered = [...edits].sort((a, b) => a.start - b.start);
  const merged: OffsetEdit[] = [];
  for (const edit of ordered) {
    const previous = merged.at(-1);
    if (previous && previous.end > edit.start) return undefined;
    if (previous && previous.start === edit.start && previous.end === edit.start) {
      merged[merged.length - 1] = { ...edit, newText: previous.newText + edit.newText };
    } else merged.push(edit);
  }

  const before = parsed.document;
  let text = before.text;
  for (const edit of [...merged].reverse()) {
    text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  }
  const after = parseConfig(text, undefined, before.format).document;
  if (after.problems.length > before.problems.length) return undefined;
  const count = (document: typeof before) => {
    const environment = environmentsOf(document).find(
      (candidate) => (candidate.name ?? null) === expected.environment,
    );
    const use = environment && bindingsIn(environment).find((u) => u.kind.key === expected.kind);
    return use?.bindings.length ?? 0;
  };
  return count(after) === count(before) + expected.change ? { edits: merged, text } : undefined;
}

export function workspaceEdit(
  parsed: ParsedConfig,
  uri: string,
  version: number | null,
  outcome: Outcome,
): WorkspaceEdit {
  const edits = outcome.edits.map((edit) =>
    TextEdit.replace(parsed.lines.rangeOf(edit), edit.newText),
  );
  const document = OptionalVersionedTextDocumentIdentifier.create(uri, version);
  return { documentChanges: [TextDocumentEdit.create(document, edits)] };
}

/** Where `entry`, written by one of the edits, stands in the edited text. */
export function revealed(outcome: Outcome, entry: string): Range | undefined {
  let shift = 0;
  for (const edit of outcome.edits) {
    const at = edit.newText.indexOf(entry);
    if (at >= 0) {
      const start = edit.start + shift + at;
      return new LineIndex(outcome.text).rangeOf({ start, end: start + entry.length });
    }
    shift += edit.newText.length - (edit.end - edit.start);
  }
  return undefined;
}
