/**
 * A minimal LSP client for protocol tests: starts the built `dist/server.js --stdio` as a
 * child process and speaks JSON-RPC to it, as an editor would.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from "vscode-jsonrpc/node";
import type {
  ClientCapabilities,
  InitializeResult,
  PublishDiagnosticsParams,
} from "vscode-languageserver-protocol";

export const SERVER_PATH = resolve(__dirname, "../../dist/server.js");

export interface TestServer {
  readonly connection: MessageConnection;
  readonly initialized: InitializeResult;
  /** Everything the server logged through the connection. */
  readonly logs: string[];
  /** Resolves with the next diagnostics published for a URI that satisfy the predicate. */
  nextDiagnostics(
    uri: string,
    accept?: (params: PublishDiagnosticsParams) => boolean,
  ): Promise<PublishDiagnosticsParams>;
  /**
   * Resolves with the params of the next `method` notification that arrives after the call,
   * or rejects when none has come within `deadlineMs`.
   */
  nextNotification<T = unknown>(method: string, deadlineMs?: number): Promise<T>;
  /** How many `method` notifications have arrived since the server started. */
  notificationCount(method: string): number;
  open(uri: string, text: string, version?: number): void;
  /** Replaces an open document's whole text, as an unsaved edit. */
  change(uri: string, text: string, version: number): void;
  stop(): Promise<void>;
}

/** How long a test waits for a notification before it fails. */
const NOTIFICATION_DEADLINE_MS = 5000;

export async function startServer(
  capabilities: ClientCapabilities,
  workspaceFolders: { uri: string; name: string }[] | null = null,
): Promise<TestServer> {
  const child: ChildProcess = spawn(process.execPath, [SERVER_PATH, "--stdio"], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const logs: string[] = [];
  const waiters: {
    uri: string;
    accept: (p: PublishDiagnosticsParams) => boolean;
    done: (p: PublishDiagnosticsParams) => void;
  }[] = [];
  connection.onNotification("window/logMessage", (params: { message: string }) => {
    logs.push(params.message);
  });
  connection.onNotification(
    "textDocument/publishDiagnostics",
    (params: PublishDiagnosticsParams) => {
      const index = waiters.findIndex((w) => w.uri === params.uri && w.accept(params));
      if (index >= 0) waiters.splice(index, 1)[0]!.done(params);
    },
  );
  // Every other notification (custom ones included) is counted, and handed to who waits for it.
  const counts = new Map<string, number>();
  const notificationWaiters: { method: string; done: (params: unknown) => void }[] = [];
  connection.onNotification((method: string, params: unknown) => {
    counts.set(method, (counts.get(method) ?? 0) + 1);
    const waiting = notificationWaiters.filter((waiter) => waiter.method === method);
    for (const waiter of waiting) {
      notificationWaiters.splice(notificationWaiters.indexOf(waiter), 1);
      waiter.done(params);
    }
  });
  connection.onRequest("workspace/configuration", () => [{}]);
  connection.onRequest("client/registerCapability", () => null);
  connection.listen();

  const initialized = (await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: null,
    workspaceFolders,
    capabilities,
  })) as InitializeResult;
  await connection.sendNotification("initialized", {});

  return {
    connection,
    initialized,
    logs,
    nextDiagnostics(uri, accept = () => true) {
      return new Promise((done) => waiters.push({ uri, accept, done }));
    },
    nextNotification<T>(method: string, deadlineMs = NOTIFICATION_DEADLINE_MS) {
      return new Promise<T>((arrived, late) => {
        const timer = setTimeout(() => {
          notificationWaiters.splice(notificationWaiters.indexOf(waiter), 1);
          late(new Error(`no ${method} notification within ${deadlineMs} ms`));
        }, deadlineMs);
        const waiter = {
          method,
          done: (params: unknown) => {
            clearTimeout(timer);
            arrived(params as T);
          },
        };
        notificationWaiters.push(waiter);
      });
    },
    notificationCount(method) {
      return counts.get(method) ?? 0;
    },
    open(uri, text, version = 1) {
      void connection.sendNotification("textDocument/didOpen", {
        textDocument: { uri, languageId: "toml", version, text },
      });
    },
    change(uri, text, version) {
      void connection.sendNotification("textDocument/didChange", {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    },
    async stop() {
      await connection.sendRequest("shutdown");
      await connection.sendNotification("exit");
      await new Promise((done) => child.once("exit", done));
      connection.dispose();
    },
  };
}
