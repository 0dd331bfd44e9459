/**
 * What every check shares while one document is checked: the document, where problems go, and
 * the keys the scoping check has already explained (so no other check reports them again).
 */
import type { ConfigDocument, Entry, Section, Span } from "../syntax/model";
import { FindingsMemo } from "./memo";
import { Problems } from "./problem";

export class CheckContext {
  readonly problems = new Problems();
  private readonly misplaced = new Set<number>();
  private readonly marks: Span[] = [];
  private readonly memo: FindingsMemo;

  constructor(readonly document: ConfigDocument) {
    this.memo = new FindingsMemo(document.sections);
  }

  /** Marks a key as reported by the scoping check. */
  markMisplaced(keySpan: Span): void {
    this.misplaced.add(keySpan.start);
    this.marks.push(keySpan);
  }

  isMisplaced(entry: Entry): boolean {
    return this.misplaced.has(entry.keySpan.start);
  }

  /**
   * Runs a check of the part of the document `sections` hold, or replays what it found last
   * time when those sections, the `variant` and the `depends` are the same (see `memo.ts`).
   * Without sections (JSON, where nesting is explicit) the check simply runs.
   */
  once(
    sections: readonly Section[],
    variant: string,
    depends: readonly unknown[],
    check: () => void,
  ): void {
    if (sections.length === 0) return check();
    const known = this.memo.recall(sections, variant, depends);
    if (known) {
      for (const problem of known.problems) this.problems.add(problem);
      for (const span of known.misplaced) this.markMisplaced(span);
      return;
    }
    const [problems, marks] = [this.problems.list.length, this.marks.length];
    check();
    this.memo.remember(sections, variant, depends, {
      problems: this.problems.list.slice(problems),
      misplaced: this.marks.slice(marks),
    });
  }
}
