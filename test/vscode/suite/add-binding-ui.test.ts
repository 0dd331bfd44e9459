/**
 * "Add binding" answered as a user answers it: keys typed into its quick picks and input boxes
 * (by the launcher), Enter and Back through the workbench's own commands, and the steps found
 * through the extension's API (currentPrompt, currentInput).
 */
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { WranglerBindingsApi } from "../../../client/src/extension";
import { activateExtension, CAN_TYPE, eventually, revert, typeText, workspaceUri } from "./support";

type Picker = vscode.QuickPick<vscode.QuickPickItem>;

const KIND_STEP = "Which kind of binding?";
const nameStep = (title: string) =>
  `The binding's name: the Worker reaches it as env.NAME (${title})`;
const OPTIONAL = "(optional: leave empty to skip)";
const KV_ID_STEP = `id: The namespace's id, as \`wrangler kv namespace list\` shows it. Leave it out to have one created. ${OPTIONAL}`;
const BUCKET_STEP = `bucket_name: The bucket's name. Leave it out to have one created. ${OPTIONAL}`;
const QUEUE_STEP = "queue: The name of the queue to consume.";

const accept = () => vscode.commands.executeCommand("workbench.action.acceptSelectedQuickOpenItem");
const back = () => vscode.commands.executeCommand("workbench.action.quickInputBack");

async function step(api: WranglerBindingsApi, question: string, number: number) {
  const input = await eventually(`the step "${question}"`, () =>
    api.currentPrompt() === question ? api.currentInput() : undefined,
  );
  assert.equal(input.step, number, `the number of the step "${question}"`);
  return input;
}

async function pickStep(api: WranglerBindingsApi, question: string, number: number) {
  const input = await step(api, question, number);
  assert.ok("items" in input, `"${question}" is asked with a quick pick`);
  return input;
}

async function askStep(api: WranglerBindingsApi, question: string, number: number) {
  const input = await step(api, question, number);
  assert.ok(!("items" in input), `"${question}" is asked with an input box`);
  return input;
}

/** Types a filter and accepts the item it leaves on top. */
async function choose(picker: Picker, filter: string, label: string): Promise<void> {
  if (filter) typeText(filter);
  await eventually(`"${label}" on top`, () => {
    assert.equal(picker.value, filter);
    assert.equal(picker.activeItems[0]?.label, label);
    return true;
  });
  await accept();
}

/** Types a value and waits for the message the server's validation puts under it. */
async function type(box: vscode.InputBox, value: string, message: string | undefined) {
  typeText(value);
  await eventually(`the message for "${value}"`, () => {
    assert.equal(box.value, value);
    assert.equal(box.validationMessage, message);
    return true;
  });
}

/** Answers the first two questions: api/wrangler.toml, at the top level. */
async function chooseApiTopLevel(api: WranglerBindingsApi): Promise<void> {
  await choose(await pickStep(api, "Which Worker configuration?", 1), "api", "api");
  const where = "In which environment? (Environments do not inherit bindings.)";
  await choose(await pickStep(api, where, 2), "", "Top level");
}

const addBinding = () => vscode.commands.executeCommand<boolean>("wranglerBindings.addBinding");

describe("Add binding, answered through its quick picks and input boxes", () => {
  let document: vscode.TextDocument;
  let before: string;

  beforeEach(async function () {
    // Only the launcher can type into the workbench; desktop VS Code runs the other tests.
    if (!CAN_TYPE) this.skip();
    await activateExtension();
    document = await vscode.workspace.openTextDocument(workspaceUri("api/wrangler.toml"));
    before = document.getText();
  });

  afterEach(async () => {
    // A failed test must not leave its question on screen for the next one.
    await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
    if (document?.isDirty) await revert(document);
  });

  it("validates while typing, goes back, and adds exactly the new block", async () => {
    const api = await activateExtension();
    const adding = addBinding();
    await chooseApiTopLevel(api);
    await choose(await pickStep(api, KIND_STEP, 3), "KV", "KV namespace");
    const kvName = await askStep(api, nameStep("KV namespace"), 4);
    assert.equal(kvName.value, "MY_KV");
    await type(kvName, "SESSIONS", undefined);
    await accept();

    await askStep(api, KV_ID_STEP, 5);
    await back();
    assert.equal((await askStep(api, nameStep("KV namespace"), 4)).value, "SESSIONS");
    await back();
    await choose(await pickStep(api, KIND_STEP, 3), "R2", "R2 bucket");

    const name = await askStep(api, nameStep("R2 bucket"), 4);
    assert.equal(name.value, "MY_BUCKET", "the name given for another kind is dropped");
    const notIdentifier =
      '"MY-BUCKET" is not a JavaScript identifier: use letters, digits, _ or $, and do not start with a digit.';
    await type(name, "MY-BUCKET", notIdentifier);
    await type(name, "CACHE", "CACHE is already bound at the top level; choose another name.");
    // Enter on a name the server rejects keeps the step open.
    await accept();
    await eventually("the check on Enter", () => (name.busy ? undefined : true));
    assert.ok(api.currentInput() === name, "Enter on a rejected name keeps its step open");
    await type(name, "UPLOADS", undefined);
    await accept();

    const bucket = await askStep(api, BUCKET_STEP, 5);
    const badBucket =
      "bucket_name must be 3–63 characters of a-z, 0-9 and -, starting and ending with a letter or digit.";
    await type(bucket, "API_UPLOADS", badBucket);
    await type(bucket, "api-uploads", undefined);
    await accept();
    assert.equal(await adding, true);

    const lines = before.split("\n");
    const block = ["[[r2_buckets]]", 'binding = "UPLOADS"', 'bucket_name = "api-uploads"', ""];
    const expected = [...lines.slice(0, 17), ...block, ...lines.slice(17)].join("\n");
    assert.equal(document.getText(), expected);
  });

  it("goes back past a step that asked nothing", async () => {
    const api = await activateExtension();
    const adding = addBinding();
    await chooseApiTopLevel(api);
    await choose(await pickStep(api, KIND_STEP, 3), "Queue consumer", "Queue consumer");
    // A consumer has no binding name: the queue is the next question.
    await askStep(api, QUEUE_STEP, 4);
    await back();
    await pickStep(api, KIND_STEP, 3);
    await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
    assert.equal(await adding, false);
    assert.equal(document.getText(), before);
  });
});
