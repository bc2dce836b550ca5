// The version of minutes-lint and of the extension (one package.json): a cache written by another
// version is not used (lintCache.ts). Fixed at build time (scripts/build.mjs): the bundles read no package.json.
declare const __MINUTES_LINT_VERSION__: string;

export const VERSION = typeof __MINUTES_LINT_VERSION__ === 'string' ? __MINUTES_LINT_VERSION__ : '0.0.0-dev';
