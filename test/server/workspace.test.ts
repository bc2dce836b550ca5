import * as assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-types';
import { BASE, lineOf, linkTo, rangeOf, rollup, team, teamMinutes } from '../support/fixtures';
import { LspSession } from '../support/lspClient';
import { TempRepository } from '../support/repository';

const WEEKLY = rollup([team('Team IaaS', linkTo('iaas/20220927.md'))]);

describe('language server in a minutes repository', () => {
  let repo: TempRepository;
  let session: LspSession;
  const uriOf = (path: string) => repo.uriOf(path);
  const capabilities = {
    workspace: { configuration: true, workspaceEdit: { resourceOperations: ['rename'] } },
    textDocument: { publishDiagnostics: { relatedInformation: true } },
  };

  beforeEach(() => {
    repo = new TempRepository({ 'community-call/20220929.md': WEEKLY, 'iaas/20220921.md': teamMinutes('2022-09-21'), 'iaas/20220928.md': teamMinutes('2022-09-28') });
    session = new LspSession();
  });
  afterEach(async () => {
    await session.dispose();
    repo.dispose();
  });

  it('finds a link to a file that does not exist, points at the right one, and fixes it', async () => {
    await session.initialize(repo.rootUri, capabilities);
    await session.open(uriOf('community-call/20220929.md'), WEEKLY);
    const diagnostics = await session.diagnosticsFor(uriOf('community-call/20220929.md'), (d) => d.some((x) => x.code === 'minutes-link-not-found'));
    const notFound = diagnostics.find((d) => d.code === 'minutes-link-not-found')!;
    assert.equal(notFound.message, 'iaas/20220927.md does not exist; iaas/20220928.md is the Team IaaS minutes of that week.');
    assert.equal(notFound.relatedInformation?.[0].location.uri, uriOf('iaas/20220928.md'));
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf('community-call/20220929.md') },
      range: notFound.range,
      context: { diagnostics: [notFound] },
    });
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.title, 'Link iaas/20220928.md');
    const seven = rangeOf(WEEKLY, '20220927.md').start; // the edit replaces its last digit, 7
    assert.deepEqual(fix.edit?.changes?.[uriOf('community-call/20220929.md')], [
      { range: { start: { line: seven.line, character: seven.character + 7 }, end: { line: seven.line, character: seven.character + 8 } }, newText: '8' },
    ]);
  });

  it('follows files created on disk through watched-file events', async () => {
    await session.initialize(repo.rootUri, capabilities);
    await session.open(uriOf('community-call/20220929.md'), WEEKLY);
    await session.diagnosticsFor(uriOf('community-call/20220929.md'), (d) => d.some((x) => x.code === 'minutes-link-not-found'));
    repo.write({ 'iaas/20220927.md': teamMinutes('2022-09-27') });
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('iaas/20220927.md'), type: 1 }] });
    await session.diagnosticsFor(uriOf('community-call/20220929.md'), (d) => !d.some((x) => x.code === 'minutes-link-not-found'));
  });

  it('reports an invalid .minutes.json at the wrong value, tells the user, and keeps working with the defaults', async () => {
    repo.write({ '.minutes.json': '{\n  // comments are fine\n  "meetingWeekday": 9\n}\n' });
    await session.initialize(repo.rootUri, capabilities);
    const [problem] = await session.diagnosticsFor(uriOf('.minutes.json'), (d) => d.length > 0);
    assert.equal(problem.message, 'meetingWeekday must be at most 6; the defaults are used until this is fixed.');
    assert.deepEqual(problem.range, { start: { line: 2, character: 20 }, end: { line: 2, character: 21 } });
    await session.until(() => session.messages.find((m) => m.includes('meetingWeekday must be at most 6')), 'a notification');
    await session.open(uriOf('community-call/20220929.md'), WEEKLY);
    await session.diagnosticsFor(uriOf('community-call/20220929.md'), (d) => d.some((x) => x.code === 'minutes-link-not-found'));
  });

  it('takes rule severities from .minutes.json and the editor settings, the settings winning', async () => {
    // Last week's roll-up had Team Container, and container/ met since: this one misses it.
    const previous = rollup([team('Team IaaS', linkTo('iaas/20220921.md')), team('Team Container', linkTo('container/20220919.md'))], '# SCS Tech Weekly 2022-09-22');
    repo.write({ 'community-call/20220922.md': previous, 'container/20220919.md': teamMinutes('2022-09-19'), 'container/20220926.md': teamMinutes('2022-09-26') });
    session.settings = { rules: { 'minutes-link-not-found': 'error' } };
    await session.initialize(repo.rootUri, capabilities);
    await session.open(uriOf('community-call/20220929.md'), WEEKLY);
    const uri = uriOf('community-call/20220929.md');
    const first = await session.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'missing-team'));
    assert.equal(first.find((d) => d.code === 'minutes-link-not-found')?.severity, 1, 'error, from the settings');
    repo.write({ '.minutes.json': JSON.stringify({ rules: { 'missing-team': 'off', 'minutes-link-not-found': 'hint' } }) });
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('.minutes.json'), type: 1 }] });
    const after = await session.diagnosticsFor(uri, (d) => !d.some((x) => x.code === 'missing-team'));
    assert.equal(after.find((d) => d.code === 'minutes-link-not-found')?.severity, 1, 'the settings still win over the file');
  });

  it('takes the minutes.* settings (weeklyFolder, meetingWeekday) asked for with workspace/configuration, over .minutes.json', async () => {
    // This repository keeps its roll-ups in calls/, titled otherwise; .minutes.json says the meeting is on Thursdays.
    const wednesday = rollup([team('Team IaaS', linkTo('iaas/20220928.md'))], '# Community Call 2022-09-28');
    repo.write({ '.minutes.json': JSON.stringify({ meetingWeekday: 4 }), 'calls/20220928.md': wednesday });
    const uri = uriOf('calls/20220928.md');
    const teams = async () => (await session.connection.sendRequest<Array<{ name: string }> | null>('minutes/teams', { uri }))?.map((t) => t.name) ?? [];
    const weekdayFinding = (d: Array<{ code?: unknown }>) => d.some((x) => x.code === 'meeting-weekday');
    const settingsChanged = async (settings: Record<string, unknown>) => {
      session.settings = settings;
      await session.notify('workspace/didChangeConfiguration', { settings: null }); // as VS Code does: the server asks again
    };
    await session.initialize(repo.rootUri, capabilities);
    await session.open(uri, wednesday);
    // Without the settings, calls/ is a team's folder: the file is no roll-up, its weekday no matter.
    assert.ok(!weekdayFinding(await session.diagnosticsFor(uri)));
    assert.deepEqual(await teams(), []);

    // minutes.weeklyFolder makes it a roll-up, checked against the meeting day of .minutes.json (Thursday).
    await settingsChanged({ weeklyFolder: 'calls' });
    const thursday = await session.diagnosticsFor(uri, weekdayFinding);
    assert.equal(thursday.find((d) => d.code === 'meeting-weekday')?.message, '2022-09-28 is a Wednesday; the meeting is on Thursdays.');
    assert.deepEqual(await teams(), ['Team IaaS']);

    // minutes.meetingWeekday wins over .minutes.json: Wednesday is the meeting day now.
    await settingsChanged({ weeklyFolder: 'calls', meetingWeekday: 3 });
    await session.diagnosticsFor(uri, (d) => !weekdayFinding(d));
    assert.deepEqual(await teams(), ['Team IaaS'], 'still a roll-up');

    // Unset again (null, as VS Code sends a setting that is not set): .minutes.json is in force again.
    await settingsChanged({ weeklyFolder: 'calls', meetingWeekday: null });
    await session.diagnosticsFor(uri, weekdayFinding);
  });

  it('checks nothing in a file that "ignores" names', async () => {
    repo.write({ '.minutes.json': JSON.stringify({ ignores: ['community-call/2022*.md'] }) });
    await session.initialize(repo.rootUri, capabilities);
    await session.open(uriOf('iaas/20220928.md'), '# 2022-09-27\n');
    await session.diagnosticsFor(uriOf('iaas/20220928.md'), (d) => d.some((x) => x.code === 'title-date-mismatch'));
    await session.open(uriOf('community-call/20220929.md'), WEEKLY);
    assert.deepEqual(await session.diagnosticsFor(uriOf('community-call/20220929.md'), () => true), []);
  });

  it('offers renaming a misnamed roll-up when the editor can rename files', async () => {
    const misnamed = WEEKLY.replace(`${BASE}iaas/20220927.md`, `${BASE}iaas/20220928.md`);
    repo.remove('community-call/20220929.md');
    repo.write({ 'community-call/20221002.md': misnamed });
    await session.initialize(repo.rootUri, capabilities);
    await session.open(uriOf('community-call/20221002.md'), misnamed);
    const diagnostics = await session.diagnosticsFor(uriOf('community-call/20221002.md'), (d) => d.some((x) => x.code === 'title-date-mismatch'));
    const mismatch = diagnostics.find((d) => d.code === 'title-date-mismatch')!;
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf('community-call/20221002.md') },
      range: mismatch.range,
      context: { diagnostics: [mismatch] },
    });
    const rename = actions.find((a) => a.isPreferred)!;
    assert.equal(rename.title, 'Rename the file to 20220929.md');
    assert.deepEqual(rename.edit?.documentChanges, [
      { kind: 'rename', oldUri: uriOf('community-call/20221002.md'), newUri: uriOf('community-call/20220929.md'), options: { overwrite: false, ignoreIfExists: true } },
    ]);
  });
});

