/**
 * The eight binding kinds with first-class support in every feature (queues count twice: their
 * producers and consumers are separate arrays), and the field helpers all catalog files share.
 * Rules and severities follow Wrangler 4.164.0.
 */
import type { BindingKind, FieldSpec, RangeRule, ValueType } from "./types";

export type FieldRest = Omit<Partial<FieldSpec>, "name" | "type" | "description">;

/** A field spec in one call: name, accepted types, description, then anything else. */
export function field(
  name: string,
  type: ValueType | readonly ValueType[],
  description: string,
  rest: FieldRest = {},
): FieldSpec {
  return { name, type, description, ...rest };
}

export const required = { required: true } as const;

/** The switch most kinds accept for reaching the real resource from `wrangler dev`. */
export const remoteField = field(
  "remote",
  "boolean",
  "When true, `wrangler dev` uses the real resource on Cloudflare instead of a local stand-in.",
);

/** The field that names a binding on `env`; `example` is what "Add binding" writes. */
export function nameField(name: "binding" | "name", example: string): FieldSpec {
  return field(
    name,
    "string",
    `The name the Worker reaches this binding by, as in \`env.${example}\`. Use a valid JavaScript identifier.`,
    { ...required, example },
  );
}

/** Serves a binding from a local Miniflare plugin under `wrangler dev` (services, unsafe). */
export const devPluginField = field(
  "dev",
  "table",
  "Serves the binding from a local Miniflare plugin during development.",
  {
    fields: [
      field("plugin", "table", "The npm package and export that implement the plugin.", {
        ...required,
        fields: [
          field("package", "string", "The npm package.", required),
          field("name", "string", "The plugin's name.", required),
        ],
      }),
      field("options", "table", "Options handed to the plugin."),
    ],
  },
);

function queueLimit(max: number): RangeRule {
  return { max, severity: "warning", source: "Cloudflare's published limit" };
}

// Wrangler's own test for bucket names (`isValidR2BucketName`), which it reports as an error.
const bucketName = {
  regex: /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/,
  rule: "be 3–63 characters of a-z, 0-9 and -, starting and ending with a letter or digit",
  severity: "error",
} as const;

const services: BindingKind = {
  key: "services",
  shape: "array",
  title: "Service binding",
  summary: "Call another Worker directly, over fetch or RPC",
  description:
    "Lets this Worker call another Worker on the same account without a public URL. Requests go through `fetch()`, or straight to methods when the target exports a `WorkerEntrypoint`.",
  names: { from: "field", field: "binding" },
  fields: [
    nameField("binding", "BACKEND"),
    field("service", "string", "The name of the Worker to call, as it is deployed.", {
      ...required,
      example: "my-backend",
      refersTo: "worker",
    }),
    field(
      "entrypoint",
      "string",
      "A named entrypoint class exported by the target Worker; without it, calls reach its default export.",
    ),
    field(
      "environment",
      "string",
      "Which environment of the target Worker to call, for Workers still deployed with service environments.",
      { refersTo: "environment" },
    ),
    field("props", "table", "Values the target entrypoint receives as `ctx.props` on every call."),
    remoteField,
    devPluginField,
  ],
  runtimeType: "Fetcher",
  docs: "/workers/runtime-apis/bindings/service-bindings/",
  icon: "link",
  resource: "service",
  core: true,
  // Wrangler checks the fields it knows and lets any other pass without a warning.
  openFields: true,
};

const kvNamespaces: BindingKind = {
  key: "kv_namespaces",
  shape: "array",
  title: "KV namespace",
  summary: "Read and write a Workers KV key-value store",
  description:
    "Gives the Worker a KV namespace: a global key-value store built for fast, frequent reads. Leave `id` out and Wrangler creates the namespace on the first deploy.",
  names: { from: "field", field: "binding" },
  fields: [
    nameField("binding", "MY_KV"),
    field(
      "id",
      "string",
      "The namespace's id, as `wrangler kv namespace list` shows it. Leave it out to have one created.",
      { nonEmpty: true },
    ),
    field("preview_id", "string", "A second namespace that `wrangler dev --remote` uses instead."),
    remoteField,
  ],
  runtimeType: "KVNamespace",
  resource: "id",
  docs: "/workers/runtime-apis/bindings/kv/",
  icon: "key",
  core: true,
};

