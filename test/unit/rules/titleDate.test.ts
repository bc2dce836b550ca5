import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, type MinutesConfig } from '../../../server/src/core';
import { BASE, fixed, GOOD, joinLines, lintDoc, MEETING_PATH, ofCode, range, rangeOf, REPO, rollup, shown, single, TEAM } from './ruleHelpers';

const DATE_CODES = ['title-date-mismatch', 'invalid-date', 'missing-title-date'];
const dateFindings = (text: string, path: string, files = REPO) => lintDoc(text, path, files).findings.filter((f) => DATE_CODES.includes(f.code));

describe('rule title-date-mismatch', () => {
  it('reports a title date copied from last week, on the date, and its fix changes only the date', () => {
    const text = GOOD.replace('2022-09-29', '2022-09-22');
    const { findings } = lintDoc(text, MEETING_PATH, REPO);
    assert.deepEqual(findings.map(shown), [
      {
        code: 'title-date-mismatch',
        severity: 'warning',
        message: 'Title says 2022-09-22 but the file is 20220929.md; expected 2022-09-29.',
        range: range(0, 18, 0, 28),
      },
    ]);
    const [fix] = findings[0].fixes!;
    assert.equal(fix.title, 'Change the title date to 2022-09-29');
    assert.equal(fix.preferred, true);
    assert.equal(fix.renameTo, undefined);
    assert.deepEqual(fix.edits, [{ range: range(0, 18, 0, 28), newText: '2022-09-29' }]);
    assert.equal(fixed(text, findings[0]), GOOD);
  });

  it('trusts the file name for the meeting date, so the links are checked against 2022-09-29', () => {
    // Only the title is wrong: no finding says the links are "after the meeting".
    const { findings } = lintDoc(GOOD.replace('2022-09-29', '2022-09-22'), MEETING_PATH, REPO);
    assert.deepEqual(findings.map((f) => f.code), ['title-date-mismatch']);
  });

  it('reports it in a team meeting file too, blaming the title that is off the series\' weekday', () => {
    // iaas/ met on Wednesdays (0914, 0921, 0928): the Monday after in the title is the mistake.
    const text = joinLines('# Team IaaS 2022-10-10', '', '## Participants', '', '- @alex');
    const f = single(lintDoc(text, 'iaas/20221005.md', REPO).findings, 'title-date-mismatch');
    assert.equal(f.message, 'Title says 2022-10-10 but the file is 20221005.md; expected 2022-10-05.');
    assert.deepEqual(f.range, range(0, 12, 0, 22));
    assert.equal(fixed(text, f), text.replace('2022-10-10', '2022-10-05'));
  });

  it('prefers no fix for a title a day off the series\' weekday: the meeting may have moved that week', () => {
    const text = joinLines('# Team IaaS 2022-10-04', '', '## Participants', '', '- @alex');
    const f = single(lintDoc(text, 'iaas/20221005.md', REPO).findings, 'title-date-mismatch');
    assert.equal(f.message, 'Title says 2022-10-04 but the file is 20221005.md: one of the two dates is wrong.');
    assert.ok(!f.fixes?.some((x) => x.preferred), JSON.stringify(f.fixes));
  });

  it('blames the file name of team minutes whose title is on the series\' weekday and prefers the rename', () => {
    const f = single(lintDoc('# Team IaaS 2022-10-12\n', 'iaas/20221011.md', REPO).findings, 'title-date-mismatch');
    assert.equal(f.message, 'Title says 2022-10-12 but the file is 20221011.md, a Tuesday; this series meets on Wednesdays, so the file name looks wrong (expected 20221012.md).');
    assert.deepEqual(
      f.fixes!.map((x) => [x.title, x.preferred === true]),
      [
        ['Rename the file to 20221012.md', true],
        ['Change the title date to 2022-10-11', false],
      ],
    );
  });

  it('renames no file away from another of its date (an agenda beside its minutes): both fixes offered, neither preferred', () => {
    const f = single(lintDoc('# Team IaaS 2022-10-12\n', 'iaas/20221011.md', { ...REPO, 'iaas/20221011-agenda.md': '# Agenda 2022-10-11\n' }).findings, 'title-date-mismatch');
    assert.deepEqual(f.fixes!.map((x) => [x.title, x.preferred === true]), [['Change the title date to 2022-10-11', false]]);
    // Nor onto a date other files of the series have: the title may have been copied from theirs.
    const onto = single(lintDoc('# Team IaaS 2022-10-12\n', 'iaas/20221011.md', { ...REPO, 'iaas/20221012-workshop.md': '# Workshop 2022-10-12\n' }).findings, 'title-date-mismatch');
    assert.equal(onto.fixes!.some((x) => x.preferred), false);
  });

  it('offers both fixes, neither preferred, where it cannot tell which date is wrong', () => {
    // Only two earlier iaas/ meetings: too few to know the series' weekday.
    const f = single(lintDoc('# Team IaaS 2022-09-29\n', 'iaas/20220928.md', REPO).findings, 'title-date-mismatch');
    assert.equal(f.message, 'Title says 2022-09-29 but the file is 20220928.md: one of the two dates is wrong.');
    assert.deepEqual(
      f.fixes!.map((x) => [x.title, x.preferred === true]),
      [
        ['Change the title date to 2022-09-28', false],
        ['Rename the file to 20220929.md', false],
      ],
    );
  });

  it('blames a title that names an earlier meeting of the series (copied from it), whatever the weekdays', () => {
    const f = single(lintDoc('# Team IaaS 2022-09-21\n', 'iaas/20220928.md', REPO).findings, 'title-date-mismatch');
    assert.equal(f.message, 'Title says 2022-09-21 but the file is 20220928.md; expected 2022-09-28.');
    assert.equal(f.fixes![0].preferred, true);
  });

  it('applies no fix to a title still to come: it is wrong, but what it should say is unknown', () => {
    const f = single(lintDoc('# Team IaaS 2202-09-28\n', 'iaas/20221005.md', REPO).findings, 'title-date-mismatch');
    assert.equal(f.message, "Title says 2202-09-28 but the file is 20221005.md; the title's date is still to come, so it cannot be the meeting's (a typo?).");
    assert.deepEqual(f.fixes!.map((x) => [x.title, x.preferred === true]), [['Change the title date to 2022-10-05', false]]);
  });

  it('leaves the title of a copy of another meeting\'s minutes to duplicate-minutes (one finding per cause)', () => {
    const old = joinLines('# Team IaaS 2022-09-21', '', '## Participants', '', '- @alex', '- @kim', '', '## Topics', '', '- Image manager release', '- Ceph upgrade');
    const files = { ...REPO, 'iaas/20220921.md': old };
    assert.deepEqual(lintDoc(old, 'iaas/20220928.md', files).findings.map((f) => f.code), ['duplicate-minutes']);
    // With duplicate-minutes off, the title finding says why, and has no fix: it would make the copy look genuine.
    const config: MinutesConfig = { ...DEFAULT_CONFIG, rules: { 'duplicate-minutes': 'off' } };
    const f = single(lintDoc(old, 'iaas/20220928.md', files, config).findings, 'title-date-mismatch');
    assert.equal(f.message, 'Title says 2022-09-21 but the file is 20220928.md; the file is a copy of iaas/20220921.md.');
    assert.equal(f.fixes, undefined);
    // A copy whose title has no date, or an impossible one, is not reported for its title either.
    for (const title of ['# Team IaaS', '# Team IaaS 2022-09-31']) {
      const copy = old.replace('# Team IaaS 2022-09-21', title);
      const codes = lintDoc(copy, 'iaas/20220928.md', { ...REPO, 'iaas/20220921.md': copy }).findings.map((x) => x.code);
      assert.deepEqual(codes, ['duplicate-minutes'], title);
    }
  });

  describe('a misnamed weekly roll-up (title on the meeting Thursday, file name on a Wednesday)', () => {
    const misnamed = 'community-call/20220928.md';

    it('blames the file name and prefers renaming the file to the title date', () => {
      const { findings } = lintDoc(GOOD, misnamed, REPO);
      assert.deepEqual(findings.map(shown), [
        {
          code: 'title-date-mismatch',
          severity: 'warning',
          message:
            'Title says 2022-09-29 but the file is 20220928.md, a Wednesday; the meeting is on Thursdays, so the file name looks wrong (expected 20220929.md).',
          range: range(0, 18, 0, 28),
        },
      ]);
      const [rename, retitle] = findings[0].fixes!;
      assert.deepEqual(rename, { title: 'Rename the file to 20220929.md', edits: [], renameTo: '20220929.md', preferred: true });
      assert.equal(retitle.title, 'Change the title date to 2022-09-28');
      assert.notEqual(retitle.preferred, true);
      assert.deepEqual(retitle.edits, [{ range: range(0, 18, 0, 28), newText: '2022-09-28' }]);
    });

    it('takes the title date as the meeting date: no weekday finding, links checked against the Thursday', () => {
      // ops-iam/20220929.md is linked; against the file name's 2022-09-28 it would be "after the meeting".
      const codes = lintDoc(GOOD, misnamed, REPO).findings.map((f) => f.code);
      assert.deepEqual(codes, ['title-date-mismatch']);
    });

    it('is clean once renamed as proposed', () => {
      assert.deepEqual(lintDoc(GOOD, 'community-call/20220929.md', REPO).findings, []);
    });

    it('offers no rename when a file of that name already exists, only retitling (not preferred)', () => {
      const files = { ...REPO, 'community-call/20220929.md': `${GOOD}\n- A line this file has and the other does not\n` };
      const f = single(lintDoc(GOOD, misnamed, files).findings, 'title-date-mismatch');
      assert.match(f.message, /so the file name looks wrong \(expected 20220929\.md\)\.$/u);
      assert.deepEqual(
        f.fixes!.map((x) => [x.title, x.renameTo, x.preferred === true]),
        [['Change the title date to 2022-09-28', undefined, false]],
      );
    });

    it('offers no rename without a workspace, where it cannot tell whether the name is free', () => {
      const f = single(lintDoc(GOOD, misnamed).findings, 'title-date-mismatch');
      assert.deepEqual(f.fixes!.map((x) => x.renameTo), [undefined]);
    });

    it('keeps the suffix of a suffixed file name when renaming', () => {
      const f = single(lintDoc(GOOD, 'community-call/20220928-extra.md', REPO).findings, 'title-date-mismatch');
      assert.equal(f.fixes![0].renameTo, '20220929-extra.md');
    });
  });

  it('stays quiet when title and file name agree, in every way of writing a title', () => {
    assert.deepEqual(dateFindings(GOOD, MEETING_PATH), []);
    assert.deepEqual(dateFindings(GOOD.replace('# SCS Tech Weekly 2022-09-29', '# SCS Tech Weekly 2022-09-29 (special edition)'), MEETING_PATH), []);
    assert.deepEqual(dateFindings(joinLines('## 2024-02-19', '', '## Participants', '', '- @garloff'), 'sig-community/20240219.md'), []);
    assert.deepEqual(dateFindings('# Workshop on image builds 2022-07-04\n', 'iaas/20220704-workshop.md'), []);
  });

  it('stays quiet where there is no file date to compare with, or the title date does not exist', () => {
    assert.deepEqual(dateFindings(GOOD.replace('2022-09-29', '2022-09-22'), 'Untitled-1'), []);
    assert.deepEqual(ofCode(lintDoc('# SCS Tech Weekly 2023-02-30\n', 'community-call/20230302.md').findings, 'title-date-mismatch'), []);
  });

  it('leaves documents that are not minutes alone', () => {
    assert.deepEqual(lintDoc('# Meeting template 2022-01-01\n', 'iaas/20220928-template.md', REPO).findings, []);
    assert.deepEqual(lintDoc('# Notes of 2022-09-22\n', 'README.md', REPO).findings, []);
  });
});

