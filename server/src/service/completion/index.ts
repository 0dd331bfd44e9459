/**
 * Completion in a Worker configuration: table headers, keys and values, worked out from the
 * text around the caret so that it answers in the half-typed documents completion is asked
 * about. Only the caret's section is read, plus the model for what the rest of the file holds.
 */
import type { CompletionItem, CompletionList, Position } from "vscode-languageserver-types";
import type { ParsedConfig } from "../index";
import type { WorkspaceView } from "../workspace";
import { headerItems } from "./headers";
import type { CompletionContext } from "./items";
import { keyItems } from "./keys";
import { sectionAt, spotAt } from "./spot";
import { valueItems } from "./values";

const NOTHING: CompletionList = { isIncomplete: false, items: [] };

/**
 * The completions at a position. `workspace` supplies the Worker's source (for class names) and
 * the other Worker configurations (for service names); `configUri` is this file's URI, against
 * which `main` is resolved. It never throws: when unsure, the list is empty.
 */
export function complete(
  parsed: ParsedConfig,
  position: Position,
  workspace: WorkspaceView,
  configUri: string,
): CompletionList {
  // FIXME: JSON configurations get no completion until their layout has an equivalent of
  // TOML sections; the document says which format it is.
  if (parsed.document.format !== "toml") return NOTHING;
  try {
    const text = parsed.document.text;
    const offset = parsed.lines.offsetAt(position);
    const section = sectionAt(parsed.document.sections, offset);
    const spot = section && spotAt(text, section, offset);
    if (!spot) return NOTHING;

    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    const context: CompletionContext = { parsed, offset, workspace, configUri, eol };
    switch (spot.at) {
      case "header":
        // Typing `env.NAME.` changes which headers fit, so the editor must ask again.
        return { isIncomplete: true, items: unique(headerItems(spot, context)) };
      case "key":
        return { isIncomplete: false, items: unique(keyItems(spot, context)) };
      case "value":
        return { isIncomplete: false, items: unique(valueItems(spot, context)) };
    }
  } catch {
    // A completion list is a convenience: a bug in it must not cost the user the editor.
    return NOTHING;
  }
}

/** Each label once, keeping the first (best placed) item. */
function unique(items: readonly CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.label) && Boolean(seen.add(item.label)));
}
