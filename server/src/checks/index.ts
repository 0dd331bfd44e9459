/**
 * Runs every check on a document, in an order that matters once: the scoping check goes first
 * so the keys it explains are not reported again as unknown.
 */
import { bindingsIn, environmentsOf } from "../service/bindings";
import type { ConfigDocument } from "../syntax/model";
import { CheckContext } from "./context";
import { checkInheritance, expectedInEnvironments } from "./environments";
import { checkMigrations } from "./migrations";
import { checkBindingNames } from "./names";
import type { Problem } from "./problem";
import { checkScoping } from "./scoping";
import { checkEnvironmentKeys } from "./structure";

export function checkDocument(document: ConfigDocument): Problem[] {
  const context = new CheckContext(document);
  for (const problem of document.problems) {
    const related = problem.related && [{ span: problem.related, message: "defined here first" }];
    const code = document.format === "json" ? "json-syntax" : "toml-syntax";
    const severity = problem.tolerated ? "warning" : "error";
    context.problems.add({ code, severity, span: problem.span, message: problem.message, related });
  }

  checkScoping(context);
  const environments = environmentsOf(document);
  const [top, ...named] = environments.map((environment) => ({
    environment,
    uses: bindingsIn(environment),
  }));
  for (const { environment, uses } of [top!, ...named]) {
    checkEnvironmentKeys(context, environment);
    checkBindingNames(context, environment, uses);
    checkMigrations(context, environment, uses, top!.environment);
  }
  const expected = expectedInEnvironments(top!.uses);
  for (const { environment, uses } of named) {
    checkInheritance(context, expected, environment, uses);
  }

  return context.problems.list.sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end,
  );
}
