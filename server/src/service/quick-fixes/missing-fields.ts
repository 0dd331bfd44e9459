/**
 * Adds every required field an entry lacks, each with the catalog's example value or a
 * placeholder of the right type: as lines after the entry's last key under a header, or inside
 * the braces of an inline table. One action covers the whole entry, whichever of its
 * missing-field diagnostics asked.
 */
import type { CodeAction, Diagnostic } from "vscode-languageserver-types";
import type { FieldSpec } from "../../catalog/types";
import type { TableValue } from "../../syntax/model";
import type { PathStep } from "../locate";
import {
  appendInline,
  indentAt,
  insertLinesAfter,
  quickFix,
  sameSpan,
  spanOf,
  tomlLiteral,
  type FixContext,
  type OffsetEdit,
} from "./edits";
import { JsonWriter, type Json } from "../add-binding/json-writer";
import { fieldsAt } from "./fields";
import { sectionWithHeader, statementsEnd, tablesIn } from "./layout";

export function addMissingFields(
  context: FixContext,
  diagnostic: Diagnostic,
): CodeAction | undefined {
  // The check reports at the entry's header, or at the whole table when it has none.
  const span = spanOf(context, diagnostic);
  let found: { table: TableValue; path: PathStep[] } | undefined;
  for (const candidate of tablesIn(context.document.root)) {
    const { header, span: whole } = candidate.table;
    if (header ? sameSpan(header, span) : sameSpan(whole, span)) {
      found = candidate;
      break;
    }
  }
  if (!found) return undefined;

  const { table, path } = found;
  const missing = (fieldsAt(path) ?? []).filter(
    (field) =>
      !table.entries.has(field.name) &&
      (field.required || (field.requiredUnless && !table.entries.has(field.requiredUnless))),
  );
  const values = missing.flatMap((field) => {
    const value = placeholder(field);
    return value === undefined ? [] : [[field.name, value] as [string, Json]];
  });
  if (values.length === 0 || values.length < missing.length) return undefined;

  const edits =
    context.document.format === "json"
      ? (new JsonWriter(context).addProperties(table, values)?.edits ?? [])
      : tomlEdits(context, table, values);
  const names = missing.map((field) => `"${field.name}"`).join(", ");
  const title = `Add the missing field${missing.length > 1 ? "s" : ""} ${names}`;
  return quickFix(context, title, diagnostic, edits, true);
}

function tomlEdits(context: FixContext, table: TableValue, values: [string, Json][]) {
  const assignments = values.map(([name, value]) => `${name} = ${tomlValue(value)}`);
  const edit = insertAssignments(context, table, assignments);
  return edit ? [edit] : [];
}

function insertAssignments(
  context: FixContext,
  table: TableValue,
  assignments: readonly string[],
): OffsetEdit | undefined {
  const text = context.text;
  if (table.form === "header") {
    const section = sectionWithHeader(context.document, table.header);
    if (!section) return undefined;
    const end = statementsEnd(context.document, section);
    // Match the indentation of the entry's keys, or of its header when it has none.
    const indent = indentAt(text, section.keys.at(-1)?.span.start ?? section.header!.span.start);
    return insertLinesAfter(
      context,
      end,
      assignments.map((line) => indent + line),
      false,
    );
  }
  if (table.form === "inline") {
    const ends = [...table.entries.values()].map((entry) => entry.value.span.end);
    const lastEnd = ends.length > 0 ? Math.max(...ends) : undefined;
    return appendInline(text, table.span, lastEnd, assignments);
  }
  return undefined;
}

/** The catalog's example, the first allowed value, or an obvious stand-in of the field's type. */
function placeholder(field: FieldSpec): Json | undefined {
  if (field.example !== undefined) return field.example;
  if (field.values?.length) return field.values[0]!;
  const type = typeof field.type === "string" ? field.type : field.type[0];
  switch (type) {
    case "string":
      return `<${field.name.toUpperCase()}>`;
    case "integer":
    case "number":
      return field.range?.min ?? 0;
    case "boolean":
      return false;
    case "array":
      return [];
    case "table": {
      const inner = (field.fields ?? []).filter((f) => f.required);
      const values: [string, Json][] = [];
      for (const f of inner) {
        const value = placeholder(f);
        if (value === undefined) return undefined;
        values.push([f.name, value]);
      }
      return Object.fromEntries(values);
    }
    default:
      return undefined;
  }
}

/** A placeholder as TOML writes it: tables inline (`{ a = 1 }`), on the entry's line. */
function tomlValue(value: Json): string {
  if (typeof value !== "object") return tomlLiteral(value);
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(", ")}]`;
  const written = Object.entries(value).map(([name, item]) => `${name} = ${tomlValue(item)}`);
  return written.length > 0 ? `{ ${written.join(", ")} }` : "{}";
}
