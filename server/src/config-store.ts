/**
 * The parse of each open document's latest version. Every request about a version that was
 * already parsed reuses it, and a new version reuses the sections its predecessor parsed.
 */
import type {
  Range,
  TextDocument,
  TextDocumentContentChangeEvent,
} from "vscode-languageserver-textdocument";
import { formatOf, parseConfig, type ParsedConfig } from "./service";
import type { TextChange } from "./syntax/text-change";

/** The edit the editor sent between two versions, when it was one change. */
interface Edit {
  readonly from: number;
  readonly to: number;
  readonly change: TextChange;
}

interface Stored {
  readonly version: number;
  readonly parsed: ParsedConfig;
}

export class ConfigStore {
  private readonly byUri = new Map<string, Stored>();
  private readonly edits = new Map<string, Edit>();

  /**
   * Notes the edit that turns `before` into version `to`: the editor says where it typed, so
   * the parse need not compare the two texts to find out. Anything but one ranged change is
   * left to that comparison.
   */
  noteEdit(
    before: TextDocument,
    changes: readonly TextDocumentContentChangeEvent[],
    to: number,
  ): void {
    const only = changes.length === 1 ? changes[0]! : undefined;
    const range = only && "range" in only ? (only.range as Range) : undefined;
    if (!only || !range) {
      this.edits.delete(before.uri);
      return;
    }
    const start = before.offsetAt(range.start);
    const change = {
      start,
      removedEnd: before.offsetAt(range.end),
      insertedEnd: start + only.text.length,
    };
    this.edits.set(before.uri, { from: before.version, to, change });
  }

  get(document: TextDocument): ParsedConfig {
    const stored = this.byUri.get(document.uri);
    if (stored?.version === document.version) return stored.parsed;
    const edit = this.edits.get(document.uri);
    const known = edit?.from === stored?.version && edit?.to === document.version;
    // The stored parse is replaced, so its sections may move to their new places.
    const format = formatOf(document.uri);
    const change = known ? edit!.change : undefined;
    const parsed = parseConfig(document.getText(), stored?.parsed, format, "replaced", change);
    this.byUri.set(document.uri, { version: document.version, parsed });
    return parsed;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.edits.delete(uri);
  }
}
