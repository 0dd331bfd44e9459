/**
 * How the explorer tests read a Worker node: the tree as the server computes it, with ranges
 * written `line:character-line:character` (from 0) and each selection as the text it covers,
 * and the facts, tooltips and bindings the expected trees are written with.
 */
import type { Range } from "vscode-languageserver-types";
import type { BindingNode, KindNode, WorkerNode } from "../../server/src/protocol";
import { diagnose, parseConfig, type ParsedConfig } from "../../server/src/service";
import { workerNode } from "../../server/src/service/explorer";

export const URI = "file:///w/wrangler.toml";

/** The tree with the checks' own diagnostics, as the server computes it. */
export function tree(
  text: string,
  format: "toml" | "json" = "toml",
): { node: WorkerNode; shown: unknown } {
  const parsed = parseConfig(text, undefined, format);
  const node = workerNode(parsed, URI, diagnose(parsed, URI));
  return { node, shown: show(node, parsed) };
}

export const at = (range: Range) =>
  `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

/** The node as the tests read it: every field, ranges in short, selections as the text. */
function show(node: WorkerNode, parsed: ParsedConfig): unknown {
  const text = (range: Range) =>
    parsed.document.text.slice(
      parsed.lines.offsetAt(range.start),
      parsed.lines.offsetAt(range.end),
    );
  const binding = ({ range, selectionRange, ...rest }: BindingNode) => ({
    ...rest,
    range: at(range),
    selects: text(selectionRange),
  });
  const kind = ({ range, bindings, ...rest }: KindNode) => ({
    ...rest,
    range: at(range),
    writes: text(range),
    bindings: bindings.map(binding),
  });
  return {
    ...node,
    environments: node.environments.map(({ range, kinds, ...rest }) => ({
      ...rest,
      ...(range && { range: at(range), writes: text(range) }),
      kinds: kinds.map(kind),
    })),
  };
}

export interface KindFacts {
  readonly key: string;
  readonly title: string;
  readonly core: boolean;
  readonly icon: string;
  readonly docs: string;
}

/** The kinds the fixtures bind, as each kind node shows them. */
const kind = (key: string, title: string, icon: string, docs: string, core = true): KindFacts => ({
  key,
  title,
  core,
  icon,
  docs: `https://developers.cloudflare.com${docs}`,
});

export const SERVICES = kind(
  "services",
  "Service binding",
  "link",
  "/workers/runtime-apis/bindings/service-bindings/",
);
export const KV = kind(
  "kv_namespaces",
  "KV namespace",
  "key",
  "/workers/runtime-apis/bindings/kv/",
);
export const R2 = kind("r2_buckets", "R2 bucket", "archive", "/workers/runtime-apis/bindings/r2/");
export const OBJECTS = kind(
  "durable_objects.bindings",
  "Durable Object",
  "symbol-class",
  "/workers/runtime-apis/bindings/durable-objects/",
);
export const PRODUCERS = kind(
  "queues.producers",
  "Queue producer",
  "list-ordered",
  "/workers/runtime-apis/bindings/queues/",
);
export const CONSUMERS = kind(
  "queues.consumers",
  "Queue consumer",
  "inbox",
  "/queues/configuration/configure-queues/",
);
export const DISPATCH = kind(
  "dispatch_namespaces",
  "Dispatch namespace",
  "server-process",
  "/workers/runtime-apis/bindings/dispatcher/",
);
export const MTLS = kind(
  "mtls_certificates",
  "mTLS certificate",
  "lock",
  "/workers/runtime-apis/bindings/mtls/",
);
export const EMAIL = kind(
  "send_email",
  "Email sender",
  "mail",
  "/email-routing/email-workers/send-email-workers/",
);
export const VARS = kind(
  "vars",
  "Environment variable",
  "symbol-variable",
  "/workers/configuration/environment-variables/",
  false,
);
export const SECRETS = kind(
  "secrets",
  "Secret",
  "shield",
  "/workers/configuration/secrets/",
  false,
);

/** A tooltip as the explorer writes it: the binding and its kind, the fields, the docs link. */
export function tooltip(label: string, of: KindFacts, ...fields: string[]): string {
  const block = fields.length > 0 ? [["```toml", ...fields, "```"].join("\n")] : [];
  return [`**${label}** · ${of.title}`, ...block, `[${of.title} documentation](${of.docs})`].join(
    "\n\n",
  );
}

/** A binding named `label` as `show` reads it, first of its kind and without problems. */
export function named(
  label: string,
  description: string | undefined,
  where: [range: string, selects: string],
  tip: string,
  more: { index?: number; problems?: { level: string; message: string }[] } = {},
) {
  return {
    label,
    name: label,
    ...(description !== undefined && { description }),
    tooltip: tip,
    index: 0,
    problems: [],
    range: where[0],
    selects: where[1],
    ...more,
  };
}
