import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { bindingKinds, coreKinds } from "../../server/src/catalog";
import { parseConfig } from "../../server/src/service";
import { addBindingChoices, validateBindingInput } from "../../server/src/service/add-binding";
import type { WorkspaceView } from "../../server/src/service/workspace";
import { TOML_URI } from "../support/add-binding";
import { lines } from "../support/check";

const CONFIG = lines(
  'name = "shop"',
  'main = "src/index.ts"',
  "",
  "[[kv_namespaces]]",
  'binding = "MY_KV"',
  "",
  "[[durable_objects.bindings]]",
  'name = "ROOMS"',
  'class_name = "ChatRoom"',
  "",
  "[[queues.consumers]]",
  'queue = "orders"',
  "",
  "[ai]",
  'binding = "AI"',
  "",
  "[env.staging]",
  "[[env.staging.kv_namespaces]]",
  'binding = "MY_KV_2"',
);

const WORKSPACE: WorkspaceView = {
  workerConfigs: () => [
    { name: "shop", uri: TOML_URI },
    { name: "auth", uri: "file:///auth/wrangler.toml" },
  ],
  readText: (uri) =>
    uri === "file:///w/src/index.ts"
      ? "export class ChatRoom {}\nexport class Counter {}\nexport default {};\n"
      : undefined,
};

describe("Add binding: validation while typing", () => {
  const parsed = parseConfig(CONFIG);
  const check = (kind: string, field: string, value: string, environment: string | null = null) =>
    validateBindingInput(parsed, { uri: TOML_URI, environment, kind, field, value });

  test("binding names: an identifier, free in that environment", () => {
    assert.equal(check("r2_buckets", "name", "FILES"), null);
    assert.equal(check("r2_buckets", "name", ""), "Enter a binding name, such as MY_BUCKET.");
    assert.equal(
      check("r2_buckets", "name", "my-files"),
      '"my-files" is not a JavaScript identifier: use letters, digits, _ or $, and do not start with a digit.',
    );
    assert.equal(
      check("r2_buckets", "name", "ROOMS"),
      "ROOMS is already bound at the top level; choose another name.",
    );
    assert.equal(
      check("vars", "name", "MY_KV_2", "staging"),
      "MY_KV_2 is already bound in env.staging; choose another name.",
    );
    assert.equal(check("r2_buckets", "name", "ROOMS", "staging"), null);
    assert.equal(
      check("ai", "name", "AI2"),
      "ai is already bound at the top level; there can be only one.",
    );
    assert.equal(check("ai", "name", "AI2", "staging"), null);
    assert.equal(check("assets", "name", ""), null, "static assets need no binding name");
  });

  test("resource fields, each by its rule", () => {
    assert.equal(check("kv_namespaces", "id", ""), null);
    assert.equal(check("kv_namespaces", "id", "0123456789ABCDEF0123456789abcdef"), null);
    assert.equal(
      check("kv_namespaces", "id", "0123"),
      "A KV namespace id is 32 hexadecimal characters; leave it empty to have Wrangler create the namespace.",
    );
    assert.equal(check("r2_buckets", "bucket_name", "shop-files"), null);
    assert.equal(
      check("r2_buckets", "bucket_name", "Shop_Files"),
      "bucket_name must be 3–63 characters of a-z, 0-9 and -, starting and ending with a letter or digit.",
    );
    assert.equal(check("durable_objects.bindings", "class_name", "Counter"), null);
    assert.equal(check("durable_objects.bindings", "class_name", ""), "class_name is required.");
    assert.equal(
      check("durable_objects.bindings", "class_name", "Chat Room"),
      '"Chat Room" is not a class name: use letters, digits, _ or $, and do not start with a digit.',
    );
    assert.equal(check("durable_objects.bindings", "script_name", ""), null);
    assert.equal(
      check("durable_objects.bindings", "script_name", "Chat"),
      "A Worker name must use only lowercase letters, digits, - and _.",
    );
    assert.equal(check("services", "service", ""), "service is required.");
    assert.equal(check("services", "service", "auth"), null);
    assert.equal(check("queues.producers", "queue", ""), null);
    assert.equal(check("queues.producers", "queue", "  "), "queue cannot be blank.");
    assert.equal(check("queues.consumers", "queue", ""), "queue is required.");
    assert.equal(check("dispatch_namespaces", "namespace", "tenants"), null);
    assert.equal(check("mtls_certificates", "certificate_id", ""), "certificate_id is required.");
    assert.equal(
      check("mtls_certificates", "certificate_id", "<CERTIFICATE_ID>"),
      "Replace the placeholder with the real certificate_id.",
    );
    assert.equal(check("send_email", "destination_address", "ops@example.com"), null);
    assert.equal(
      check("send_email", "destination_address", "ops at example"),
      "Enter an email address, such as someone@example.com.",
    );
    assert.equal(check("vars", "value", ""), null);
  });

  test("what the request names must exist", () => {
    assert.equal(
      check("kv_namespaces", "colour", "red"),
      'KV namespace entries have no field "colour".',
    );
    assert.equal(check("kv_namespaces", "name", "A", "prod"), "This file has no env.prod.");
    assert.equal(
      check("kv_namespace", "name", "A"),
      '"kv_namespace" is not a binding kind that can be added.',
    );
  });
});

