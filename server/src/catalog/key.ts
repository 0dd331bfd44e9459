/** One-call ways to write configuration keys and their common fields in the catalog. */
import { field, type FieldRest } from "./core-kinds";
import type { ConfigKey, FieldSpec, ValueType } from "./types";

export type KeyRest = Omit<Partial<ConfigKey>, "name" | "type" | "description">;

export function key(
  name: string,
  type: ValueType | readonly ValueType[],
  description: string,
  rest: KeyRest = {},
): ConfigKey {
  return { name, type, description, ...rest };
}

/** A field holding an array of strings. */
export function strings(name: string, description: string, rest: FieldRest = {}): FieldSpec {
  return field(name, "array", description, { items: "string", ...rest });
}

/** A field holding an array of tables with the given fields. */
export function tables(name: string, description: string, fields: readonly FieldSpec[]): FieldSpec {
  return field(name, "array", description, { items: "table", fields });
}
