/**
 * The text completion inserts: TOML keys and values, and snippets whose tab stops walk through
 * the values a new entry needs, with the catalog's examples as placeholders.
 */
import type { FieldSpec } from "../../catalog/types";
import { requiredFields, typesOf, type Slot } from "./schema";

/** Hands out tab stop numbers in the order the user should fill them in. */
export class TabStops {
  private next = 1;

  take(): number {
    return this.next++;
  }
}

/** A TOML basic string; JSON's escapes are all valid TOML. */
export function tomlString(value: string): string {
  return JSON.stringify(value);
}

/** A key as TOML needs it written: bare when it can be, quoted otherwise. */
export function tomlKey(name: string): string {
  return /^[A-Za-z0-9_-]+$/.test(name) ? name : tomlString(name);
}

/** A literal value in TOML: strings quoted, numbers and booleans bare. */
export function tomlValue(value: string | number | boolean): string {
  return typeof value === "string" ? tomlString(value) : String(value);
}

/** Text that must stand in a snippet as written. */
export function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, "\\$&");
}

function placeholder(stop: number, text: string): string {
  return text ? `\${${stop}:${snippetText(text)}}` : `$${stop}`;
}

function choice(stop: number, options: readonly (string | number | boolean)[]): string {
  const escaped = options.map((option) => String(option).replace(/[,|\\]/g, "\\$&"));
  return `\${${stop}|${escaped.join(",")}|}`;
}

/** Options with the example, when there is one, first: a choice defaults to its first option. */
function exampleFirst<T>(options: readonly T[], example: unknown): T[] {
  const first = options.filter((option) => option === example);
  return [...first, ...options.filter((option) => option !== example)];
}

/** A value for a slot, with tab stops for what the user should fill in. */
export function valueSnippet(slot: Slot, stops: TabStops): string {
  if (slot.values?.length) {
    const options = exampleFirst(slot.values, slot.example);
    const quoted = typeof options[0] === "string";
    return quoted ? `"${choice(stops.take(), options)}"` : choice(stops.take(), options);
  }

  const example = slot.example;
  switch (typesOf(slot)[0]) {
    case "string":
      return `"${placeholder(stops.take(), example === undefined ? "" : String(example))}"`;
    case "boolean":
      return choice(stops.take(), exampleFirst([true, false], example));
    case "integer":
    case "number":
      return placeholder(stops.take(), String(example ?? 0));
    case "array":
      if (slot.items === "table" && slot.fields) return `[${inlineTable(slot.fields, stops)}]`;
      return slot.items === "string"
        ? `["${placeholder(stops.take(), "")}"]`
        : `[$${stops.take()}]`;
    case "table":
      return inlineTable(slot.fields ?? [], stops);
    default:
      return placeholder(stops.take(), example === undefined ? "" : String(example));
  }
}

/** `{ a = …, b = … }` with the required fields, or an empty table to fill in. */
export function inlineTable(fields: readonly FieldSpec[], stops: TabStops): string {
  const required = requiredFields(fields);
  if (required.length === 0) return `{ $${stops.take()} }`;
  return `{ ${required.map((field) => fieldSnippet(field, stops)).join(", ")} }`;
}

/** `name = value`, the value a snippet. */
export function fieldSnippet(slot: Slot, stops: TabStops): string {
  return `${tomlKey(slot.name)} = ${valueSnippet(slot, stops)}`;
}

/** A header followed by one line per field, each value a tab stop. */
export function blockSnippet(header: string, fields: readonly FieldSpec[], eol: string): string {
  const stops = new TabStops();
  return [header, ...fields.map((field) => fieldSnippet(field, stops))].join(eol);
}
