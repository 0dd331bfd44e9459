/**
 * Binding names: each becomes a property of `env` in the Worker, so it must be a JavaScript
 * identifier to be reachable as `env.NAME`, and unique within its environment. Wrangler checks
 * uniqueness for most kinds but misses `send_email` and `ratelimits`; we check all of them.
 */
import type { Binding, Environment, KindUse } from "../service/bindings";
import type { CheckContext } from "./context";

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

/** Whether a name can be written after `env.` (or after `class`) in JavaScript. */
/** Most names are plain ASCII, which a simpler pattern settles far faster. */
const ASCII_IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function isIdentifier(name: string): boolean {
  return ASCII_IDENTIFIER.test(name) || IDENTIFIER.test(name);
}

export function checkBindingNames(
  context: CheckContext,
  environment: Environment,
  uses: readonly KindUse[],
): void {
  const byName = new Map<string, Binding[]>();
  for (const use of uses) {
    for (const binding of use.bindings) {
      if (binding.name === undefined || !binding.nameSpan) continue;
      if (!isIdentifier(binding.name)) invalidName(context, binding);
      const group = byName.get(binding.name) ?? [];
      group.push(binding);
      byName.set(binding.name, group);
    }
  }

  const place = environment.name === undefined ? "at the top level" : `in env.${environment.name}`;
  for (const [name, group] of byName) {
    if (group.length < 2) continue;
    for (const binding of group) {
      const others = group.filter((other) => other !== binding);
      const kinds = [...new Set(group.map((b) => b.kind.title))].join(" and ");
      context.problems.error(
        "duplicate-binding",
        binding.nameSpan!,
        `"${name}" is bound ${group.length} times ${place} (${kinds}); env.${name} can only be one of them. Rename all but one.`,
        {
          related: others.map((other) => ({
            span: other.nameSpan!,
            message: `"${name}" is also bound here, as a ${other.kind.title}`,
          })),
        },
      );
    }
  }
}

function invalidName(context: CheckContext, binding: Binding): void {
  const suggestion = binding.name!.replace(/[^\p{ID_Continue}$]/gu, "_").replace(/^(?=\d)/, "_");
  context.problems.warning(
    "invalid-binding-name",
    binding.nameSpan!,
    `"${binding.name}" is not a valid JavaScript identifier, so the Worker cannot write env.${binding.name}; use letters, digits, _ or $, not starting with a digit (for example "${suggestion}").`,
    { suggestion },
  );
}
