/**
 * "Add binding" and "Remove binding": what the client may offer, the check of each value as it
 * is typed, and the edits, computed here so that the client only shows and applies them. Every
 * edit changes no byte it does not mean to, keeps the file's style and line endings, and is
 * checked on the edited text before it is offered; anything that cannot be done safely
 * answers null.
 */
import type { WorkspaceEdit } from "vscode-languageserver-types";
import { findKind } from "../../catalog";
import type { AddBindingParams, AddBindingResult, RemoveBindingParams } from "../../protocol";
import { bindingsIn } from "../bindings";
import type { ParsedConfig } from "../index";
import { fixContext } from "../quick-fixes/edits";
import { jsonAddition } from "./json-add";
import { revealed, settle, workspaceEdit } from "./outcome";
import { removal } from "./remove";
import { tomlAddition } from "./toml-add";
import { requestProblem, targetOf } from "./validate";

export { addBindingChoices } from "./choices";
export { validateBindingInput } from "./validate";

/**
 * The edit that adds the binding, and where the new entry stands once it is applied; null when
 * the request does not pass `validateBindingInput` for every value, or the file's shape leaves
 * no safe place for the entry. `version` is the document's, or null for a file read from disk.
 */
export function addBindingEdit(
  parsed: ParsedConfig,
  params: AddBindingParams,
  version: number | null,
): AddBindingResult | null {
  const target = targetOf(parsed, params);
  if (typeof target === "string" || requestProblem(parsed, params)) return null;
  const { kind, environment } = target;

  const context = fixContext(parsed, params.uri);
  const addition =
    parsed.document.format === "json"
      ? jsonAddition(context, environment, kind, params)
      : tomlAddition(context, environment, kind, params);
  if (!addition) return null;

  const outcome = settle(parsed, addition.edits, { ...params, change: 1 });
  const reveal = outcome && revealed(outcome, addition.entry);
  if (!outcome || !reveal) return null;
  return { edit: workspaceEdit(parsed, params.uri, version, outcome), reveal };
}

/**
 * The edit that removes the `index`-th entry of the kind in the environment, counted as
 * `bindingsIn` lists them (the explorer's `BindingNode.index`); null when there is none.
 */
export function removeBindingEdit(
  parsed: ParsedConfig,
  params: RemoveBindingParams,
  version: number | null,
): WorkspaceEdit | null {
  const target = targetOf(parsed, params, findKind);
  if (typeof target === "string") return null;
  const { kind, environment } = target;
  const use = bindingsIn(environment).find((candidate) => candidate.kind === kind);
  const binding = use?.bindings[params.index];
  if (!use || !binding) return null;

  const context = fixContext(parsed, params.uri);
  const edits = removal(context, environment, use, binding);
  const outcome = edits && settle(parsed, edits, { ...params, change: -1 });
  return outcome ? workspaceEdit(parsed, params.uri, version, outcome) : null;
}
