/**
 * One size of the benchmark against a fresh server process: open the file, type and erase one
 * character at each place, ask for completion and hover, then make many more edits to see that
 * memory stays flat. Every request is timed from the moment the editor would send it.
 */
import type { Position } from "vscode-languageserver-types";
import { LineIndex } from "../../server/src/service/positions";
import { editPlaces, requestPlaces, type Place } from "./places";
import { BenchServer, type Memory } from "./server";
import { summarize, timed, type Summary } from "./stats";

export interface Rounds {
  /** How often each edit place is typed at and erased again. */
  readonly edits: number;
  /** How often completion and hover are asked at each place. */
  readonly requests: number;
  /** The edits made after the measured ones, to show that memory does not grow with them. */
  readonly soak: number;
}

export interface ServerResult {
  /** The first open of the file, with the server's code not yet optimized. */
  readonly coldOpen: number;
  /** Later opens of the same text under new URIs: what a warm server needs for a file. */
  readonly open: Summary;
  readonly diagnostics: number;
  readonly edit: Summary;
  readonly completion: Summary;
  readonly hover: Summary;
  /** A keystroke followed at once by completion at the caret, as an editor asks while typing. */
  readonly typeThenComplete: Summary;
  /** The slowest request of any kind, the soak's included. */
  readonly slowest: number;
  /** After start, after the file is open, half-way through the soak and at its end. */
  readonly memory: {
    readonly idle: Memory;
    readonly open: Memory;
    readonly halfSoaked: Memory;
    readonly soaked: Memory;
  };
}

const WARM_OPENS = 3;

export async function runServerScenario(text: string, rounds: Rounds): Promise<ServerResult> {
  const server = await BenchServer.start();
  try {
    return await measure(server, text, rounds);
  } finally {
    await server.stop();
  }
}

async function measure(server: BenchServer, text: string, rounds: Rounds): Promise<ServerResult> {
  const session = new EditorSession(server);
  const idle = await server.memory();

  const coldOpen = await session.open("cold", text);
  const opens: number[] = [];
  for (let i = 0; i < WARM_OPENS; i++) opens.push(await session.open(`warm-${i}`, text));
  const diagnostics = await session.diagnosticCount();
  const open = await server.memory();

  const edits: number[] = [];
  for (let round = 0; round < rounds.edits; round++) {
    for (const place of editPlaces(session.text))
      edits.push(...(await session.typeAndErase(place)));
  }

  const completion: number[] = [];
  const hover: number[] = [];
  const typeThenComplete: number[] = [];
  for (let round = 0; round < rounds.requests; round++) {
    for (const place of requestPlaces(session.text)) {
      completion.push(await session.request("textDocument/completion", place.offset));
      hover.push(await session.request("textDocument/hover", place.offset));
    }
  }
  for (const place of requestPlaces(session.text)) {
    typeThenComplete.push(...(await session.typeAndComplete(place)));
  }

  // Memory is read half-way too: a leak keeps growing, while caches that fill up stop.
  const places = editPlaces(session.text);
  const soak = async (from: number, to: number) => {
    for (let i = from; i < to; i += 2) await session.typeAndErase(places[(i / 2) % places.length]!);
  };
  await soak(0, rounds.soak / 2);
  const halfSoaked = await server.memory();
  await soak(rounds.soak / 2, rounds.soak);
  const soaked = await server.memory();

  return {
    coldOpen,
    open: summarize(opens),
    diagnostics,
    edit: summarize(edits),
    completion: summarize(completion),
    hover: summarize(hover),
    typeThenComplete: summarize(typeThenComplete),
    slowest: session.slowest,
    memory: { idle, open, halfSoaked, soaked },
  };
}

/** One open document as the editor sees it: its text, its version, and the requests on it. */
class EditorSession {
  text = "";
  slowest = 0;
  private uri = "";
  private version = 0;
  private lines = new LineIndex("");

  constructor(private readonly server: BenchServer) {}

  /** Opens the text as a new document (closing the last one) and pulls its diagnostics. */
  async open(name: string, text: string): Promise<number> {
    const connection = this.server.connection;
    if (this.uri) {
      await connection.sendNotification("textDocument/didClose", {
        textDocument: { uri: this.uri },
      });
    }
    this.uri = `file:///bench/${name}/wrangler.toml`;
    this.setText(text, 1);
    return this.timed(async () => {
      await connection.sendNotification("textDocument/didOpen", {
        textDocument: { uri: this.uri, languageId: "toml", version: 1, text },
      });
      return this.pullDiagnostics();
    });
  }

  async diagnosticCount(): Promise<number> {
    return (await this.pullDiagnostics()).length;
  }

  /** Types one character at the place, then erases it: two edits, each timed to diagnostics. */
  async typeAndErase(place: Place): Promise<number[]> {
    const type = this.change(place.offset, place.offset, "x");
    const typed = await this.timed(async () => {
      await type();
      return this.pullDiagnostics();
    });
    const erase = this.change(place.offset, place.offset + 1, "");
    const erased = await this.timed(async () => {
      await erase();
      return this.pullDiagnostics();
    });
    return [typed, erased];
  }

  /** Types one character and asks for completion right after it; erases it the same way. */
  async typeAndComplete(place: Place): Promise<number[]> {
    const type = this.change(place.offset, place.offset, "x");
    const typed = await this.timed(async () => {
      await type();
      return this.sendAt("textDocument/completion", place.offset + 1);
    });
    const erase = this.change(place.offset, place.offset + 1, "");
    const erased = await this.timed(async () => {
      await erase();
      return this.sendAt("textDocument/completion", place.offset);
    });
    return [typed, erased];
  }

  request(method: string, offset: number): Promise<number> {
    return this.timed(() => this.sendAt(method, offset));
  }

  private sendAt(method: string, offset: number): Promise<unknown> {
    const position = this.lines.positionAt(offset);
    return this.server.connection.sendRequest(method, {
      textDocument: { uri: this.uri },
      position,
    });
  }

  private async pullDiagnostics(): Promise<unknown[]> {
    const report = await this.server.connection.sendRequest<{ items: unknown[] }>(
      "textDocument/diagnostic",
      { textDocument: { uri: this.uri } },
    );
    return report.items;
  }

  /**
   * Applies an edit to the local copy and returns the notification that tells the server, so
   * the benchmark's own bookkeeping stays outside the timed request.
   */
  private change(start: number, end: number, insert: string): () => Promise<void> {
    const range: { start: Position; end: Position } = {
      start: this.lines.positionAt(start),
      end: this.lines.positionAt(end),
    };
    this.setText(this.text.slice(0, start) + insert + this.text.slice(end), this.version + 1);
    const params = {
      textDocument: { uri: this.uri, version: this.version },
      contentChanges: [{ range, text: insert }],
    };
    return () => this.server.connection.sendNotification("textDocument/didChange", params);
  }

  private setText(text: string, version: number): void {
    this.text = text;
    this.version = version;
    this.lines = new LineIndex(text);
  }

  private async timed(run: () => Promise<unknown>): Promise<number> {
    const { ms } = await timed(run);
    this.slowest = Math.max(this.slowest, ms);
    return ms;
  }
}