const durableObjects: BindingKind = {
  key: "durable_objects.bindings",
  shape: "array",
  title: "Durable Object",
  summary: "Create and address instances of a Durable Object class",
  description:
    "Gives the Worker a namespace for creating and reaching instances of a Durable Object class, each with its own storage. A class this Worker defines also needs a `[[migrations]]` entry or an `exports` entry.",
  names: { from: "field", field: "name" },
  fields: [
    nameField("name", "MY_DURABLE_OBJECT"),
    field("class_name", "string", "The exported class that implements the Durable Object.", {
      ...required,
      example: "MyDurableObject",
      refersTo: "class",
    }),
    field(
      "script_name",
      "string",
      "The Worker that defines the class, when it is not this one. Such a binding needs no migration here.",
      { refersTo: "worker" },
    ),
    field("environment", "string", "The environment of the Worker named by `script_name`.", {
      requires: "script_name",
      refersTo: "environment",
    }),
  ],
  runtimeType: "DurableObjectNamespace",
  resource: "class_name",
  docs: "/workers/runtime-apis/bindings/durable-objects/",
  icon: "symbol-class",
  core: true,
};

const r2Buckets: BindingKind = {
  key: "r2_buckets",
  shape: "array",
  title: "R2 bucket",
  summary: "Store and fetch objects in an R2 bucket",
  description:
    "Gives the Worker an R2 bucket for files and other large objects. Leave `bucket_name` out and Wrangler creates a bucket on the first deploy.",
  names: { from: "field", field: "binding" },
  fields: [
    nameField("binding", "MY_BUCKET"),
    field("bucket_name", "string", "The bucket's name. Leave it out to have one created.", {
      nonEmpty: true,
      pattern: bucketName,
      example: "my-bucket",
    }),
    field("preview_bucket_name", "string", "A second bucket that `wrangler dev --remote` uses.", {
      pattern: bucketName,
    }),
    field(
      "jurisdiction",
      "string",
      "The jurisdiction the bucket was created in, for buckets that keep their data in one region.",
      // Wrangler hands the value to the API unchecked, and R2 added "us" in 2026.
      { values: ["eu", "fedramp", "us"], valuesSeverity: "warning" },
    ),
    remoteField,
    field("local_dev", "table", "Settings for the bucket under `wrangler dev` (experimental).", {
      fields: [
        field("experimental_s3_credentials", "table", "Credentials for S3 clients, locally.", {
          fields: [
            field("accessKeyId", "string", "The access key id.", required),
            field("secretAccessKey", "string", "The secret access key.", required),
          ],
        }),
      ],
    }),
  ],
  runtimeType: "R2Bucket",
  resource: "bucket_name",
  docs: "/workers/runtime-apis/bindings/r2/",
  icon: "archive",
  core: true,
};

const queueProducers: BindingKind = {
  key: "queues.producers",
  shape: "array",
  title: "Queue producer",
  summary: "Send messages to a Cloudflare Queue",
  description:
    "Lets the Worker put messages on a queue, one at a time or in batches, for a consumer Worker to process later.",
  names: { from: "field", field: "binding" },
  fields: [
    nameField("binding", "MY_QUEUE"),
    field(
      "queue",
      "string",
      "The name of the queue to send to. Leave it out to have one created.",
      {
        nonEmpty: true,
        example: "my-queue",
        refersTo: "queue",
      },
    ),
    field("delivery_delay", "number", "Seconds to hold each message before delivery.", {
      deprecated:
        "it has no effect; set the queue's delivery delay with `wrangler queues update` instead.",
    }),
    remoteField,
  ],
  runtimeType: "Queue",
  resource: "queue",
  docs: "/workers/runtime-apis/bindings/queues/",
  icon: "list-ordered",
  core: true,
};

const queueConsumers: BindingKind = {
  key: "queues.consumers",
  shape: "array",
  title: "Queue consumer",
  summary: "Receive batches of messages from a queue",
  description:
    "Makes this Worker a consumer of a queue: its `queue()` handler receives the messages in batches. It adds nothing to `env`; the fields tune batching and retries.",
  names: { from: "none" },
  fields: [
    field("queue", "string", "The name of the queue to consume.", {
      ...required,
      example: "my-queue",
      refersTo: "queue",
    }),
    field("type", "string", "The kind of consumer; only Worker consumers can be set up here.", {
      values: ["worker"],
    }),
    field("max_batch_size", "number", "The most messages handed to one `queue()` call.", {
      range: queueLimit(100),
    }),
    field("max_batch_timeout", "number", "The longest wait, in seconds, for a batch to fill.", {
      range: queueLimit(60),
    }),
    field("max_retries", "number", "How often a failed message is retried before it is dropped.", {
      range: queueLimit(100),
    }),
    field("dead_letter_queue", "string", "The queue that gets messages whose retries ran out.", {
      refersTo: "queue",
    }),
    field("max_concurrency", "number", "The most consumer invocations running at once.", {
      range: queueLimit(250),
    }),
    field(
      "visibility_timeout_ms",
      "number",
      "How long, in milliseconds, a delivered message stays hidden from other consumers.",
    ),
    field("retry_delay", "number", "Seconds to wait before a failed message is delivered again."),
  ],
  docs: "/queues/configuration/configure-queues/",
  icon: "inbox",
  resource: "queue",
  core: true,
};

