/**
 * Checks that every range in a service answer lies inside the document it points into, as the
 * editor counts lines: `\n`, `\r\n` and a lone `\r` each end a line, and a position may stand
 * at most at the end of its line's text. A range that points elsewhere (a Worker's source, an
 * other configuration) is checked against that file's text.
 */

export class EditorLines {
  private readonly lengths: number[];

  constructor(text: string) {
    this.lengths = text.split(/\r\n|\r|\n/).map((line) => line.length);
  }

  get count(): number {
    return this.lengths.length;
  }

  lengthOf(line: number): number {
    return this.lengths[line] ?? 0;
  }

  /** Why the position is not in the document, or undefined when it is. */
  problemWith(position: { line: number; character: number }): string | undefined {
    const { line, character } = position;
    if (!Number.isInteger(line) || !Number.isInteger(character)) return "is not whole numbers";
    if (line < 0 || line >= this.count) return `is past the last line (${this.count - 1})`;
    if (character < 0 || character > this.lengthOf(line)) {
      return `is past the end of its line (${this.lengthOf(line)} characters)`;
    }
    return undefined;
  }
}

interface Position {
  line: number;
  character: number;
}

const isPosition = (value: unknown): value is Position =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Position).line === "number" &&
  typeof (value as Position).character === "number";

const isUri = (key: string) => /^[a-z][\w+.-]*:\/\//.test(key);

/**
 * Every misplaced range or folding range in an answer, as readable lines. `textOf` gives the
 * text behind a URI; ranges in a file it does not know are not checked. The walk is iterative:
 * a deeply nested answer must not overflow the checker's own stack.
 */
export function rangeProblems(
  answer: unknown,
  uri: string,
  textOf: (uri: string) => string | undefined,
): string[] {
  const problems: string[] = [];
  const models = new Map<string, EditorLines | undefined>();
  const linesOf = (target: string) => {
    if (!models.has(target)) {
      const text = textOf(target);
      models.set(target, text === undefined ? undefined : new EditorLines(text));
    }
    return models.get(target);
  };

  const pending: { value: unknown; uri: string; path: string }[] = [
    { value: answer, uri, path: "" },
  ];
  // Answers may share objects, and a parse links syntax nodes to their parents: each object is
  // looked at once.
  const seen = new Set<object>();
  while (pending.length > 0) {
    const { value, uri: at, path } = pending.pop()!;
    if (typeof value !== "object" || value === null || seen.has(value)) continue;
    seen.add(value);
    const record = value as Record<string, unknown>;
    const lines = linesOf(at);

    if (isPosition(record.start) && isPosition(record.end) && lines) {
      problems.push(...checkRange(lines, record.start, record.end, path));
    }
    if (typeof record.startLine === "number" && typeof record.endLine === "number" && lines) {
      problems.push(...checkFolding(lines, record.startLine, record.endLine, path));
    }

    // A location's own URI, a link's target, or a workspace edit keyed by URI moves the check
    // to that file; everything else inherits the file of its parent.
    const own = typeof record.uri === "string" ? record.uri : at;
    const docUri = (record.textDocument as { uri?: unknown } | undefined)?.uri;
    for (const [key, child] of Object.entries(record)) {
      let target = typeof docUri === "string" ? docUri : own;
      if (key === "targetRange" || key === "targetSelectionRange") {
        target = String(record.targetUri);
      } else if (isUri(key)) target = key;
      pending.push({ value: child, uri: target, path: shorten(`${path}.${key}`) });
    }
  }
  return problems;
}

/** Paths of deeply nested answers would grow without end; the tail says enough. */
function shorten(path: string): string {
  return path.length > 200 ? `…${path.slice(-120)}` : path;
}

function checkRange(lines: EditorLines, start: Position, end: Position, path: string): string[] {
  const problems: string[] = [];
  const startProblem = lines.problemWith(start);
  const endProblem = lines.problemWith(end);
  const at = `${path} ${JSON.stringify({ start, end })}`;
  if (startProblem) problems.push(`${at}: its start ${startProblem}`);
  if (endProblem) problems.push(`${at}: its end ${endProblem}`);
  const reversed =
    end.line < start.line || (end.line === start.line && end.character < start.character);
  if (reversed) problems.push(`${at}: it ends before it starts`);
  return problems;
}

function checkFolding(lines: EditorLines, startLine: number, endLine: number, path: string) {
  if (startLine >= 0 && startLine <= endLine && endLine < lines.count) return [];
  return [`${path} folds lines ${startLine}–${endLine} of ${lines.count}`];
}
