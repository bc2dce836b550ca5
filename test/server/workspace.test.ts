import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction } from 'vscode-languageserver-types';
import { LspSession } from './lspClient';

const BASE = 'https://github.com/SovereignCloudStack/minutes/blob/main/';
const WEEKLY = ['# SCS Tech Weekly 2022-09-29', '', '## Meta', '', '- Minutes: Jonas', '', '## Team Updates', '', '### Team IaaS', '', `Minutes: ${BASE}iaas/20220927.md`, '', '## AOB', ''].join('\n');

function repository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'minutes-ws-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('language server in a minutes repository', () => {
  let root: string;
  let session: LspSession;
  const uriOf = (path: string) => pathToFileURL(join(root, path)).toString();
  const capabilities = {
    workspace: { configuration: true, workspaceEdit: { resourceOperations: ['rename'] } },
    textDocument: { publishDiagnostics: { relatedInformation: true } },
  };

  beforeEach(() => {
    root = repository({ 'community-call/20220929.md': WEEKLY, 'iaas/20220921.md': '# 2022-09-21\n', 'iaas/20220928.md': '# 2022-09-28\n' });
    session = new LspSession();
  });
  afterEach(async () => {
    await session.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('finds a link to a file that does not exist, points at the right one, and fixes it', async () => {
    await session.initialize(pathToFileURL(root).toString(), capabilities);
    await session.open(uriOf('community-call/20220929.md'), WEEKLY);
    const diagnostics = await session.diagnosticsFor(uriOf('community-call/20220929.md'), (d) => d.some((x) => x.code === 'minutes-link-not-found'));
    const notFound = diagnostics.find((d) => d.code === 'minutes-link-not-found')!;
    assert.equal(notFound.message, 'iaas/20220927.md does not exist; iaas/20220928.md is the Team IaaS minutes of that week.');
    assert.equal(notFound.relatedInformation?.[0].location.uri, uriOf('iaas/20220928.md'));
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf('community-call/20220929.md') },
      range: notFound.range,
      context: { diagnostics: [notFound] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.title, 'Link iaas/20220928.md');
    assert.deepEqual(fix.edit?.changes?.[uriOf('community-call/20220929.md')], [
      { range: { start: { line: 10, character: 78 }, end: { line: 10, character: 79 } }, newText: '8' },
    ]);
  });

  it('follows files created on disk through watched-file events', async () => {
    await session.initialize(pathToFileURL(root).toString(), capabilities);
    await session.open(uriOf('community-call/20220929.md'), WEEKLY);
    await session.diagnosticsFor(uriOf('community-call/20220929.md'), (d) => d.some((x) => x.code === 'minutes-link-not-found'));
    writeFileSync(join(root, 'iaas/20220927.md'), '# 2022-09-27\n');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('iaas/20220927.md'), type: 1 }] });
    await session.diagnosticsFor(uriOf('community-call/20220929.md'), (d) => !d.some((x) => x.code === 'minutes-link-not-found'));
  });

  it('reports an invalid .minutes.json at the wrong value, tells the user, and keeps working with the defaults', async () => {
    writeFileSync(join(root, '.minutes.json'), '{\n  // comments are fine\n  "meetingWeekday": 9\n}\n');
    await session.initialize(pathToFileURL(root).toString(), capabilities);
    const [problem] = await session.diagnosticsFor(uriOf('.minutes.json'), (d) => d.length > 0);
    assert.equal(problem.message, 'meetingWeekday must be at most 6; the defaults are used until this is fixed.');
    assert.deepEqual(problem.range, { start: { line: 2, character: 20 }, end: { line: 2, character: 21 } });
    await session.until(() => session.messages.find((m) => m.includes('meetingWeekday must be at most 6')), 'a notification');
    await session.open(uriOf('community-call/20220929.md'), WEEKLY);
    await session.diagnosticsFor(uriOf('community-call/20220929.md'), (d) => d.some((x) => x.code === 'minutes-link-not-found'));
  });

  it('takes rule severities from .minutes.json and the editor settings, the settings winning', async () => {
    // Last week's roll-up had Team Container, and container/ met since: this one misses it.
    const previous = WEEKLY.replace(/2022-09-29/gu, '2022-09-22').replace('iaas/20220927.md', 'iaas/20220921.md').replace('## AOB', `### Team Container\n\nMinutes: ${BASE}container/20220919.md\n\n## AOB`);
    mkdirSync(join(root, 'container'), { recursive: true });
    for (const [path, text] of Object.entries({ 'community-call/20220922.md': previous, 'container/20220919.md': '# 2022-09-19\n', 'container/20220926.md': '# 2022-09-26\n' })) writeFileSync(join(root, path), text);
    session.settings = { rules: { 'minutes-link-not-found': 'error' } };
    await session.initialize(pathToFileURL(root).toString(), capabilities);
    await session.open(uriOf('community-call/20220929.md'), WEEKLY);
    const uri = uriOf('community-call/20220929.md');
    const first = await session.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'missing-team'));
    assert.equal(first.find((d) => d.code === 'minutes-link-not-found')?.severity, 1, 'error, from the settings');
    writeFileSync(join(root, '.minutes.json'), JSON.stringify({ rules: { 'missing-team': 'off', 'minutes-link-not-found': 'hint' } }));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('.minutes.json'), type: 1 }] });
    const after = await session.diagnosticsFor(uri, (d) => !d.some((x) => x.code === 'missing-team'));
    assert.equal(after.find((d) => d.code === 'minutes-link-not-found')?.severity, 1, 'the settings still win over the file');
  });

  it('checks nothing in a file that "ignores" names', async () => {
    writeFileSync(join(root, '.minutes.json'), JSON.stringify({ ignores: ['community-call/2022*.md'] }));
    await session.initialize(pathToFileURL(root).toString(), capabilities);
    await session.open(uriOf('iaas/20220928.md'), '# 2022-09-27\n');
    await session.diagnosticsFor(uriOf('iaas/20220928.md'), (d) => d.some((x) => x.code === 'title-date-mismatch'));
    await session.open(uriOf('community-call/20220929.md'), WEEKLY);
    assert.deepEqual(await session.diagnosticsFor(uriOf('community-call/20220929.md'), () => true), []);
  });

  it('offers renaming a misnamed roll-up when the editor can rename files', async () => {
    const misnamed = WEEKLY.replace(`${BASE}iaas/20220927.md`, `${BASE}iaas/20220928.md`);
    rmSync(join(root, 'community-call/20220929.md'));
    writeFileSync(join(root, 'community-call/20221002.md'), misnamed);
    await session.initialize(pathToFileURL(root).toString(), capabilities);
    await session.open(uriOf('community-call/20221002.md'), misnamed);
    const diagnostics = await session.diagnosticsFor(uriOf('community-call/20221002.md'), (d) => d.some((x) => x.code === 'title-date-mismatch'));
    const mismatch = diagnostics.find((d) => d.code === 'title-date-mismatch')!;
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf('community-call/20221002.md') },
      range: mismatch.range,
      context: { diagnostics: [mismatch] },
    })) as CodeAction[];
    const rename = actions.find((a) => a.isPreferred)!;
    assert.equal(rename.title, 'Rename the file to 20220929.md');
    assert.deepEqual(rename.edit?.documentChanges, [
      { kind: 'rename', oldUri: uriOf('community-call/20221002.md'), newUri: uriOf('community-call/20220929.md'), options: { overwrite: false, ignoreIfExists: true } },
    ]);
  });
});

