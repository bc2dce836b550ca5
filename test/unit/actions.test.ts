import * as assert from 'node:assert/strict';
import { calendarFor, DEFAULT_CONFIG, newTeamMinutes, newWeeklyMinutes } from '../../server/src/core';
import { actionItemsOf, readItem } from '../../server/src/core/model/actionItems';
import { latestItems, openItems, trackSeries, type LatestItem } from '../../server/src/core/workspace/actionSeries';
import { BASE, fixed, joinLines, lintDoc, modelOf, offered, ofCode, rollup, single, workspaceOf } from './rules/ruleHelpers';

describe('action items', () => {
  it('reads every form the SCS minutes use, with owners and status', () => {
    const read = (line: string) => {
      const item = readItem(line);
      return item && [item.text, item.owners, item.status];
    };
    assert.deepEqual(read('_AI @fzakfeld: create issue and draft a standard on IPv6 networking for IaaS_'), ['create issue and draft a standard on IPv6 networking for IaaS', ['fzakfeld'], undefined]);
    assert.deepEqual(read('AI @garloff: review the draft'), ['review the draft', ['garloff'], undefined]);
    // After the owner, "to", "will" and "should" belong to the sentence, not to the task.
    assert.deepEqual(read('AI: @fkr will bring it to the product board'), ['bring it to the product board', ['fkr'], undefined]);
    assert.deepEqual(read('AI @garloff to open against csctl'), ['open against csctl', ['garloff'], undefined]);
    assert.deepEqual(read('AI: to be decided next week'), ['to be decided next week', [], undefined], 'without an owner first, "to" is the text');
    assert.deepEqual(read('AI: @fkr - schedule a meeting'), ['schedule a meeting', ['fkr'], undefined]);
    assert.deepEqual(read('[ ] Please review'), ['Please review', [], 'open']);
    assert.deepEqual(read('[x] Please review'), ['Please review', [], 'done']);
    assert.deepEqual(read('Deployment performance investigation (AI @garloff)'), ['Deployment performance investigation', ['garloff'], undefined]);
    assert.deepEqual(read('AI @garloff, @anjastrunk to provide feedback'), ['provide feedback', ['garloff', 'anjastrunk'], undefined]);
    assert.deepEqual(read('~~AI @fkr: send the invitation~~'), ['send the invitation', ['fkr'], 'done']);
    assert.deepEqual(read('TODO: Release notes'), ['Release notes', [], undefined]);
    assert.equal(read('AI assistants were discussed at length'), undefined, 'prose about AI is no item');
    assert.equal(read('Discussed the roadmap'), undefined);
  });

  it('takes the status from the sub-bullets, and knows the pending section', () => {
    const model = modelOf(
      joinLines(
        '# 2026-06-04',
        '',
        '### Pending action items',
        '',
        '- _AI @fzakfeld: draft a standard on IPv6_',
        '  - ongoing, see standards#1020',
        '- _AI @mbuechse: implement oldgeneric_',
        '  - **DONE**',
        '- AI @garloff: rename the repository',
        '  - cancelled, not needed any more',
        '',
        '### Topic',
        '',
        '* AI: @fkr - schedule a meeting',
      ),
      'sig-standardization/20260604.md',
    );
    assert.deepEqual(
      actionItemsOf(model).map((i) => [i.line, i.owners, i.status, i.pending, i.topic]),
      [
        [4, ['fzakfeld'], 'open', true, 'Pending action items'],
        [6, ['mbuechse'], 'done', true, 'Pending action items'],
        [8, ['garloff'], 'cancelled', true, 'Pending action items'],
        [13, ['fkr'], 'open', false, 'Topic'],
      ],
    );
  });
});

/** A made-up series: items raised, carried with a status, done, and one that falls off. */
const SERIES = {
  'wg/20240101.md': joinLines('# 2024-01-01', '', '## Participants', '', '- @kim', '- @alex', '', '## Topics', '', '- _AI @kim: draft the charter_', '- AI @alex: book a room for the workshop', ''),
  'wg/20240108.md': joinLines('# 2024-01-08', '', '## Participants', '', '- @kim', '', '## Pending action items', '', '- _AI @kim: draft the charter_', '  - ongoing', '', '## Topics', '', '- nothing else', ''),
};

