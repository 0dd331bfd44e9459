/**
 * The new entry, before it is written in either syntax: its fields in the order they are
 * written, with values of the type the catalog gives each field.
 */
import type { BindingKind, FieldSpec } from "../../catalog/types";
import type { AddBindingParams } from "../../protocol";
import type { OffsetEdit } from "../quick-fixes/edits";
import { isNeeded, isShadowed, nameField } from "./kinds";

/** A table is a list of fields, so that the written order is the list's order. */
export type EntryValue = string | number | boolean | readonly EntryField[];

export interface EntryField {
  readonly key: string;
  readonly value: EntryValue;
}

/** Insertions, and the text of the new entry inside one of them (what is revealed). */
export interface Addition {
  readonly edits: readonly OffsetEdit[];
  readonly entry: string;
}

/**
 * The binding name first, then the given fields in the catalog's order (empty ones left out),
 * then any required field "Add binding" does not ask for: a Workflow's `name` from the binding
 * name (`MY_WORKFLOW` → `my-workflow`), others from the catalog's examples (a rate limiter's
 * `simple = { limit = 100, period = 60 }`), so the entry is complete.
 */
export function entryFields(kind: BindingKind, params: AddBindingParams): EntryField[] {
  const fields: EntryField[] = [];
  const name = nameField(kind);
  if (name && params.name !== "") fields.push({ key: name, value: params.name });

  for (const spec of kind.fields) {
    if (spec.name === name) continue;
    const given = params.fields[spec.name];
    if (given !== undefined && given !== "") {
      fields.push({ key: spec.name, value: typed(spec, given) });
    } else if (isShadowed(kind, spec) && params.name !== "") {
      fields.push({ key: spec.name, value: kebabCase(params.name) });
    } else if (spec.required) {
      const example = exampleValue(spec);
      if (example !== undefined) fields.push({ key: spec.name, value: example });
    }
  }
  return fields;
}

/** A number or a boolean where the catalog wants one and the text reads as one. */
function typed(spec: FieldSpec, text: string): EntryValue {
  const types: readonly string[] = typeof spec.type === "string" ? [spec.type] : spec.type;
  if (types.includes("string")) return text;
  if ((types.includes("number") || types.includes("integer")) && Number.isFinite(Number(text))) {
    return Number(text);
  }
  if (types.includes("boolean") && (text === "true" || text === "false")) return text === "true";
  return text;
}

/** The catalog's example for a field, a table built from its required fields' examples. */
function exampleValue(spec: FieldSpec): EntryValue | undefined {
  if (spec.example !== undefined) return spec.example;
  if (!spec.fields) return undefined;
  const fields: EntryField[] = [];
  for (const inner of spec.fields.filter(isNeeded)) {
    const value = exampleValue(inner);
    if (value === undefined) return undefined;
    fields.push({ key: inner.name, value });
  }
  return fields;
}

/** `MY_WORKFLOW` → `my-workflow`: the letters, digits, `_` and `-` that Workflow names take. */
function kebabCase(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "workflow"
  );
}
