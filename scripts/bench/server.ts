/**
 * The built language server as an editor runs it: `dist/server.js --stdio` in its own process,
 * spoken to over JSON-RPC. The process also gets a small probe on an IPC channel that collects
 * garbage and reports its heap, so memory after a run is what is still held, not what the
 * collector has yet to reclaim. With `WB_PROFILE=dir`, the server writes a CPU profile there.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from "vscode-jsonrpc/node";

export const SERVER_PATH = resolve(__dirname, "../../dist/server.js");

/** Loaded before the server; `--expose-gc` makes `gc` available to it. */
const MEMORY_PROBE =
  "data:text/javascript," +
  encodeURIComponent(
    'process.on("message", () => { globalThis.gc(); process.send(process.memoryUsage()); });',
  );

export interface Memory {
  /** Resident set size, from /proc/<pid>/status, in bytes. */
  readonly rss: number;
  /** The JavaScript heap in use after a full collection, in bytes. */
  readonly heap: number;
}

export class BenchServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(): Promise<BenchServer> {
    const child = spawn(
      process.execPath,
      [...profiling(), "--expose-gc", "--import", MEMORY_PROBE, SERVER_PATH, "--stdio"],
      { stdio: ["pipe", "pipe", "inherit", "ipc"] },
    );
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    connection.onRequest("workspace/configuration", () => [{}]);
    connection.onRequest("client/registerCapability", () => null);
    connection.onNotification("window/logMessage", () => undefined);
    connection.listen();

    await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      // Pull diagnostics: each answer belongs to the request that asked, so it can be timed.
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } },
    });
    await connection.sendNotification("initialized", {});
    return new BenchServer(child, connection);
  }

  async memory(): Promise<Memory> {
    const usage = new Promise<{ heapUsed: number }>((done) => this.child.once("message", done));
    this.child.send("memory");
    const { heapUsed } = await usage;
    const status = readFileSync(`/proc/${this.child.pid}/status`, "utf8");
    const rssKiB = Number(/^VmRSS:\s*(\d+)\s*kB/m.exec(status)?.[1] ?? NaN);
    return { rss: rssKiB * 1024, heap: heapUsed };
  }

  async stop(): Promise<void> {
    const exited = new Promise((done) => this.child.once("exit", done));
    await this.connection.sendRequest("shutdown");
    await this.connection.sendNotification("exit");
    await exited;
    this.connection.dispose();
  }
}

/** Node's options for a CPU profile of the server, when `WB_PROFILE` names a folder for it. */
function profiling(): string[] {
  const folder = process.env.WB_PROFILE;
  return folder ? ["--cpu-prof", `--cpu-prof-dir=${folder}`] : [];
}
