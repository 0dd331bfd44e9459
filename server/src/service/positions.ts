/**
 * Converts between document offsets (what the model keeps) and LSP line/character positions.
 * Both count UTF-16 code units, the unit of JavaScript strings, so no re-encoding is needed.
 * Lines end where the editor ends them: at `\n`, `\r\n` or a lone `\r`. TOML itself takes a lone
 * `\r` for a stray character, but a file saved with old Mac line endings still shows as many
 * lines in the editor, and positions must point where the editor shows the text.
 */
import type { Position, Range } from "vscode-languageserver-types";
import type { Span } from "../syntax/model";

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    const breaks = /\r(?!\n)/.test(text) ? /\r\n?|\n/g : /\n/g;
    for (const match of text.matchAll(breaks)) this.lineStarts.push(match.index + match[0].length);
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