describe('authoring over stdio', () => {
  let root: string;
  let session: LspSession;
  const uriOf = (path: string) => pathToFileURL(join(root, path)).toString();

  before(async () => {
    root = repository({ 'community-call/20220922.md': WEEKLY.replace('2022-09-29', '2022-09-22').replace('20220927', '20220921'), 'iaas/20220921.md': '# 2022-09-21\n', 'iaas/20220928.md': '# 2022-09-28\n\n## Participants\n\n- @fkr\n' });
    session = new LspSession();
    const init = (await session.initialize(pathToFileURL(root).toString())) as { capabilities: { executeCommandProvider?: { commands: string[] }; hoverProvider?: boolean } };
    assert.ok(init.capabilities.executeCommandProvider?.commands.includes('minutes.server.newWeeklyMinutes'));
    assert.ok(init.capabilities.hoverProvider);
  });
  after(async () => {
    await session.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('computes a new roll-up through workspace/executeCommand, without writing it', async () => {
    const file = (await session.connection.sendRequest('workspace/executeCommand', {
      command: 'minutes.server.newWeeklyMinutes',
      arguments: [{ rootUri: pathToFileURL(root).toString(), date: '2022-09-29' }],
    })) as { uri: string; text: string; exists: boolean };
    assert.equal(file.uri, uriOf('community-call/20220929.md'));
    assert.equal(file.exists, false);
    assert.ok(file.text.includes(`### Team IaaS\n\nMinutes: ${BASE}iaas/20220928.md\n`), file.text);
  });

  it('answers a bad command argument with an error, and keeps running', async () => {
    await assert.rejects(
      session.connection.sendRequest('workspace/executeCommand', { command: 'minutes.server.newWeeklyMinutes', arguments: [{ date: '2023-02-30' }] }),
      /not a date: 2023-02-30/u,
    );
    const folders = await session.connection.sendRequest('workspace/executeCommand', { command: 'minutes.server.teamFolders', arguments: [{}] });
    assert.deepEqual(folders, ['iaas']);
  });

  it('hovers a date with its weekday and holiday', async () => {
    const uri = uriOf('community-call/20220929.md');
    await session.open(uri, `${WEEKLY}\n- No meeting on 2022-10-03\n`);
    const result = (await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 14, character: 20 } })) as { contents: { value: string } };
    assert.match(result.contents.value, /^\*\*Monday\*\*, 2022-10-03/u);
    assert.match(result.contents.value, /Public holiday in Germany/u);
  });

  it('offers holiday notices as code actions on an empty line', async () => {
    const uri = uriOf('community-call/20220929.md');
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 13, character: 0 }, end: { line: 13, character: 0 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const notice = actions.find((a) => a.title.startsWith('Insert holiday notice for 2022-10-03'));
    assert.equal(notice?.kind, 'refactor.insert.minutes');
  });
});

