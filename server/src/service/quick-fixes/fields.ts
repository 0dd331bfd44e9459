/**
 * What the catalog says about the table or value at a path: the fields of a binding entry, of
 * a configuration key, or of a table nested in either (a dispatch namespace's `outbound`).
 * Quick fixes read it to add missing fields; go to definition to know what a value names.
 */
import type { FieldSpec } from "../../catalog/types";
import { interpret, type PathStep } from "../locate";

/** The fields the catalog gives the table at a path: a binding entry, or a table inside one. */
export function fieldsAt(path: readonly PathStep[]): readonly FieldSpec[] | undefined {
  const meaning = interpret(path);
  let fields: readonly FieldSpec[] | undefined;
  let rest: readonly PathStep[];
  if (meaning.kind) {
    fields = meaning.kind.fields;
    rest = meaning.scoped.slice(afterKey(meaning.scoped, meaning.kind.key.split(".")));
  } else if (meaning.configKey) {
    fields = meaning.configKey.fields;
    rest = meaning.scoped.slice(1);
  } else return undefined;

  for (const step of rest) {
    if (typeof step === "number") continue;
    fields = fields?.find((field) => field.name === step)?.fields;
  }
  return fields;
}

/** The index just past the kind's key parts in a path (`durable_objects`, `bindings`). */
function afterKey(path: readonly PathStep[], keyParts: readonly string[]): number {
  let matched = 0;
  let i = 0;
  while (i < path.length && matched < keyParts.length) {
    if (path[i] === keyParts[matched]) matched++;
    i++;
  }
  return i;
}

/** The catalog's spec of the field a value's path ends at, if the catalog knows it. */
export function fieldAt(path: readonly PathStep[]): FieldSpec | undefined {
  const name = path.at(-1);
  if (typeof name !== "string") return undefined;
  return fieldsAt(path.slice(0, -1))?.find((field) => field.name === name);
}
