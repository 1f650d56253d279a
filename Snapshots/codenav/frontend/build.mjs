// Builds the frontend starter site: copies src/ to dist/, which the production image serves
// with nginx. Replace it with your bundler; it is yours and scaffold never rewrites it.
import { cpSync, rmSync } from "node:fs";

export function build(output = "dist") {
  rmSync(output, { recursive: true, force: true });
  cpSync("src", output, { recursive: true });
}

if (import.meta.url === `file://${process.argv[1]}`) build();
