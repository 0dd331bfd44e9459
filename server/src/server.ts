/**
 * The language server: wiring between the LSP connection and the language service. It keeps
 * the parse of each open document's latest version, answers diagnostics by pull when the
 * client can pull and by push otherwise, and never lets one failing request stop the server.
 *
 * Started as `node dist/server.js --stdio`; stdout carries the protocol, so nothing here
 * writes to it: logs go through the connection.
 */
import {
  createConnection,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { ConfigStore } from "./config-store";
import { guarded } from "./guard";
import { registerAddBindingHandlers } from "./add-binding-handlers";
import { registerExplorerHandlers } from "./explorer-handlers";
import { FEATURE_CAPABILITIES, registerFeatureHandlers, type HandlerContext } from "./handlers";
import { diagnose } from "./service";
import { isConfigFile, readSettings, type Settings, DEFAULT_SETTINGS } from "./settings";
import { WorkspaceIndex } from "./workspace-index";

const connection: Connection = createConnection(ProposedFeatures.all);
const store = new ConfigStore();
// Each edit is noted on its way in, so the next parse knows where the text changed.
const documents = new TextDocuments({
  create: TextDocument.create,
  update: (document, changes, version) => {
    store.noteEdit(document, changes, version);
    return TextDocument.update(document, changes, version);
  },
});
let settings: Settings = DEFAULT_SETTINGS;
const workspace = new WorkspaceIndex(
  (uri) => documents.get(uri)?.getText(),
  () => settings,
);
let pullDiagnostics = false;
let configurationRequests = false;
let workspaceFolders = false;
let folders: string[] = [];

/** Runs a handler; a failure is logged once and answered with the fallback. */
function guard<T>(what: string, fallback: T, handler: () => T): T {
  return guarded((message) => connection.console.error(message), what, fallback, handler);
}

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
  configurationRequests = capabilities.workspace?.configuration === true;
  settings = readSettings(params.initializationOptions);
  workspaceFolders = capabilities.workspace?.workspaceFolders === true;
  folders = params.workspaceFolders?.map((folder) => folder.uri) ?? [];
  if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
  workspace.setFolders(folders);
  return {
    capabilities: {
      ...FEATURE_CAPABILITIES,
      textDocumentSync: TextDocumentSyncKind.Incremental,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...(pullDiagnostics && {
        diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false },
      }),
    },
    serverInfo: { name: "wrangler-bindings", version: VERSION },
  };
});

connection.onInitialized(() => {
  connection.console.info(
    `Wrangler Bindings server ${VERSION} ready (${pullDiagnostics ? "pull" : "push"} diagnostics).`,
  );
  if (configurationRequests) void refreshSettings();
  if (workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((folder) => folder.uri));
      folders = [...folders.filter((uri) => !removed.has(uri)), ...event.added.map((f) => f.uri)];
      workspace.setFolders(folders);
      explorer.notifyChanged();
    });
  }
});

// The client watches Worker configurations on disk; any change may add, remove or rename one.
connection.onDidChangeWatchedFiles(() => {
  workspace.invalidate();
  explorer.notifyChanged();
});

connection.onDidChangeConfiguration((change) => {
  if (configurationRequests) void refreshSettings();
  else settings = readSettings(change.settings?.wranglerBindings);
});

async function refreshSettings(): Promise<void> {
  const section: unknown = await connection.workspace.getConfiguration("wranglerBindings");
  settings = readSettings(section);
  connection.console.log(`Settings: ${JSON.stringify(settings)}`);
  if (pullDiagnostics) connection.languages.diagnostics.refresh();
  else documents.all().forEach(publish);
}

/** The diagnostics of a document's current version; none for files that are not configs. */
function diagnosticsOf(document: TextDocument): Diagnostic[] {
  if (!isConfigFile(document.uri, settings)) return [];
  return guard(`Checking ${document.uri}`, [], () => diagnose(store.get(document), document.uri));
}

connection.languages.diagnostics.on((params) => {
  const document = documents.get(params.textDocument.uri);
  const items = document ? diagnosticsOf(document) : [];
  return { kind: DocumentDiagnosticReportKind.Full, items };
});

/**
 * Push mode: the check runs on the next turn of the event loop, after any queued changes, and
 * is published with the version it was computed for, so an older result never replaces a
 * newer one.
 */
const pending = new Map<string, NodeJS.Immediate>();
function publish(document: TextDocument): void {
  clearImmediate(pending.get(document.uri));
  pending.set(
    document.uri,
    setImmediate(() => {
      pending.delete(document.uri);
      const current = documents.get(document.uri);
      if (!current) return;
      const diagnostics = diagnosticsOf(current);
      void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
    }),
  );
}

documents.onDidChangeContent((change) => {
  if (!pullDiagnostics) publish(change.document);
});

documents.onDidClose((event) => {
  store.forget(event.document.uri);
  if (!pullDiagnostics)
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

const handlerContext: HandlerContext = {
  connection,
  documents,
  store,
  workspace,
  serves: (uri) => isConfigFile(uri, settings),
  guard,
};
registerFeatureHandlers(handlerContext);
registerAddBindingHandlers(handlerContext);
const explorer = registerExplorerHandlers(handlerContext, workspace);

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "dev";

documents.listen(connection);
connection.listen();
