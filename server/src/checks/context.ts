/**
 * What every check shares while one document is checked: the document, where problems go, and
 * the keys the scoping check has already explained (so no other check reports them again).
 */
import type { ConfigDocument, Entry, Span } from "../syntax/model";
import { Problems } from "./problem";

export class CheckContext {
  readonly problems = new Problems();
  private readonly misplaced = new Set<number>();

  constructor(readonly document: ConfigDocument) {}

  /** Marks a key as reported by the scoping check. */
  markMisplaced(keySpan: Span): void {
    this.misplaced.add(keySpan.start);
  }

  isMisplaced(entry: Entry): boolean {
    return this.misplaced.has(entry.keySpan.start);
  }
}
