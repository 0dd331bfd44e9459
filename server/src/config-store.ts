/**
 * The parse of each open document's latest version. Every request about a version that was
 * already parsed reuses it, and a new version reuses the sections its predecessor parsed.
 */
import type { TextDocument } from "vscode-languageserver-textdocument";
import { formatOf, parseConfig, type ParsedConfig } from "./service";

interface Stored {
  readonly version: number;
  readonly parsed: ParsedConfig;
}

export class ConfigStore {
  private readonly byUri = new Map<string, Stored>();

  get(document: TextDocument): ParsedConfig {
    const stored = this.byUri.get(document.uri);
    if (stored?.version === document.version) return stored.parsed;
    // The stored parse is replaced, so its sections may move to their new places.
    const format = formatOf(document.uri);
    const parsed = parseConfig(document.getText(), stored?.parsed, format, "replaced");
    this.byUri.set(document.uri, { version: document.version, parsed });
    return parsed;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
