// What a minutes repository from a stranger can and cannot do: links cannot reach files outside the
// repository, the shipped server and CLI open no network connections, and `.minutes.json` is data.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { CodeAction, DocumentLink, Hover, MarkupContent } from 'vscode-languageserver-types';
import { calendarFor, DEFAULT_CONFIG, documentLinks, hover, parseMinutes } from '../../server/src/core';
import { resolveLinkTarget } from '../../server/src/core/model/minutesLine';
import { fileWorkspace } from '../../server/src/node/fileWorkspace';
import { BASE, lineOf, linkTo, rollup as rollupOf, team, teamMinutes } from '../support/fixtures';
import { LspSession } from '../support/lspClient';
import { TempRepository } from '../support/repository';

const REPO_ROOT = resolve(__dirname, '../..');
const HOOK = resolve(__dirname, 'noNetwork.cjs');
const SECRET = 'password=hunter2';

/** The default config with another link base. */
const withBase = (linkBase: string) => ({ ...DEFAULT_CONFIG, linkBase });

/** A path that stays inside the repository: relative, no empty, `.` or `..` segments, no backslash. */
function contained(path: string): boolean {
  if (path.startsWith('/') || posix.normalize(path) !== path) return false;
  return path.split('/').every((s) => s !== '' && s !== '.' && s !== '..' && !s.includes('\\'));
}

// Ways people (or attackers) write a path out of the repository after the link base.
const ESCAPES = [
  '../secret.md',
  'iaas/../../secret.md',
  'iaas/../../../etc/passwd.md',
  '%2e%2e/secret.md',
  '%2E%2E/secret.md',
  '.%2e/secret.md',
  '%2e./secret.md',
  'iaas/%2e%2e/%2e%2e/secret.md',
  'iaas/./../secret.md',
  '..\\secret.md',
  'iaas\\..\\..\\secret.md',
  '%5c..%5csecret.md',
  'iaas/..%5c..%5csecret.md',
  '/etc/passwd.md',
  '//etc/passwd.md',
  '///../secret.md',
  'C:%5Csecret.md',
  'iaas/%00/../secret.md',
  '%252e%252e/secret.md',
  '..',
  '../',
  'iaas/..',
];
// The same, with the separator itself percent-encoded (percent-encoded separators).
const ENCODED_SLASH_ESCAPES = ['..%2fsecret.md', '..%2Fsecret.md', 'iaas/..%2F..%2Fsecret.md', '%2F..%2F..%2Fsecret.md', '%2Fetc%2Fpasswd.md', 'iaas/%2Fetc%2Fpasswd.md'];
const LINK_BASES = [BASE, 'https://github.com/SovereignCloudStack/minutes/tree/main/', 'https://example.org/minutes/', 'https://example.org/minutes/blob/main/'];
const VIEWS = ['blob/main/', 'tree/main/', 'raw/main/', 'edit/feature/x/'];

