/**
 * The other side of the TOML trap: `[[kv_namespaces]]` written right after `[env.staging]` still
 * binds at the top level, since a header is a full path. The scoping check only says so when the
 * environment lacks the kind, a sign the author meant it for the environment; this fix writes
 * the full path, `[[env.staging.kv_namespaces]]`, in the entry's header and sub-table headers.
 */
import type { CodeAction, Diagnostic } from "vscode-languageserver-types";
import { quickFix, sameSpan, spanOf, tomlKey, type FixContext } from "./edits";
import { blockSections } from "./layout";

export function headerIntoEnvironment(
  context: FixContext,
  diagnostic: Diagnostic,
): CodeAction | undefined {
  const span = spanOf(context, diagnostic);
  const sections = context.document.sections;
  const index = sections.findIndex((section) => sameSpan(section.header?.span, span));
  const header = sections[index]?.header;
  const previous = sections[index - 1]?.header?.path;
  if (!header || header.path[0] === "env" || previous?.length !== 2 || previous[0] !== "env") {
    return undefined;
  }

  const prefix = `env.${tomlKey(previous[1]!)}.`;
  const edits = blockSections(context.document, sections[index]!).map((section) => {
    const at = section.header!.pathSpans[0]!.start;
    return { start: at, end: at, newText: prefix };
  });
  const [open, close] = header.array ? ["[[", "]]"] : ["[", "]"];
  const title = `Change the header to ${open}${prefix}${header.path.join(".")}${close}`;
  return quickFix(context, title, diagnostic, edits);
}
