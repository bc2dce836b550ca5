import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LspSession } from '../support/lspClient';
import { TempRepository } from '../support/repository';

// Minutes: Import Meetings from Pad asks the server what to do; the server writes nothing.
describe('the importPlan server command', () => {
  let repo: TempRepository;
  let session: LspSession;
  const EXISTING = '# 2026-06-04\n\n## Participants\n\n- @lee\n';
  const PAD = '# Team IaaS pad\n\n## 2026-06-11\n\n- @kim\n\n## 2026-06-04\n\n- @lee, @kim\n';

  beforeEach(() => {
    repo = new TempRepository({ 'iaas/20260604.md': EXISTING });
    session = new LspSession();
  });
  afterEach(async () => {
    await session.dispose();
    repo.dispose();
  });

  const plan = (args: Record<string, unknown>) => session.request('workspace/executeCommand', { command: 'minutes.server.importPlan', arguments: [{ rootUri: repo.rootUri, ...args }] });

  it('answers per meeting: new with its file and text, differs, and writes nothing', async () => {
    await session.initialize(repo.rootUri, {});
    const answer = await plan({ folder: 'iaas', text: PAD });
    assert.equal(answer.error, undefined, JSON.stringify(answer.error));
    const entries = answer.result as Array<{ uri: string; date: string; status: string; text: string }>;
    assert.deepEqual(
      entries.map((e) => [e.uri.slice(e.uri.indexOf('/iaas/')), e.date, e.status]),
      [
        ['/iaas/20260611.md', '2026-06-11', 'new'],
        ['/iaas/20260604.md', '2026-06-04', 'differs'],
      ],
    );
    assert.equal(entries[0].text, '# 2026-06-11\n\n- @kim\n');
    assert.ok(!existsSync(join(repo.root, 'iaas/20260611.md')));
  });

  it('refuses a folder that is not a series of the repository', async () => {
    await session.initialize(repo.rootUri, {});
    const answer = await plan({ folder: '../elsewhere', text: PAD });
    assert.match(String((answer.error as { message?: string } | undefined)?.message), /folder must be one of the team folders/u);
  });

  it("proposes the pad the series' calendar event names, and none for another series", async () => {
    repo.dispose();
    const calendar = ['name: Teams', 'timezone: Europe/Berlin', 'events:', '  - summary: Team IaaS', '    begin: 2025-01-09 10:00:00', '    description: |', '      Minutes: https://github.com/SovereignCloudStack/minutes/tree/main/iaas', '      HedgeDoc: https://pad.example.org/team-iaas', '    repeat:', '      interval:', '        weeks: 1', ''].join('\n');
    repo = new TempRepository({ 'iaas/20260604.md': EXISTING, 'container/20260605.md': '# 2026-06-05\n', 'calendar.yml': calendar, '.minutes.json': '{ "calendars": ["calendar.yml"] }' });
    await session.initialize(repo.rootUri, {});
    const pad = (folder: string) => session.request('workspace/executeCommand', { command: 'minutes.server.seriesPad', arguments: [{ rootUri: repo.rootUri, folder }] });
    const answer = await pad('iaas');
    assert.equal(answer.error, undefined, JSON.stringify(answer.error));
    assert.equal((answer.result as { url: string; event: string }).url, 'https://pad.example.org/team-iaas');
    assert.equal((answer.result as { event: string }).event, 'Team IaaS');
    assert.equal((await pad('container')).result, null);
  });
});
