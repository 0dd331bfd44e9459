/**
 * The JSON that completion inserts: properties whose values are snippets, objects spread one
 * property a line in the file's indentation as Wrangler's own templates write wrangler.jsonc,
 * or kept on one line when the caret's object is. Plain values (strings, numbers, booleans,
 * arrays of them) are written as snippets.ts writes them for TOML, which JSON reads the same.
 */
import type { BindingKind, FieldSpec } from "../../catalog/types";
import { entryFields, requiredFields, typesOf, type Slot } from "./schema";
import { snippetText, TabStops, valueSnippet } from "./snippets";

export interface JsonLayout {
  /** The indentation of the caret's line, or undefined to write everything on one line. */
  readonly indent: string | undefined;
  /** One level of indentation in this file. */
  readonly unit: string;
  readonly eol: string;
}

/** A property name as a snippet writes it: quoted, with a snippet's special characters escaped. */
export function jsonKey(name: string): string {
  return snippetText(JSON.stringify(name));
}

/** A value written at `indent`, its nested lines further in. */
type Writer = (stops: TabStops, indent: string | undefined) => string;

/**
 * `"key": value` for a key path relative to the caret's object: `durable_objects.bindings`
 * is written `"durable_objects": { "bindings": … }`.
 */
export function propertySnippet(path: readonly string[], value: Writer, layout: JsonLayout) {
  const stops = new TabStops();
  const write = (at: number, indent: string | undefined): string => {
    const name = jsonKey(path[at]!);
    if (at === path.length - 1) return `${name}: ${value(stops, indent)}`;
    return `${name}: ${block("{", "}", [(inner) => write(at + 1, inner)], indent, layout)}`;
  };
  return write(0, layout.indent);
}

/** The value of a field or setting: an object or an array of objects spread out, else plain. */
export function slotValue(slot: Slot, layout: JsonLayout): Writer {
  return (stops, indent) => {
    const type = typesOf(slot)[0];
    if (slot.values?.length || !slot.fields) return valueSnippet(slot, stops);
    if (type === "table") return objectSnippet(requiredFields(slot.fields), stops, indent, layout);
    if (type === "array" && slot.items === "table") {
      const fields = requiredFields(slot.fields);
      const entry = (inner: string | undefined) => objectSnippet(fields, stops, inner, layout);
      return block("[", "]", [entry], indent, layout);
    }
    return valueSnippet(slot, stops);
  };
}

/** A binding kind's value: one entry with its name and required fields, in an array if listed. */
export function kindValue(kind: BindingKind, layout: JsonLayout): Writer {
  return (stops, indent) => {
    if (kind.shape === "table") return objectSnippet(entryFields(kind), stops, indent, layout);
    const entry = (inner: string | undefined) =>
      objectSnippet(entryFields(kind), stops, inner, layout);
    return block("[", "]", [entry], indent, layout);
  };
}

/** A new environment: its name to fill in, then its keys. */
export function environmentValue(layout: JsonLayout): Writer {
  return (stops, indent) => {
    const name = stops.take();
    const body = (inner: string | undefined) =>
      `"\${${name}:name}": ${block("{", "}", [() => `$${stops.take()}`], inner, layout)}`;
    return block("{", "}", [body], indent, layout);
  };
}

function objectSnippet(
  fields: readonly FieldSpec[],
  stops: TabStops,
  indent: string | undefined,
  layout: JsonLayout,
): string {
  if (fields.length === 0) return `{ $${stops.take()} }`;
  const lines = fields.map(
    (field) => (inner: string | undefined) =>
      `${jsonKey(field.name)}: ${slotValue(field, layout)(stops, inner)}`,
  );
  return block("{", "}", lines, indent, layout);
}

/**
 * Brackets around items, each written by a function of its own indentation: one a line, one
 * unit in, or all on one line.
 */
function block(
  open: string,
  close: string,
  items: readonly ((indent: string | undefined) => string)[],
  indent: string | undefined,
  layout: JsonLayout,
): string {
  if (indent === undefined) {
    const written = items.map((item) => item(undefined)).join(", ");
    return open === "{" ? `{ ${written} }` : `[${written}]`;
  }
  const inner = indent + layout.unit;
  const written = items.map((item) => inner + item(inner)).join(`,${layout.eol}`);
  return `${open}${layout.eol}${written}${layout.eol}${indent}${close}`;
}
