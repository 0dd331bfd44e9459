/**
 * Quick fixes: code actions for the diagnostics of a Worker configuration, each an edit that
 * keeps every other byte of the file. One file per family of fixes; this one picks the fixes
 * for the diagnostics the editor asks about.
 */
import type { CodeAction, Diagnostic, Range } from "vscode-languageserver-types";
import type { DiagnosticCode } from "../../checks/problem";
import { DIAGNOSTIC_SOURCE } from "../diagnostics";
import type { ParsedConfig } from "../index";
import { copyBindingsToEnvironment, copyKindToEnvironment } from "./copy-to-env";
import { fixContext, type Fix } from "./edits";
import { headerIntoEnvironment } from "./env-header";
import { addMigration } from "./migrations";
import { addMissingFields } from "./missing-fields";
import { moveMisplacedKey } from "./move-key";
import { replaceWithSuggestion } from "./suggestion";

/** The fixes for each code; each offers nothing for a diagnostic it does not apply to. */
const FIXES: Partial<Record<DiagnosticCode, readonly Fix[]>> = {
  "missing-field": [addMissingFields],
  "env-missing-kind": [copyKindToEnvironment],
  "env-missing-binding": [copyBindingsToEnvironment],
  "missing-migration": [addMigration],
  "misplaced-key": [moveMisplacedKey, headerIntoEnvironment],
};

/** The fixes that write JSON too; the others write TOML's layout (headers, dotted keys). */
const JSON_FIXES: Partial<Record<DiagnosticCode, readonly Fix[]>> = {
  "missing-field": [addMissingFields],
};

/**
 * The quick fixes for our diagnostics that touch `range` (pass the request's context
 * diagnostics). A diagnostic that carries a suggestion gets "Change to …"; the others get the
 * fix their code calls for, when one can be computed safely from the document as it is now.
 * Never throws.
 */
export function codeActions(
  parsed: ParsedConfig,
  uri: string,
  range: Range,
  diagnostics: readonly Diagnostic[],
): CodeAction[] {
  const context = fixContext(parsed, uri);
  const toml = parsed.document.format === "toml";
  const actions: CodeAction[] = [];

  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !touches(diagnostic.range, range)) continue;
    const byCode = (toml ? FIXES : JSON_FIXES)[diagnostic.code as DiagnosticCode] ?? [];
    const fixes = [replaceWithSuggestion, ...byCode];
    for (const fix of fixes) {
      const action = attempt(() => fix(context, diagnostic));
      if (action) addOrMerge(actions, action);
    }
  }
  return actions;
}

/** A fix that fails on a document shape nobody foresaw offers nothing, and the rest still do. */
function attempt(fix: () => CodeAction | undefined): CodeAction | undefined {
  try {
    return fix();
  } catch {
    return undefined;
  }
}

/**
 * Several diagnostics can call for the same edit (one missing-field diagnostic per missing
 * field of an entry): one action then lists them all, instead of the same item twice.
 */
function addOrMerge(actions: CodeAction[], action: CodeAction): void {
  const same = actions.find(
    (other) =>
      other.title === action.title && JSON.stringify(other.edit) === JSON.stringify(action.edit),
  );
  if (same) same.diagnostics = [...(same.diagnostics ?? []), ...(action.diagnostics ?? [])];
  else actions.push(action);
}

function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function before(a: Range["start"], b: Range["start"]): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