describe('action items across a series', () => {
  it('follows each item from meeting to meeting: carried, done, dropped', () => {
    const files = { ...SERIES, 'wg/20240115.md': joinLines('# 2024-01-15', '', '## Pending action items', '', '- ~~_AI @kim: draft the charter_~~ done', '') };
    const tracked = trackSeries(workspaceOf(files), 'wg');
    assert.deepEqual(
      tracked.map((t) => [t.file.path, t.item.owners[0], t.status, t.raised.file.path, t.carried]),
      [
        ['wg/20240101.md', 'kim', 'open', 'wg/20240101.md', 0],
        ['wg/20240101.md', 'alex', 'dropped', 'wg/20240101.md', 0],
        ['wg/20240108.md', 'kim', 'open', 'wg/20240101.md', 1],
        ['wg/20240115.md', 'kim', 'done', 'wg/20240101.md', 2],
      ],
    );
  });

  it('reports on the newest meeting the items of the one before that fell off, and offers to carry them', () => {
    const text = SERIES['wg/20240108.md'];
    const { findings } = lintDoc(text, 'wg/20240108.md', SERIES);
    const f = single(findings, 'action-item-dropped');
    assert.equal(f.message, '1 open action item of the meeting of 2024-01-01 is neither carried nor done here: @alex: book a room for the workshop.');
    assert.equal(f.range.start.line, 6, 'on the pending section');
    assert.notEqual(f.fixes![0].preferred, true, 'carrying is offered, not applied unasked');
    assert.equal(offered(text, f), text.replace('  - ongoing\n', '  - ongoing\n- AI @alex: book a room for the workshop\n'));
    // An older meeting is history.
    const later = { ...SERIES, 'wg/20240115.md': '# 2024-01-15\n' };
    assert.deepEqual(ofCode(lintDoc(text, 'wg/20240108.md', later).findings, 'action-item-dropped'), []);
  });

  it('reminds of dropped items only while the series still meets: a weekly series silent for seven weeks has ended', () => {
    const text = SERIES['wg/20240108.md'];
    const dropped = (today: { year: number; month: number; day: number }) => ofCode(lintDoc(text, 'wg/20240108.md', SERIES, undefined, today).findings, 'action-item-dropped').length;
    assert.equal(dropped({ year: 2024, month: 1, day: 16 }), 1);
    assert.equal(dropped({ year: 2024, month: 2, day: 26 }), 0);
  });

  it('hints at an item of the newest meeting that nobody owns', () => {
    const text = joinLines('# 2024-01-15', '', '## Topics', '', '- [ ] Please review the charter', '');
    const f = single(lintDoc(text, 'wg/20240115.md', SERIES).findings, 'action-item-no-owner');
    assert.equal(f.severity, 'hint');
    void fixed;
  });

  it('starts new team minutes with the items still open, under the series\' own heading, with a status to fill in', () => {
    const file = newTeamMinutes(workspaceOf(SERIES), 'wg', calendarFor(DEFAULT_CONFIG.holidays), { year: 2024, month: 1, day: 15 });
    assert.match(file.text, /## Pending action items\n\n- _AI @kim: draft the charter_\n {2}- status: \n\n/u);
    assert.doesNotMatch(file.text, /book a room/u, 'what fell off a meeting ago is not brought back');
  });
});

describe('hover on an action item', () => {
  it('tells when it was raised and links each meeting that carried it', async () => {
    const { hover } = await import('../../server/src/core/features/hover');
    const text = SERIES['wg/20240108.md'];
    const found = hover(modelOf(text, 'wg/20240108.md'), { line: 8, character: 5 }, { config: DEFAULT_CONFIG, workspace: workspaceOf(SERIES), calendar: calendarFor(DEFAULT_CONFIG.holidays), today: { year: 2024, month: 1, day: 9 } });
    const value = (found?.contents as { value: string }).value;
    assert.match(value, /^\*\*Action item\*\* of @kim: open\n\nRaised on 2024-01-01, carried 1 time\.\n\n\[2024-01-01\]\(file:\/\/\/repo\/wg\/20240101\.md#L10\): open · \[2024-01-08\]/u);
  });
});

describe('the outline of team minutes', () => {
  it('lists the action items under the topic they stand in, with owners and status', async () => {
    const { documentSymbols } = await import('../../server/src/core/features/documentSymbols');
    const [title] = documentSymbols(modelOf(SERIES['wg/20240108.md'], 'wg/20240108.md'));
    const pending = title.children!.find((s) => s.name === 'Pending action items')!;
    assert.deepEqual(pending.children!.map((s) => [s.name, s.detail]), [['draft the charter', '@kim · open']]);
  });
});

describe('a roll-up that drafts itself', () => {
  const files = {
    'community-call/20220922.md': rollup([['### Team IaaS', '', `Minutes: ${BASE}iaas/20220921.md`]], '# SCS Tech Weekly 2022-09-22'),
    'iaas/20220921.md': '# 2022-09-21\n',
    'iaas/20220928.md': joinLines('# 2022-09-28', '', '## Participants', '', '- @kim', '', '## Image manager release (@kim)', '', '- tested', '- AI @kim: tag the release', '', '## Ceph upgrade', '', '- postponed', ''),
  };

  it('fills each team section with the topics and new action items of the minutes it links', () => {
    const file = newWeeklyMinutes(workspaceOf(files), DEFAULT_CONFIG, calendarFor(DEFAULT_CONFIG.holidays), { year: 2022, month: 9, day: 29 });
    assert.match(file.text, /### Team IaaS\n\nMinutes: \S+iaas\/20220928\.md\n\n- Image manager release\n- Ceph upgrade\n- AI @kim: tag the release\n\n/u);
  });

  it('leaves one empty bullet with draftRollUps off', () => {
    const config = { ...DEFAULT_CONFIG, draftRollUps: false };
    const file = newWeeklyMinutes(workspaceOf(files, config), config, calendarFor(DEFAULT_CONFIG.holidays), { year: 2022, month: 9, day: 29 });
    assert.match(file.text, /iaas\/20220928\.md\n\n- \n\n/u);
  });
});

describe('the action items of a repository, each once (the Action Items view and --actions)', () => {
  const day = (month: number, dayOfMonth: number) => ({ year: 2024, month, day: dayOfMonth });
  const summary = (items: LatestItem[]) => items.map((l) => [l.tracked.item.text, l.tracked.status, l.tracked.file.path, l.tracked.raised.file.path, l.ageDays, l.seriesEnded]);

  it('lists each open item once, at its latest mention, with its age', () => {
    const items = openItems(workspaceOf(SERIES), day(1, 11));
    assert.deepEqual(summary(items), [['draft the charter', 'open', 'wg/20240108.md', 'wg/20240101.md', 10, false]]);
  });

  it('gives one row per item in every state, at its latest mention among the files asked about', () => {
    const workspace = workspaceOf(SERIES);
    assert.deepEqual(summary(latestItems(workspace, day(1, 11))), [
      ['book a room for the workshop', 'dropped', 'wg/20240101.md', 'wg/20240101.md', 10, false],
      ['draft the charter', 'open', 'wg/20240108.md', 'wg/20240101.md', 10, false],
    ]);
    // Asked about the first meeting only: the charter as it stood there.
    assert.deepEqual(
      summary(latestItems(workspace, day(1, 11), { includes: (path) => path === 'wg/20240101.md' })).map((s) => s.slice(0, 3)),
      [
        ['draft the charter', 'open', 'wg/20240101.md'],
        ['book a room for the workshop', 'dropped', 'wg/20240101.md'],
      ],
    );
  });

  it('marks the items of a series that stopped meeting: three usual gaps and the reminder days past its newest minutes', () => {
    const workspace = workspaceOf(SERIES);
    // Weekly, newest 2024-01-08: still meeting 21 days later, ended 22 days later.
    assert.deepEqual(openItems(workspace, day(1, 29)).map((l) => l.seriesEnded), [false]);
    assert.deepEqual(openItems(workspace, day(1, 30)).map((l) => l.seriesEnded), [true]);
    // A fixed number of quiet days (the view's setting) replaces the judgement.
    assert.deepEqual(openItems(workspace, day(1, 30), 30).map((l) => l.seriesEnded), [false]);
    assert.deepEqual(openItems(workspace, day(1, 11), 2).map((l) => l.seriesEnded), [true]);
  });
});

describe('completion of an action item\'s owner', () => {
  it('offers the meeting\'s participants first after "AI @", others first in the participants list', async () => {
    const { completions } = await import('../../server/src/core/features/completion');
    const files = { ...SERIES, 'wg/20240101.md': SERIES['wg/20240101.md'].replace('- @alex\n', '- @alex\n- @robin\n') };
    const text = joinLines('# 2024-01-15', '', '## Participants', '', '- @alex', '', '## Topics', '', '- AI @');
    const env = { config: DEFAULT_CONFIG, workspace: workspaceOf({ ...files, 'wg/20240115.md': text }), calendar: calendarFor(DEFAULT_CONFIG.holidays), today: { year: 2024, month: 1, day: 15 } };
    const labels = (line: number, character: number) => completions(modelOf(text, 'wg/20240115.md'), { line, character }, env).map((i) => i.label);
    assert.equal(labels(8, 6)[0], '@alex', 'the owner is someone at the meeting');
    assert.notEqual(labels(4, 3)[0], '@alex', 'in the participants list, someone not listed yet comes first');
  });
});