const dispatchNamespaces: BindingKind = {
  key: "dispatch_namespaces",
  shape: "array",
  title: "Dispatch namespace",
  summary: "Route requests to user Workers in Workers for Platforms",
  description:
    "Gives a dispatch Worker access to a Workers for Platforms namespace, so it can pick a customer's Worker by name and forward requests to it.",
  names: { from: "field", field: "binding" },
  fields: [
    nameField("binding", "DISPATCHER"),
    field("namespace", "string", "The dispatch namespace. Leave it out to have one created.", {
      example: "my-dispatch-namespace",
    }),
    field("outbound", "table", "A Worker that sees every outgoing request of the user Workers.", {
      fields: [
        field("service", "string", "The outbound Worker's name.", {
          ...required,
          refersTo: "worker",
        }),
        field("environment", "string", "The outbound Worker's environment.", {
          refersTo: "environment",
        }),
        field("parameters", "array", "Values the dispatch Worker passes to the outbound one.", {
          items: "string",
        }),
      ],
    }),
    remoteField,
  ],
  runtimeType: "DispatchNamespace",
  resource: "namespace",
  docs: "/workers/runtime-apis/bindings/dispatcher/",
  icon: "server-process",
  core: true,
  // Wrangler does not look for unknown fields in dispatch namespace entries.
  openFields: true,
};

const mtlsCertificates: BindingKind = {
  key: "mtls_certificates",
  shape: "array",
  title: "mTLS certificate",
  summary: "Present a client certificate on outgoing requests",
  description:
    "Gives the Worker a fetcher that presents a client certificate, for origins that insist on mutual TLS. Upload the certificate first with `wrangler mtls-certificate upload`.",
  names: { from: "field", field: "binding" },
  fields: [
    nameField("binding", "MY_CERT"),
    field(
      "certificate_id",
      "string",
      "The id of the uploaded certificate, as `wrangler mtls-certificate list` shows it.",
      { ...required, nonEmpty: true, example: "<CERTIFICATE_ID>" },
    ),
    remoteField,
  ],
  runtimeType: "Fetcher",
  docs: "/workers/runtime-apis/bindings/mtls/",
  icon: "lock",
  resource: "certificate_id",
  core: true,
};

const sendEmail: BindingKind = {
  key: "send_email",
  shape: "array",
  title: "Email sender",
  summary: "Send email from the Worker through Email Routing",
  description:
    "Lets the Worker send email through Email Routing. Limit who it may write to with `destination_address` or `allowed_destination_addresses`, and who it may write as with `allowed_sender_addresses`.",
  names: { from: "field", field: "name" },
  fields: [
    nameField("name", "EMAIL"),
    field("destination_address", "string", "The one verified address this binding may send to.", {
      conflictsWith: "allowed_destination_addresses",
    }),
    field("allowed_destination_addresses", "array", "The verified addresses it may send to.", {
      items: "string",
      conflictsWith: "destination_address",
    }),
    field("allowed_sender_addresses", "array", "The addresses it may send from.", {
      items: "string",
    }),
    remoteField,
    // Wrangler lists `binding` among the fields it accepts here, though `name` names the binding.
    field("binding", "string", "Accepted by Wrangler but unused: `name` names the binding."),
  ],
  runtimeType: "SendEmail",
  docs: "/email-routing/email-workers/send-email-workers/",
  icon: "mail",
  core: true,
};

/** The core kinds, in the order features list them. */
export const coreKinds: readonly BindingKind[] = [
  services,
  kvNamespaces,
  durableObjects,
  r2Buckets,
  queueProducers,
  queueConsumers,
  dispatchNamespaces,
  mtlsCertificates,
  sendEmail,
];
