/**
 * What a check found about one part of the model, kept to be replayed while that part is the
 * same. A keystroke leaves every TOML section but one as it was (see `syntax/toml/index.ts`),
 * so most of a large file's checks would find exactly what they found a keystroke ago.
 *
 * Sections are compared by identity: the parser hands the next version the same `Section`
 * objects for sections whose text is unchanged, moved to where the edit put them. Findings are
 * kept relative to the sections they point into, so they replay at the sections' new places.
 * Whatever else a check reads must be named in its `depends` (compared by identity) or its
 * `variant` (compared as text).
 */
import type { Section, Span } from "../syntax/model";
import type { Problem } from "./problem";

/** A place as an offset into the section holding it, so that it moves with the section. */
interface Anchored {
  readonly from: Section;
  readonly start: number;
  readonly to: Section;
  readonly end: number;
}

interface KeptProblem {
  readonly problem: Problem;
  readonly span: Anchored;
  readonly related?: readonly Anchored[];
}

interface Kept {
  readonly sections: readonly Section[];
  readonly depends: readonly unknown[];
  readonly problems: readonly KeptProblem[];
  /** Keys the check explained, which other checks must not report again. */
  readonly misplaced: readonly Anchored[];
}

export interface Findings {
  readonly problems: readonly Problem[];
  readonly misplaced: readonly Span[];
}

/**
 * Findings by the first section of what they are about, then by variant (one section may be the
 * first of several parts: its environment's, and each key it writes); a WeakMap lets them go
 * with the section.
 */
const kept = new WeakMap<Section, Map<string, Kept>>();

/** Where findings are kept and replayed for one version of a document. */
export class FindingsMemo {
  constructor(private readonly sections: readonly Section[]) {}

  recall(
    sections: readonly Section[],
    variant: string,
    depends: readonly unknown[],
  ): Findings | undefined {
    const found = kept.get(sections[0]!)?.get(variant);
    if (!found || !sameItems(found.depends, depends) || !sameItems(found.sections, sections)) {
      return undefined;
    }
    const spans = [
      ...found.problems.flatMap((k) => [k.span, ...(k.related ?? [])]),
      ...found.misplaced,
    ];
    // A finding may point into a section outside the part (a related place); gone, it is moot.
    if (!spans.every((span) => this.holds(span.from) && this.holds(span.to))) return undefined;
    return {
      problems: found.problems.map(({ problem, span, related }) => ({
        ...problem,
        span: resolve(span),
        ...(related && {
          related: problem.related!.map((place, i) => ({ ...place, span: resolve(related[i]!) })),
        }),
      })),
      misplaced: found.misplaced.map(resolve),
    };
  }

  remember(
    sections: readonly Section[],
    variant: string,
    depends: readonly unknown[],
    found: Findings,
  ): void {
    let variants = kept.get(sections[0]!);
    if (!variants) kept.set(sections[0]!, (variants = new Map()));
    variants.set(variant, {
      sections,
      depends,
      problems: found.problems.map((problem) => ({
        problem,
        span: this.anchor(problem.span),
        ...(problem.related && { related: problem.related.map((r) => this.anchor(r.span)) }),
      })),
      misplaced: found.misplaced.map((span) => this.anchor(span)),
    });
  }

  private anchor(span: Span): Anchored {
    const from = this.sectionAt(span.start);
    const to = this.sectionAt(span.end);
    return { from, start: span.start - from.span.start, to, end: span.end - to.span.start };
  }

  /** Whether the section is one of this version's (found where it starts). */
  private holds(section: Section): boolean {
    return this.sectionAt(section.span.start) === section;
  }

  /** The section a place is in: the last one starting at or before it. */
  private sectionAt(offset: number): Section {
    let low = 0;
    let high = this.sections.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.sections[mid]!.span.start <= offset) low = mid;
      else high = mid - 1;
    }
    return this.sections[low]!;
  }
}

function resolve(place: Anchored): Span {
  return { start: place.from.span.start + place.start, end: place.to.span.start + place.end };
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a === b || (a.length === b.length && a.every((item, i) => item === b[i]));
}

const lastValues = new WeakMap<Section, { readonly depends: readonly unknown[]; value: unknown }>();

/**
 * What `compute` gave last time for the same sections (compared by identity), or its new value.
 * For values read from the model that stay true while its sections do.
 */
export function lastValue<T>(sections: readonly Section[], compute: () => T): T {
  const part = sections[0];
  if (!part) return compute();
  const last = lastValues.get(part);
  if (last && sameItems(last.depends, sections)) return last.value as T;
  const value = compute();
  lastValues.set(part, { depends: sections, value });
  return value;
}

const interned: { readonly items: readonly unknown[]; readonly token: object }[] = [];

/**
 * One object for a list of values: the same values (by identity, in order) give the same
 * object, so a long list can be one item of a check's `depends`. A few lists are kept, the
 * most recent first.
 */
export function internList(items: readonly unknown[]): object {
  const at = interned.findIndex((entry) => sameItems(entry.items, items));
  const entry = at >= 0 ? interned.splice(at, 1)[0]! : { items: [...items], token: {} };
  interned.unshift(entry);
  interned.length = Math.min(interned.length, 16);
  return entry.token;
}
