import * as assert from 'node:assert/strict';
import type { CalendarDate } from '../../../server/src/core';
import { ALL_TEAMS, GOOD, lintDoc, MEETING_PATH, ofCode, REPO, rollup, single, TEAM, type Files } from './ruleHelpers';

// A team file whose name is the wrong date (its title and its series' weekday say a year later):
// it is no minutes of the week its name says, for any check or fix.
describe('a misnamed team file counts at the date it was held', () => {
  const today: CalendarDate = { year: 2024, month: 1, day: 8 };
  // iaas/ meets on Wednesdays; this file, named on the Thursday of the roll-up, holds the minutes of 2023-09-27.
  const misnamed: Files = { ...REPO, 'iaas/20220929.md': '# iaas 2023-09-27\n' };

  it('is reported with the rename, and no roll-up link is moved onto it', () => {
    const own = single(lintDoc('# iaas 2023-09-27\n', 'iaas/20220929.md', misnamed, undefined, today).findings, 'title-date-mismatch');
    assert.match(own.message, /so the file name looks wrong \(expected 20230927\.md\)/u);
    assert.deepEqual(ofCode(lintDoc(GOOD, MEETING_PATH, misnamed, undefined, today).findings, 'minutes-link-outdated'), [], 'iaas/20220928.md stays the latest IaaS minutes of that week');
  });

  it('does not make its team "missing" from the roll-up of the week its name says', () => {
    // container/ meets on Mondays; its only file since the last roll-up is named on a Tuesday and held a year later.
    const files: Files = { ...REPO, 'container/20220905.md': '# container 2022-09-05\n', 'container/20220927.md': '# container 2023-09-25\n' };
    delete files['container/20220926.md'];
    const withoutContainer = rollup(ALL_TEAMS.filter((t) => t !== TEAM.container));
    const missing = ofCode(lintDoc(withoutContainer, MEETING_PATH, files, undefined, today).findings, 'missing-team').map((f) => f.message);
    assert.ok(!missing.some((m) => m.includes('Container')), missing.join('\n'));
    // The control: a genuine file of that week makes the team missing.
    const genuine = ofCode(lintDoc(withoutContainer, MEETING_PATH, REPO, undefined, today).findings, 'missing-team').map((f) => f.message);
    assert.ok(genuine.some((m) => m.includes('Container')), genuine.join('\n'));
  });
});
