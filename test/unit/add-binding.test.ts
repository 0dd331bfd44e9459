import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { add } from "../support/add-binding";
import { lines } from "../support/check";

const KV_ID = "0123456789abcdef0123456789abcdef";

/** Each core kind with the values typed into "Add binding" and the block it becomes. */
const CORE: readonly {
  kind: string;
  name: string;
  fields: Record<string, string>;
  block: (prefix: string) => string[];
}[] = [
  {
    kind: "services",
    name: "AUTH",
    fields: { service: "auth-worker" },
    block: (p) => [`[[${p}services]]`, 'binding = "AUTH"', 'service = "auth-worker"'],
  },
  {
    kind: "kv_namespaces",
    name: "SESSIONS",
    fields: { id: KV_ID },
    block: (p) => [`[[${p}kv_namespaces]]`, 'binding = "SESSIONS"', `id = "${KV_ID}"`],
  },
  {
    kind: "durable_objects.bindings",
    name: "ROOMS",
    fields: { class_name: "ChatRoom", script_name: "chat-worker" },
    block: (p) => [
      `[[${p}durable_objects.bindings]]`,
      'name = "ROOMS"',
      'class_name = "ChatRoom"',
      'script_name = "chat-worker"',
    ],
  },
  {
    kind: "r2_buckets",
    name: "UPLOADS",
    fields: { bucket_name: "shop-uploads" },
    block: (p) => [`[[${p}r2_buckets]]`, 'binding = "UPLOADS"', 'bucket_name = "shop-uploads"'],
  },
  {
    kind: "queues.producers",
    name: "ORDERS",
    fields: { queue: "orders" },
    block: (p) => [`[[${p}queues.producers]]`, 'binding = "ORDERS"', 'queue = "orders"'],
  },
  {
    kind: "queues.consumers",
    name: "",
    fields: { queue: "orders" },
    block: (p) => [`[[${p}queues.consumers]]`, 'queue = "orders"'],
  },
  {
    kind: "dispatch_namespaces",
    name: "TENANTS",
    fields: { namespace: "tenants" },
    block: (p) => [`[[${p}dispatch_namespaces]]`, 'binding = "TENANTS"', 'namespace = "tenants"'],
  },
  {
    kind: "mtls_certificates",
    name: "CLIENT_CERT",
    fields: { certificate_id: "cert-1" },
    block: (p) => [
      `[[${p}mtls_certificates]]`,
      'binding = "CLIENT_CERT"',
      'certificate_id = "cert-1"',
    ],
  },
  {
    kind: "send_email",
    name: "MAILER",
    fields: { destination_address: "ops@example.com" },
    block: (p) => [
      `[[${p}send_email]]`,
      'name = "MAILER"',
      'destination_address = "ops@example.com"',
    ],
  },
];

/** A top level with one binding block, and an environment with a setting of its own. */
const HEAD = [
  'name = "shop"',
  'main = "src/index.ts"',
  "",
  "[[kv_namespaces]]",
  'binding = "CACHE"',
];
const ENV = ["[env.staging]", 'name = "shop-staging"'];
const FIXTURE = lines(...HEAD, "", ...ENV);

