/**
 * Bindings are not inherited: an environment that lacks a binding kind has none of it, whatever
 * the top level says (only `assets` and `logfwdr` are inherited). Wrangler warns about this only
 * for the environment being deployed; we warn on every environment, at its name.
 */
import type { Binding, Environment, KindUse } from "../service/bindings";
import type { CheckContext } from "./context";

/** The top level's bindings that environments must repeat, read once for all environments. */
interface Expected {
  readonly use: KindUse;
  readonly names: readonly string[];
}

export function expectedInEnvironments(top: readonly KindUse[]): Expected[] {
  return top
    .filter(({ kind, bindings }) => !kind.inherited && !kind.topLevelOnly && bindings.length > 0)
    .map((use) => ({
      use,
      names: use.bindings.flatMap((binding) => (binding.name ? [binding.name] : [])),
    }));
}

export function checkInheritance(
  context: CheckContext,
  expected: readonly Expected[],
  environment: Environment,
  uses: readonly KindUse[],
): void {
  const name = environment.name;
  if (name === undefined || !environment.keySpan) return;

  for (const { use: topUse, names } of expected) {
    const kind = topUse.kind;
    const own = uses.find((use) => use.kind === kind);

    if (!own) {
      const lost = names.length > 0 ? ` In ${name}, ${describeNames(names)} undefined.` : "";
      context.problems.warning(
        "env-missing-kind",
        environment.keySpan,
        `env.${name} has no ${kind.key}, and environments do not inherit bindings from the top level.${lost} Add them under env.${name} if ${name} needs them.`,
        { related: [{ span: topUse.entry.keySpan, message: `${kind.key} at the top level` }] },
      );
      continue;
    }

    const present = new Set(own.bindings.map((binding) => binding.name));
    const missing = topUse.bindings.filter(
      (binding): binding is Binding & { name: string } =>
        binding.name !== undefined && !present.has(binding.name),
    );
    if (missing.length === 0) continue;
    context.problems.warning(
      "env-missing-binding",
      own.entry.keySpan,
      `env.${name}.${kind.key} lacks ${missing.map((b) => `"${b.name}"`).join(", ")}, bound at the top level; in ${name}, ${describeNames(missing.map((b) => b.name))} undefined.`,
      {
        related: missing.map((binding) => ({
          span: binding.nameSpan ?? binding.span,
          message: `"${binding.name}" at the top level`,
        })),
      },
    );
  }
}

function describeNames(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((n) => `env.${n}`);
  const more = names.length > 3 ? ` and ${names.length - 3} more` : "";
  return `${shown.join(", ")}${more} ${names.length === 1 ? "is" : "are"}`;
}
