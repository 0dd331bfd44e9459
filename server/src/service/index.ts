/**
 * The language service: everything the extension knows about Worker configurations, as plain
 * functions from text to LSP data. It knows nothing of VS Code or of the LSP connection, so the
 * server, the command-line checker and the tests all call it the same way.
 */
import type { Diagnostic } from "vscode-languageserver-types";
import { checkDocument } from "../checks";
import type { ConfigDocument } from "../syntax/model";
import { parseToml, type SectionCache } from "../syntax/toml";
import { toDiagnostic } from "./diagnostics";
import { LineIndex } from "./positions";

export { DIAGNOSTIC_SOURCE } from "./diagnostics";

/** A parsed version of one document, with what the next version can reuse. */
export interface ParsedConfig {
  readonly document: ConfigDocument;
  readonly lines: LineIndex;
  readonly sections: SectionCache;
}

/** Parses a configuration; pass the previous version's result to reuse its unchanged parts. */
export function parseConfig(text: string, previous?: ParsedConfig): ParsedConfig {
  const { document, cache } = parseToml(text, previous?.sections);
  return { document, lines: new LineIndex(text), sections: cache };
}

/** Every problem in the configuration, in every environment, as LSP diagnostics. */
export function diagnose(parsed: ParsedConfig, uri: string): Diagnostic[] {
  return checkDocument(parsed.document).map((problem) => toDiagnostic(problem, parsed.lines, uri));
}