describe('rule invalid-date', () => {
  it('reports an impossible title date, without a fix and without also calling it a mismatch', () => {
    const text = rollup(undefined, '# SCS Tech Weekly 2023-02-30');
    const findings = dateFindings(text, 'community-call/20230302.md');
    assert.deepEqual(findings.map(shown), [
      { code: 'invalid-date', severity: 'warning', message: '2023-02-30 is not a date that exists.', range: range(0, 18, 0, 28) },
    ]);
    assert.equal(findings[0].fixes, undefined);
  });

  it('reports a date written with an en dash and rewrites it as YYYY-MM-DD', () => {
    const text = rollup(undefined, '# SCS Tech Weekly 2022-09\u201329');
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'invalid-date');
    assert.deepEqual(shown(f), {
      code: 'invalid-date',
      severity: 'warning',
      message: '2022-09\u201329 is not written as YYYY-MM-DD; expected 2022-09-29.',
      range: range(0, 18, 0, 28),
    });
    assert.equal(preferredTitle(f), 'Write the date as 2022-09-29');
    assert.equal(fixed(text, f), GOOD);
    assert.deepEqual(lintDoc(fixed(text, f), MEETING_PATH, REPO).findings, []);
  });

  it('reports a one-digit day and pads it', () => {
    const text = joinLines('# SIG Documentation 2023-09-4', '', '## Participants');
    const f = single(lintDoc(text, 'sig-documentation/20230904.md', REPO).findings, 'invalid-date');
    assert.equal(f.message, '2023-09-4 is not written as YYYY-MM-DD; expected 2023-09-04.');
    assert.deepEqual(f.range, range(0, 20, 0, 29));
    assert.equal(fixed(text, f), joinLines('# SIG Documentation 2023-09-04', '', '## Participants'));
  });

  it('reports a minutes link to a file named after a date that does not exist, on the URL', () => {
    const url = `${BASE}iaas/20230230.md`;
    const text = rollup([TEAM.iaas.map((l) => l.replace(`${BASE}iaas/20220928.md`, url))]);
    const f = single(lintDoc(text, MEETING_PATH).findings, 'invalid-date');
    assert.deepEqual(shown(f), {
      code: 'invalid-date',
      severity: 'warning',
      message: '20230230.md is named after a date that does not exist.',
      range: rangeOf(text, url),
    });
    assert.equal(f.fixes, undefined);
  });

  it('stays quiet on well-formed dates, and on malformed dates in the body (only titles and links are checked)', () => {
    assert.deepEqual(ofCode(lintDoc(GOOD, MEETING_PATH, REPO).findings, 'invalid-date'), []);
    const body = rollup([[...TEAM.iaas, '- Release on 2022-9-30, not 2022-02-30']]);
    assert.deepEqual(ofCode(lintDoc(body, MEETING_PATH, REPO).findings, 'invalid-date'), []);
  });
});

