// ESLint flat config. Besides the recommended rules it enforces the layer boundaries of
// architecture.md ("Dependency direction: cli, http → app → formats, storage → core") with
// `no-restricted-imports` patterns per folder, and keeps the clock, randomness and the process out of
// src/core.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const LAYERS = ['core', 'formats', 'storage', 'app', 'cli', 'http', 'web'];
const SOURCE = '{ts,tsx,mts,cts}';
const TEST = `*.test.${SOURCE}`;
/** Folder depths below src/<layer>/ that get exact relative-path patterns; deeper files get the any-depth fallback. */
const MAX_DEPTH = 6;
/** The only packages src/core may import (architecture.md: "small allow-list of pure libraries"). */
const CORE_PACKAGES = ['zod', 'temporal-polyfill', 'big.js'];
/** What tests beside core files may import on top of that. */
const CORE_TEST_PACKAGES = ['vitest', 'fast-check'];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (names) => `(${names.map(escape).join('|')})`;

/**
 * Which layers a layer must not import, and why. A relative specifier is matched at the exact depth
 * at which it reaches src/: from src/app/read/x.ts, `../../storage/db.js` is the storage layer while
 * `../storage/db.js` is a sub-folder of app (one config object per depth; see `boundary`).
 */
const FORBIDDEN = {
  core: {
    layers: ['formats', 'storage', 'app', 'cli', 'http', 'web'],
    why: 'src/core is the pure domain and depends on no other layer; pass what it needs in from src/app',
  },
  formats: {
    layers: ['storage', 'app', 'cli', 'http', 'web'],
    why: 'src/formats turns bytes into typed records and may import src/core only',
  },
  storage: {
    layers: ['formats', 'app', 'cli', 'http', 'web'],
    why: 'src/storage returns domain types and may import src/core only',
  },
  app: { layers: ['cli', 'http', 'web'], why: 'src/app is called by cli/http, never the other way round' },
  cli: { layers: ['storage'], why: 'src/cli reaches the database through src/app use cases only' },
  http: { layers: ['storage'], why: 'src/http reaches the database through src/app use cases only' },
  web: {
    layers: ['core', 'formats', 'storage', 'app', 'cli', 'http'],
    why: 'src/web is a typed client of the HTTP API: import types only (`import type`) from other layers',
    allowTypeImports: true,
  },
};

/** The extra patterns of a layer at one depth (`up` = the `../` run that reaches src/). */
function extraPatterns(layer, up, isTest) {
  if (layer === 'web') {
    return isTest ? [] : [{ regex: '^node:', message: 'src/web runs in the browser: no node:* modules.' }];
  }
  if (layer !== 'core') return [];
  const packages = isTest ? [...CORE_PACKAGES, ...CORE_TEST_PACKAGES] : CORE_PACKAGES;
  const others = anyOf(FORBIDDEN.core.layers);
  const patterns = [
    {
      // Any bare specifier that is not on the allow-list: fs, path, pg, kysely, hono, @electric-sql/*, pino, …
      regex: `^(?!\\.{1,2}(/|$)|node:|${anyOf(packages)}(/|$))`,
      caseSensitive: true,
      message: `src/core may import only ${packages.join(', ')} (architecture.md): no drivers, servers, loggers or I/O.`,
    },
    {
      // Leaving src/core other than into a named layer (test support is allowed to tests).
      regex: `^${up}(?!${others}(/|$)${isTest ? '|(\\.\\./)?test(/|$)' : ''})`,
      message: isTest
        ? 'A core test imports src/core, test/ support, vitest, fast-check or node:* only.'
        : 'src/core may import only relative paths inside src/core.',
    },
  ];
  if (!isTest) {
    patterns.unshift({
      regex: '^node:',
      message:
        'src/core does no I/O: no node:* modules. Do the I/O in src/app or src/formats and pass data in.',
    });
  }
  return patterns;
}

function restrictImports(layer, up, isTest) {
  const { layers, why, allowTypeImports = false } = FORBIDDEN[layer];
  return {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: `^${up}${anyOf(layers)}(/|$)`, message: `${why} (architecture.md).`, allowTypeImports },
          ...extraPatterns(layer, up, isTest),
        ],
      },
    ],
  };
}

/**
 * The import restrictions of one layer: a fallback for any depth (`(../)+`), then one config object
 * per depth 0..MAX_DEPTH with the exact `../` count, for source files and for tests.
 */
function boundary(layer) {
  const configs = [];
  for (const isTest of [false, true]) {
    const leaf = isTest ? TEST : `*.${SOURCE}`;
    const ignores = isTest ? [] : [`src/${layer}/**/${TEST}`];
    configs.push({
      name: `boundaries/${layer}${isTest ? '/tests' : ''}/any-depth`,
      files: [`src/${layer}/**/${leaf}`],
      ignores,
      rules: restrictImports(layer, '(\\.\\./)+', isTest),
    });
    for (let depth = 0; depth <= MAX_DEPTH; depth++) {
      configs.push({
        name: `boundaries/${layer}${isTest ? '/tests' : ''}/depth-${depth}`,
        files: [`src/${layer}/${'*/'.repeat(depth)}${leaf}`],
        ignores,
        rules: restrictImports(layer, `(\\.\\./){${depth + 1}}`, isTest),
      });
    }
  }
  return configs;
}

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'coverage/', '.data/', 'bench/out/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'project/defaults',
    rules: {
      // `_`-prefixed names mark deliberately unused arguments and destructured leftovers.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Plain JavaScript (bin/, config files) runs on Node: its globals are those of the Node running ESLint.
    name: 'project/node-js',
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly'])),
    },
  },
  ...LAYERS.flatMap(boundary),
  {
    // architecture.md: core is pure — no clock (inject `now`), no randomness, no environment.
    name: 'boundaries/core/purity',
    files: [`src/core/**/*.${SOURCE}`],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/core reads no clock: take `now` as a parameter.' },
        {
          object: 'performance',
          property: 'now',
          message: 'src/core reads no clock: take `now` as a parameter.',
        },
        {
          object: 'Math',
          property: 'random',
          message: 'src/core is deterministic: take random values as input.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/core reads no clock: `new Date()` is now; take `now` as a parameter.',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: 'src/core reads no clock: `Date()` is now as a string; take `now` as a parameter.',
        },
        {
          selector: 'ImportExpression',
          message:
            'src/core loads no modules at run time: import statically (lazy loading belongs to src/cli).',
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core reads no environment: pass settings in (src/app reads them).' },
      ],
    },
  },
  {
    name: 'boundaries/core/tests',
    files: [`src/core/**/${TEST}`],
    rules: { 'no-restricted-globals': 'off' },
  },
]);
