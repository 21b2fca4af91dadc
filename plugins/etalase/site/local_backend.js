// The editor's local backend for `build.py serve --cms`: decap-server's git middleware (every save a
// branch, as on GitHub or GitLab) in an express app bound to 127.0.0.1 only, never to every interface
// as decap-server's own command does without BIND_HOST. The port is the one the system gives (0);
// the first line printed tells it to build.py. The repository is GIT_REPO_DIRECTORY.
"use strict";
const express = require("express");
const { registerLocalGit } = require("decap-server/dist/middlewares");

// build.py holds our standard input: when it ends, so does this server, even if build.py was killed.
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();

(async () => {
  const app = express();
  await registerLocalGit(app, { logLevel: process.env.LOG_LEVEL || "warn" });
  const server = app.listen(0, "127.0.0.1", () => {
    const { address, port } = server.address();
    process.stdout.write(`etalase-local-backend http://${address}:${port}/api/v1\n`);
  });
})().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