describe("Add binding: each core kind, as a block in the file", () => {
  for (const { kind, name, fields, block } of CORE) {
    test(`${kind} at the top level goes after the last top-level binding block`, () => {
      const added = add(FIXTURE, { kind, name, fields });
      assert.equal(added?.text, lines(...HEAD, "", ...block(""), "", ...ENV));
      assert.equal(added.revealed, block("").join("\n"));
    });

    test(`${kind} in [env.staging] goes after the environment's last section`, () => {
      const added = add(FIXTURE, { kind, name, fields, environment: "staging" });
      assert.equal(added?.text, lines(...HEAD, "", ...ENV, "", ...block("env.staging.")));
      assert.equal(added.revealed, block("env.staging.").join("\n"));
    });
  }

  test("a kind already bound gets its block right after the last one of it", () => {
    const text = lines(
      "[[kv_namespaces]]",
      'binding = "A"',
      "",
      "[[kv_namespaces]]",
      'binding = "B"',
      "",
      "[vars]",
      'MODE = "live"',
    );
    assert.equal(
      add(text, { kind: "kv_namespaces", name: "C" })?.text,
      lines(
        "[[kv_namespaces]]",
        'binding = "A"',
        "",
        "[[kv_namespaces]]",
        'binding = "B"',
        "",
        "[[kv_namespaces]]",
        'binding = "C"',
        "",
        "[vars]",
        'MODE = "live"',
      ),
    );
  });

  test("blocks written one under the other get the next one the same way", () => {
    const text = lines(
      "[[r2_buckets]]",
      'binding = "A"',
      "[[r2_buckets]]",
      'binding = "B"',
      "[vars]",
    );
    assert.equal(
      add(text, { kind: "r2_buckets", name: "C" })?.text,
      lines(
        "[[r2_buckets]]",
        'binding = "A"',
        "[[r2_buckets]]",
        'binding = "B"',
        "[[r2_buckets]]",
        'binding = "C"',
        "[vars]",
      ),
    );
  });

  test("with no binding block yet, the top level's goes before the first environment", () => {
    const text = lines('name = "shop"', "", "# Staging settings", "[env.staging]", 'name = "s"');
    assert.equal(
      add(text, { kind: "queues.producers", name: "JOBS", fields: { queue: "jobs" } })?.text,
      lines(
        'name = "shop"',
        "",
        "[[queues.producers]]",
        'binding = "JOBS"',
        'queue = "jobs"',
        "",
        "# Staging settings",
        "[env.staging]",
        'name = "s"',
      ),
    );
  });

  test("in a file of top-level keys alone, the block goes at the end", () => {
    const text = 'name = "shop"\nmain = "src/index.ts"';
    assert.equal(
      add(text, { kind: "kv_namespaces", name: "CACHE" })?.text,
      'name = "shop"\nmain = "src/index.ts"\n\n[[kv_namespaces]]\nbinding = "CACHE"',
    );
    assert.equal(
      add("", { kind: "kv_namespaces", name: "CACHE" })?.text,
      lines("[[kv_namespaces]]", 'binding = "CACHE"'),
    );
  });

  test("an environment whose sections are spread out gets the block after its last one", () => {
    const text = lines(
      "[env.staging]",
      'name = "s"',
      "[vars]",
      "[env.staging.vars]",
      'MODE = "test"',
      "[env.production]",
    );
    assert.equal(
      add(text, { kind: "kv_namespaces", name: "CACHE", environment: "staging" })?.text,
      lines(
        "[env.staging]",
        'name = "s"',
        "[vars]",
        "[env.staging.vars]",
        'MODE = "test"',
        "",
        "[[env.staging.kv_namespaces]]",
        'binding = "CACHE"',
        "",
        "[env.production]",
      ),
    );
  });
});