describe("Add binding: what it offers", () => {
  const choices = addBindingChoices(parseConfig(CONFIG), TOML_URI, WORKSPACE);

  test("the environments, top level first, and every kind, core first", () => {
    assert.deepEqual(choices.environments, [null, "staging"]);
    const keys = choices.kinds.map((kind) => kind.key);
    assert.deepEqual(
      keys.slice(0, coreKinds.length),
      coreKinds.map((kind) => kind.key),
    );
    assert.ok(choices.kinds.slice(coreKinds.length).every((kind) => !kind.core));
    assert.ok(keys.includes("vars") && keys.includes("secrets") && keys.includes("d1_databases"));
    assert.ok(!keys.includes("wasm_modules"), "service-worker file tables are not offered");
    assert.equal(keys.length, bindingKinds.length - 3);
  });

  test("each core kind: named or not, a free name, and the fields it asks for", () => {
    const core = choices.kinds.slice(0, coreKinds.length).map((kind) => ({
      key: kind.key,
      named: kind.named,
      name: kind.suggestedName,
      fields: kind.fields.map((f) => [f.name, f.required, f.suggestion, f.choices]),
    }));
    assert.deepEqual(core, [
      {
        key: "services",
        named: true,
        name: "BACKEND",
        fields: [["service", true, "auth", ["auth"]]],
      },
      // MY_KV is bound at the top level and MY_KV_2 in staging: the name is free in both.
      {
        key: "kv_namespaces",
        named: true,
        name: "MY_KV_3",
        fields: [["id", false, undefined, undefined]],
      },
      {
        key: "durable_objects.bindings",
        named: true,
        name: "MY_DURABLE_OBJECT",
        fields: [
          // ChatRoom is bound already: the class not bound yet comes first.
          ["class_name", true, "Counter", ["Counter", "ChatRoom"]],
          ["script_name", false, undefined, ["auth"]],
        ],
      },
      {
        key: "r2_buckets",
        named: true,
        name: "MY_BUCKET",
        fields: [["bucket_name", false, "my-bucket", undefined]],
      },
      {
        key: "queues.producers",
        named: true,
        name: "MY_QUEUE",
        fields: [["queue", false, "orders", ["orders"]]],
      },
      {
        key: "queues.consumers",
        named: false,
        name: undefined,
        fields: [["queue", true, "orders", ["orders"]]],
      },
      {
        key: "dispatch_namespaces",
        named: true,
        name: "DISPATCHER",
        fields: [["namespace", false, "my-dispatch-namespace", undefined]],
      },
      {
        key: "mtls_certificates",
        named: true,
        name: "MY_CERT",
        fields: [["certificate_id", true, undefined, undefined]],
      },
      {
        key: "send_email",
        named: true,
        name: "EMAIL",
        fields: [["destination_address", false, undefined, undefined]],
      },
    ]);
  });

  test("other kinds ask for their required fields; each kind says what it is for", () => {
    const find = (key: string) => choices.kinds.find((kind) => kind.key === key)!;
    // A Workflow's own `name` is derived from the binding name, which the protocol calls `name`.
    assert.deepEqual(
      find("workflows").fields.map((f) => f.name),
      ["class_name"],
    );
    assert.deepEqual(
      find("vars").fields.map((f) => f.name),
      ["value"],
    );
    assert.equal(find("vars").suggestedName, "MY_ENVIRONMENT_VARIABLE");
    assert.equal(find("kv_namespaces").summary, "Read and write a Workers KV key-value store");
    assert.equal(find("kv_namespaces").title, "KV namespace");
  });
});
