// Bundles src/workbench.js (with the npm libraries it imports) and its CSS into the
// package's web folder, graph_builder/serve/web/dist/, which `blocgraph serve` serves at
// /static/dist/. Run by tests/setup.sh (make test) and the Makefile's demo; the output is
// not committed.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, "..", "graph_builder", "serve", "web", "dist");

await build({
  entryPoints: { workbench: path.join(here, "src", "workbench.js") },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: "iife",
  target: ["es2020"],
  outdir: out,
  loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".svg": "file", ".png": "file" },
  legalComments: "linked",
  logLevel: "warning",
});
console.log(`web/build.mjs: bundled the workbench into ${path.relative(process.cwd(), out)}`);
