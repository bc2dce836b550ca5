import * as assert from 'node:assert/strict';
import { BASE, joinLines, modelOf, textAt } from './helpers';

const weekly = joinLines(
  '# SCS Tech Weekly 2022-09-29',
  '',
  '## Meta',
  '',
  '- Minutes: Jonas',
  '',
  '## Team Updates',
  '',
  '### Team IaaS',
  '',
  `Minutes: ${BASE}iaas/20220928.md`,
  '',
  '- Image manager',
  '',
  '### Team Container',
  '',
  `[Minutes](${BASE}container/20220926.md)`,
  '',
  '### Team Operations and IAM',
  '',
  'Minutes not available yet: https://github.com/SovereignCloudStack/minutes/tree/main/ops-iam',
  '',
  '### IAM SIG',
  '',
  'Minutes: none yet',
  '',
  '### SIG Documentation',
  '',
  `Minutes: <${BASE}sig-documentation/20220926.md> (waiting to be merged)`,
  '',
  '### Monitoring SIG',
  '',
  '- Discussed dashboards',
  '',
  '## AOB',
  '',
  '## Project Updates',
  '',
  '### Hiring',
);

describe('parsing a weekly roll-up', () => {
  const model = modelOf(weekly);

  it('recognises a weekly roll-up and reads its title date with its exact range', () => {
    assert.equal(model.kind, 'weekly');
    assert.equal(model.title?.text, 'SCS Tech Weekly 2022-09-29');
    assert.deepEqual(model.title?.date?.date, { year: 2022, month: 9, day: 29 });
    assert.deepEqual(model.title?.date?.range, { start: { line: 0, character: 18 }, end: { line: 0, character: 28 } });
    assert.deepEqual(model.fileDate?.date, { year: 2022, month: 9, day: 29 });
  });

  it('reads the minute taker from Meta', () => {
    assert.equal(model.meta?.minuteTaker?.name, 'Jonas');
    assert.equal(textAt(model, model.meta.minuteTaker.range), 'Jonas');
  });

  it('lists every team and SIG of the updates group in order, with its kind', () => {
    assert.deepEqual(
      model.updates?.entries.map((e) => [e.name, e.kind]),
      [
        ['Team IaaS', 'team'],
        ['Team Container', 'team'],
        ['Team Operations and IAM', 'team'],
        ['IAM SIG', 'sig'],
        ['SIG Documentation', 'sig'],
        ['Monitoring SIG', 'sig'],
      ],
    );
  });

  it('understands every form of minutes line', () => {
    const lines = model.updates!.entries.map((e) => e.minutesLine);
    assert.equal(lines[0]?.state, 'linked');
    assert.equal(lines[0]?.target?.path, 'iaas/20220928.md');
    assert.deepEqual(lines[0]?.target?.date?.date, { year: 2022, month: 9, day: 28 });
    assert.equal(textAt(model, lines[0].urlRange!), `${BASE}iaas/20220928.md`);
    assert.equal(lines[1]?.style, 'markdown-link');
    assert.equal(lines[1]?.target?.path, 'container/20220926.md');
    assert.equal(lines[2]?.state, 'pending');
    assert.equal(lines[2]?.target?.folder, 'ops-iam');
    assert.equal(lines[3]?.state, 'pending');
    assert.equal(lines[3]?.url, undefined);
    assert.equal(lines[4]?.state, 'linked', 'a trailing note after an autolink does not make it pending');
    assert.equal(lines[4]?.target?.path, 'sig-documentation/20220926.md');
    assert.equal(lines[5], undefined, 'a section without a minutes line has none');
  });

  it('builds the section tree with roles', () => {
    assert.deepEqual(
      model.sections[0].children.map((s) => [s.title, s.role]),
      [
        ['Meta', 'meta'],
        ['Team Updates', 'updates'],
        ['AOB', 'aob'],
        ['Project Updates', 'projectUpdates'],
      ],
    );
  });
});

