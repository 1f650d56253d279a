// Tests for the frontend starter site, with Node's built-in test runner: `npm test`.
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import test from "node:test";
import { build } from "../build.mjs";

test("the build copies the page", () => {
  build("test-output");
  try {
    assert.match(readFileSync("test-output/index.html", "utf8"), /hello from frontend/);
  } finally {
    rmSync("test-output", { recursive: true, force: true });
  }
});
