/**
 * Converts between document offsets (what the model keeps) and LSP line/character positions.
 * Both count UTF-16 code units, the unit of JavaScript strings, so no re-encoding is needed.
 * Lines end where the editor ends them: at `\n`, `\r\n` or a lone `\r`. TOML itself takes a lone
 * `\r` for a stray character, but a file saved with old Mac line endings still shows as many
 * lines in the editor, and positions must point where the editor shows the text.
 */
import type { Position, Range } from "vscode-languageserver-types";
import type { Span } from "../syntax/model";
import type { TextChange } from "../syntax/text-change";

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly text: string,
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const breaks = /\r(?!\n)/.test(text) ? /\r\n?|\n/g : /\n/g;
    for (const match of text.matchAll(breaks)) this.lineStarts.push(match.index + match[0].length);
  }

  /**
   * The index of `text`, this index's text with `change` made: the lines before the change are
   * kept, the changed ones found again, and the ones after it moved.
   */
  afterChange(change: TextChange, text: string): LineIndex {
    const old = this.lineStarts;
    const delta = change.insertedEnd - change.removedEnd;
    // A line start stands after its break and is confirmed by the character at it (a `\r`
    // followed by `\n` is not a break yet): kept only where all of that is before the change.
    let kept = 1;
    while (kept < old.length && old[kept]! < change.start) kept++;
    // After the change, the same holds once the break's characters are all past it.
    let resume = kept;
    while (resume < old.length && old[resume]! < change.removedEnd + 2) resume++;
    const resumeAt = resume < old.length ? old[resume]! + delta : text.length + 1;

    const starts = old.slice(0, kept);
    for (let i = starts.at(-1)!; i < Math.min(resumeAt - 1, text.length); i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
    for (let k = resume; k < old.length; k++) starts.push(old[k]! + delta);
    return new LineIndex(text, starts);
  }

  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between `\r` and `\n` is inside the line break, a place the editor has no position for.
    if (this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)]!;
    const next = this.lineStarts[position.line + 1] ?? this.text.length;
    return Math.min(start + Math.max(0, position.character), next);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}