describe('minutes lines as people write them', () => {
  const lineOf = (...body: string[]) => modelOf(joinLines('# SCS Tech Weekly 2022-09-29', '## Team Updates', '### Team IaaS', ...body)).updates!.entries[0].minutesLine;

  it('reads pending wordings before a link as pending', () => {
    assert.equal(lineOf('Minutes still pending: https://github.com/SovereignCloudStack/minutes/tree/main/iaas')?.state, 'pending');
    assert.equal(lineOf('Minutes: not published yet https://github.com/SovereignCloudStack/minutes/tree/main/iaas')?.state, 'pending');
    assert.equal(lineOf('Minutes: Not present yet: https://github.com/SovereignCloudStack/minutes/tree/main/iaas')?.state, 'pending');
    assert.equal(lineOf('Minutes: not available yet: https://github.com/SovereignCloudStack/minutes/pull/96')?.state, 'pending');
  });

  it('reads a link to a pull request', () => {
    assert.equal(lineOf('Minutes: https://github.com/SovereignCloudStack/minutes/pull/130')?.state, 'pull-request');
  });

  it('reads an empty label as pending, even when a hard line break continues the paragraph', () => {
    assert.equal(lineOf('Minutes:')?.state, 'pending');
    assert.equal(lineOf('Minutes:  ', 'Planned an architecture workshop.')?.state, 'pending');
  });

  it('reads status notes that open the section', () => {
    assert.equal(lineOf('No minutes (yet?)')?.state, 'pending');
    assert.equal(lineOf('(none yet)')?.state, 'pending');
    assert.equal(lineOf('Cancelled.')?.state, 'cancelled');
    assert.equal(lineOf('- Skipped because low participation')?.state, 'cancelled');
  });

  it('does not take prose for a minutes line', () => {
    assert.equal(lineOf('- Minutes: we discussed the roadmap at length'), undefined);
    assert.equal(lineOf('- Roadmap', '', 'Cancelled the old plan.'), undefined, 'a status word later in the section is prose');
  });

  it('finds a minutes line at the end of the section', () => {
    assert.equal(lineOf('- Sprint review', '- Planning', '', `Minutes: ${BASE}iaas/20221207.md`)?.target?.path, 'iaas/20221207.md');
  });

  it('accepts the tree, raw and edit views of any branch, and links outside the base as external', () => {
    assert.equal(lineOf(`Minutes: https://github.com/SovereignCloudStack/minutes/blob/feature/iaas/20221207.md`)?.target?.path, 'iaas/20221207.md');
    assert.equal(lineOf('Minutes: https://example.org/notes/20221207.md')?.state, 'external');
  });

  it('never resolves a link outside the repository', () => {
    assert.equal(lineOf(`Minutes: ${BASE}../../etc/passwd.md`)?.target, undefined);
    assert.equal(lineOf(`Minutes: ${BASE}iaas/%2e%2e/%2e%2e/x.md`)?.target, undefined);
  });
});

describe('team sections at the wrong level', () => {
  it('keeps a `##` team among `###` siblings, and what it pulled under it, in the group', () => {
    const model = modelOf(
      joinLines('# SCS Tech Weekly 2022-12-01', '## Team Updates', '### Team IaaS', '## Team Container', '### Team Operations and IAM', '## IAM SIG', '## Lightning talk', '### Team Trivia'),
    );
    assert.deepEqual(
      model.updates?.entries.map((e) => [e.name, e.section.depth]),
      [
        ['Team IaaS', 3],
        ['Team Container', 2],
        ['Team Operations and IAM', 3],
        ['IAM SIG', 2],
      ],
    );
  });

  it('finds teams without a group heading', () => {
    const model = modelOf(joinLines('# SCS Tech Weekly 2022-11-17', '## Meta', '### Team IaaS', '### IAM SIG', '## Project Updates', '### Workshop SCS project team'));
    assert.deepEqual(
      model.updates?.entries.map((e) => e.name),
      ['Team IaaS', 'IAM SIG'],
    );
  });
});

describe('the kind of document', () => {
  it('reads a dated team file as meeting minutes, with a `##` date title when there is no `#`', () => {
    const model = modelOf(joinLines('## 2024-02-19', '', '## Participants', '', '- @garloff'), 'sig-community/20240219.md');
    assert.equal(model.kind, 'meeting');
    assert.equal(model.title?.date?.text, '2024-02-19');
  });

  it('leaves READMEs, templates and slide decks alone', () => {
    assert.equal(modelOf('# Minutes\n\nHow we write minutes', 'README.md').kind, 'other');
    assert.equal(modelOf('# Team meeting 2022-01-01', 'iaas/template.md').kind, 'other');
    assert.equal(modelOf('---\ntitle: Community\ntype: slide\n---\n\n# Welcome 2026-01-23', 'community-meeting/20260123.md').kind, 'other');
  });

  it('recognises a weekly roll-up by its title anywhere', () => {
    assert.equal(modelOf('# SCS Tech Weekly 2022-09-29', 'Untitled-1').kind, 'weekly');
  });

  it('never throws on broken Markdown', () => {
    for (const text of ['', '#', '###### ', '```\n# not a heading', '- [Minutes](', '\u0000\u0001', '# \uD800 2022-02-30', '\r\n# x\r\n']) {
      assert.doesNotThrow(() => modelOf(text));
    }
  });
});
