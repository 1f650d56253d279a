// Tests for the notifier starter server, with Node's built-in test runner: `npm test`.
"use strict";

const assert = require("node:assert/strict");
const test = require("node:test");
const { respond } = require(../index.js);

test("the health endpoints answer", () => {
  assert.deepEqual(respond("/health"), [200, { status: "ok" }]);
});

test("the greeting", () => {
  assert.deepEqual(respond("/"), [200, { message: "hello from notifier" }]);
});

test("an unknown path is 404", () => {
  assert.equal(respond("/no-such-page")[0], 404);
});
