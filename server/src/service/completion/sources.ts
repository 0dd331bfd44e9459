/**
 * Where candidate values come from when the catalog cannot list them: the classes the Worker's
 * source exports and its migrations introduce, the queues this file names, the other Workers of
 * the workspace and their environments, and the values other entries of the same kind use.
 */
import { introducedClasses } from "../../checks/migrations";
import type { BindingKind, FieldReference } from "../../catalog/types";
import { entryAt, isArray, isTable, type TableValue } from "../../syntax/model";
import { bindingsIn, environmentsOf, type Environment } from "../bindings";
import { formatOf, parseConfig } from "../index";
import { exportedClasses } from "../worker-source";
import { resolveFrom, type WorkerConfigRef } from "../workspace";
import type { CompletionContext } from "./items";
import { Rank } from "./ranking";
import type { FieldTable } from "./schema";
import type { Statement } from "./spot";

export interface Candidate {
  readonly value: string;
  /** Where it was found, in one line: "exported by src/index.ts". */
  readonly found: string;
  readonly rank: Rank;
}

/** The candidates for a field that names something, by what it names. */
export function referenced(
  refersTo: FieldReference,
  table: FieldTable,
  siblings: readonly Statement[],
  context: CompletionContext,
): Candidate[] {
  switch (refersTo) {
    case "class":
      return classCandidates(context, table.env);
    case "queue":
      return queueCandidates(context, table.env);
    case "worker":
      return otherWorkers(context).map((ref) => ({
        value: ref.name,
        found: `Worker configured in ${relativeTo(context.configUri, ref.uri)}`,
        rank: Rank.PossibleValue,
      }));
    case "environment":
      return environmentCandidates(context, table, siblings);
  }
}

export function otherWorkers(context: CompletionContext): readonly WorkerConfigRef[] {
  return context.workspace.workerConfigs().filter((ref) => ref.uri !== context.configUri);
}

/**
 * Classes exported by the Worker's `main` module (an environment's own, else the top level's)
 * and classes its migrations introduce; a class with both is the likely one.
 */
export function classCandidates(context: CompletionContext, env?: string): Candidate[] {
  const { root, envTable, migrated } = scopeOf(context, env);
  const main = stringAt(envTable, "main") ?? stringAt(root, "main");
  const source = main === undefined ? undefined : readSource(context, main);
  const exported = new Set(source ? exportedClasses(source).map((c) => c.name) : []);

  const candidates: Candidate[] = [];
  for (const name of exported) {
    const both = migrated.has(name);
    const found = `exported by ${main}${both ? " and introduced by a migration" : ""}`;
    candidates.push({ value: name, found, rank: both ? Rank.LikelyValue : Rank.PossibleValue });
  }
  for (const name of migrated) {
    if (exported.has(name)) continue;
    candidates.push({ value: name, found: "introduced by a migration", rank: Rank.PossibleValue });
  }
  return candidates;
}

/**
 * The classes a migration step may list. A step introducing classes (`new_classes`,
 * `new_sqlite_classes`) wants those the Worker binds or exports and no migration introduces
 * yet, a bound one first; `deleted_classes` wants those the migrations introduced.
 */
export function migrationClassCandidates(
  context: CompletionContext,
  field: string,
  env?: string,
): Candidate[] {
  const { root, envTable, migrated: introduced } = scopeOf(context, env);
  if (field === "deleted_classes") {
    return [...introduced].map((name) => ({
      value: name,
      found: "introduced by a migration",
      rank: Rank.PossibleValue,
    }));
  }

  const candidates: Candidate[] = [];
  for (const [name, binding] of boundClasses(envTable ?? root)) {
    if (introduced.has(name)) continue;
    const found = `bound as env.${binding}, not introduced by a migration yet`;
    candidates.push({ value: name, found, rank: Rank.LikelyValue });
  }
  for (const candidate of classCandidates(context, env)) {
    if (introduced.has(candidate.value)) continue;
    candidates.push({ ...candidate, rank: Rank.PossibleValue });
  }
  return candidates;
}

/** The top level, the caret's environment, and the classes the migrations that apply introduce. */
function scopeOf(context: CompletionContext, env?: string) {
  const root = context.parsed.document.root;
  const envValue = env === undefined ? undefined : entryAt(root, ["env", env])?.value;
  const envTable = isTable(envValue) ? envValue : undefined;
  // Like Wrangler, an environment with migrations of its own does not read the top level's.
  const migrations = envTable?.entries.get("migrations") ?? root.entries.get("migrations");
  return { root, envTable, migrated: introducedClasses(migrations?.value) };
}

