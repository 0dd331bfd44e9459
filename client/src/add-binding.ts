/**
 * "Add binding": asks for the configuration, the environment, the kind, the name and the
 * fields the kind needs, each validated by the server while typing, then applies the edit the
 * server computes as one undo step and reveals the new block. Back and Escape work at every
 * step. Given every answer as an argument (as tests do), it asks nothing.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import {
  AddBindingChoicesRequest,
  AddBindingRequest,
  ValidateBindingInputRequest,
  type AddBindingChoicesResult,
  type AddBindingParams,
  type AddBindingResult,
  type FieldPrompt,
  type KindChoice,
  type ValidateBindingInputResult,
} from "../../server/src/protocol";
import { showError } from "./error-message";
import type { BindingsExplorer, ExplorerNode } from "./explorer";
import { MultiStepInput, type Step } from "./multi-step";
import { createMinimalConfig } from "./new-config";

const TITLE = "Add Binding";
const DURABLE_OBJECTS = "durable_objects.bindings";

/** What the flow has gathered so far. */
interface Draft {
  uri?: string;
  environment?: string | null;
  kind?: KindChoice;
  name?: string;
  fields: Record<string, string>;
  addMigration?: boolean;
}

/** Answers given up front: from a tree node's context menu, or all of them from a test. */
export type AddBindingTarget = ExplorerNode | AddBindingParams | undefined;

export async function addBinding(
  client: LanguageClient,
  explorer: BindingsExplorer,
  target: AddBindingTarget,
): Promise<boolean> {
  if (target && "uri" in target && "kind" in target && typeof target.kind === "string") {
    return apply(client, target as AddBindingParams);
  }
  // What the tree node answered is never asked; what the user answered is asked again on Back.
  const given = fromNode(target as ExplorerNode | undefined);
  const draft: Draft = { fields: {}, ...given };

  if (!draft.uri) {
    const workers = await explorer.current();
    if (workers.length === 0) {
      draft.uri = await createMinimalConfig();
      if (!draft.uri) return false;
    } else if (workers.length === 1) draft.uri = workers[0]!.uri;
  }

  let choices: AddBindingChoicesResult | undefined;
  const chooseConfig: Step = async (input) => {
    const workers = await explorer.current();
    const picked = await input.pick({
      placeholder: "Which Worker configuration?",
      items: workers.map((worker) => ({
        label: worker.name ?? "(unnamed Worker)",
        description: vscode.workspace.asRelativePath(vscode.Uri.parse(worker.uri)),
        uri: worker.uri,
      })),
    });
    draft.uri = picked.uri;
    return chooseEnvironment;
  };
  const chooseEnvironment: Step = async (input) => {
    await vscode.workspace.openTextDocument(vscode.Uri.parse(draft.uri!));
    const offered = await client.sendRequest<AddBindingChoicesResult>(AddBindingChoicesRequest, {
      uri: draft.uri!,
    });
    choices = offered;
    if (given.environment !== undefined || offered.environments.length < 2) {
      draft.environment = given.environment ?? null;
      return chooseKind;
    }
    const picked = await input.pick({
      placeholder: "In which environment? (Environments do not inherit bindings.)",
      items: offered.environments.map((name) => ({
        label: name === null ? "Top level" : `env.${name}`,
        environment: name,
      })),
    });
    draft.environment = picked.environment;
    return chooseKind;
  };
  const chooseKind: Step = async (input) => {
    const preset = given.kind && choices!.kinds.find((kind) => kind.key === given.kind!.key);
    if (preset) {
      draft.kind = preset;
      return askName;
    }
    const picked = await input.pick({
      placeholder: "Which kind of binding?",
      items: kindItems(choices!),
    });
    // Back, then another kind: the answers given for the first one do not fit it.
    if (picked.kind.key !== draft.kind?.key) {
      Object.assign(draft, { name: undefined, fields: {}, addMigration: undefined });
    }
    draft.kind = picked.kind;
    return askName;
  };
  const askName: Step = async (input) => {
    const kind = draft.kind!;
    if (kind.named) {
      draft.name = await input.ask({
        prompt: `The binding's name: the Worker reaches it as env.NAME (${kind.title})`,
        value: draft.name ?? kind.suggestedName,
        validate: (value) => validate(client, draft, "name", value),
      });
    }
    return fieldStep(0);
  };
  const fieldStep =
    (index: number): Step =>
    async (input) => {
      const prompt = draft.kind!.fields[index];
      if (!prompt) return draft.kind!.key === DURABLE_OBJECTS ? askMigration : undefined;
      draft.fields[prompt.name] = await askField(client, input, draft, prompt);
      return fieldStep(index + 1);
    };
  const askMigration: Step = async (input) => {
    if (draft.fields["script_name"]) return undefined;
    const picked = await input.pick({
      placeholder: `Add a [[migrations]] step introducing ${draft.fields["class_name"] ?? "the class"}?`,
      items: [
        {
          label: "Yes, add the migration",
          detail: "A class this Worker defines needs one.",
          add: true,
        },
        {
          label: "No",
          detail: "The class is already migrated, or declared in [exports].",
          add: false,
        },
      ],
    });
    draft.addMigration = picked.add;
    return undefined;
  };

  const first = draft.uri ? chooseEnvironment : chooseConfig;
  const completed = await new MultiStepInput(TITLE).run(first);
  if (!completed || !draft.uri || !draft.kind) return false;
  return apply(client, {
    uri: draft.uri,
    environment: draft.environment ?? null,
    kind: draft.kind.key,
    name: draft.name ?? "",
    fields: Object.fromEntries(Object.entries(draft.fields).filter(([, value]) => value !== "")),
    addMigration: draft.addMigration,
  });
}

