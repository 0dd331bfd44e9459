/**
 * The language service: everything the extension knows about Worker configurations, as plain
 * functions from text to LSP data. It knows nothing of VS Code or of the LSP connection, so the
 * server, the command-line checker and the tests all call it the same way.
 */
import type { Diagnostic } from "vscode-languageserver-types";
import { checkDocument } from "../checks";
import type { ConfigDocument } from "../syntax/model";
import { parseJson } from "../syntax/json";
import { changedRange, type TextChange } from "../syntax/text-change";
import { parseToml, type ReuseMode, type TomlReuse } from "../syntax/toml";
import { toDiagnostic } from "./diagnostics";
import { LineIndex } from "./positions";

export { DIAGNOSTIC_SOURCE } from "./diagnostics";

/** A parsed version of one document, with what the next version can reuse. */
export interface ParsedConfig {
  readonly document: ConfigDocument;
  readonly lines: LineIndex;
  /** For TOML, what the next version can reuse. */
  readonly reuse?: TomlReuse;
}

export type ConfigFormat = ConfigDocument["format"];

/** Wrangler reads `.json` and `.jsonc` files as JSON with comments; everything else as TOML. */
export function formatOf(uri: string): ConfigFormat {
  return /\.jsonc?$/i.test(uri.split(/[?#]/)[0]!) ? "json" : "toml";
}

/**
 * Parses a configuration; pass the previous version's result to reuse its unchanged parts
 * (TOML sections; a JSON document is small enough to read whole). With `replaced`, the
 * previous result is given up for this one and must not be read again: its unchanged sections
 * move to their new places instead of being copied (see `ReuseMode`). `change`, when the
 * editor said where the previous text was edited, saves comparing the two texts.
 */
export function parseConfig(
  text: string,
  previous?: ParsedConfig,
  format: ConfigFormat = "toml",
  mode: ReuseMode = "kept",
  change?: TextChange,
): ParsedConfig {
  if (format === "json") return { document: parseJson(text), lines: new LineIndex(text) };
  // Where the texts differ, as the editor said or as comparing them finds.
  const edit = previous && (change ?? changedRange(previous.document.text, text));
  const { document, reuse } = parseToml(text, previous?.reuse, mode, edit);
  const lines = edit ? previous.lines.afterChange(edit, text) : new LineIndex(text);
  return { document, lines, reuse };
}

/** Every problem in the configuration, in every environment, as LSP diagnostics. */
export function diagnose(parsed: ParsedConfig, uri: string): Diagnostic[] {
  return checkDocument(parsed.document).map((problem) => toDiagnostic(problem, parsed.lines, uri));
}

export { hover } from "./hover";
export { documentSymbols } from "./symbols";
export { foldingRanges } from "./folding";
export { complete } from "./completion";
export { codeActions } from "./quick-fixes";
export { definition } from "./definition";
