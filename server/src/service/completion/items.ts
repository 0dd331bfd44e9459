/**
 * What every part of completion shares: the request's context, and one way to build an LSP
 * completion item whose edit replaces exactly what the user typed.
 */
import {
  InsertTextFormat,
  InsertTextMode,
  type Command,
  type CompletionItem,
  type CompletionItemKind,
  type CompletionList,
} from "vscode-languageserver-types";
import type { Span } from "../../syntax/model";
import type { ParsedConfig } from "../index";
import type { WorkspaceView } from "../workspace";
import { sortText, type Rank } from "./ranking";

export interface CompletionContext {
  readonly parsed: ParsedConfig;
  readonly offset: number;
  readonly workspace: WorkspaceView;
  readonly configUri: string;
  /** The document's line ending, for blocks that span lines. */
  readonly eol: string;
}

export interface ItemSpec {
  readonly label: string;
  readonly kind: CompletionItemKind;
  /** One line. */
  readonly detail: string;
  /** Markdown. */
  readonly documentation?: string;
  /** What the item replaces: everything typed for it, and what belongs to it after the caret. */
  readonly range: Span;
  readonly newText: string;
  readonly snippet?: boolean;
  /** What the typed text is matched against, when it differs from the label. */
  readonly filterText?: string;
  readonly rank: Rank;
  readonly position: number;
  /** Ask for completion again once inserted: the value has candidates of its own. */
  readonly retrigger?: boolean;
  /**
   * The lines of `newText` carry their own indentation, so the editor must insert them as they
   * are instead of adding the caret line's indentation to each.
   */
  readonly indented?: boolean;
  /** Other edits made with the item, such as the comma a JSON property needs before it. */
  readonly additional?: readonly { readonly range: Span; readonly newText: string }[];
}

export const NOTHING: CompletionList = { isIncomplete: false, items: [] };

/**
 * VS Code's command for opening the suggestion list; the JSON language service uses it the same
 * way after inserting a key. Other editors ignore a command they do not know.
 */
const SUGGEST_AGAIN: Command = { title: "Suggest", command: "editor.action.triggerSuggest" };

export function completionItem(spec: ItemSpec, context: CompletionContext): CompletionItem {
  const item: CompletionItem = {
    label: spec.label,
    kind: spec.kind,
    detail: spec.detail,
    sortText: sortText(spec.rank, spec.position),
    textEdit: { range: context.parsed.lines.rangeOf(spec.range), newText: spec.newText },
    insertTextFormat: spec.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (spec.documentation) item.documentation = { kind: "markdown", value: spec.documentation };
  if (spec.filterText !== undefined && spec.filterText !== spec.label) {
    item.filterText = spec.filterText;
  }
  if (spec.retrigger) item.command = SUGGEST_AGAIN;
  if (spec.indented) item.insertTextMode = InsertTextMode.asIs;
  if (spec.additional?.length) {
    item.additionalTextEdits = spec.additional.map((edit) => ({
      range: context.parsed.lines.rangeOf(edit.range),
      newText: edit.newText,
    }));
  }
  return item;
}

/** Each label once, keeping the first (best placed) item. */
export function unique(items: readonly CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.label) && Boolean(seen.add(item.label)));
}
