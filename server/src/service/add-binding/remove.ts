/**
 * The edit that removes one binding entry and nothing else: a `[[…]]` block with its header
 * and lines (and its sub-tables), one item of an inline list with its comma, or, when that item
 * was the list's only one, the whole `key = [ … ]` statement (in JSON, the whole property).
 * A blank line that would be left doubled goes too.
 */
import type { Entry, Span, TableValue } from "../../syntax/model";
import type { Binding, Environment, KindUse } from "../bindings";
import { lineStart, nextLineStart, type FixContext, type OffsetEdit } from "../quick-fixes/edits";
import { blockEnd, sectionWithHeader, statementOf } from "../quick-fixes/layout";
import { commaAfter, removeItem, type List } from "./list-items";
import { endOfLine, isComment, JSON_COMMENTS, startsLine, TOML_COMMENTS } from "./text-lines";

export function removal(
  context: FixContext,
  environment: Environment,
  use: KindUse,
  binding: Binding,
): OffsetEdit[] | undefined {
  const { document, text } = context;
  const table = binding.table;
  if (document.format === "toml" && table?.form === "header") {
    const section = sectionWithHeader(document, table.header);
    if (!section) return undefined;
    const start = lineStart(text, table.header!.start);
    return [deleteLines(text, start, nextLineStart(text, blockEnd(document, section)))];
  }

  const [items, holder] = listOf(use);
  if (!items) return removeWhole(context, environment, use, use.entry);
  const index = items.findIndex((span) => span.start === binding.span.start);
  if (index < 0) return undefined;
  const list: List = { text, eol: context.eol, comments: comments(context), items };
  return (
    removeItem(list, index) ??
    removeWhole(context, environment, use, holder) ?? [deleteSpan(context, items[index]!)]
  );
}

/**
 * The item spans a binding stands among (entries of an inline list, variables, secrets' names)
 * and the entry whose statement goes when the list is left empty. No list for a kind written
 * as one table (`ai = { … }`).
 */
function listOf(use: KindUse): [Span[], Entry] | [undefined, undefined] {
  const value = use.entry.value;
  const names = use.kind.names;
  if (names.from === "keys" && value.kind === "table") return [propertySpans(value), use.entry];
  if (names.from === "list" && value.kind === "table") {
    const list = value.entries.get(names.field);
    if (list?.value.kind === "array") return [list.value.items.map((item) => item.span), list];
  }
  if (value.kind === "array") return [value.items.map((item) => item.span), use.entry];
  return [undefined, undefined];
}

/** The statement (in JSON, the property) that writes an entry; nothing under a header. */
function removeWhole(
  context: FixContext,
  environment: Environment,
  use: KindUse,
  entry: Entry,
): OffsetEdit[] | undefined {
  if (context.document.format === "json") {
    const parent = parentOf(environment, use, entry);
    if (!parent) return undefined;
    const siblings = propertySpans(parent);
    const index = siblings.findIndex((span) => span.start === entry.keySpan.start);
    const list: List = {
      text: context.text,
      eol: context.eol,
      comments: JSON_COMMENTS,
      items: siblings,
    };
    return removeItem(list, index) ?? [deleteSpan(context, propertySpan(entry))];
  }
  const statement = statementOf(context.document, entry);
  if (!statement) return undefined;
  return [deleteSpan(context, { start: statement.key.span.start, end: entry.value.span.end })];
}

/** The object a JSON property stands in: the environment, or a container (`queues`). */
function parentOf(environment: Environment, use: KindUse, entry: Entry): TableValue | undefined {
  const tables: TableValue[] = [environment.table];
  const container = environment.table.entries.get(use.kind.key.split(".")[0]!)?.value;
  if (container?.kind === "table") tables.push(container);
  if (use.entry.value.kind === "table") tables.push(use.entry.value);
  return tables.find((table) => [...table.entries.values()].includes(entry));
}

function propertySpans(table: TableValue): Span[] {
  return [...table.entries.values()].map(propertySpan).sort((a, b) => a.start - b.start);
}

function propertySpan(entry: Entry): Span {
  return { start: entry.keySpan.start, end: entry.value.span.end };
}

/** A statement or a lone item: its whole lines when it has them to itself, else its text. */
function deleteSpan(context: FixContext, span: Span): OffsetEdit {
  const text = context.text;
  const comma = commaAfter(text, span.end);
  const end = comma === undefined ? span.end : comma + 1;
  const rest = text.slice(end, endOfLine(text, end));
  if (startsLine(text, span.start) && (rest.trim() === "" || isComment(rest, comments(context)))) {
    return deleteLines(text, lineStart(text, span.start), nextLineStart(text, end));
  }
  return { start: span.start, end, newText: "" };
}

/**
 * Deletes whole lines. Between two blank lines one of them goes too, and so does the blank
 * line above something removed from the end of the file, so no gap is left doubled.
 */
function deleteLines(text: string, start: number, end: number): OffsetEdit {
  const blank = (at: number) => text.slice(at, nextLineStart(text, at)).trim() === "";
  const blankBefore = start === 0 || blank(lineStart(text, start - 1));
  if (blankBefore && end < text.length && blank(end)) {
    return { start, end: nextLineStart(text, end), newText: "" };
  }
  if (blankBefore && end >= text.length && start > 0) {
    return { start: lineStart(text, start - 1), end, newText: "" };
  }
  return { start, end, newText: "" };
}

function comments(context: FixContext): readonly string[] {
  return context.document.format === "json" ? JSON_COMMENTS : TOML_COMMENTS;
}
