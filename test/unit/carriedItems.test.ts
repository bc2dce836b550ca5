import * as assert from 'node:assert/strict';
import { calendarFor, DEFAULT_CONFIG, newTeamMinutes } from '../../server/src/core';
import { trackSeries } from '../../server/src/core/workspace/actionSeries';
import { joinLines } from './helpers';
import { lintDoc, offered, ofCode, single, workspaceOf } from './rules/ruleHelpers';

// A board series: the item is raised under its topic, and the next meeting speaks of it in other words.
const RAISED = joinLines('# 2024-10-21', '', '## Participants', '', '- @fkr', '- @kim', '', '## Agenda', '', '### Project Board', '', '- one slot is assigned to the forum', '- AI @fkr: draft this up as an ADR', '', '### Budget', '', '- AI @kim: book a room for the workshop', '');
const NEXT = (...agenda: string[]) => joinLines('# 2024-11-04', '', '## Participants', '', '- @fkr', '- @kim', '', '## Agenda', '', ...agenda, '');

function chains(files: Record<string, string>) {
  return trackSeries(workspaceOf(files), 'board').map((t) => [t.file.path, t.item.owners[0], t.status, t.raised.file.path, t.carried]);
}
const dropped = (later: string) => ofCode(lintDoc(later, 'board/20241104.md', { 'board/20241021.md': RAISED, 'board/20241104.md': later }).findings, 'action-item-dropped');

describe('an action item carried in other words', () => {
  it('goes on where a status line stands under its topic in the next meeting', () => {
    const later = NEXT('### Project Board', '', '- Updates? Not yet - ADR expected later this week', '', '### Budget', '', '- AI @kim: book a room for the workshop');
    assert.deepEqual(chains({ 'board/20241021.md': RAISED, 'board/20241104.md': later }), [
      ['board/20241021.md', 'fkr', 'open', 'board/20241021.md', 0],
      ['board/20241021.md', 'kim', 'open', 'board/20241021.md', 0],
      ['board/20241104.md', 'kim', 'open', 'board/20241021.md', 1],
      ['board/20241104.md', 'fkr', 'open', 'board/20241021.md', 1],
    ]);
    assert.deepEqual(dropped(later), []);
  });

  it('goes on where the next meeting names its owner and its topic in other words, taking the status it states', () => {
    const later = NEXT('### Project Board', '', '- AI @fkr: draft this up as an ADR', '', '### Budget', '', '- @kim: the workshop venue is booked, done');
    const tracked = trackSeries(workspaceOf({ 'board/20241021.md': RAISED, 'board/20241104.md': later }), 'board');
    const kim = tracked.filter((t) => t.item.owners[0] === 'kim').map((t) => [t.file.path, t.status, t.item.line]);
    assert.deepEqual(kim, [
      ['board/20241021.md', 'open', 16],
      ['board/20241104.md', 'done', 15],
    ]);
    assert.deepEqual(dropped(later), []);
  });

  it('is still dropped when the next meeting only names its owner elsewhere, or says "not yet" under another topic', () => {
    const later = NEXT('### Project Board', '', '- AI @fkr: draft this up as an ADR', '', '### Health monitor', '', '- @kim presented the new dashboard', '- Not yet decided when the old one goes');
    const [finding] = dropped(later);
    assert.equal(finding?.message, '1 open action item of the meeting of 2024-10-21 is neither carried nor done here: @kim: book a room for the workshop.');
  });

  it('is not carried by a status line under a heading that names no topic ("Agenda")', () => {
    const raised = RAISED.replace('### Budget\n\n', '');
    const later = NEXT('- AI @fkr: draft this up as an ADR', '- Not yet: the cloud report is expected later this week');
    const found = ofCode(lintDoc(later, 'board/20241104.md', { 'board/20241021.md': raised, 'board/20241104.md': later }).findings, 'action-item-dropped');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /@kim: book a room for the workshop/u);
  });

  it('is carried on as it was written, not as the line that spoke of it: in new minutes, and when it falls off later', () => {
    const later = NEXT('### Project Board', '', '- Updates? Not yet - ADR expected later this week', '', '### Budget', '', '- AI @kim: book a room for the workshop');
    const files = { 'board/20241021.md': RAISED, 'board/20241104.md': later };
    const next = newTeamMinutes(workspaceOf(files), 'board', calendarFor(DEFAULT_CONFIG.holidays), { year: 2024, month: 11, day: 18 });
    assert.match(next.text, /## Pending action items\n\n- AI @kim: book a room for the workshop\n {2}- status: \n- AI @fkr: draft this up as an ADR\n {2}- status: \n/u);
    const third = NEXT('### Budget', '', '- AI @kim: book a room for the workshop').replace('2024-11-04', '2024-11-18');
    const f = single(lintDoc(third, 'board/20241118.md', { ...files, 'board/20241118.md': third }).findings, 'action-item-dropped');
    assert.equal(f.message, '1 open action item of the meeting of 2024-11-04 is neither carried nor done here: @fkr: draft this up as an ADR.');
    assert.match(offered(third, f), /^- AI @fkr: draft this up as an ADR$/mu);
  });
});
