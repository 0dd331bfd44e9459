/**
 * Generates large but valid `wrangler.toml` files for the benchmark and the fuzzer: the top
 * level and several environments, each binding every core kind the same number of times (an
 * environment must repeat the top level's bindings, so the checks stay quiet), some kinds as
 * inline arrays and others as `[[…]]` tables, with comments in between. The output depends
 * only on the requested size.
 */

type Form = "inline" | "tables";

interface KindWriter {
  /** The key as written after the environment's prefix: `queues.producers`. */
  readonly key: string;
  /** The fields of entry `i` in environment `env`, as TOML `key = value` pairs. */
  readonly fields: (i: number, env: number) => readonly string[];
}

/** Hex digits that look like a resource id, derived from the seed alone (xorshift). */
const hex = (seed: number, length: number): string => {
  let out = "";
  let state = (seed + 1) * 0x9e3779b1;
  while (out.length < length) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out += (state >>> 0).toString(16).padStart(8, "0");
  }
  return out.slice(0, length);
};

const uuid = (seed: number): string => {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

const KINDS: readonly KindWriter[] = [
  {
    key: "services",
    fields: (i, env) => [`binding = "SERVICE_${i}"`, `service = "backend-${i}-e${env}"`],
  },
  {
    key: "kv_namespaces",
    fields: (i, env) => [`binding = "KV_${i}"`, `id = "${hex(env * 100_003 + i, 32)}"`],
  },
  {
    key: "durable_objects.bindings",
    fields: (i) => [`name = "ROOM_${i}"`, `class_name = "Room${i}"`],
  },
  {
    key: "r2_buckets",
    fields: (i, env) => [`binding = "BUCKET_${i}"`, `bucket_name = "bucket-${i}-e${env}"`],
  },
  {
    key: "queues.producers",
    fields: (i, env) => [`binding = "QUEUE_${i}"`, `queue = "queue-${i}-e${env}"`],
  },
  {
    key: "queues.consumers",
    fields: (i, env) => [`queue = "queue-${i}-e${env}"`, `max_batch_size = ${(i % 90) + 10}`],
  },
  {
    key: "dispatch_namespaces",
    fields: (i, env) => [`binding = "DISPATCH_${i}"`, `namespace = "tenants-${i}-e${env}"`],
  },
  {
    key: "mtls_certificates",
    fields: (i, env) => [`binding = "CERT_${i}"`, `certificate_id = "${uuid(env * 7_919 + i)}"`],
  },
  {
    key: "send_email",
    fields: (i, env) => [`name = "MAIL_${i}"`, `destination_address = "team-${i}@e${env}.example"`],
  },
];

/** Generates a configuration of about `lines` lines. */
export function generateConfig(lines: number): string {
  const environments = Math.min(8, Math.max(2, Math.round(Math.log10(lines) * 2 - 2)));
  // The line count grows linearly with the entries per kind: two trial runs find the line.
  const one = write(environments, 1).length;
  const slope = (write(environments, 11).length - one) / 10;
  const perKind = Math.max(1, Math.round(1 + (lines - one) / slope));
  return write(environments, perKind).join("\n");
}

function write(environments: number, perKind: number): string[] {
  const out: string[] = [
    `# Generated for the benchmark: ${environments - 1} environments, ${perKind} of each kind.`,
    'name = "bench-worker"',
    'main = "src/index.ts"',
    'compatibility_date = "2025-09-01"',
    "",
  ];
  writeMigrations(out, perKind);
  for (let env = 0; env < environments; env++) writeEnvironment(out, env, perKind);
  return out;
}

/** Every Durable Object class is introduced once, at the top, where environments read it. */
function writeMigrations(out: string[], perKind: number): void {
  const classes = Array.from({ length: perKind }, (_, i) => `"Room${i}"`);
  out.push("[[migrations]]", 'tag = "v1"', `new_sqlite_classes = [${classes.join(", ")}]`, "");
}

/**
 * Environment 0 is the top level. Its inline arrays would land in the last table above them,
 * so the top level writes every kind as tables; the named environments alternate the forms.
 */
function writeEnvironment(out: string[], env: number, perKind: number): void {
  const prefix = env === 0 ? "" : `env.e${env}.`;
  const formOf = (k: number): Form => (env > 0 && (env + k) % 2 === 0 ? "inline" : "tables");

  if (env > 0) {
    out.push(`# Environment ${env}: the same bindings, other resources.`, `[env.e${env}]`);
    out.push(`name = "bench-worker-e${env}"`);
    KINDS.forEach((kind, k) => {
      if (formOf(k) === "inline") writeInline(out, kind, env, perKind);
    });
    out.push("");
  }
  KINDS.forEach((kind, k) => {
    if (formOf(k) === "tables") writeTables(out, kind, prefix, env, perKind);
  });
  out.push(`[${prefix}vars]`, `ENVIRONMENT = "e${env}"`, `LOG_LEVEL = "info"`, "");
}

function writeInline(out: string[], kind: KindWriter, env: number, perKind: number): void {
  out.push(`${kind.key} = [`);
  for (let i = 0; i < perKind; i++) {
    const comment = i % 10 === 0 ? `  # entry ${i}` : "";
    out.push(`  { ${kind.fields(i, env).join(", ")} },${comment}`);
  }
  out.push("]");
}

function writeTables(
  out: string[],
  kind: KindWriter,
  prefix: string,
  env: number,
  perKind: number,
): void {
  for (let i = 0; i < perKind; i++) {
    if (i % 10 === 0) out.push(`# ${kind.key} ${i}–${Math.min(i + 9, perKind - 1)}`);
    out.push(`[[${prefix}${kind.key}]]`, ...kind.fields(i, env), "");
  }
}
