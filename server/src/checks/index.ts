/**
 * Runs every check on a document, in an order that matters once: the scoping check goes first
 * in each environment so the keys it explains are not reported again as unknown.
 *
 * Each key of each environment is checked as a part made of the sections that write it (see
 * `CheckContext.once` and `parts.ts`): after a keystroke, only the key it was typed under is
 * checked again, with its environment's binding names and inheritance; the rest replay what
 * they found.
 */
import { bindingsIn, environmentsOf, type Environment, type KindUse } from "../service/bindings";
import type { ConfigDocument } from "../syntax/model";
import { CheckContext } from "./context";
import { checkInheritance, expectedInEnvironments } from "./environments";
import { lastValue, internList } from "./memo";
import { checkMigrations, introducedClasses } from "./migrations";
import { checkBindingNames } from "./names";
import { layoutOf } from "./layout";
import type { Problem } from "./problem";
import { checkHeaderOrder, checkSectionScoping } from "./scoping";
import { checkEnvironmentKey } from "./structure";

export function checkDocument(document: ConfigDocument): Problem[] {
  const context = new CheckContext(document);
  for (const problem of document.problems) {
    const related = problem.related && [{ span: problem.related, message: "defined here first" }];
    const code = document.format === "json" ? "json-syntax" : "toml-syntax";
    const severity = problem.tolerated ? "warning" : "error";
    context.problems.add({ code, severity, span: problem.span, message: problem.message, related });
  }

  const [top, ...named] = environmentsOf(document);
  const { parts, headerless, afterEnvHeader } = layoutOf(document, named);
  checkHeaderOrder(context, afterEnvHeader);
  const firstHeader = document.sections.find((section) => section.header)?.header;
  // The top level's bindings, read again only when a section of the top level changed; what
  // the environments' inheritance and migrations read of them, as one object.
  const { topUses, expected, fromTop } = lastValue(parts.get(undefined)!.bindings, () =>
    readTop(top!),
  );

  // The keys before the first header (or under a header too broken to read) are few.
  for (const section of headerless) checkSectionScoping(context, section, firstHeader);

  for (const environment of [top!, ...named]) {
    const { bindings, byKey, scopedByKey } = parts.get(environment.name)!;
    const name = environment.name ?? "";
    // Read once, and only by the checks that run rather than replay.
    let uses: KindUse[] | undefined;
    const usesOf = () => (uses ??= environment === top ? topUses : bindingsIn(environment));

    // Each key of the environment, with the scoping of the sections that write it: a keystroke
    // in one binding kind checks that kind again, not the whole environment.
    const keys = new Set([...environment.table.entries.keys(), ...scopedByKey.keys()]);
    for (const key of keys) {
      const entry = environment.table.entries.get(key);
      context.once(byKey.get(key) ?? [], `key ${name} ${key}`, [firstHeader], () => {
        for (const section of scopedByKey.get(key) ?? []) {
          checkSectionScoping(context, section, firstHeader);
        }
        if (entry) checkEnvironmentKey(context, environment, entry);
      });
    }
    // Both read the environment's bindings only (and, for inheritance, where it is named).
    context.once(bindings, `names ${name}`, [], () =>
      checkBindingNames(context, environment, usesOf()),
    );
    context.once(bindings, `inherits ${name}`, [fromTop, environment.keySpan], () => {
      checkMigrations(context, environment, usesOf(), top!);
      if (environment !== top) checkInheritance(context, expected, environment, usesOf());
    });
  }

  return context.problems.list.sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end,
  );
}

function readTop(top: Environment) {
  const topUses = bindingsIn(top);
  const expected = expectedInEnvironments(topUses);
  const migrations = top.table.entries.get("migrations")?.value;
  const fromTop = internList([
    top.table.entries.has("exports"),
    ...introducedClasses(migrations),
    ...expected.flatMap(({ use, names }) => [use.kind, use.entry.keySpan, ...names]),
    ...expected.flatMap(({ use }) => use.bindings.map((b) => b.nameSpan ?? b.span)),
  ]);
  return { topUses, expected, fromTop };
}