describe('security: minutes links never resolve outside the repository', () => {
  it('resolveLinkTarget rejects or contains every escaping path', () => {
    for (const linkBase of LINK_BASES) {
      const prefixes = linkBase.includes('/blob/') ? VIEWS.map((v) => linkBase.replace(/blob\/main\/$/u, v)) : [linkBase];
      for (const prefix of prefixes) {
        for (const escape of ESCAPES) {
          for (const suffix of ['', '?plain=1', '#L1']) {
            const target = resolveLinkTarget(`${prefix}${escape}${suffix}`, withBase(linkBase));
            assert.ok(!target || contained(target.path), `${prefix}${escape}${suffix} resolves to ${JSON.stringify(target?.path)}`);
          }
        }
      }
    }
  });

  it('resolveLinkTarget contains any path built from dots, slashes, backslashes and their encodings', () => {
    const segment = fc.constantFrom('..', '.', '', '%2e%2e', '%2E.', '.%2e', '\\', '%5c', '..\\..', 'iaas', '20220928.md', 'a b', '%00', '%25', '~', 'C:', '%');
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 8 }), fc.constantFrom(...LINK_BASES), (segments, linkBase) => {
        const url = `${linkBase}${segments.join('/')}`;
        const target = resolveLinkTarget(url, withBase(linkBase));
        assert.ok(!target || contained(target.path), `${url} resolves to ${JSON.stringify(target?.path)}`);
      }),
      { seed: 4242, numRuns: 2000 },
    );
  });

  it('resolveLinkTarget rejects or contains paths with percent-encoded slashes', () => {
    for (const escape of ENCODED_SLASH_ESCAPES) {
      const target = resolveLinkTarget(`${BASE}${escape}`, withBase(BASE));
      assert.ok(!target || contained(target.path), `${escape} resolves to ${JSON.stringify(target?.path)}`);
    }
  });

  describe('hover and document links on a repository with a secret next to it', () => {
    let repo: TempRepository;
    let root: string;
    let outer: string;

    before(() => {
      // The repository is outer/repo; outer/secret.md lies next to it.
      repo = new TempRepository({ 'iaas/20220928.md': teamMinutes('Team IaaS 2022-09-28'), 'community-call/.keep': '' }, { prefix: 'minutes-secure-', folder: 'repo' });
      root = repo.root;
      outer = repo.scratch;
      repo.write({ '../secret.md': `# Secret 2022-09-28\n\n${SECRET}\n` });
    });
    after(() => repo.dispose());

    const rollupWith = (escapes: string[]) =>
      rollupOf([
        ...escapes.map((e, i) => team(`Team ${i}`, i % 2 ? `[Minutes](${BASE}${e})` : linkTo(e))),
        team('Team IaaS', linkTo('iaas/20220928.md')),
      ]);
    const ALL = [...ESCAPES, ...ENCODED_SLASH_ESCAPES];

    it('the core shows no file outside the repository and links none (every escape, encoded slashes included)', () => {
      const workspace = fileWorkspace(root, DEFAULT_CONFIG);
      const text = rollupWith(ALL);
      const model = parseMinutes({ uri: `${workspace.rootUri}/community-call/20220929.md`, version: 1, text }, DEFAULT_CONFIG);
      const env = { config: DEFAULT_CONFIG, workspace, calendar: calendarFor(DEFAULT_CONFIG.holidays), today: { year: 2022, month: 9, day: 29 } };
      const links = documentLinks(model, workspace);
      assert.ok(links.length >= ALL.length, `${links.length} links`);
      for (const link of links) {
        if (link.target?.startsWith('file:')) assert.ok(link.target.startsWith(`${workspace.rootUri}/`) && !link.target.includes('/../'), `a link opens ${link.target}`);
      }
      // The link to a real file of the repository still opens it locally: the check above is not vacuous.
      assert.ok(links.some((l) => l.target === `${workspace.rootUri}/iaas/20220928.md`));
      text.split('\n').forEach((line, i) => {
        for (let character = 0; character < line.length; character += 7) {
          const shown = hover(model, { line: i, character }, env);
          const value = (shown?.contents as MarkupContent | undefined)?.value ?? '';
          assert.ok(!value.includes(SECRET) && !value.includes('Secret 2022'), `hover at ${i}:${character} shows ${value}`);
        }
      });
    });

    it('the server shows no file outside the repository and links none', async () => {
      const server = new LspSession();
      try {
        const rootUri = repo.rootUri;
        await server.initialize(rootUri);
        const uri = `${rootUri}/community-call/20220929.md`;
        const text = rollupWith(ALL);
        await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
        const links = (await server.request('textDocument/documentLink', { textDocument: { uri } })).result as DocumentLink[];
        for (const link of links) if (link.target?.startsWith('file:')) assert.ok(link.target.startsWith(`${rootUri}/`) && !link.target.includes('/../'), link.target);
        for (const link of links) {
          const shown = (await server.request('textDocument/hover', { textDocument: { uri }, position: link.range.start })).result as Hover | null;
          const value = (shown?.contents as MarkupContent | undefined)?.value ?? '';
          assert.ok(!value.includes(SECRET), `hover at ${JSON.stringify(link.range.start)} shows ${value}`);
        }
      } finally {
        await server.dispose();
      }
    });

    it('the server reads no file outside the repository, whatever file events name', async () => {
      const server = new LspSession();
      try {
        const rootUri = repo.rootUri;
        await server.initialize(rootUri);
        const uri = `${rootUri}/community-call/20220929.md`;
        const text = rollupWith(['iaas/..%2F..%2Fsecret.md']);
        await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
        await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `${rootUri}/iaas/..%2F..%2Fsecret.md`, type: 1 }] });
        const position = { line: lineOf(text, 'secret.md'), character: 30 };
        const shown = (await server.request('textDocument/hover', { textDocument: { uri }, position })).result as Hover | null;
        const value = (shown?.contents as MarkupContent | undefined)?.value ?? '';
        assert.ok(!value.includes(SECRET), `the hover shows a file outside the repository: ${value}`);
        const links = (await server.request('textDocument/documentLink', { textDocument: { uri } })).result as DocumentLink[];
        for (const link of links) if (link.target?.startsWith('file:')) assert.ok(!link.target.startsWith(`${pathToFileURL(outer).href}/secret`), link.target);
      } finally {
        await server.dispose();
      }
    });

    it('New Team Minutes never proposes a file outside the repository', async () => {
      const server = new LspSession();
      try {
        const rootUri = repo.rootUri;
        await server.initialize(rootUri);
        for (const folder of ['..', '../..', 'iaas/../..', '/tmp', '%2e%2e']) {
          const answer = await server.request('workspace/executeCommand', { command: 'minutes.server.newTeamMinutes', arguments: [{ rootUri, folder, date: '2022-10-12' }] });
          const created = (answer.result as { uri?: string } | undefined)?.uri;
          assert.ok(answer.error || (created && new URL(created).pathname.startsWith(`${new URL(rootUri).pathname}/`)), `folder ${folder}: ${JSON.stringify(answer)}`);
        }
      } finally {
        await server.dispose();
      }
    });
  });
});

