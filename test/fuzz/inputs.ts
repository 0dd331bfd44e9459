/**
 * What the fuzzer starts from before damaging it: the real configurations of the shared corpus
 * (TOML and JSON alike) and generated ones of a few sizes, each with the URI the service sees.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { generateConfig } from "../../scripts/bench/generate";
import { formatOf, type ConfigFormat } from "../../server/src/service";

export interface FuzzInput {
  readonly name: string;
  readonly uri: string;
  readonly format: ConfigFormat;
  readonly text: string;
}

/** The shared corpus sits beside the repository, in a fresh clone and in CI alike. */
export const CORPUS = resolve(__dirname, "../../../shared/corpus/real");

/** Small enough that a case takes milliseconds, large enough to hold every layout. */
const GENERATED_SIZES = [30, 120, 600];

export function loadInputs(): FuzzInput[] {
  const generated = GENERATED_SIZES.map((lines) => ({
    name: `generated-${lines}`,
    uri: `file:///fuzz/generated-${lines}/wrangler.toml`,
    format: "toml" as const,
    text: generateConfig(lines),
  }));
  if (!existsSync(CORPUS)) return generated;

  const corpus = readdirSync(CORPUS)
    .filter((file) => /\.(toml|jsonc?)$/.test(file))
    .sort()
    .map((file) => {
      const uri = `file:///fuzz/corpus/${file}`;
      const text = readFileSync(resolve(CORPUS, file), "utf8");
      return { name: file, uri, format: formatOf(uri), text };
    });
  return [...generated, ...corpus];
}
