/**
 * A Durable Object class that this Worker binds must be introduced by a migration before it
 * can hold state; Wrangler's configuration check does not look, and the deploy fails. Classes
 * bound through `script_name` live in another Worker, whose own file migrates them.
 */
import type { Environment, KindUse } from "../service/bindings";
import { isArray, isTable, type ConfigValue, type TableValue } from "../syntax/model";
import type { CheckContext } from "./context";

export function checkMigrations(
  context: CheckContext,
  environment: Environment,
  uses: readonly KindUse[],
  top: Environment,
): void {
  // The newer `[exports]` table declares classes another way; the two are exclusive.
  if (top.table.entries.has("exports") || environment.table.entries.has("exports")) return;

  const objects = uses.find((use) => use.kind.key === "durable_objects.bindings");
  if (!objects) return;
  const migrations =
    environment.table.entries.get("migrations")?.value ??
    top.table.entries.get("migrations")?.value;
  const introduced = introducedClasses(migrations);

  for (const binding of objects.bindings) {
    const table = binding.table;
    if (!table || table.entries.has("script_name")) continue;
    const className = table.entries.get("class_name")?.value;
    if (className?.kind !== "string" || introduced.has(className.value)) continue;
    const bound = binding.name ? ` (bound as env.${binding.name})` : "";
    context.problems.warning(
      "missing-migration",
      className.span,
      `No [[migrations]] entry introduces the Durable Object class "${className.value}"${bound}; deploying fails until one lists it in new_sqlite_classes (or new_classes).`,
    );
  }
}

/** The classes migrations bring in: new ones, and the targets of renames and transfers. */
export function introducedClasses(migrations: ConfigValue | undefined): Set<string> {
  const classes = new Set<string>();
  if (!isArray(migrations)) return classes;
  for (const migration of migrations.items) {
    if (!isTable(migration)) continue;
    for (const field of ["new_classes", "new_sqlite_classes"]) {
      for (const item of arrayItems(migration, field)) {
        if (item.kind === "string") classes.add(item.value);
      }
    }
    for (const field of ["renamed_classes", "transferred_classes"]) {
      for (const item of arrayItems(migration, field)) {
        const to = isTable(item) ? item.entries.get("to")?.value : undefined;
        if (to?.kind === "string") classes.add(to.value);
      }
    }
  }
  return classes;
}

function arrayItems(table: TableValue, field: string): readonly ConfigValue[] {
  const value = table.entries.get(field)?.value;
  return isArray(value) ? value.items : [];
}
