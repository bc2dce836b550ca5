// The server reuses what `minutes-lint --cache` found (issue 27): an open document whose text is the
// file's on disk shows the cached findings before the repository's first check (which in a big
// repository waits seconds for its roll-ups to be parsed), and the check's own findings after it;
// a cache that no longer holds for the document (an edit, a file it read changed, another file
// added, unsaved text, other settings) is never shown. Every cached finding is marked first: any
// trace of the mark is a finding the server took from the cache.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { LspSession } from '../support/lspClient';

const CLI = resolve(__dirname, '../../dist/cli.js');
const EXAMPLE = resolve(__dirname, '../../examples/minutes');
const MARK = 'marked-in-the-cache';
// The example's roll-up links iaas/20240116.md (missing), container/20240108.md (outdated).
const ROLL_UP = 'community-call/20240118.md';

describe('server: what minutes-lint --cache found, shown until the first check', () => {
  let root: string;
  let session: LspSession;
  const uriOf = (file: string) => pathToFileURL(join(root, file)).toString();
  const textOf = (file: string) => readFileSync(join(root, file), 'utf8');

  beforeEach(() => {
    root = join(mkdtempSync(join(tmpdir(), 'minutes-server-cache-')), 'minutes');
    cpSync(EXAMPLE, root, { recursive: true });
    const run = spawnSync(process.execPath, [CLI, '--cache'], { cwd: root, encoding: 'utf8' });
    assert.notEqual(run.status, 2, run.stderr);
    // Each cached finding gets the mark in its message: the server's own check never says it.
    const cacheFile = join(root, '.minutes-lint-cache');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { files: Record<string, { findings: Array<{ message: string }> }> };
    assert.ok(cache.files[ROLL_UP]?.findings.length, 'the CLI found something in the roll-up');
    for (const entry of Object.values(cache.files)) for (const finding of entry.findings) finding.message = `${MARK}: ${finding.message}`;
    writeFileSync(cacheFile, JSON.stringify(cache));
    session = new LspSession();
  });
  afterEach(async () => {
    await session.dispose();
    rmSync(join(root, '..'), { recursive: true, force: true });
  });

  const messageOf = ({ message }: Diagnostic) => (typeof message === 'string' ? message : message.value);
  const marked = (diagnostics: Diagnostic[]) => diagnostics.some((d) => messageOf(d).startsWith(MARK));
  /** Opens the roll-up right after start and gives every publication for it up to the first check's. */
  async function publishedUntilChecked(text = textOf(ROLL_UP)): Promise<Diagnostic[][]> {
    await session.initialize(pathToFileURL(root).toString(), { workspace: { configuration: true } });
    const uri = uriOf(ROLL_UP);
    await session.open(uri, text);
    await session.diagnosticsFor(uri, (d) => d.length > 0 && !marked(d));
    return session.publications.filter((p) => p.uri === uri).map((p) => p.diagnostics);
  }

  it('shows the cached findings of a roll-up opened at start, then the first check\'s, which are the same but for the mark', async () => {
    const published = await publishedUntilChecked();
    assert.ok(marked(published[0]), `the first diagnostics are the cache's: ${JSON.stringify(published[0])}`);
    const checked = published.at(-1)!;
    assert.deepEqual(
      published[0].map((d) => ({ ...d, message: messageOf(d).slice(MARK.length + 2) })),
      checked,
    );
    assert.ok(session.logs.some((l) => /findings of .* from minutes-lint's cache/u.test(l)), 'the log says where they came from');
  });

  it('shows none once a file the roll-up\'s check read has changed', async () => {
    writeFileSync(join(root, 'container/20240108.md'), `${textOf('container/20240108.md')}\nOne more line.\n`);
    assert.ok(!(await publishedUntilChecked()).some(marked));
  });

  it('shows none for unsaved text', async () => {
    assert.ok(!(await publishedUntilChecked(`${textOf(ROLL_UP)}\nTyped, not saved.\n`)).some(marked));
  });

  it('shows none while another open document has unsaved text (the editor restored an edit)', async () => {
    await session.initialize(pathToFileURL(root).toString(), { workspace: { configuration: true } });
    await session.open(uriOf('container/20240108.md'), `${textOf('container/20240108.md')}\nTyped, not saved.\n`);
    const uri = uriOf(ROLL_UP);
    await session.open(uri, textOf(ROLL_UP));
    await session.diagnosticsFor(uri, (d) => d.length > 0 && !marked(d));
    assert.ok(!session.publications.some((p) => marked(p.diagnostics)));
  });

  it('shows none once another file is added to the repository', async () => {
    writeFileSync(join(root, 'iaas/20240116.md'), '# Team IaaS 2024-01-16\n');
    assert.ok(!(await publishedUntilChecked()).some(marked));
  });

  it('shows none when the editor\'s settings change the config the CLI used', async () => {
    session.settings = { meetingWeekday: 3 };
    assert.ok(!(await publishedUntilChecked()).some(marked));
  });

  it('answers a pull sent at start with the cached findings, and the pull after the first check with its own', async () => {
    let refreshed = 0;
    session.connection.onRequest('workspace/diagnostic/refresh', () => void refreshed++);
    await session.initialize(pathToFileURL(root).toString(), {
      workspace: { configuration: true, diagnostics: { refreshSupport: true } },
      textDocument: { diagnostic: { dynamicRegistration: false } },
    });
    const uri = uriOf(ROLL_UP);
    await session.open(uri, textOf(ROLL_UP));
    const pull = async () => ((await session.request('textDocument/diagnostic', { textDocument: { uri } })).result as DocumentDiagnosticReport & { items: Diagnostic[] }).items;
    assert.ok(marked(await pull()), 'the first pull gets the cache\'s');
    await session.until(() => refreshed, 'the editor asked to pull again after the first check');
    const checked = await pull();
    assert.ok(checked.length && !marked(checked), JSON.stringify(checked));
  });
});