describe('rule missing-title-date', () => {
  it('reports a roll-up title without its date, on the title, and adds the file name date', () => {
    const text = rollup(undefined, '# SCS Tech Weekly');
    const findings = dateFindings(text, MEETING_PATH);
    assert.deepEqual(findings.map(shown), [
      {
        code: 'missing-title-date',
        severity: 'warning',
        message: 'The title has no date; expected 2022-09-29 from the file name.',
        range: range(0, 0, 0, 17),
      },
    ]);
    assert.equal(preferredTitle(findings[0]), 'Add 2022-09-29 to the title');
    assert.equal(fixed(text, findings[0]), GOOD);
    assert.deepEqual(lintDoc(fixed(text, findings[0]), MEETING_PATH, REPO).findings, []);
  });

  it('reports a team meeting title without a date', () => {
    const text = joinLines('# Team IaaS', '', '## Participants');
    const f = single(lintDoc(text, 'iaas/20220928.md').findings, 'missing-title-date');
    assert.equal(fixed(text, f), joinLines('# Team IaaS 2022-09-28', '', '## Participants'));
  });

  it('offers no fix when there is no file date either', () => {
    const f = single(lintDoc(rollup(undefined, '# SCS Tech Weekly'), 'Untitled-1').findings, 'missing-title-date');
    assert.equal(f.message, 'The title has no date.');
    assert.equal(f.fixes, undefined);
  });

  it('stays quiet on the notes of a special session with a suffixed file name', () => {
    assert.deepEqual(dateFindings('# Workshop on image builds\n\n## Agenda\n', 'iaas/20220704-workshop.md'), []);
    assert.deepEqual(dateFindings('# Hackathon\n', 'community-call/20221110_hackathon.md'), []);
  });

  it('stays quiet on dated titles and on files that are not minutes', () => {
    assert.deepEqual(ofCode(lintDoc(GOOD, MEETING_PATH, REPO).findings, 'missing-title-date'), []);
    assert.deepEqual(lintDoc('# Minutes\n\nHow we write minutes\n', 'README.md').findings, []);
  });
});

function preferredTitle(f: { fixes?: Array<{ title: string; preferred?: boolean }> }): string | undefined {
  return f.fixes?.find((x) => x.preferred)?.title;
}
