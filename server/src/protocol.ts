/**
 * The custom messages between the extension and the language server, beyond LSP. The client
 * shows what these return and never parses a configuration itself: the Bindings explorer's
 * tree and every "Add binding" edit are computed by the language service.
 *
 * Types only, plus the method names: both bundles import this file.
 */
import type { Range, WorkspaceEdit } from "vscode-languageserver-types";

/** The severity of the worst problem on a tree node, for its decoration. */
export type ProblemLevel = "error" | "warning";

/** One binding in the explorer: `CACHE` with its namespace id as description. */
export interface BindingNode {
  /** The binding name (`env.NAME`); for consumers and unnamed entries, what identifies them. */
  readonly label: string;
  /** The binding name, when the entry has one (what "Copy name" copies). */
  readonly name?: string;
  /** The resource: namespace id, bucket, class, service, queue… */
  readonly description?: string;
  /** Markdown: every field of the entry, and the docs link. */
  readonly tooltip: string;
  /** The whole entry, for "Reveal" and for removal. */
  readonly range: Range;
  /** The name (or the entry's header), where the cursor goes on click. */
  readonly selectionRange: Range;
  /** Which entry of its kind this is (0-based), for "Remove binding". */
  readonly index: number;
  readonly problems: readonly { readonly level: ProblemLevel; readonly message: string }[];
}

/** One binding kind used in one environment, with its bindings. */
export interface KindNode {
  /** The catalog key: `kv_namespaces`, `durable_objects.bindings`. */
  readonly key: string;
  /** For people: "KV namespace". */
  readonly title: string;
  readonly core: boolean;
  /** A product icon id (`database`, `archive`…) for the tree. */
  readonly icon: string;
  /** The full URL of the kind's documentation. */
  readonly docs: string;
  /** Where the kind's key is first written in this environment. */
  readonly range: Range;
  readonly bindings: readonly BindingNode[];
}

/** The top level (no name) or one `[env.NAME]`. */
export interface EnvironmentNode {
  readonly name?: string;
  /** Where the environment is named; absent for the top level. */
  readonly range?: Range;
  readonly kinds: readonly KindNode[];
  /** The worst problem anywhere in this environment. */
  readonly level?: ProblemLevel;
}

/** One Worker configuration file of the workspace. */
export interface WorkerNode {
  readonly uri: string;
  /** The top-level `name`; absent when the file does not set one. */
  readonly name?: string;
  readonly environments: readonly EnvironmentNode[];
  readonly level?: ProblemLevel;
}

/**
 * Client → server: every Worker configuration of the workspace as the explorer shows it,
 * read from open documents (unsaved edits included) and from disk for the others.
 */
export const WorkersRequest = "wranglerBindings/workers";
export type WorkersParams = Record<string, never>;
export type WorkersResult = WorkerNode[];

/**
 * Server → client: what `WorkersRequest` returns has changed (an edit, a file created or
 * deleted); the explorer asks again.
 */
export const WorkersChangedNotification = "wranglerBindings/workersChanged";

/** A field "Add binding" asks for, in the order it asks. */
export interface FieldPrompt {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  /** What the input box starts with, or shows as a placeholder when optional. */
  readonly suggestion?: string;
  /** Choices to pick from instead of typing (an enumeration, known classes, Workers…). */
  readonly choices?: readonly string[];
}

/** A binding kind "Add binding" offers, the core ones first. */
export interface KindChoice {
  readonly key: string;
  readonly title: string;
  readonly summary: string;
  readonly core: boolean;
  /** Whether entries of this kind have a binding name to ask for. */
  readonly named: boolean;
  readonly suggestedName?: string;
  readonly fields: readonly FieldPrompt[];
}

/** Client → server: what "Add binding" can offer for one configuration. */
export const AddBindingChoicesRequest = "wranglerBindings/addBindingChoices";
export interface AddBindingChoicesParams {
  readonly uri: string;
}
export interface AddBindingChoicesResult {
  /** `null` stands for the top level, listed first; then each named environment. */
  readonly environments: readonly (string | null)[];
  readonly kinds: readonly KindChoice[];
}

/**
 * Client → server, on each keystroke of an "Add binding" input: why the value cannot be used,
 * or null when it can. `field` is `"name"` for the binding name.
 */
export const ValidateBindingInputRequest = "wranglerBindings/validateBindingInput";
export interface ValidateBindingInputParams {
  readonly uri: string;
  readonly environment: string | null;
  readonly kind: string;
  readonly field: string;
  readonly value: string;
}
export type ValidateBindingInputResult = string | null;

/**
 * Client → server: the edit that adds one binding, in the file's own style, changing no other
 * byte. The client applies it as one undo step and reveals `reveal`.
 */
export const AddBindingRequest = "wranglerBindings/addBinding";
export interface AddBindingParams {
  readonly uri: string;
  readonly environment: string | null;
  readonly kind: string;
  /** The binding name; ignored for kinds without one. */
  readonly name: string;
  /** Field values as the user typed them; empty ones are left out. */
  readonly fields: Readonly<Record<string, string>>;
  /** For a Durable Object this Worker defines: add the `[[migrations]]` step in the same edit. */
  readonly addMigration?: boolean;
}
export interface AddBindingResult {
  readonly edit: WorkspaceEdit;
  /** Where the new binding stands once the edit is applied. */
  readonly reveal: Range;
}

/** Client → server: the edit that removes one binding entry. */
export const RemoveBindingRequest = "wranglerBindings/removeBinding";
export interface RemoveBindingParams {
  readonly uri: string;
  readonly environment: string | null;
  readonly kind: string;
  readonly index: number;
}
export type RemoveBindingResult = WorkspaceEdit | null;
