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
  open(uri: string, text: string, version?: number): void;
  stop(): Promise<void>;
}

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
    open(uri, text, version = 1) {
      void connection.sendNotification("textDocument/didOpen", {
        textDocument: { uri, languageId: "toml", version, text },
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
