/**
 * The "Add binding" and "Remove binding" requests, answered by the language service. The
 * client names the configuration by URI: an open document is read at its latest version (and
 * the edit carries that version, so a stale edit is refused), any other file from disk.
 */
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { HandlerContext } from "./handlers";
import {
  AddBindingChoicesRequest,
  AddBindingRequest,
  RemoveBindingRequest,
  ValidateBindingInputRequest,
  type AddBindingChoicesParams,
  type AddBindingChoicesResult,
  type AddBindingParams,
  type AddBindingResult,
  type RemoveBindingParams,
  type RemoveBindingResult,
  type ValidateBindingInputParams,
  type ValidateBindingInputResult,
} from "./protocol";
import { formatOf, parseConfig, type ParsedConfig } from "./service";
import {
  addBindingChoices,
  addBindingEdit,
  removeBindingEdit,
  validateBindingInput,
} from "./service/add-binding";

interface Loaded {
  readonly parsed: ParsedConfig;
  /** The open document's version; null for a file read from disk. */
  readonly version: number | null;
}

const NO_CHOICES: AddBindingChoicesResult = { environments: [], kinds: [] };

export function registerAddBindingHandlers(context: HandlerContext): void {
  const { connection, documents, store, workspace, guard } = context;

  function load(uri: string): Loaded | undefined {
    const document: TextDocument | undefined = documents.get(uri);
    if (document) return { parsed: store.get(document), version: document.version };
    const text = workspace.readText(uri);
    if (text === undefined) return undefined;
    return { parsed: parseConfig(text, undefined, formatOf(uri)), version: null };
  }

  /** Runs the handler on the loaded file; a missing file or a failure gets the fallback. */
  function answer<T>(what: string, uri: string, fallback: T, handler: (loaded: Loaded) => T): T {
    return guard(`${what} for ${uri}`, fallback, () => {
      const loaded = load(uri);
      return loaded ? handler(loaded) : fallback;
    });
  }

  connection.onRequest(
    AddBindingChoicesRequest,
    (params: AddBindingChoicesParams): AddBindingChoicesResult =>
      answer("Add binding choices", params.uri, NO_CHOICES, ({ parsed }) =>
        addBindingChoices(parsed, params.uri, workspace),
      ),
  );
  // A check that fails lets the value through: the edit request checks everything again.
  connection.onRequest(
    ValidateBindingInputRequest,
    (params: ValidateBindingInputParams): ValidateBindingInputResult =>
      answer("Checking an Add binding value", params.uri, null, ({ parsed }) =>
        validateBindingInput(parsed, params),
      ),
  );
  connection.onRequest(AddBindingRequest, (params: AddBindingParams): AddBindingResult | null =>
    answer("Add binding", params.uri, null, ({ parsed, version }) =>
      addBindingEdit(parsed, params, version),
    ),
  );
  connection.onRequest(RemoveBindingRequest, (params: RemoveBindingParams): RemoveBindingResult =>
    answer("Remove binding", params.uri, null, ({ parsed, version }) =>
      removeBindingEdit(parsed, params, version),
    ),
  );
}
