/**
 * Which sections write each environment: the part of a TOML document whose checks are kept
 * between keystrokes (see `CheckContext.once`). A section counts for every environment it may
 * write: the keys before the first header and an `[env]` header can write into any of them.
 */
import type { Environment } from "../service/bindings";
import type { ConfigDocument, Section } from "../syntax/model";

export interface Part {
  /** Every section that may write the environment, in document order. */
  readonly sections: Section[];
  /** The sections whose own keys are checked with this environment, each with exactly one. */
  readonly own: Section[];
}

/** The part of each environment, by name (`undefined` for the top level). */
export function partsByEnvironment(
  document: ConfigDocument,
  named: readonly Environment[],
): Map<string | undefined, Part> {
  const top: Part = { sections: [], own: [] };
  const parts = new Map<string | undefined, Part>([[undefined, top]]);
  for (const environment of named) parts.set(environment.name, { sections: [], own: [] });

  for (const section of document.sections) {
    const path = section.header?.path;
    const inEnv = path?.[0] === "env";
    const anywhere = path
      ? inEnv && path.length === 1
      : section.keys.some((key) => key.path[0] === "env");
    if (anywhere) {
      for (const part of parts.values()) part.sections.push(section);
      top.own.push(section);
      continue;
    }
    // An environment that is not a table (a TOML error) is checked with the top level.
    const part = parts.get(inEnv ? path[1] : undefined) ?? top;
    part.sections.push(section);
    part.own.push(section);
  }
  return parts;
}
