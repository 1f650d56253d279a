// Builds the gateway starter: copies src/ to dist/, where the production image runs it from.
// Replace it with your compiler or bundler; it is yours and scaffold never rewrites it.
"use strict";

const fs = require("node:fs");

fs.rmSync("dist", { recursive: true, force: true });
fs.cpSync("src", "dist", { recursive: true });