describe('editors without workspace/configuration or file events', () => {
  let root: string;
  let session: LspSession;
  const uriOf = (path: string) => pathToFileURL(join(root, path)).toString();

  beforeEach(async () => {
    root = repository({ 'community-call/20220929.md': WEEKLY, 'iaas/20220928.md': '# 2022-09-28\n' });
    session = new LspSession();
    await session.initialize(pathToFileURL(root).toString(), {});
    await session.open(uriOf('community-call/20220929.md'), WEEKLY);
    await session.diagnosticsFor(uriOf('community-call/20220929.md'), (d) => d.some((x) => x.code === 'minutes-link-not-found'));
  });
  afterEach(async () => {
    await session.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('takes settings pushed with workspace/didChangeConfiguration', async () => {
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { minutes: { rules: { 'minutes-link-not-found': 'off' } } } });
    await session.diagnosticsFor(uriOf('community-call/20220929.md'), (d) => !d.some((x) => x.code === 'minutes-link-not-found'));
  });

  it('indexes a file the editor saves', async () => {
    const uri = uriOf('iaas/20220927.md');
    writeFileSync(join(root, 'iaas/20220927.md'), '# 2022-09-27\n');
    await session.open(uri, '# 2022-09-27\n');
    await session.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await session.diagnosticsFor(uriOf('community-call/20220929.md'), (d) => !d.some((x) => x.code === 'minutes-link-not-found'));
  });
});

describe('a repository whose folder name needs encoding in URIs', () => {
  it('is recognised with the URIs an editor sends (spaces, parentheses, plus signs)', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'minutes-uri-'));
    const root = join(parent, 'SCS minutes (copy) +1');
    mkdirSync(join(root, 'community-call'), { recursive: true });
    mkdirSync(join(root, 'iaas'));
    writeFileSync(join(root, 'iaas/20220928.md'), '# 2022-09-28\n');
    // VS Code's URIs (vscode-uri) encode more than Node's pathToFileURL does.
    const { URI } = await import('vscode-uri');
    const uri = URI.file(join(root, 'community-call/20220929.md')).toString();
    assert.match(uri, /%28copy%29%20%2B1/u);
    const session = new LspSession();
    try {
      await session.initialize(URI.file(root).toString());
      await session.open(uri, WEEKLY);
      const diagnostics = await session.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'minutes-link-not-found'));
      assert.match(String(diagnostics.find((d) => d.code === 'minutes-link-not-found')!.message), /iaas\/20220928\.md is the Team IaaS minutes/u);
    } finally {
      await session.dispose();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
