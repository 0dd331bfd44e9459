/**
 * Runs a quick fix the way an editor would: diagnose the fixture, ask for the code actions of
 * one diagnostic, apply the chosen action's edit, and diagnose the result again, so a test can
 * compare the whole new text and check that the problem it fixed is gone.
 */
import assert from "node:assert/strict";
import type { CodeAction, Diagnostic } from "vscode-languageserver-types";
import { diagnose, parseConfig } from "../../server/src/service";
import { codeActions } from "../../server/src/service/quick-fixes";
import { applyEdits } from "./fixtures";

export const URI = "file:///w/wrangler.toml";

/** The actions offered for the `nth` diagnostic with that code (counting from 0). */
export function actionsFor(text: string, code: string, nth = 0) {
  const parsed = parseConfig(text);
  const diagnostic = diagnose(parsed, URI).filter((d) => d.code === code)[nth];
  assert.ok(diagnostic, `no diagnostic ${code} #${nth}`);
  return { diagnostic, actions: codeActions(parsed, URI, diagnostic.range, [diagnostic]) };
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
export function fix(text: string, code: string, nth = 0): Fixed {
  const { diagnostic, actions } = actionsFor(text, code, nth);
  assert.equal(actions.length, 1, `expected one action, got ${actions.map((a) => a.title)}`);
  return apply(text, diagnostic, actions[0]!);
}

export function apply(text: string, diagnostic: Diagnostic, action: CodeAction): Fixed {
  assert.equal(action.kind, "quickfix");
  assert.deepEqual(action.diagnostics, [diagnostic]);
  const changes = action.edit?.changes;
  assert.deepEqual(Object.keys(changes ?? {}), [URI]);
  const fixed = applyEdits(text, changes![URI]!);
  const after = diagnose(parseConfig(fixed), URI);
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