describe("Add binding: the file's own style", () => {
  test("a one-line inline list gets one more item", () => {
    const text = lines(`kv_namespaces = [{ binding = "A", id = "${KV_ID}" }]`, "[vars]");
    assert.equal(
      add(text, { kind: "kv_namespaces", name: "B" })?.text,
      lines(`kv_namespaces = [{ binding = "A", id = "${KV_ID}" }, { binding = "B" }]`, "[vars]"),
    );
  });

  test("a list with an item a line gets a line, comma style and indentation kept", () => {
    const text = lines(
      "[durable_objects]",
      "bindings = [",
      '    { name = "A", class_name = "Alpha" },',
      '    { name = "B", class_name = "Beta" },',
      "]",
    );
    const added = add(text, {
      kind: "durable_objects.bindings",
      name: "C",
      fields: { class_name: "Gamma", script_name: "other" },
    });
    assert.equal(
      added?.text,
      lines(
        "[durable_objects]",
        "bindings = [",
        '    { name = "A", class_name = "Alpha" },',
        '    { name = "B", class_name = "Beta" },',
        '    { name = "C", class_name = "Gamma", script_name = "other" },',
        "]",
      ),
    );
    assert.equal(added.revealed, '{ name = "C", class_name = "Gamma", script_name = "other" }');
  });

  test("a comment ending the last item's line stays on that line", () => {
    const text = lines("services = [", '  { binding = "A", service = "a" } # the API', "]");
    assert.equal(
      add(text, { kind: "services", name: "B", fields: { service: "b" } })?.text,
      lines(
        "services = [",
        '  { binding = "A", service = "a" }, # the API',
        '  { binding = "B", service = "b" }',
        "]",
      ),
    );
  });

  test("an empty list and unpadded braces", () => {
    assert.equal(
      add(lines("r2_buckets = []"), { kind: "r2_buckets", name: "B" })?.text,
      lines('r2_buckets = [{ binding = "B" }]'),
    );
    assert.equal(
      add(lines('services = [{binding = "A", service = "a"}]'), {
        kind: "services",
        name: "B",
        fields: { service: "b" },
      })?.text,
      lines('services = [{binding = "A", service = "a"}, {binding = "B", service = "b"}]'),
    );
  });

  test("an environment lacking a kind the file writes inline gets a statement", () => {
    const text = lines(
      'kv_namespaces = [{ binding = "A" }]',
      "",
      "[env.staging]",
      'name = "s"',
      "",
      "[env.staging.vars]",
    );
    assert.equal(
      add(text, { kind: "kv_namespaces", name: "A", environment: "staging" })?.text,
      lines(
        'kv_namespaces = [{ binding = "A" }]',
        "",
        "[env.staging]",
        'name = "s"',
        'kv_namespaces = [{ binding = "A" }]',
        "",
        "[env.staging.vars]",
      ),
    );
  });

  test("literal strings, `=` spacing and indentation follow the file", () => {
    const text = lines(
      "name='shop'",
      "[env.staging]",
      "  name='shop-staging'",
      "  [[env.staging.r2_buckets]]",
      "  binding='FILES'",
    );
    assert.equal(
      add(text, { kind: "r2_buckets", name: "LOGS", environment: "staging" })?.text,
      lines(
        "name='shop'",
        "[env.staging]",
        "  name='shop-staging'",
        "  [[env.staging.r2_buckets]]",
        "  binding='FILES'",
        "  [[env.staging.r2_buckets]]",
        "  binding='LOGS'",
      ),
    );
  });

  test("a quoted environment name is written as the file writes it", () => {
    const text = lines('[[env."my-env".kv_namespaces]]', 'binding = "A"');
    assert.equal(
      add(text, { kind: "kv_namespaces", name: "B", environment: "my-env" })?.text,
      lines(
        '[[env."my-env".kv_namespaces]]',
        'binding = "A"',
        "",
        '[[env."my-env".kv_namespaces]]',
        'binding = "B"',
      ),
    );
  });

  test("a CRLF file stays CRLF", () => {
    const text = ['name = "shop"', "", "[[services]]", 'binding = "A"', 'service = "a"', ""].join(
      "\r\n",
    );
    assert.equal(
      add(text, { kind: "services", name: "B", fields: { service: "b" } })?.text,
      [
        'name = "shop"',
        "",
        "[[services]]",
        'binding = "A"',
        'service = "a"',
        "",
        "[[services]]",
        'binding = "B"',
        'service = "b"',
        "",
      ].join("\r\n"),
    );
  });

  test("comments stay where they were: the block's own below it, the next header's above it", () => {
    const text = lines(
      "# Caches",
      "[[kv_namespaces]] # main cache",
      'binding = "A"',
      '# preview_id = "..."',
      "",
      "# [[kv_namespaces]]",
      '# binding = "OLD"',
      "[vars]",
    );
    assert.equal(
      add(text, { kind: "kv_namespaces", name: "B" })?.text,
      lines(
        "# Caches",
        "[[kv_namespaces]] # main cache",
        'binding = "A"',
        '# preview_id = "..."',
        "",
        "[[kv_namespaces]]",
        'binding = "B"',
        "",
        "# [[kv_namespaces]]",
        '# binding = "OLD"',
        "[vars]",
      ),
    );
  });
});
