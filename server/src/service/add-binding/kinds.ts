/**
 * What "Add binding" offers and asks: the kinds, whether an entry has a binding name, and the
 * fields each kind prompts for. The facts (which fields are required, their examples and
 * rules) come from the catalog; this file only chooses among them.
 */
import { bindingKinds } from "../../catalog";
import type { BindingKind, FieldSpec } from "../../catalog/types";

/**
 * For the core kinds: the required fields and the optional ones people almost always set. A
 * KV `id`, an R2 `bucket_name`, a queue or a dispatch namespace may be left empty, and Wrangler
 * then creates the resource at deploy.
 */
const CORE_PROMPTS: Readonly<Record<string, readonly string[]>> = {
  services: ["service"],
  kv_namespaces: ["id"],
  "durable_objects.bindings": ["class_name", "script_name"],
  r2_buckets: ["bucket_name"],
  "queues.producers": ["queue"],
  "queues.consumers": ["queue"],
  dispatch_namespaces: ["namespace"],
  mtls_certificates: ["certificate_id"],
  send_email: ["destination_address"],
};

/** Optional fields of other kinds worth asking for: static assets need their folder. */
const USEFUL_OPTIONAL: Readonly<Record<string, readonly string[]>> = {
  assets: ["directory"],
};

/**
 * A variable's value. `[vars]` names its bindings by their keys, so the catalog has no field
 * for it; "Add binding" writes what is typed as a string.
 */
export const VARIABLE_VALUE: FieldSpec = {
  name: "value",
  type: "string",
  description: "The variable's value, written as a string.",
};

/**
 * Every kind an entry can be added for, the core ones first. Left out: deprecated kinds, and
 * the service-worker file tables (`[wasm_modules]`…), which module Workers cannot use.
 */
export const offeredKinds: readonly BindingKind[] = bindingKinds.filter(
  (kind) => !kind.deprecated && !(kind.names.from === "keys" && kind.key !== "vars"),
);

export function offeredKind(key: string): BindingKind | undefined {
  return offeredKinds.find((kind) => kind.key === key);
}

/** Whether entries of the kind have a binding name to ask for. */
export function isNamed(kind: BindingKind): boolean {
  return kind.names.from !== "none";
}

/** Whether the name must be given: static assets may go without one. */
export function nameRequired(kind: BindingKind): boolean {
  return kind.names.from === "field" ? kind.names.optional !== true : isNamed(kind);
}

/** The field that holds the binding name in an entry, for kinds that name entries by a field. */
export function nameField(kind: BindingKind): string | undefined {
  return kind.names.from === "field" ? kind.names.field : undefined;
}

/**
 * The fields "Add binding" asks for, in the catalog's order. For other kinds: the string fields
 * an entry cannot do without (fields of other types, such as a rate limiter's `simple` table,
 * are written from the catalog's examples instead).
 */
export function promptedFields(kind: BindingKind): readonly FieldSpec[] {
  if (kind.key === "vars") return [VARIABLE_VALUE];
  const chosen = CORE_PROMPTS[kind.key];
  const useful = USEFUL_OPTIONAL[kind.key] ?? [];
  return kind.fields.filter((spec) => {
    if (spec.name === nameField(kind) || spec.deprecated || isShadowed(kind, spec)) return false;
    if (chosen) return chosen.includes(spec.name);
    return (isNeeded(spec) && acceptsString(spec)) || useful.includes(spec.name);
  });
}

/**
 * Whether the field is called `name` without holding the binding name (a Workflow's `name`):
 * the protocol calls the binding name `name`, so such a field is not asked for but derived
 * from the binding name (`entryFields`), and can be edited in the file afterwards.
 */
export function isShadowed(kind: BindingKind, spec: FieldSpec): boolean {
  return spec.name === "name" && nameField(kind) !== "name" && isNamed(kind);
}

/** Required, or required unless another field is given (which "Add binding" does not ask). */
export function isNeeded(spec: FieldSpec): boolean {
  return spec.required === true || spec.requiredUnless !== undefined;
}

export function acceptsString(spec: FieldSpec): boolean {
  return typeof spec.type === "string" ? spec.type === "string" : spec.type.includes("string");
}
