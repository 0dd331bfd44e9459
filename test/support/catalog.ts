/**
 * The catalog tests compare value types loosely, as Wrangler's JSON Schema does: an integer is a
 * number there, so the catalog's `integer` counts as `number` here.
 */
import type { ValueType } from "../../server/src/catalog/types";

/** A field's or key's types as a set, `integer` counted as `number`. */
export function ourTypes(type: ValueType | readonly ValueType[]): Set<ValueType> {
  const types = typeof type === "string" ? [type] : type;
  return new Set(types.map((t) => (t === "integer" ? "number" : t)));
}
