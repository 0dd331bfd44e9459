/**
 * Runs a quick fix the way an editor would: diagnose the fixture, ask for the code actions of
 * one diagnostic, apply the chosen action's edit, and diagnose the result again, so a test can
 * compare the whole new text and check that the problem it fixed is gone.
 */
import assert from "node:assert/strict";
import type { CodeAction, Diagnostic } from "vscode-languageserver-types";
import { diagnose, formatOf, parseConfig } from "../../server/src/service";
import { codeActions } from "../../server/src/service/quick-fixes";
import { applyEdits } from "./fixtures";

export const URI = "file:///w/wrangler.toml";
/** The same configuration written as JSON with comments. */
export const JSONC_URI = "file:///w/wrangler.jsonc";

/** The actions offered for the `nth` diagnostic with that code (counting from 0). */
export function actionsFor(text: string, code: string, nth = 0, uri = URI) {
  const parsed = parseConfig(text, undefined, formatOf(uri));
  const diagnostic = diagnose(parsed, uri).filter((d) => d.code === code)[nth];
  assert.ok(diagnostic, `no diagnostic ${code} #${nth}`);
  return { diagnostic, actions: codeActions(parsed, uri, diagnostic.range, [diagnostic]) };
}

export interface Fixed {
  readonly title: string;
  readonly preferred: boolean;
  /** The whole document after the edit. */
  readonly text: string;
  /** Whether the fixed diagnostic's message is still reported on the new text. */
  readonly stillReported: boolean;
  /** The codes of every diagnostic on the new text. */
  readonly codes: readonly string[];
}

/** Applies the one action offered for the diagnostic (there must be exactly one). */
export function fix(text: string, code: string, nth = 0, uri = URI): Fixed {
  const { diagnostic, actions } = actionsFor(text, code, nth, uri);
  assert.equal(actions.length, 1, `expected one action, got ${actions.map((a) => a.title)}`);
  return apply(text, diagnostic, actions[0]!, uri);
}

export function apply(text: string, diagnostic: Diagnostic, action: CodeAction, uri = URI): Fixed {
  assert.equal(action.kind, "quickfix");
  assert.deepEqual(action.diagnostics, [diagnostic]);
  const changes = action.edit?.changes;
  assert.deepEqual(Object.keys(changes ?? {}), [uri]);
  const fixed = applyEdits(text, changes![uri]!);
  const after = diagnose(parseConfig(fixed, undefined, formatOf(uri)), uri);
  return {
    title: action.title,
    preferred: action.isPreferred === true,
    text: fixed,
    stillReported: after.some(
      (d) => d.code === diagnostic.code && d.message === diagnostic.message,
    ),
    codes: after.map((d) => String(d.code)),
  };
}
