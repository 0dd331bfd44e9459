/**
 * Completion in a Worker configuration: table headers, keys and values in TOML, property keys
 * and values in JSON, worked out from the text around the caret so that it answers in the
 * half-typed documents completion is asked about. The catalog says what may be written where.
 */
import type { CompletionList, Position } from "vscode-languageserver-types";
import type { ParsedConfig } from "../index";
import type { WorkspaceView } from "../workspace";
import { NOTHING, type CompletionContext } from "./items";
import { completeJson } from "./json";
import { completeToml } from "./toml";

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
  try {
    const text = parsed.document.text;
    const offset = parsed.lines.offsetAt(position);
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    const context: CompletionContext = { parsed, offset, workspace, configUri, eol };
    return parsed.document.format === "json" ? completeJson(context) : completeToml(context);
  } catch {
    // A completion list is a convenience: a bug in it must not cost the user the editor.
    return NOTHING;
  }
}