// ------------------------------------------------------------------------------------------------

const SERVER_BUNDLE = join(REPO_ROOT, 'dist', 'server.js');
const CLI_BUNDLE = join(REPO_ROOT, 'dist', 'cli.js');

function requiredModules(bundle: string): string[] {
  return [...new Set([...readFileSync(bundle, 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/gu)].map((m) => m[1]))].sort();
}

const NETWORK_MODULES = ['http', 'https', 'http2', 'tls', 'dgram', 'dns', 'net', 'undici', 'ws', 'node-fetch', 'axios'];
const isNetwork = (m: string) => NETWORK_MODULES.includes(m.replace(/^node:/u, ''));

describe('security: the shipped server and CLI open no network connections', function () {
  this.timeout(60_000);

  it('dist/cli.js loads no networking module, and calls fetch only to read the calendar feeds the configuration names, a pad for --import URL and its uploaded images', () => {
    const text = readFileSync(CLI_BUNDLE, 'utf8');
    // write-file-atomic brings crypto, path, util and worker_threads (for its temporary names); the yaml
    // library `buffer` and `process` (its !!binary tag and warnings); cli/src/parallel.ts node:os (the
    // number of cores) and node:worker_threads (checking threads); cli/src/engineTuning.ts node:v8 (one
    // compiler setting): none networks.
    assert.deepEqual(requiredModules(CLI_BUNDLE), ['buffer', 'fs', 'node:crypto', 'node:fs', 'node:fs/promises', 'node:os', 'node:path', 'node:url', 'node:util', 'node:v8', 'node:worker_threads', 'path', 'process', 'util', 'worker_threads']);
    // Three calls: server/src/feeds/fetchFeed.ts's (its Accept header marks it; test/cli/feeds.test.ts),
    // server/src/feeds/fetchPad.ts's (redirects not followed: a private pad's sign-in page is no pad;
    // test/cli/import.test.ts) and server/src/feeds/fetchUpload.ts's (a pad's uploads, for --import and
    // --download-images; test/cli/downloadImages.test.ts). Linting never reaches any, as the runs under the blocking hook show.
    const fetches = [...text.matchAll(/\bfetch\s*\(([^)]{0,200})/gu)];
    assert.equal(fetches.length, 3, fetches.map((m) => m[0]).join('\n'));
    assert.ok(fetches.some((m) => /accept:\s*"text\/calendar/u.test(m[1])), 'the calendar feed reader');
    assert.ok(fetches.some((m) => /redirect:\s*"manual"/u.test(m[1])), 'the pad download');
    assert.ok(fetches.some((m) => /accept:\s*"image\//u.test(m[1])), 'the image download');
    for (const pattern of [/XMLHttpRequest/u, /WebSocket/u, /\bimport\s*\(/u, /\beval\s*\(/u, /new Function\s*\(/u]) assert.doesNotMatch(text, pattern);
  });

  it('dist/server.js loads only `net` among networking modules (the LSP library\'s pipe and socket transports), and calls no fetch', () => {
    const text = readFileSync(SERVER_BUNDLE, 'utf8');
    // Only these: a new module in the bundle has to be looked at and added here on purpose.
    // `buffer` and `process`: the yaml library's !!binary tag and warnings (calendars in YAML);
    // `node:worker_threads`: the thread that reads the repository's files (dist/readWorker.js, checked below).
    const allowed = ['buffer', 'child_process', 'crypto', 'fs', 'net', 'node:crypto', 'node:fs', 'node:fs/promises', 'node:os', 'node:path', 'node:url', 'node:util', 'node:worker_threads', 'os', 'path', 'process', 'url', 'util'];
    const required = requiredModules(SERVER_BUNDLE);
    assert.deepEqual(required.filter((m) => !allowed.includes(m)), [], `modules in dist/server.js: ${required.join(', ')}`);
    assert.deepEqual(required.filter(isNetwork), ['net']);
    // `net` is there for vscode-jsonrpc's `--pipe` and `--socket` transports, which `--stdio` does not use
    // (the run under the hook below shows that nothing is called); `child_process` for vscode-languageserver's
    // module resolution helpers (Files.resolve), which the server does not call.
    assert.match(text, /createServerPipeTransport/u);
    for (const pattern of [/\bfetch\s*\(/u, /XMLHttpRequest/u, /WebSocket/u, /\bimport\s*\(/u, /\beval\s*\(/u, /new Function\s*\(/u]) assert.doesNotMatch(text, pattern);
    // The server's reading thread: the file system, its thread, and hashes (for minutes-lint's cache), nothing else.
    assert.deepEqual(requiredModules(join(dirname(SERVER_BUNDLE), 'readWorker.js')), ['node:crypto', 'node:fs', 'node:fs/promises', 'node:path', 'node:worker_threads']);
  });

  it('the hook that blocks network and process calls does catch them (a control for the runs below)', () => {
    for (const code of [
      "require('https').get('https://example.com/')",
      "require('net').connect(9, '127.0.0.1')",
      "new (require('net').Socket)().connect(9, '127.0.0.1')",
      "fetch('http://127.0.0.1:9/')",
      "require('child_process').execSync('true')",
    ]) {
      const run = spawnSync(process.execPath, ['--require', HOOK, '-e', `try { ${code} } catch {}`], { encoding: 'utf8', timeout: 20_000 });
      assert.match(run.stderr, /MINUTES-BLOCKED /u, code);
    }
  });

  describe('run under the hook', () => {
    let repo: TempRepository;
    let root: string;
    before(() => {
      repo = new TempRepository(
        {
          'community-call/20220922.md': rollupOf([team('Team IaaS', linkTo('iaas/20220921.md'))], '# SCS Tech Weekly 2022-09-22'),
          'community-call/20220929.md': rollupOf([team('Team IaaS', linkTo('iaas/20220927.md'))]),
          'iaas/20220921.md': teamMinutes('Team IaaS 2022-09-21', '- @garloff'),
          'iaas/20220928.md': teamMinutes('Team IaaS 2022-09-28', '- @garloff'),
        },
        { prefix: 'minutes-offline-' },
      );
      root = repo.root;
    });
    after(() => repo.dispose());

    it('the server, driven through every feature, attempts no connection and starts no process', async () => {
      const server = new LspSession({ nodeArgs: ['--require', HOOK] });
      try {
        const rootUri = repo.rootUri;
        await server.initialize(rootUri, { workspace: { configuration: true, workspaceEdit: { resourceOperations: ['rename'] } } });
        const uri = `${rootUri}/community-call/20220929.md`;
        const text = readFileSync(join(root, 'community-call/20220929.md'), 'utf8');
        await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
        const diagnostics = await server.until(() => (server.diagnostics.get(uri)?.diagnostics.length ? server.diagnostics.get(uri) : undefined), 'diagnostics');
        assert.ok(diagnostics.diagnostics.some((d) => d.code === 'minutes-link-not-found'));
        const linkLine = lineOf(text, 'iaas/20220927.md');
        await server.request('textDocument/completion', { textDocument: { uri }, position: { line: linkLine, character: 9 } });
        await server.request('textDocument/hover', { textDocument: { uri }, position: { line: linkLine, character: 40 } });
        await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
        await server.request('textDocument/documentLink', { textDocument: { uri } });
        await server.request('textDocument/documentSymbol', { textDocument: { uri } });
        const actions = (await server.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostics.diagnostics[0].range, context: { diagnostics: diagnostics.diagnostics } })).result as CodeAction[];
        assert.ok(actions.length > 0);
        await server.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: linkLine + 1, character: 0 }, end: { line: linkLine + 1, character: 0 } }, context: { diagnostics: [], only: ['refactor.insert.minutes'] } });
        for (const [command, args] of [
          ['minutes.server.weeklyDates', { rootUri }],
          ['minutes.server.newWeeklyMinutes', { rootUri, date: '2022-10-06' }],
          ['minutes.server.teamFolders', { rootUri }],
          ['minutes.server.newTeamMinutes', { rootUri, folder: 'iaas', date: '2022-10-05' }],
          ['minutes.server.dateInsertions', { uri, position: { line: linkLine + 1, character: 0 } }],
        ] as const) {
          const answer = await server.request('workspace/executeCommand', { command, arguments: [args] });
          assert.ok('result' in answer, `${command}: ${JSON.stringify(answer)}`);
        }
        repo.write({ 'iaas/20220927.md': teamMinutes('Team IaaS 2022-09-27') });
        await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `${rootUri}/iaas/20220927.md`, type: 1 }] });
        await server.until(() => server.diagnostics.get(uri)?.diagnostics.every((d) => d.code !== 'minutes-link-not-found'), 'the re-check after the file event');
        assert.ok(server.alive);
        assert.doesNotMatch(server.stderr, /MINUTES-BLOCKED/u, server.stderr);
      } finally {
        repo.remove('iaas/20220927.md');
        await server.dispose();
      }
      assert.doesNotMatch(server.stderr, /MINUTES-BLOCKED/u, server.stderr);
    });

    it('the CLI, checking and fixing a repository, attempts no connection and starts no process', () => {
      for (const args of [['--format', 'json'], ['--fix'], ['--gaps']]) {
        const run = spawnSync(process.execPath, ['--require', HOOK, CLI_BUNDLE, '--root', root, ...args], { encoding: 'utf8', timeout: 30_000 });
        assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
        assert.doesNotMatch(run.stderr, /MINUTES-BLOCKED/u);
      }
    });
  });
});

// ------------------------------------------------------------------------------------------------

describe('security: an untrusted workspace runs nothing', function () {
  this.timeout(60_000);
  const INJECTIONS = {
    weeklyTitle: 'Weekly ${process.exit(3)} $(touch pwned-title) `touch pwned-title` {{constructor.constructor("process.exit(4)")()}} {date}',
    holidayNotice: { template: '{date}: ${process.exit(5)} $(touch pwned-notice) {{7*7}} {holiday} <script>alert(1)</script>', days: 14 },
    sections: { meta: ['Meta ${process.exit(6)}'], updates: ['Team Updates'], aob: ['AOB'], projectUpdates: ['Project Updates'] },
  };
  let repo: TempRepository;
  let root: string;

  before(() => {
    repo = new TempRepository(
      { '.minutes.json': `${JSON.stringify(INJECTIONS, null, 2)}\n`, 'iaas/20220928.md': teamMinutes('Team IaaS 2022-09-28'), 'community-call/.keep': '' },
      { prefix: 'minutes-untrusted-' },
    );
    root = repo.root;
  });
  after(() => repo.dispose());

  const title = (date: string) => INJECTIONS.weeklyTitle.replace('{date}', date);
  // The standard roll-up under the configured title and Meta heading.
  const rollup = () => rollupOf([team('Team IaaS', linkTo('iaas/20220928.md'))], `# ${title('2022-09-29')}`).replace('## Meta\n', '## Meta ${process.exit(6)}\n');

  it('package.json declares untrusted workspaces supported', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { capabilities?: { untrustedWorkspaces?: { supported?: unknown } } };
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
  });

  it('the server takes a .minutes.json full of code as text', async () => {
    const server = new LspSession({ nodeArgs: ['--require', HOOK] });
    try {
      const rootUri = repo.rootUri;
      await server.initialize(rootUri, { workspace: { configuration: true } });
      const uri = `${rootUri}/community-call/20220929.md`;
      await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: rollup() } });
      // The config is valid: no config problem is reported, and once it is loaded (asked again until then),
      // the document reads as a roll-up with that title and that Meta heading.
      type Symbols = Array<{ name: string; children?: Array<{ name: string; detail?: string }> }>;
      const symbols = await server.until(async () => {
        const answer = (await server.request('textDocument/documentSymbol', { textDocument: { uri } })).result as Symbols;
        return answer[0]?.children?.[0]?.detail ? answer : undefined;
      }, 'the outline with the configured Meta heading');
      assert.equal(symbols[0].name, title('2022-09-29').replace(/`/gu, '')); // the backticks are Markdown: inline code
      assert.equal(symbols[0].children?.[0].detail, 'minutes: Jonas');
      const weekly = (await server.request('workspace/executeCommand', { command: 'minutes.server.newWeeklyMinutes', arguments: [{ rootUri, date: '2022-10-06' }] })).result as { text: string };
      assert.ok(weekly.text.startsWith(`# ${title('2022-10-06')}\n`), weekly.text);
      // 2022-10-03 is a holiday before the next meeting: its notice is the template, filled in, as text.
      const inserts = (await server.request('workspace/executeCommand', { command: 'minutes.server.dateInsertions', arguments: [{ uri, position: { line: lineOf(rollup(), '## AOB') + 1, character: 0 } }] })).result as Array<{ kind: string; edit: { newText: string } }>;
      const notice = inserts.find((i) => i.kind === 'holiday-notice');
      assert.ok(notice?.edit.newText.includes('2022-10-03: ${process.exit(5)} $(touch pwned-notice) {{7*7}}'), JSON.stringify(inserts));
      assert.ok(server.alive, `the server exited: ${JSON.stringify(server.exit)}`);
      assert.equal(server.messages.length, 0, `config problems were reported: ${server.messages.join('; ')}`);
    } finally {
      await server.dispose();
    }
    assert.doesNotMatch(server.stderr, /MINUTES-BLOCKED/u);
    assert.ok(!existsSync(join(root, 'pwned-title')) && !existsSync(join(root, 'pwned-notice')) && !existsSync(join(REPO_ROOT, 'pwned-title')));
  });

  it('the CLI takes a .minutes.json full of code as text', () => {
    repo.write({ 'community-call/20220929.md': rollup() });
    const run = spawnSync(process.execPath, ['--require', HOOK, CLI_BUNDLE, '--root', root, '--format', 'json'], { encoding: 'utf8', timeout: 30_000, cwd: root });
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
    assert.doesNotMatch(run.stderr, /MINUTES-BLOCKED/u);
    const findings = JSON.parse(run.stdout) as Array<{ code: string }>;
    assert.ok(!findings.some((f) => f.code === 'missing-title-date' || f.code === 'missing-section'), JSON.stringify(findings));
    assert.ok(!existsSync(join(root, 'pwned-title')) && !existsSync(join(root, 'pwned-notice')));
  });
});
