/**
 * The kinds that fit no product's usual pattern, listed after every other kind: tail consumers,
 * which add nothing to `env`; the unsafe escape hatch and Cloudflare's internal log forwarder;
 * and the file tables that only service-worker Workers read.
 */
import { devPluginField, field, nameField, required } from "./core-kinds";
import type { BindingKind, FieldSpec } from "./types";

function tailConsumer(
  key: string,
  title: string,
  summary: string,
  description: string,
  extra: readonly FieldSpec[] = [],
): BindingKind {
  return {
    key,
    shape: "array",
    title,
    summary,
    description,
    names: { from: "none" },
    fields: [
      field("service", "string", "The Tail Worker's name.", {
        ...required,
        example: "my-tail-worker",
        refersTo: "worker",
      }),
      ...extra,
    ],
    docs: "/workers/observability/logs/tail-workers/",
    resource: "service",
    // Wrangler checks the fields it knows and ignores any others.
    openFields: true,
  };
}

const tailConsumers: BindingKind = tailConsumer(
  "tail_consumers",
  "Tail consumer",
  "Send this Worker's logs and events to a Tail Worker",
  "Names a Tail Worker that receives this Worker's logs, exceptions and request details after each invocation. It adds nothing to `env`.",
  [
    field("environment", "string", "The Tail Worker's environment, for service environments.", {
      refersTo: "environment",
    }),
  ],
);

const streamingTailConsumers: BindingKind = tailConsumer(
  "streaming_tail_consumers",
  "Streaming tail consumer",
  "Stream this Worker's events to a Tail Worker as they happen",
  "Like a tail consumer, except that the Tail Worker receives events while the invocation is still running. It adds nothing to `env`.",
);

const unsafeBindings: BindingKind = {
  key: "unsafe.bindings",
  shape: "array",
  title: "Unsafe binding",
  summary: "Pass a raw binding through to the Workers API",
  description:
    "Sends a binding to Cloudflare exactly as written, for kinds Wrangler does not support yet. Wrangler checks only `name` and `type`, and warns that the feature is experimental.",
  names: { from: "field", field: "name" },
  fields: [
    nameField("name", "MY_BINDING"),
    field("type", "string", "The binding type, as the Workers API names it.", required),
    devPluginField,
  ],
  runtimeType: "any",
  resource: "type",
  docs: "/workers/wrangler/configuration/",
  openFields: true,
};

const logfwdrBindings: BindingKind = {
  key: "logfwdr.bindings",
  shape: "array",
  title: "Log forwarder",
  summary: "Forward structured logs to a Cloudflare-internal destination",
  description: "A binding Cloudflare's own Workers use to forward logs. Environments inherit it.",
  names: { from: "field", field: "name" },
  fields: [
    nameField("name", "LOGS"),
    field("destination", "string", "Where the logs go.", required),
  ],
  runtimeType: "unknown",
  resource: "destination",
  docs: "/workers/wrangler/configuration/",
  inherited: true,
};

/** `[wasm_modules]`, `[text_blobs]` and `[data_blobs]`: files bound by name, service-worker style. */
function fileTable(key: string, title: string, what: string, runtimeType: string): BindingKind {
  return {
    key,
    shape: "table",
    title,
    summary: `Bind files as ${what} (service-worker format only)`,
    description: `Each key binds the file at its path, relative to this file, as ${what}. Only Workers in the service-worker format read these; module Workers import files instead.`,
    names: { from: "keys" },
    fields: [],
    valueType: "string",
    runtimeType,
    docs: "/workers/wrangler/configuration/",
    topLevelOnly: true,
  };
}

/** The special kinds, in the order features list them. */
export const specialKinds: readonly BindingKind[] = [
  tailConsumers,
  streamingTailConsumers,
  unsafeBindings,
  logfwdrBindings,
  fileTable("wasm_modules", "WebAssembly module", "compiled WebAssembly", "WebAssembly.Module"),
  fileTable("text_blobs", "Text blob", "text", "string"),
  fileTable("data_blobs", "Data blob", "binary data", "ArrayBuffer"),
];
