/**
 * Writes values into a JSON file's objects and arrays in the file's own layout: its
 * indentation unit, its line ending, one line or one line per item as the neighbours are
 * written, and a blank line before a new property when the properties are set apart so.
 */
import { parseTree } from "jsonc-parser";
import type { ArrayValue, ConfigDocument, Span, TableValue } from "../../syntax/model";
import { indentAt, type FixContext } from "../quick-fixes/edits";
import type { Addition, EntryField } from "./entry";
import { appendItem } from "./list-items";
import { blankAbove, JSON_COMMENTS, startsLine } from "./text-lines";

export type Json = string | number | boolean | readonly Json[] | { readonly [key: string]: Json };

export class JsonWriter {
  private readonly unit: string;

  constructor(private readonly context: FixContext) {
    this.unit = jsonIndentUnit(context.document) ?? "\t";
  }

  /** One more item at the end of an array; an object spans lines when its neighbours do. */
  addItem(array: ArrayValue, value: Json): Addition | undefined {
    const spans = array.items.map((item) => item.span);
    const last = spans.at(-1);
    const multiline = !last || this.context.text.slice(last.start, last.end).includes("\n");
    return this.append(array.span, spans, (indent) => {
      const text = this.render(value, multiline ? indent : undefined);
      return { text, entry: text };
    });
  }

  /**
   * Properties after the object's last one (the top level's braces are found in the text),
   * each set off by a blank line when the object's last property is. The first one is the
   * entry.
   */
  addProperties(table: TableValue, properties: readonly [string, Json][]): Addition | undefined {
    const { text, eol } = this.context;
    const span = table.form === "root" ? rootSpan(text) : table.span;
    if (!span) return undefined;
    const spans = [...table.entries.values()]
      .map((entry) => ({ start: entry.keySpan.start, end: entry.value.span.end }))
      .sort((a, b) => a.start - b.start);
    return this.append(span, spans, (indent, blankLine) => {
      const written = properties.map(
        ([key, value]) => `${JSON.stringify(key)}: ${this.render(value, indent)}`,
      );
      const separator = indent === undefined ? ", " : `,${eol}${blankLine ? eol : ""}${indent}`;
      return { text: written.join(separator), entry: written[0]! };
    });
  }

  private append(
    container: Span,
    items: readonly Span[],
    write: (indent: string | undefined, blankLine: boolean) => { text: string; entry: string },
  ): Addition | undefined {
    const { text, eol } = this.context;
    const last = items.at(-1);
    const blankLine =
      last !== undefined && items.length > 1 && blankAbove(text, last.start, JSON_COMMENTS);
    let entry = "";
    const render = (indent: string | undefined) => {
      const written = write(indent, blankLine);
      entry = written.entry;
      return written.text;
    };
    if (last) {
      const edits = appendItem({ text, eol, comments: JSON_COMMENTS, items, blankLine }, render);
      return edits && { edits, entry };
    }
    // Empty brackets get the value on a line of its own, one unit in from the bracket's line.
    if (text.slice(container.start + 1, container.end - 1).trim() !== "") return undefined;
    const outer = indentAt(text, container.start);
    const inner = outer + this.unit;
    const at = container.start + 1;
    const newText = eol + inner + render(inner) + eol + outer;
    return { edits: [{ start: at, end: at, newText }], entry };
  }

  /**
   * The value on one line (`{ "a": 1 }`), or spread over lines at `indent`: objects one
   * property a line, arrays of plain values on one line as people write `["nodejs_compat"]`.
   */
  private render(value: Json, indent: string | undefined): string {
    if (typeof value !== "object") return JSON.stringify(value);
    const inner = indent === undefined ? undefined : indent + this.unit;
    const items: string[] = isList(value)
      ? value.map((item) => this.render(item, inner))
      : Object.entries(value).map(
          ([key, item]) => `${JSON.stringify(key)}: ${this.render(item, inner)}`,
        );
    if (items.length === 0) return isList(value) ? "[]" : "{}";
    const [open, close] = isList(value) ? ["[", "]"] : ["{", "}"];
    const flat = isList(value) && value.every((item) => typeof item !== "object");
    if (indent === undefined || flat) {
      return isList(value) ? `[${items.join(", ")}]` : `{ ${items.join(", ")} }`;
    }
    const eol = this.context.eol;
    return `${open}${eol}${inner}${items.join(`,${eol}${inner}`)}${eol}${indent}${close}`;
  }
}

/** The entry's fields as a JSON object, in their order. */
export function jsonObject(fields: readonly EntryField[]): Json {
  return Object.fromEntries(
    fields.map((field) => [
      field.key,
      typeof field.value === "object" ? jsonObject(field.value) : field.value,
    ]),
  );
}

function isList(value: Json): value is readonly Json[] {
  return Array.isArray(value);
}

/** The indentation of the top-level properties: the file's unit, when it shows one. */
export function jsonIndentUnit(document: ConfigDocument): string | undefined {
  const first = [...document.root.entries.values()][0];
  if (!first || !startsLine(document.text, first.keySpan.start)) return undefined;
  return indentAt(document.text, first.keySpan.start) || undefined;
}

/** The braces of the top-level object; the model's root spans the whole text. */
function rootSpan(text: string): Span | undefined {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  if (tree?.type !== "object") return undefined;
  return { start: tree.offset, end: tree.offset + tree.length };
}