describe('authoring over stdio', () => {
  let repo: TempRepository;
  let session: LspSession;
  const uriOf = (path: string) => repo.uriOf(path);

  before(async () => {
    repo = new TempRepository({
      'community-call/20220922.md': rollup([team('Team IaaS', linkTo('iaas/20220921.md'))], '# SCS Tech Weekly 2022-09-22'),
      'iaas/20220921.md': teamMinutes('2022-09-21'),
      'iaas/20220928.md': teamMinutes('2022-09-28', '## Participants', '', '- @fkr'),
    });
    session = new LspSession();
    const init = (await session.initialize(repo.rootUri)) as { capabilities: { executeCommandProvider?: { commands: string[] }; hoverProvider?: boolean } };
    assert.ok(init.capabilities.executeCommandProvider?.commands.includes('minutes.server.newWeeklyMinutes'));
    assert.ok(init.capabilities.hoverProvider);
  });
  after(async () => {
    await session.dispose();
    repo.dispose();
  });

  it('computes a new roll-up through workspace/executeCommand, without writing it', async () => {
    const file = await session.connection.sendRequest<{ uri: string; text: string; exists: boolean }>('workspace/executeCommand', {
      command: 'minutes.server.newWeeklyMinutes',
      arguments: [{ rootUri: repo.rootUri, date: '2022-09-29' }],
    });
    assert.equal(file.uri, uriOf('community-call/20220929.md'));
    assert.equal(file.exists, false);
    assert.ok(file.text.includes(`### Team IaaS\n\n${linkTo('iaas/20220928.md')}\n`), file.text);
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
    const text = `${WEEKLY}\n- No meeting on 2022-10-03\n`;
    await session.open(uri, text);
    const position = rangeOf(text, '2022-10-03').start;
    const result = await session.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: position.line, character: position.character + 4 } });
    assert.match(result.contents.value, /^\*\*Monday\*\*, 2022-10-03/u);
    assert.match(result.contents.value, /Public holiday in Germany/u);
  });

  it('offers holiday notices as code actions on an empty line', async () => {
    const uri = uriOf('community-call/20220929.md');
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: lineOf(WEEKLY, '## AOB') + 1, character: 0 }, end: { line: lineOf(WEEKLY, '## AOB') + 1, character: 0 } },
      context: { diagnostics: [] },
    });
    const notice = actions.find((a) => a.title.startsWith('Insert holiday notice for 2022-10-03'));
    assert.equal(notice?.kind, 'refactor.insert.minutes');
  });
});

