/**
 * Hover fixtures: the hover at a `|` caret, read as the text its range covers and its whole
 * Markdown, and the pieces that Markdown is written with.
 */
import assert from "node:assert/strict";
import type { MarkupContent } from "vscode-languageserver-types";
import { parseConfig } from "../../server/src/service";
import { hover } from "../../server/src/service/hover";
import { caret } from "./fixtures";

/** The hover at the caret: the text its range covers, and its whole Markdown. */
export function hoverAt(marked: string, format: "toml" | "json" = "toml") {
  const { text, position } = caret(marked);
  const parsed = parseConfig(text, undefined, format);
  const found = hover(parsed, position);
  if (!found) return null;
  assert.ok(found.range, "every hover has a range");
  const covered = text.slice(
    parsed.lines.offsetAt(found.range.start),
    parsed.lines.offsetAt(found.range.end),
  );
  return { over: covered, markdown: (found.contents as MarkupContent).value };
}

/** Markdown paragraphs, as a hover separates them. */
export const md = (...paragraphs: string[]) => paragraphs.join("\n\n");

/** The docs link every hover ends with. */
export const docs = (path: string) => `[Cloudflare docs](https://developers.cloudflare.com${path})`;
