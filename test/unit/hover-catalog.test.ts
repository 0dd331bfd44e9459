/**
 * Hover on what the catalog explains: the header of each core binding kind, a kind written
 * other ways (in an environment, inline, in JSON), a binding's field and a configuration key.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lines } from "../support/check";
import { docs, hoverAt, md } from "../support/hover";

/** The paragraphs every array kind's hover ends with, given its key, runtime type and name field. */
function arrayKind(key: string, type: string, nameField: string, docsPath: string): string[] {
  return [
    `The Worker reaches each binding as \`env.NAME: ${type}\`, NAME being its \`${nameField}\`.`,
    `Not inherited: an environment needs its own \`[[env.<name>.${key}]]\`, or it has none.`,
    docs(docsPath),
  ];
}

describe("hover on the header of each core binding kind", () => {
  const cases: [string, string, string][] = [
    [
      "[[ser|vices]]",
      "services",
      md(
        "**Service binding** · `[[services]]`",
        "Lets this Worker call another Worker on the same account without a public URL. Requests go through `fetch()`, or straight to methods when the target exports a `WorkerEntrypoint`.",
        ...arrayKind(
          "services",
          "Fetcher",
          "binding",
          "/workers/runtime-apis/bindings/service-bindings/",
        ),
      ),
    ],
    [
      "[[kv_name|spaces]]",
      "kv_namespaces",
      md(
        "**KV namespace** · `[[kv_namespaces]]`",
        "Gives the Worker a KV namespace: a global key-value store built for fast, frequent reads. Leave `id` out and Wrangler creates the namespace on the first deploy.",
        ...arrayKind(
          "kv_namespaces",
          "KVNamespace",
          "binding",
          "/workers/runtime-apis/bindings/kv/",
        ),
      ),
    ],
    [
      "[[durable_objects.bind|ings]]",
      "durable_objects.bindings",
      md(
        "**Durable Object** · `[[durable_objects.bindings]]`",
        "Gives the Worker a namespace for creating and reaching instances of a Durable Object class, each with its own storage. A class this Worker defines also needs a `[[migrations]]` entry or an `exports` entry.",
        ...arrayKind(
          "durable_objects.bindings",
          "DurableObjectNamespace",
          "name",
          "/workers/runtime-apis/bindings/durable-objects/",
        ),
      ),
    ],
    [
      "[[r2_b|uckets]]",
      "r2_buckets",
      md(
        "**R2 bucket** · `[[r2_buckets]]`",
        "Gives the Worker an R2 bucket for files and other large objects. Leave `bucket_name` out and Wrangler creates a bucket on the first deploy.",
        ...arrayKind("r2_buckets", "R2Bucket", "binding", "/workers/runtime-apis/bindings/r2/"),
      ),
    ],
    [
      "[[queues.pro|ducers]]",
      "queues.producers",
      md(
        "**Queue producer** · `[[queues.producers]]`",
        "Lets the Worker put messages on a queue, one at a time or in batches, for a consumer Worker to process later.",
        ...arrayKind(
          "queues.producers",
          "Queue",
          "binding",
          "/workers/runtime-apis/bindings/queues/",
        ),
      ),
    ],
    [
      "[[queues.con|sumers]]",
      "queues.consumers",
      // A consumer binds nothing on env, so there is no line saying how the Worker reaches it.
      md(
        "**Queue consumer** · `[[queues.consumers]]`",
        "Makes this Worker a consumer of a queue: its `queue()` handler receives the messages in batches. It adds nothing to `env`; the fields tune batching and retries.",
        "Not inherited: an environment needs its own `[[env.<name>.queues.consumers]]`, or it has none.",
        docs("/queues/configuration/configure-queues/"),
      ),
    ],
    [
      "[[dispatch_|namespaces]]",
      "dispatch_namespaces",
      md(
        "**Dispatch namespace** · `[[dispatch_namespaces]]`",
        "Gives a dispatch Worker access to a Workers for Platforms namespace, so it can pick a customer's Worker by name and forward requests to it.",
        ...arrayKind(
          "dispatch_namespaces",
          "DispatchNamespace",
          "binding",
          "/workers/runtime-apis/bindings/dispatcher/",
        ),
      ),
    ],
    [
      "[[mtls_c|ertificates]]",
      "mtls_certificates",
      md(
        "**mTLS certificate** · `[[mtls_certificates]]`",
        "Gives the Worker a fetcher that presents a client certificate, for origins that insist on mutual TLS. Upload the certificate first with `wrangler mtls-certificate upload`.",
        ...arrayKind(
          "mtls_certificates",
          "Fetcher",
          "binding",
          "/workers/runtime-apis/bindings/mtls/",
        ),
      ),
    ],
    [
      "[[send_e|mail]]",
      "send_email",
      md(
        "**Email sender** · `[[send_email]]`",
        "Lets the Worker send email through Email Routing. Limit who it may write to with `destination_address` or `allowed_destination_addresses`, and who it may write as with `allowed_sender_addresses`.",
        ...arrayKind(
          "send_email",
          "SendEmail",
          "name",
          "/email-routing/email-workers/send-email-workers/",
        ),
      ),
    ],
  ];
  for (const [fixture, over, markdown] of cases) {
    test(fixture, () => assert.deepEqual(hoverAt(lines(fixture)), { over, markdown }));
  }
});

