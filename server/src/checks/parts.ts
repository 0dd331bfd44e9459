/**
 * Which sections write each environment, and each key of it: the parts of a TOML document whose
 * checks are kept between keystrokes (see `CheckContext.once`). A section counts for every key
 * it may write: the keys before the first header name theirs, a `[[env.E.kv_namespaces]]`
 * header writes `kv_namespaces` of E, and `env.E.vars.X = 1` before the first header or an
 * `[env]` header may write anything anywhere.
 */
import type { Environment } from "../service/bindings";
import type { ConfigDocument, Section } from "../syntax/model";

export interface Part {
  /** Every section that may write the environment, in document order. */
  readonly sections: Section[];
  /** The sections that may write each key of the environment's table. */
  readonly byKey: Map<string, Section[]>;
  /** The sections whose own keys the scoping check reads with each key's part. */
  readonly scopedByKey: Map<string, Section[]>;
}

/** The part of each environment, by name (`undefined` for the top level). */
export function partsByEnvironment(
  document: ConfigDocument,
  named: readonly Environment[],
): Map<string | undefined, Part> {
  const newPart = (): Part => ({ sections: [], byKey: new Map(), scopedByKey: new Map() });
  const top = newPart();
  const parts = new Map<string | undefined, Part>([[undefined, top]]);
  for (const environment of named) parts.set(environment.name, newPart());
  const anywhere: Section[] = [];

  for (const section of document.sections) {
    const path = section.header?.path;
    const inEnv = path?.[0] === "env";
    // An environment that is not a table (a TOML error) is checked with the top level.
    const part = parts.get(inEnv ? path[1] : undefined) ?? top;
    const depth = inEnv ? 2 : 0;
    if (path ? inEnv && path.length === 1 : section.keys.some((key) => key.path[0] === "env")) {
      anywhere.push(section);
      for (const each of parts.values()) each.sections.push(section);
      continue;
    }
    part.sections.push(section);
    if (path && path.length > depth) {
      add(part.byKey, path[depth]!, section);
      add(part.scopedByKey, path[depth]!, section);
    } else {
      for (const key of section.keys) add(part.byKey, key.path[0]!, section);
    }
  }

  // What may write anything counts for every key, in document order.
  if (anywhere.length > 0) {
    const order = new Map(document.sections.map((section, i) => [section, i]));
    for (const part of parts.values()) {
      for (const [key, sections] of part.byKey) {
        const all = [...sections, ...anywhere].sort((a, b) => order.get(a)! - order.get(b)!);
        part.byKey.set(key, all);
      }
    }
  }
  return parts;
}

function add(map: Map<string, Section[]>, key: string, section: Section): void {
  const list = map.get(key);
  if (list) {
    if (list.at(-1) !== section) list.push(section);
  } else map.set(key, [section]);
}
