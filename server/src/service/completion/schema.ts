/**
 * What the catalog says may be written in a table, found from the table's key path: the top
 * level or an environment (settings and binding kinds), a binding entry (its fields), a
 * configuration table (its fields, and the binding kinds below it for `[durable_objects]`).
 */
import { findConfigKey, findKind, kindsUnder } from "../../catalog";
import type { BindingKind, ConfigKey, FieldSpec, ValueType } from "../../catalog/types";

/** What a value slot needs to be completed: a binding field or a configuration key. */
export interface Slot {
  readonly name: string;
  readonly description: string;
  readonly type: ValueType | readonly ValueType[];
  readonly items?: ValueType;
  readonly values?: readonly (string | number)[];
  readonly example?: string | number | boolean;
  readonly fields?: readonly FieldSpec[];
  readonly required?: boolean;
  readonly requiredUnless?: string;
  readonly refersTo?: FieldSpec["refersTo"];
}

/** The top level, or `[env.NAME]`: settings and binding kinds go here. */
export interface ScopeTable {
  readonly scope: true;
  readonly env?: string;
}

/** A binding entry, a configuration table, or a table nested in either. */
export interface FieldTable {
  readonly scope: false;
  readonly env?: string;
  readonly fields: readonly FieldSpec[];
  /** Binding kinds kept below this table, by their key relative to it (`bindings`). */
  readonly kinds: readonly { readonly key: string; readonly kind: BindingKind }[];
  /** The binding kind whose entry (or nested table) this is. */
  readonly kind?: BindingKind;
  readonly configKey?: ConfigKey;
  /** The docs page of the kind or key the table belongs to. */
  readonly docs?: string;
}

export type TableSchema = ScopeTable | FieldTable;

export function tableSchema(path: readonly string[]): TableSchema | undefined {
  const inEnv = path[0] === "env";
  // `[env]` itself holds environments, not settings.
  if (inEnv && path.length < 2) return undefined;
  const env = inEnv ? path[1] : undefined;
  const scoped = inEnv ? path.slice(2) : path;
  if (scoped.length === 0) return { scope: true, env };

  for (const length of [2, 1]) {
    const kind = scoped.length >= length ? findKind(scoped.slice(0, length).join(".")) : undefined;
    if (!kind || kind.deprecated) continue;
    const fields = fieldsBelow(kind.fields, scoped.slice(length));
    return fields && { scope: false, env, fields, kinds: [], kind, docs: kind.docs };
  }

  const configKey = findConfigKey(scoped[0]!);
  if (!configKey || configKey.status) return undefined;
  const docs = configKey.docs;
  if (scoped.length === 1) {
    const kinds = kindsUnder(configKey.name)
      .filter((kind) => !kind.deprecated)
      .map((kind) => ({ key: kind.key.slice(configKey.name.length + 1), kind }));
    return { scope: false, env, fields: configKey.fields ?? [], kinds, configKey, docs };
  }
  const fields = fieldsBelow(configKey.fields ?? [], scoped.slice(1));
  return fields && { scope: false, env, fields, kinds: [], configKey, docs };
}

function fieldsBelow(fields: readonly FieldSpec[], path: readonly string[]) {
  let current: readonly FieldSpec[] | undefined = fields;
  for (const name of path) current = current?.find((field) => field.name === name)?.fields;
  return current;
}

/** The slot a key path names inside a table, with the table it belongs to. */
export function slotAt(
  table: readonly string[],
  key: readonly string[],
): { readonly slot: Slot; readonly schema: TableSchema } | undefined {
  if (key.length === 0) return undefined;
  const schema = tableSchema([...table, ...key.slice(0, -1)]);
  const name = key.at(-1)!;
  if (!schema) return undefined;
  if (schema.scope) {
    const configKey = findConfigKey(name);
    return configKey && !configKey.status ? { slot: configKey, schema } : undefined;
  }
  const field = schema.fields.find((f) => f.name === name);
  return field && !field.deprecated ? { slot: field, schema } : undefined;
}

/** The value types of a slot, as a list. */
export function typesOf(slot: Slot): readonly ValueType[] {
  return typeof slot.type === "string" ? [slot.type] : slot.type;
}

/** The fields an entry must have, or that stand for one it must have (`requiredUnless`). */
export function requiredFields(fields: readonly FieldSpec[]): FieldSpec[] {
  return fields.filter((field) => (field.required || field.requiredUnless) && !field.deprecated);
}

/**
 * The fields a new entry of a kind is written with: the binding name first, then what is
 * required. An optional name (`[assets]`) is left out.
 */
export function entryFields(kind: BindingKind): FieldSpec[] {
  const names = kind.names;
  const nameField =
    names.from === "field" && !names.optional
      ? kind.fields.find((field) => field.name === names.field)
      : undefined;
  const rest = requiredFields(kind.fields).filter((field) => field !== nameField);
  return nameField ? [nameField, ...rest] : rest;
}
