/**
 * A Durable Object class this Worker defines needs a migration step that introduces it. When
 * "Add binding" is asked to add one, the step is planned here and written by the quick fix's
 * own code: the next `vN` step after the existing ones, or a first step below the new entry.
 */
import type { BindingKind } from "../../catalog/types";
import type { AddBindingParams } from "../../protocol";
import type { ConfigDocument } from "../../syntax/model";
import type { Environment } from "../bindings";
import type { FixContext, OffsetEdit } from "../quick-fixes/edits";
import { migrationsFor, nextMigration } from "../quick-fixes/migrations";

/**
 * What to write: an edit after the existing steps, or the class a first step introduces (the
 * caller places it right below the entry). Empty when no step is wanted.
 */
export interface MigrationPlan {
  readonly edit?: OffsetEdit;
  readonly firstStep?: string;
}

/** The class that needs a step, when one was asked for and one applies. */
export function classToMigrate(
  document: ConfigDocument,
  environment: Environment,
  kind: BindingKind,
  params: AddBindingParams,
): string | undefined {
  const className = params.fields.class_name;
  if (kind.key !== "durable_objects.bindings" || !params.addMigration || !className)
    return undefined;
  // A class of another Worker is migrated there; `[exports]` replaces migrations altogether.
  if (params.fields.script_name) return undefined;
  if (document.root.entries.has("exports") || environment.table.entries.has("exports")) {
    return undefined;
  }
  return className;
}

/** The plan for a TOML file, or "impossible" when the existing steps cannot take another. */
export function tomlMigration(
  context: FixContext,
  environment: Environment,
  kind: BindingKind,
  params: AddBindingParams,
): MigrationPlan | "impossible" {
  const className = classToMigrate(context.document, environment, kind, params);
  if (!className) return {};
  const migrations = migrationsFor(context.document, environment.name);
  if (!migrations) return { firstStep: className };
  if (migrations.value.kind !== "array") return "impossible";
  const edit = nextMigration(context, migrations.value, migrations.prefix, className);
  return edit ? { edit } : "impossible";
}
