/**
 * The Bindings explorer's request and its change notification. The tree lists every Worker
 * configuration of the workspace, and any other open one: open documents as the editor holds
 * them (unsaved edits included), the others as they are on disk. The server tells the client
 * when that list may have changed and the client asks again, so nothing is pushed unasked.
 */
import { fileURLToPath } from "node:url";
import type { HandlerContext } from "./handlers";
import {
  WorkersChangedNotification,
  WorkersRequest,
  type WorkerNode,
  type WorkersResult,
} from "./protocol";
import { diagnose, formatOf, parseConfig } from "./service";
import { workerNode } from "./service/explorer";
import type { WorkspaceIndex } from "./workspace-index";

/** A burst of keystrokes makes one notification, sent once the burst has settled this long. */
const CHANGE_DELAY_MS = 150;

export interface ExplorerHandlers {
  /** Configurations changed on disk (created, deleted, saved from elsewhere): tell the client. */
  notifyChanged(): void;
}

/**
 * Answers `WorkersRequest` and sends `WorkersChangedNotification` after edits of open
 * configurations; the server calls `notifyChanged` when watched files change.
 */
export function registerExplorerHandlers(
  context: HandlerContext,
  index: Pick<WorkspaceIndex, "configFiles">,
): ExplorerHandlers {
  const { connection, documents, store, workspace, serves, guard } = context;

  /**
   * The last tree of each configuration with the text it was built from: while one file is
   * edited, the others of a large monorepo are not parsed and checked again on every request.
   */
  const trees = new Map<string, { readonly text: string; readonly node: WorkerNode }>();

  function treeOf(uri: string): WorkerNode | undefined {
    const document = documents.get(uri);
    const text = document ? document.getText() : workspace.readText(uri);
    if (text === undefined) return undefined;
    const known = trees.get(uri);
    if (known?.text === text) return known.node;

    const parsed = document ? store.get(document) : parseConfig(text, undefined, formatOf(uri));
    const node = workerNode(parsed, uri, diagnose(parsed, uri));
    trees.set(uri, { text, node });
    return node;
  }

  /** Each configuration once, under the URI the editor uses for it when it is open. */
  function configUris(): string[] {
    const byFile = new Map<string, string>();
    for (const document of documents.all()) {
      if (serves(document.uri)) byFile.set(fileKey(document.uri), document.uri);
    }
    for (const uri of index.configFiles()) {
      if (!byFile.has(fileKey(uri))) byFile.set(fileKey(uri), uri);
    }
    return [...byFile.values()];
  }

  function workers(): WorkersResult {
    const uris = configUris();
    const current = new Set(uris);
    for (const uri of trees.keys()) if (!current.has(uri)) trees.delete(uri);
    // One unreadable file costs its own node, not the whole tree.
    const nodes = uris.flatMap((uri) =>
      guard(`Bindings explorer for ${uri}`, [], () => treeOf(uri) ?? []),
    );
    return nodes.sort(byNameThenPath);
  }

  connection.onRequest(WorkersRequest, () => guard("Bindings explorer", [], workers));

  let pending: NodeJS.Timeout | undefined;
  function notifyChanged(): void {
    clearTimeout(pending);
    pending = setTimeout(() => {
      pending = undefined;
      guard("Announcing a Bindings explorer change", undefined, () => {
        // A rejection means the client has gone: there is no tree left to refresh.
        connection.sendNotification(WorkersChangedNotification).catch(() => undefined);
      });
    }, CHANGE_DELAY_MS);
  }

  const onEdit = (uri: string) =>
    guard(`Bindings explorer after a change of ${uri}`, undefined, () => {
      if (serves(uri)) notifyChanged();
    });
  documents.onDidChangeContent((change) => onEdit(change.document.uri));
  // Closing drops unsaved edits: the tree goes back to what is on disk.
  documents.onDidClose((event) => onEdit(event.document.uri));

  return { notifyChanged };
}

/**
 * What identifies a file whichever way its URI is spelt: the scan writes `file:///C:/…`, VS Code
 * sends `file:///c%3A/…`, and Windows paths ignore case.
 */
function fileKey(uri: string): string {
  if (!uri.startsWith("file:")) return uri;
  try {
    const path = fileURLToPath(uri);
    return process.platform === "win32" ? path.toLowerCase() : path;
  } catch {
    return uri;
  }
}

/** Named Workers by name, then those without a name; the same name by file. */
function byNameThenPath(a: WorkerNode, b: WorkerNode): number {
  if (a.name !== b.name) {
    if (a.name === undefined) return 1;
    if (b.name === undefined) return -1;
    const byName = a.name.localeCompare(b.name, "en");
    if (byName !== 0) return byName;
  }
  return a.uri.localeCompare(b.uri, "en");
}
