import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { AddBindingParams } from "../../../server/src/protocol";
import { activateExtension, eventually, revert, screenshot, workspaceUri } from "./support";

/**
 * Each core kind added to api/wrangler.toml: after the last block of its kind, or, for a kind
 * the file lacks, after the last binding block of the top level; in `env.staging`, at the end
 * of that environment. `after` is the line the block follows.
 */
const CASES: {
  kind: string;
  name: string;
  fields: Record<string, string>;
  environment?: string;
  after: number;
  block: string[];
}[] = [
  {
    kind: "services",
    name: "BILLING",
    fields: { service: "billing" },
    after: 9,
    block: ["[[services]]", 'binding = "BILLING"', 'service = "billing"', ""],
  },
  {
    kind: "kv_namespaces",
    name: "SESSIONS",
    fields: {},
    after: 13,
    block: ["[[kv_namespaces]]", 'binding = "SESSIONS"', ""],
  },
  {
    kind: "durable_objects.bindings",
    name: "COUNTER",
    fields: { class_name: "Counter" },
    after: 17,
    block: ["[[durable_objects.bindings]]", 'name = "COUNTER"', 'class_name = "Counter"', ""],
  },
  {
    kind: "r2_buckets",
    name: "UPLOADS",
    fields: { bucket_name: "api-uploads" },
    after: 17,
    block: ["[[r2_buckets]]", 'binding = "UPLOADS"', 'bucket_name = "api-uploads"', ""],
  },
  {
    kind: "queues.producers",
    name: "JOBS",
    fields: { queue: "jobs" },
    after: 17,
    block: ["[[queues.producers]]", 'binding = "JOBS"', 'queue = "jobs"', ""],
  },
  {
    kind: "queues.consumers",
    name: "",
    fields: { queue: "jobs" },
    after: 17,
    block: ["[[queues.consumers]]", 'queue = "jobs"', ""],
  },
  {
    kind: "dispatch_namespaces",
    name: "TENANTS",
    fields: { namespace: "tenants" },
    after: 17,
    block: ["[[dispatch_namespaces]]", 'binding = "TENANTS"', 'namespace = "tenants"', ""],
  },
  {
    kind: "mtls_certificates",
    name: "BANK",
    fields: { certificate_id: "cert-1" },
    after: 17,
    block: ["[[mtls_certificates]]", 'binding = "BANK"', 'certificate_id = "cert-1"', ""],
  },
  {
    kind: "send_email",
    name: "MAILER",
    fields: {},
    environment: "staging",
    after: 35,
    block: ["", "[[env.staging.send_email]]", 'name = "MAILER"'],
  },
];

describe("Add binding", () => {
  for (const { kind, name, fields, environment, after: line, block } of CASES) {
    it(`adds ${kind} as one undo step`, async () => {
      await activateExtension();
      const uri = workspaceUri("api/wrangler.toml");
      const document = await vscode.workspace.openTextDocument(uri);
      const before = document.getText();
      const params: AddBindingParams = {
        uri: uri.toString(),
        environment: environment ?? null,
        kind,
        name,
        fields,
      };
      assert.equal(
        await vscode.commands.executeCommand("wranglerBindings.addBinding", params),
        true,
      );
      const lines = before.split("\n");
      const expected = [...lines.slice(0, line), ...block, ...lines.slice(line)].join("\n");
      assert.equal(document.getText(), expected);

      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand("undo");
      assert.equal(document.getText(), before, "one undo restores the file");
      await revert(document);
    });
  }

  it("asks step by step, and Escape cancels without an edit", async () => {
    const api = await activateExtension();
    const adding = vscode.commands.executeCommand("wranglerBindings.addBinding");
    const prompt = await eventually("the first step", () => api.currentPrompt());
    assert.equal(prompt, "Which Worker configuration?");
    await screenshot("add-binding");
    await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
    assert.equal(await adding, false);
  });
});