describe("hover on a binding kind written other ways", () => {
  const kv = hoverAt("[[kv_|namespaces]]")!.markdown;

  test("the kind part of an environment's header explains the kind", () => {
    assert.deepEqual(hoverAt(lines("[[env.staging.kv_name|spaces]]", 'binding = "A"')), {
      over: "kv_namespaces",
      markdown: kv,
    });
  });

  test("the container part of [[durable_objects.bindings]] explains the kind, not the container", () => {
    const found = hoverAt(lines("[[durable_|objects.bindings]]"));
    assert.equal(found?.over, "durable_objects.bindings");
    assert.match(found!.markdown, /^\*\*Durable Object\*\* · `\[\[durable_objects\.bindings\]\]`/);
  });

  test("the key of an inline array", () => {
    assert.deepEqual(hoverAt(lines('kv_name|spaces = [{ binding = "A" }]')), {
      over: "kv_namespaces",
      markdown: kv,
    });
  });

  test("an inherited kind says so", () => {
    assert.deepEqual(hoverAt(lines("[ass|ets]", 'directory = "public"')), {
      over: "assets",
      markdown: md(
        "**Static assets** · `[assets]`",
        "Uploads a folder of static files with the Worker and serves them before, or instead of, running it. With `binding` the Worker can fetch them itself. Environments inherit it.",
        "The Worker reaches the binding as `env.NAME: Fetcher`, NAME being its `binding`, when it has one.",
        "Inherited: an environment without its own `[assets]` uses the top level's.",
        docs("/workers/static-assets/binding/"),
      ),
    });
  });

  test("in a JSON configuration, kinds are named by their keys", () => {
    const found = hoverAt('{ "kv_name|spaces": [] }', "json");
    assert.equal(found?.over, '"kv_namespaces"');
    assert.match(found!.markdown, /^\*\*KV namespace\*\* · `kv_namespaces`\n/);
    assert.match(found!.markdown, /its own `env\.<name>\.kv_namespaces`, or it has none\./);
  });
});

