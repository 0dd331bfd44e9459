/**
 * Writes the new entry in the file's own TOML style: the quotes its strings use, the spacing
 * around `=`, and the padding inside inline tables, each read from the file rather than
 * imposed.
 */
import type { ConfigDocument, ConfigValue, Section, Span } from "../../syntax/model";
import { tomlKey } from "../quick-fixes/edits";
import type { EntryField, EntryValue } from "./entry";

export interface TomlStyle {
  /** Literal `'…'` strings when the file mostly writes them, else basic `"…"` ones. */
  readonly literal: boolean;
  /** What stands between a key and its value: ` = `, or `=` in a file written tightly. */
  readonly assign: string;
  /** Whether inline tables are written `{ a = 1 }` rather than `{a = 1}`. */
  readonly padded: boolean;
}

/**
 * The style of the file, read near where the entry goes: `near` is a section whose statements
 * show the spacing, `inline` an inline table that shows the padding.
 */
export function tomlStyle(document: ConfigDocument, near?: Section, inline?: Span): TomlStyle {
  const text = document.text;
  const key = near?.keys[0] ?? document.sections.find((s) => s.keys.length > 0)?.keys[0];
  const assign = key ? (/^[ \t]*=[ \t]*/.exec(text.slice(key.span.end))?.[0] ?? " = ") : " = ";
  const padded = inline
    ? text[inline.start + 1] !== "}" && /\s/.test(text[inline.start + 1]!)
    : true;
  return { literal: mostlyLiteral(document), assign, padded };
}

function mostlyLiteral(document: ConfigDocument): boolean {
  let literal = 0;
  let basic = 0;
  const visit = (value: ConfigValue): void => {
    if (value.kind === "string") {
      if (document.text[value.span.start] === "'") literal++;
      else basic++;
    } else if (value.kind === "array") value.items.forEach(visit);
    else if (value.kind === "table") for (const entry of value.entries.values()) visit(entry.value);
  };
  visit(document.root);
  return literal > basic;
}

export function tomlValue(value: EntryValue, style: TomlStyle): string {
  if (typeof value === "string") {
    return style.literal && fitsLiteral(value) ? `'${value}'` : JSON.stringify(value);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return tomlInlineTable(value, style);
}

/** A literal string cannot hold its own quote, a line break or other control characters. */
function fitsLiteral(value: string): boolean {
  return [...value].every((c) => c !== "'" && c.charCodeAt(0) >= 0x20 && c !== "\u007f");
}

/** `key = value` lines, one per field. */
export function tomlStatements(fields: readonly EntryField[], style: TomlStyle): string[] {
  return fields.map(
    (field) => `${tomlKey(field.key)}${style.assign}${tomlValue(field.value, style)}`,
  );
}

export function tomlInlineTable(fields: readonly EntryField[], style: TomlStyle): string {
  if (fields.length === 0) return "{}";
  const body = tomlStatements(fields, style).join(", ");
  return style.padded ? `{ ${body} }` : `{${body}}`;
}