function fromNode(node: ExplorerNode | undefined): Partial<Draft> {
  if (!node) return {};
  const preset: Partial<Draft> = { uri: node.worker.uri };
  if (node.type !== "worker") preset.environment = node.environment.name ?? null;
  if (node.type === "kind" || node.type === "binding") {
    preset.kind = { key: node.kind.key } as KindChoice;
  }
  return preset;
}

function kindItems(choices: AddBindingChoicesResult) {
  const core = choices.kinds.filter((kind) => kind.core);
  const others = choices.kinds.filter((kind) => !kind.core);
  const item = (kind: KindChoice) => ({
    label: kind.title,
    description: kind.key,
    detail: kind.summary,
    kind,
  });
  const separator = (label: string) => ({ label, kind: vscode.QuickPickItemKind.Separator });
  return [
    separator("Core bindings"),
    ...core.map(item),
    separator("More bindings"),
    ...others.map(item),
  ] as (ReturnType<typeof item> & vscode.QuickPickItem)[];
}

async function askField(
  client: LanguageClient,
  input: MultiStepInput,
  draft: Draft,
  prompt: FieldPrompt,
): Promise<string> {
  const requirement = prompt.required ? "" : " (optional: leave empty to skip)";
  if (prompt.choices && prompt.choices.length > 0) {
    const items = prompt.choices.map((choice) => ({ label: choice, value: choice }));
    const skip = prompt.required ? [] : [{ label: "Leave it out", value: "" }];
    const picked = await input.pick({
      placeholder: `${prompt.name}: ${prompt.description}${requirement} (or type another value)`,
      items: [...items, ...skip],
      acceptTyped: (value) => ({ label: value, value }),
    });
    return picked.value;
  }
  return input.ask({
    prompt: `${prompt.name}: ${prompt.description}${requirement}`,
    value: draft.fields[prompt.name] ?? (prompt.required ? prompt.suggestion : undefined),
    placeholder: prompt.suggestion,
    validate: (value) => validate(client, draft, prompt.name, value),
  });
}

async function validate(
  client: LanguageClient,
  draft: Draft,
  field: string,
  value: string,
): Promise<string | undefined> {
  const message = await client.sendRequest<ValidateBindingInputResult>(
    ValidateBindingInputRequest,
    {
      uri: draft.uri!,
      environment: draft.environment ?? null,
      kind: draft.kind!.key,
      field,
      value,
    },
  );
  return message ?? undefined;
}

/** Applies the server's edit as one undo step and shows the new binding. */
async function apply(client: LanguageClient, params: AddBindingParams): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(params.uri));
  const result = await client.sendRequest<AddBindingResult | null>(AddBindingRequest, params);
  if (!result) {
    showError(`Wrangler Bindings: could not add the binding to ${document.fileName}.`);
    return false;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  const editor = await vscode.window.showTextDocument(document);
  const range = client.protocol2CodeConverter.asRange(result.reveal);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}