describe('editors without workspace/configuration or file events', () => {
  let repo: TempRepository;
  let session: LspSession;
  const uriOf = (path: string) => repo.uriOf(path);

  beforeEach(async () => {
    repo = new TempRepository({ 'community-call/20220929.md': WEEKLY, 'iaas/20220928.md': teamMinutes('2022-09-28') });
    session = new LspSession();
    await session.initialize(repo.rootUri, {});
    await session.open(uriOf('community-call/20220929.md'), WEEKLY);
    await session.diagnosticsFor(uriOf('community-call/20220929.md'), (d) => d.some((x) => x.code === 'minutes-link-not-found'));
  });
  afterEach(async () => {
    await session.dispose();
    repo.dispose();
  });

  it('takes settings pushed with workspace/didChangeConfiguration', async () => {
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { minutes: { rules: { 'minutes-link-not-found': 'off' } } } });
    await session.diagnosticsFor(uriOf('community-call/20220929.md'), (d) => !d.some((x) => x.code === 'minutes-link-not-found'));
  });

  it('indexes a file the editor saves', async () => {
    const uri = uriOf('iaas/20220927.md');
    repo.write({ 'iaas/20220927.md': teamMinutes('2022-09-27') });
    await session.open(uri, teamMinutes('2022-09-27'));
    await session.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await session.diagnosticsFor(uriOf('community-call/20220929.md'), (d) => !d.some((x) => x.code === 'minutes-link-not-found'));
  });
});

describe('a repository whose folder name needs encoding in URIs', () => {
  it('is recognised with the URIs an editor sends (spaces, parentheses, plus signs)', async () => {
    const repo = new TempRepository({ 'iaas/20220928.md': teamMinutes('2022-09-28') }, { prefix: 'minutes-uri-', folder: 'SCS minutes (copy) +1' });
    // VS Code's URIs (vscode-uri) encode more than Node's pathToFileURL does.
    const { URI } = await import('vscode-uri');
    const uri = URI.file(repo.path('community-call/20220929.md')).toString();
    assert.match(uri, /%28copy%29%20%2B1/u);
    const session = new LspSession();
    try {
      await session.initialize(URI.file(repo.root).toString());
      await session.open(uri, WEEKLY);
      const diagnostics = await session.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'minutes-link-not-found'));
      const { message } = diagnostics.find((d) => d.code === 'minutes-link-not-found')!;
      assert.match(typeof message === 'string' ? message : message.value, /iaas\/20220928\.md is the Team IaaS minutes/u);
    } finally {
      await session.dispose();
      repo.dispose();
    }
  });
});
