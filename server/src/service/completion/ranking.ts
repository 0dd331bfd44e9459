/**
 * The order completion items are listed in. Editors sort by how well the typed text matches and
 * fall back to `sortText` when matches are equal, which is always the case right after `[[` or
 * on an empty line; that is where ranking decides what people see first.
 *
 * `sortText` is the rank below, a dot, and the item's position in the catalog (four digits), so
 * items of one rank keep the catalog's order: the core kinds in the order every feature lists
 * them, fields in the order the docs describe them. What Wrangler has deprecated or no longer
 * reads (legacy keys, deprecated fields and kinds) is never offered at all.
 */

export enum Rank {
  // Table headers.
  /** The eight core binding kinds, first: they cover most Workers. */
  CoreKind = 10,
  /** `env.NAME.` prefixes of environments the file already has. */
  EnvironmentPrefix = 11,
  OtherKind = 12,
  /** Tables that are not bindings: `[triggers]`, `[observability]`, `[[migrations]]`… */
  ConfigTable = 13,
  /** A header for a new `[env.NAME]`. */
  NewEnvironment = 14,

  // Keys of a binding entry or of a configuration table.
  RequiredField = 20,
  OptionalField = 21,

  // Keys of the top level or of an environment: settings first, then bindings written inline.
  ConfigKey = 30,
  CoreKindInline = 31,
  OtherKindInline = 32,

  // Values.
  /** An enumeration from the catalog, or a boolean. */
  KnownValue = 40,
  /** A candidate with the best evidence: a class both exported and migrated, a queue with a
   * producer, a value used by an entry of the same binding name. */
  LikelyValue = 41,
  PossibleValue = 42,
}

export function sortText(rank: Rank, position: number): string {
  return `${rank}.${String(position).padStart(4, "0")}`;
}
