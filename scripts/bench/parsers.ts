/**
 * The floor the benchmark compares against: how long the raw parsers take to read the whole
 * file, in this process, warmed up. `smol-toml` is what Wrangler reads configurations with and
 * about the fastest TOML parser in JavaScript; `toml-eslint-parser` is ours, called with the
 * options the server uses.
 */
import { parse as smolParse } from "smol-toml";
import { parseTOML } from "toml-eslint-parser";
import { medianTime } from "./stats";

export interface ParseTimes {
  readonly smolToml: number;
  readonly tomlEslintParser: number;
}

export function rawParseTimes(text: string): ParseTimes {
  return {
    smolToml: medianTime(() => smolParse(text)),
    tomlEslintParser: medianTime(() => parseTOML(text, { tomlVersion: "1.1.0" })),
  };
}
