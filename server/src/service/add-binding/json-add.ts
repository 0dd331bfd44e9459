/**
 * The edit that adds a binding to a `wrangler.json` or `wrangler.jsonc` file: one more object
 * in the kind's array, or, for a kind the environment lacks, a new property after the
 * environment's last one (`"durable_objects": { "bindings": [ … ] }` when even the container
 * is missing). A Durable Object's migration step goes into the steps that count for the
 * environment, or into a new top-level `migrations` array.
 */
import type { BindingKind } from "../../catalog/types";
import type { AddBindingParams } from "../../protocol";
import type { ArrayValue, TableValue } from "../../syntax/model";
import { bindingsIn, type Environment } from "../bindings";
import type { FixContext } from "../quick-fixes/edits";
import { migrationsFor, nextTag } from "../quick-fixes/migrations";
import { entryFields, type Addition } from "./entry";
import { jsonObject, JsonWriter, type Json } from "./json-writer";
import { classToMigrate } from "./migration";

export function jsonAddition(
  context: FixContext,
  environment: Environment,
  kind: BindingKind,
  params: AddBindingParams,
): Addition | undefined {
  const writer = new JsonWriter(context);
  const target = environment.table;
  const value = bindingsIn(environment).find((use) => use.kind === kind)?.entry.value;

  if (kind.names.from === "keys") {
    const variable: [string, Json] = [params.name, params.fields.value ?? ""];
    if (value?.kind === "table") return writer.addProperties(value, [variable]);
    return value
      ? undefined
      : writer.addProperties(target, [[kind.key, Object.fromEntries([variable])]]);
  }
  if (kind.names.from === "list") {
    const list = value?.kind === "table" ? value.entries.get("required")?.value : undefined;
    if (list?.kind === "array") return writer.addItem(list, params.name);
    if (value?.kind === "table" && !list) {
      return writer.addProperties(value, [["required", [params.name]]]);
    }
    return value
      ? undefined
      : writer.addProperties(target, [[kind.key, { required: [params.name] }]]);
  }

  const entry = jsonObject(entryFields(kind, params));
  const migration = jsonMigration(context, environment, kind, params);
  if (migration === "impossible") return undefined;
  const root = context.document.root;
  const withStep = (addition: Addition | undefined): Addition | undefined => {
    if (!addition || !migration) return addition;
    const step = migration.into
      ? writer.addItem(migration.into, migration.step)
      : writer.addProperties(root, [["migrations", [migration.step]]]);
    return step && { edits: [...addition.edits, ...step.edits], entry: addition.entry };
  };

  if (value?.kind === "array") return withStep(writer.addItem(value, entry));
  if (value) return undefined;
  const placed = newProperty(kind, entry, target);
  if (!placed) return undefined;
  const [owner, property] = placed;
  // A first step is a new top-level property too: one edit writes both when they meet there.
  if (migration && !migration.into && owner === root) {
    return writer.addProperties(owner, [property, ["migrations", [migration.step]]]);
  }
  return withStep(writer.addProperties(owner, [property]));
}

/** The object the kind's property goes into, and the property: the container's if needed. */
function newProperty(
  kind: BindingKind,
  entry: Json,
  target: TableValue,
): [TableValue, [string, Json]] | undefined {
  const made: Json = kind.shape === "array" ? [entry] : entry;
  const [key, leaf] = kind.key.split(".") as [string, string | undefined];
  if (!leaf) return [target, [key, made]];
  const container = target.entries.get(key)?.value;
  if (!container) return [target, [key, { [leaf]: made }]];
  return container.kind === "table" ? [container, [leaf, made]] : undefined;
}

interface JsonMigration {
  readonly step: Json;
  /** The steps that count for the environment; a new top-level array when there are none. */
  readonly into?: ArrayValue;
}

function jsonMigration(
  context: FixContext,
  environment: Environment,
  kind: BindingKind,
  params: AddBindingParams,
): JsonMigration | "impossible" | undefined {
  const className = classToMigrate(context.document, environment, kind, params);
  if (!className) return undefined;
  const migrations = migrationsFor(context.document, environment.name)?.value;
  if (migrations && migrations.kind !== "array") return "impossible";
  const step = { tag: nextTag(migrations?.items ?? []), new_sqlite_classes: [className] };
  return migrations ? { step, into: migrations } : { step };
}
