// The frontend starter's development server: serves src/ as it is on disk, so an edit shows on the
// next request, plus the blueprint's health endpoints. No dependencies; replace it with your bundler's.
// Usage: node dev-server.mjs [--host HOST] [--port PORT]
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const healthPaths = new Set(["/"]);
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json" };

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const server = createServer(async (request, response) => {
  const path = new URL(request.url, "http://localhost").pathname;
  const file = normalize(join("src", path === "/" ? "index.html" : path));
  try {
    if (!file.startsWith("src")) throw new Error("outside src");
    const body = await readFile(file);
    response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    response.end(body);
  } catch {
    if (healthPaths.has(path)) {
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("ok\n");
    } else {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found\n");
    }
  }
});

const port = Number(option("port", process.env.PORT ?? "8080"));
server.listen(port, option("host", "0.0.0.0"), () => console.log(`frontend dev server on ${port}`));
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.close(() => process.exit(0)));
