// notifier: the starter server scaffold wrote because this folder had no sources yet.
// It is yours: scaffold never rewrites it. It answers the blueprint's health endpoints
// (/health) and a greeting on `/`, with Node's own http module and no dependencies.
"use strict";

const http = require("node:http");

const greeting = "hello from notifier";
const healthPaths = new Set(["/health"]);

/** The status and JSON body for a GET of `path`. */
function respond(path) {
  if (healthPaths.has(path)) return [200, { status: "ok" }];
  if (path === "/") return [200, { message: greeting }];
  return [404, { error: "not found", path }];
}

function createServer() {
  return http.createServer((request, response) => {
    const [status, body] = respond(new URL(request.url, "http://localhost").pathname);
    const payload = JSON.stringify(body);
    response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
    response.end(payload);
  });
}

if (require.main === module) {
  const port = Number(process.env.PORT || 3001);
  const server = createServer();
  server.listen(port, "0.0.0.0", () => console.log(`${greeting}: listening on ${port}`));
  // Stop cleanly when the container stops.
  for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.close(() => process.exit(0)));
}

module.exports = { createServer, respond };