describe("hover on a field", () => {
  test("a pattern and a non-empty rule", () => {
    const text = lines("[[r2_buckets]]", 'binding = "B"', 'bucket|_name = "b"');
    assert.deepEqual(hoverAt(text), {
      over: "bucket_name",
      markdown: md(
        "**`bucket_name`** · field of `[[r2_buckets]]`",
        "The bucket's name. Leave it out to have one created.",
        [
          "- Type: a string",
          "- Optional",
          "- Must not be empty",
          "- Must be 3–63 characters of a-z, 0-9 and -, starting and ending with a letter or digit",
        ].join("\n"),
        docs("/workers/runtime-apis/bindings/r2/"),
      ),
    });
  });

  test("an enumeration that only warns, and a limit with its source", () => {
    const jurisdiction = hoverAt(lines("[[r2_buckets]]", 'juris|diction = "eu"'))!;
    assert.match(
      jurisdiction.markdown,
      /\n- One of `"eu"`, `"fedramp"`, `"us"`; any other value draws a warning\n/,
    );
    assert.deepEqual(hoverAt(lines("[[queues.consumers]]", "max_batch_s|ize = 10")), {
      over: "max_batch_size",
      markdown: md(
        "**`max_batch_size`** · field of `[[queues.consumers]]`",
        "The most messages handed to one `queue()` call.",
        "- Type: a number\n- Optional\n- At most 100 (Cloudflare's published limit)",
        docs("/queues/configuration/configure-queues/"),
      ),
    });
  });

  test("requires, conflicts and deprecation", () => {
    const requires = hoverAt(lines("[[durable_objects.bindings]]", 'environ|ment = "x"'))!;
    assert.match(requires.markdown, /\n- Optional\n- Only together with `script_name`\n/);
    const conflict = hoverAt(lines("[[send_email]]", 'destination_add|ress = "a@b.c"'))!;
    assert.match(conflict.markdown, /\n- Never together with `allowed_destination_addresses`\n/);
    const deprecated = hoverAt(lines("[[queues.producers]]", "delivery_de|lay = 1"))!;
    assert.match(deprecated.markdown, /\n- Deprecated: it has no effect; set the queue's /);
  });

  test("a field of a nested table, on its value", () => {
    const text = lines(
      "[[dispatch_namespaces]]",
      'binding = "D"',
      'outbound = { service = "o|b" }',
    );
    assert.deepEqual(hoverAt(text), {
      over: '"ob"',
      markdown: md(
        "**`outbound.service`** · field of `[[dispatch_namespaces]]`",
        "The outbound Worker's name.",
        "- Type: a string\n- Required",
        docs("/workers/runtime-apis/bindings/dispatcher/"),
      ),
    });
  });

  test("a field of a configuration key takes the key's docs", () => {
    assert.deepEqual(hoverAt(lines("[[migrations]]", 'ta|g = "v1"')), {
      over: "tag",
      markdown: md(
        "**`tag`** · field of `[[migrations]]`",
        "A unique name for the step.",
        "- Type: a string\n- Required",
        docs("/durable-objects/reference/durable-objects-migrations/"),
      ),
    });
  });
});

describe("hover on a configuration key", () => {
  test("its description, type, rule, inheritance and page", () => {
    assert.deepEqual(hoverAt(lines('compatibility_da|te = "2025-09-01"')), {
      over: "compatibility_date",
      markdown: md(
        "**`compatibility_date`** · configuration key",
        "The date (YYYY-MM-DD) whose runtime behaviour you get.",
        [
          "- Type: a string",
          "- Must be a date written YYYY-MM-DD",
          "- Inherited: an environment without its own uses the top level's",
        ].join("\n"),
        docs("/workers/configuration/compatibility-dates/"),
      ),
    });
  });

  test("a key without a page of its own links to the configuration reference", () => {
    const found = hoverAt(lines('ma|in = "src/index.ts"'));
    assert.match(found!.markdown, /\[Cloudflare docs\]\(.*\/workers\/wrangler\/configuration\/\)$/);
  });

  test("a key Wrangler 4 refuses says what to do instead", () => {
    const found = hoverAt(lines("node_com|pat = true"));
    assert.match(found!.markdown, /\n- No longer accepted\. Wrangler 4 dropped it: add /);
  });
});
