/**
 * The editor features' requests, each answered by the language service for the latest parse
 * of the document. A request about a file that is not a Worker configuration, or one whose
 * handler fails, gets an empty answer (the failure is logged).
 */
import type {
  CodeActionParams,
  CompletionParams,
  Connection,
  DefinitionParams,
  DocumentSymbolParams,
  FoldingRangeParams,
  HoverParams,
  ServerCapabilities,
  TextDocuments,
} from "vscode-languageserver/node";
import { CodeActionKind } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { ConfigStore } from "./config-store";
import {
  codeActions,
  complete,
  definition,
  documentSymbols,
  foldingRanges,
  hover,
  type ParsedConfig,
} from "./service";
import type { WorkspaceView } from "./service/workspace";

export interface HandlerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly store: ConfigStore;
  readonly workspace: WorkspaceView;
  /** Whether the server answers for this document at all. */
  readonly serves: (uri: string) => boolean;
  readonly guard: <T>(what: string, fallback: T, handler: () => T) => T;
}

/**
 * Characters after which completion opens by itself: a header's brackets and dots, the `=`
 * (TOML) or `:` (JSON) and quote before a value, and the comma and brace of inline tables and
 * JSON objects.
 */
const TRIGGERS = ["[", ".", "=", ":", '"', ",", "{", " "];

export const FEATURE_CAPABILITIES: ServerCapabilities = {
  completionProvider: { triggerCharacters: TRIGGERS },
  hoverProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  documentSymbolProvider: true,
  definitionProvider: true,
  foldingRangeProvider: true,
};

export function registerFeatureHandlers(context: HandlerContext): void {
  const { connection, documents, store, serves, guard, workspace } = context;

  /** Answers from the latest parse of a served document, or with the fallback. */
  function answer<T>(
    what: string,
    uri: string,
    fallback: T,
    handler: (parsed: ParsedConfig, document: TextDocument) => T,
  ): T {
    const document = documents.get(uri);
    if (!document || !serves(uri)) return fallback;
    return guard(`${what} in ${uri}`, fallback, () => handler(store.get(document), document));
  }

  connection.onCompletion((params: CompletionParams) =>
    answer("Completion", params.textDocument.uri, null, (parsed, document) =>
      complete(parsed, params.position, workspace, document.uri),
    ),
  );
  connection.onHover((params: HoverParams) =>
    answer("Hover", params.textDocument.uri, null, (parsed) => hover(parsed, params.position)),
  );
  connection.onCodeAction((params: CodeActionParams) =>
    answer("Quick fixes", params.textDocument.uri, [], (parsed, document) =>
      codeActions(parsed, document.uri, params.range, params.context.diagnostics),
    ),
  );
  connection.onDocumentSymbol((params: DocumentSymbolParams) =>
    answer("Symbols", params.textDocument.uri, [], (parsed) => documentSymbols(parsed)),
  );
  connection.onFoldingRanges((params: FoldingRangeParams) =>
    answer("Folding", params.textDocument.uri, [], (parsed) => foldingRanges(parsed)),
  );
  connection.onDefinition((params: DefinitionParams) =>
    answer("Definition", params.textDocument.uri, [], (parsed, document) =>
      definition(parsed, document.uri, params.position, workspace),
    ),
  );
}