/** The Durable Object classes a table's bindings name in this Worker (not `script_name`'s). */
function boundClasses(table: TableValue): Map<string, string> {
  const classes = new Map<string, string>();
  const objects = entryAt(table, ["durable_objects", "bindings"])?.value;
  if (!isArray(objects)) return classes;
  for (const item of objects.items) {
    if (!isTable(item) || item.entries.has("script_name")) continue;
    const name = stringAt(item, "class_name");
    if (name !== undefined) classes.set(name, stringAt(item, "name") ?? "?");
  }
  return classes;
}

function readSource(context: CompletionContext, main: string): string | undefined {
  try {
    return context.workspace.readText(resolveFrom(context.configUri, main));
  } catch {
    // A `main` that is no valid path relative to the configuration's URI names no source.
    return undefined;
  }
}

function stringAt(table: TableValue | undefined, key: string): string | undefined {
  const value = table?.entries.get(key)?.value;
  return value?.kind === "string" ? value.value : undefined;
}

/** Queue names written in this file, in any field that names a queue; the caret's env first. */
export function queueCandidates(context: CompletionContext, env?: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const environment of environmentsOf(context.parsed.document)) {
    const rank = environment.name === env ? Rank.LikelyValue : Rank.PossibleValue;
    eachValue(environment, context.offset, (kind, field, value) => {
      if (kind.fields.find((f) => f.name === field)?.refersTo !== "queue") return;
      candidates.push({ value, found: `${kind.title}, ${where(environment)}`, rank });
    });
  }
  return candidates;
}

/**
 * Values other entries of the same kind give the same field, anywhere in the file: an
 * environment usually binds what the top level binds, often with the same resource. Entries
 * with the caret entry's binding name come first.
 */
export function usedValues(
  field: string,
  table: FieldTable,
  siblings: readonly Statement[],
  context: CompletionContext,
): Candidate[] {
  const kind = table.kind;
  if (!kind || table.fields !== kind.fields) return [];
  const nameField = kind.names.from === "field" ? kind.names.field : undefined;
  const ownName = siblings.find((s) => s.path.length === 1 && s.path[0] === nameField)?.value;

  const candidates: Candidate[] = [];
  for (const environment of environmentsOf(context.parsed.document)) {
    const use = bindingsIn(environment).find((candidate) => candidate.kind === kind);
    for (const binding of use?.bindings ?? []) {
      const value = binding.table?.entries.get(field)?.value;
      if (value?.kind !== "string" || contains(value.span, context.offset)) continue;
      const same = ownName !== undefined && binding.name === ownName && field !== nameField;
      const by = binding.name === undefined ? "an entry" : binding.name;
      const found = `used by ${by}, ${where(environment)}`;
      candidates.push({
        value: value.value,
        found,
        rank: same ? Rank.LikelyValue : Rank.PossibleValue,
      });
    }
  }
  return candidates;
}

/** Environments of the Worker the entry's worker field names, read from its configuration. */
function environmentCandidates(
  context: CompletionContext,
  table: FieldTable,
  siblings: readonly Statement[],
): Candidate[] {
  const workerField = table.fields.find((field) => field.refersTo === "worker")?.name;
  const worker = siblings.find((s) => s.path.length === 1 && s.path[0] === workerField)?.value;
  const ref = context.workspace.workerConfigs().find((r) => r.name === worker);
  if (!ref) return [];

  const document =
    ref.uri === context.configUri
      ? context.parsed.document
      : parseConfig(context.workspace.readText(ref.uri) ?? "", undefined, formatOf(ref.uri))
          .document;
  return environmentsOf(document)
    .filter((environment) => environment.name !== undefined)
    .map((environment) => ({
      value: environment.name!,
      found: `an environment of ${ref.name}`,
      rank: Rank.PossibleValue,
    }));
}

/** Calls back with every plain string field of every binding entry of an environment. */
function eachValue(
  environment: Environment,
  offset: number,
  visit: (kind: BindingKind, field: string, value: string) => void,
): void {
  for (const use of bindingsIn(environment)) {
    for (const binding of use.bindings) {
      for (const [field, entry] of binding.table?.entries ?? []) {
        const value = entry.value;
        if (value.kind === "string" && !contains(value.span, offset)) {
          visit(use.kind, field, value.value);
        }
      }
    }
  }
}

function contains(span: { start: number; end: number }, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

function where(environment: Environment): string {
  return environment.name === undefined ? "top level" : `env.${environment.name}`;
}

/** A file's path relative to the configuration's folder, for a detail line. */
function relativeTo(base: string, uri: string): string {
  const from = base.split("/").slice(0, -1);
  const to = uri.split("/");
  let common = 0;
  while (common < from.length && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => "..");
  const path = [...up, ...to.slice(common)].join("/");
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
