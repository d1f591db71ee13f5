// ESLint for the project's own JavaScript, run by `scripts/dev test` (npx eslint .).
// Three kinds of file, each with the globals it really has, so no-undef catches a name
// that exists only on the other side:
//   - the search assets: classic browser scripts that node also loads with require (UMD);
//   - the page-only scripts (the search page, the preview's live reload): browser globals;
//   - the tests' node scripts and this file: CommonJS in node.
"use strict";
const js = require("@eslint/js");
const globals = require("globals");

// Beyond "recommended": rules that catch real bugs in code written without a build step.
const bugs = {
  "no-unused-vars": ["error", { args: "after-used", caughtErrors: "all" }],
  "no-undef": "error",
  eqeqeq: ["error", "always"],
  "no-implicit-globals": "error",
  "no-shadow-restricted-names": "error",
  "no-self-compare": "error",
  "no-unmodified-loop-condition": "error",
  "no-unreachable-loop": "error",
  "no-template-curly-in-string": "error",
  "no-promise-executor-return": "error",
  "array-callback-return": "error",
  "no-unused-expressions": "error",
  "no-use-before-define": ["error", { functions: false, classes: true, variables: true }],
  "no-new-wrappers": "error",
  "no-throw-literal": "error",
  "no-eval": "error",
  "no-implied-eval": "error",
};

const searchAssets = "themes/default/static/assets/search/{analysis,aliases,snippets,engine,shards}.js";

module.exports = [
  // what .gitignore keeps out of the repository (built sites, environments, caches)
  { ignores: ["node_modules/", ".venv/", "venv/", "output/", "output.*/", ".output.*/", ".cache/", "dist/", "build/",
              "*.egg-info/",
              // data, not the project's code: pages to import, sample and test sites' files
              "content/", "tests/importer/corpus/", "tests/sites/", "tests/golden/"] },
  js.configs.recommended,
  { rules: bugs },
  {
    files: [searchAssets],
    languageOptions: {
      sourceType: "script",
      // the UMD wrapper: `module` and `require` only where they exist (typeof-checked)
      globals: { ...globals.browser, module: "readonly", require: "readonly" },
    },
  },
  {
    files: ["themes/**/*.js", "reform_archive/**/*.js"],
    ignores: [searchAssets],
    languageOptions: { sourceType: "script", globals: { ...globals.browser } },
  },
  {
    files: ["tests/**/*.js", "eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
];
