import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, lint } from '../../../server/src/core';
import { ALL_TEAMS, BASE, fixed, GOOD, joinLines, lintDoc, MEETING_PATH, modelOf, ofCode, range, rangeOf, REPO, rollup, shown, single, TEAM, TREE, workspaceOf } from './ruleHelpers';

const LINK_CODES = ['minutes-link-not-found', 'minutes-link-outdated', 'minutes-link-future', 'minutes-link-wrong-team', 'minutes-now-available'];
const linkFindings = (text: string, files = REPO) => lintDoc(text, MEETING_PATH, files).findings.filter((f) => LINK_CODES.includes(f.code));
/** The correct roll-up with one team's minutes line replaced. */
const withLine = (team: string[], line: string) => rollup(ALL_TEAMS.map((t) => (t === team ? [t[0], '', line, ...t.slice(3)] : t)));
const TOP = range(0, 0, 0, 0);

describe('rule minutes-link-not-found', () => {
  it('reports a link to a file that does not exist, on the URL, and relinks the team minutes of that week', () => {
    const url = `${BASE}iaas/20220927.md`;
    const text = withLine(TEAM.iaas, `Minutes: ${url}`);
    const { findings } = lintDoc(text, MEETING_PATH, REPO);
    assert.deepEqual(findings.map(shown), [
      {
        code: 'minutes-link-not-found',
        severity: 'warning',
        message: 'iaas/20220927.md does not exist; iaas/20220928.md is the Team IaaS minutes of that week.',
        range: rangeOf(text, url),
      },
    ]);
    assert.deepEqual(findings[0].related, [{ uri: 'file:///repo/iaas/20220928.md', range: TOP, message: 'Team IaaS minutes' }]);
    assert.equal(findings[0].fixes![0].title, 'Link iaas/20220928.md');
    assert.equal(fixed(text, findings[0]), GOOD);
  });

  it('reports a link without ".md" to an existing file and adds the extension', () => {
    const text = withLine(TEAM.iaas, `Minutes: ${BASE}iaas/20220928`);
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'minutes-link-not-found');
    assert.deepEqual(shown(f), {
      code: 'minutes-link-not-found',
      severity: 'warning',
      message: 'The link to iaas/20220928.md lacks ".md".',
      range: rangeOf(text, `${BASE}iaas/20220928`),
    });
    assert.equal(f.fixes![0].title, 'Add ".md"');
    assert.equal(fixed(text, f), GOOD);
  });

  it('adds ".md" inside [Minutes](URL) too', () => {
    const text = withLine(TEAM.monitoring, `[Minutes](${BASE}sig-monitoring/20220927)`);
    assert.equal(fixed(text, single(lintDoc(text, MEETING_PATH, REPO).findings, 'minutes-link-not-found')), GOOD);
  });

  it('relinks the file of that week when the link lacks ".md" and has the wrong date as well', () => {
    const text = withLine(TEAM.iaas, `Minutes: ${BASE}iaas/20220927`);
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'minutes-link-not-found');
    assert.equal(f.message, 'iaas/20220927 does not exist; iaas/20220928.md is the Team IaaS minutes of that week.');
    assert.equal(fixed(text, f), GOOD);
  });

  it('names a folder that does not exist, without a fix', () => {
    const url = `${BASE}iaaas/20220928.md`;
    const f = single(lintDoc(withLine(TEAM.iaas, `Minutes: ${url}`), MEETING_PATH, REPO).findings, 'minutes-link-not-found');
    assert.equal(f.message, 'iaaas/20220928.md does not exist: there is no folder "iaaas" in this repository.');
    assert.equal(f.fixes, undefined);
  });

  it('for a missing file dated after the meeting, suggests the minutes of the linked week (minutes-link-future suggests the latest before the meeting)', () => {
    const text = withLine(TEAM.iaas, `Minutes: ${BASE}iaas/20221006.md`);
    const { findings } = lintDoc(text, MEETING_PATH, REPO);
    assert.deepEqual(findings.map((f) => f.code), ['minutes-link-not-found', 'minutes-link-future']);
    assert.equal(findings[0].message, 'iaas/20221006.md does not exist; iaas/20221005.md is the Team IaaS minutes of that week.');
    assert.equal(fixed(text, findings[1]), GOOD);
  });

  it('stays quiet on existing files, on links outside the repository, and without a workspace', () => {
    assert.deepEqual(linkFindings(GOOD), []);
    assert.deepEqual(linkFindings(withLine(TEAM.iaas, 'Minutes: https://input.scs.community/iaas-2022-09-28')), []);
    assert.deepEqual(lintDoc(withLine(TEAM.iaas, `Minutes: ${BASE}iaas/20220927.md`), MEETING_PATH).findings, []);
  });

  it('adds ".md" before the fragment of a link', () => {
    const text = withLine(TEAM.iaas, `Minutes: ${BASE}iaas/20220928#agenda`);
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'minutes-link-not-found');
    assert.equal(fixed(text, f), withLine(TEAM.iaas, `Minutes: ${BASE}iaas/20220928.md#agenda`));
  });
});

describe('rule minutes-link-outdated', () => {
  it('reports last week\'s minutes, on the URL, and relinks the newest on or before the meeting', () => {
    const url = `${BASE}iaas/20220921.md`;
    const text = withLine(TEAM.iaas, `Minutes: ${url}`);
    const { findings } = lintDoc(text, MEETING_PATH, REPO);
    assert.deepEqual(findings.map(shown), [
      {
        code: 'minutes-link-outdated',
        severity: 'warning',
        message: 'iaas/20220921.md is not the latest Team IaaS minutes: iaas/20220928.md is dated 2022-09-28, on or before the meeting (2022-09-29).',
        range: rangeOf(text, url),
      },
    ]);
    assert.deepEqual(findings[0].related, [{ uri: 'file:///repo/iaas/20220928.md', range: TOP, message: 'newer Team IaaS minutes' }]);
    assert.equal(fixed(text, findings[0]), GOOD);
  });

  it('counts minutes of the meeting day itself as on or before the meeting', () => {
    const text = withLine(TEAM.opsIam, `Minutes: ${BASE}ops-iam/20220922.md`);
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'minutes-link-outdated');
    assert.equal(
      f.message,
      'ops-iam/20220922.md is not the latest Team Operations and IAM minutes: ops-iam/20220929.md is dated 2022-09-29, on or before the meeting (2022-09-29).',
    );
    assert.equal(fixed(text, f), GOOD);
  });

  it('works in [Minutes](URL) and <URL> (waiting to be merged) lines', () => {
    const md = withLine(TEAM.monitoring, `[Minutes](${BASE}sig-monitoring/20220913.md)`);
    assert.equal(fixed(md, single(lintDoc(md, MEETING_PATH, REPO).findings, 'minutes-link-outdated')), GOOD);
    const waiting = withLine(TEAM.docs, `Minutes: <${BASE}sig-documentation/20220919.md> (waiting to be merged)`);
    assert.equal(fixed(waiting, single(lintDoc(waiting, MEETING_PATH, REPO).findings, 'minutes-link-outdated')), GOOD);
  });

  it('stays quiet on "URL + URL" when the newest minutes are among them', () => {
    const text = withLine(TEAM.iaas, `Minutes: ${BASE}iaas/20220921.md + ${BASE}iaas/20220928.md`);
    assert.deepEqual(lintDoc(text, MEETING_PATH, REPO).findings, []);
  });

  it('reports "URL + URL" when both are outdated, without a fix (which of the two to replace is a choice)', () => {
    const text = withLine(TEAM.iaas, `Minutes: ${BASE}iaas/20220914.md + ${BASE}iaas/20220921.md`);
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'minutes-link-outdated');
    assert.deepEqual(f.range, rangeOf(text, `${BASE}iaas/20220914.md`));
    assert.equal(f.fixes, undefined);
  });

  it('stays quiet on the newest minutes, on same-day minutes, and on links that are reported as missing instead', () => {
    assert.deepEqual(linkFindings(GOOD), []);
    const missing = withLine(TEAM.iaas, `Minutes: ${BASE}iaas/20220920.md`);
    assert.deepEqual(linkFindings(missing).map((f) => f.code), ['minutes-link-not-found']);
  });
});

describe('rule minutes-link-future', () => {
  it('reports minutes dated after the meeting, on the URL, and relinks the latest before it', () => {
    const url = `${BASE}iaas/20221005.md`;
    const text = withLine(TEAM.iaas, `Minutes: ${url}`);
    const { findings } = lintDoc(text, MEETING_PATH, REPO);
    assert.deepEqual(findings.map(shown), [
      {
        code: 'minutes-link-future',
        severity: 'warning',
        message: 'iaas/20221005.md is dated after the meeting (2022-09-29); iaas/20220928.md is the latest before it.',
        range: rangeOf(text, url),
      },
    ]);
    assert.equal(findings[0].fixes![0].title, 'Link iaas/20220928.md');
    assert.equal(fixed(text, findings[0]), GOOD);
  });

  it('offers no fix when the team has no minutes before the meeting', () => {
    const files = { ...REPO, 'sig-scheduling/20221006.md': '' };
    const text = rollup([...ALL_TEAMS, ['### SIG Scheduling', '', `Minutes: ${BASE}sig-scheduling/20221006.md`]]);
    const f = single(lintDoc(text, MEETING_PATH, files).findings, 'minutes-link-future');
    assert.equal(f.message, 'sig-scheduling/20221006.md is dated after the meeting (2022-09-29).');
    assert.equal(f.fixes, undefined);
  });

  it('stays quiet on minutes of the meeting day and before', () => {
    assert.deepEqual(ofCode(lintDoc(GOOD, MEETING_PATH, REPO).findings, 'minutes-link-future'), []);
  });
});

describe('rule minutes-link-wrong-team', () => {
  const url = `${BASE}container/20220926.md`;
  const text = withLine(TEAM.iaas, `Minutes: ${url}`);

  it('reports a link into another team\'s folder, on the URL, and relinks the team\'s own minutes', () => {
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'minutes-link-wrong-team');
    assert.deepEqual([f.severity, f.range], ['warning', rangeOf(text, url)]);
    assert.match(f.message, /^Team IaaS links container\/20220926\.md, in .*'s folder; its own minutes are in iaas\/\.$/u);
    assert.equal(f.fixes![0].title, 'Link iaas/20220928.md');
    assert.equal(fixed(text, f), GOOD);
  });

  it('names the folder\'s team when the roll-up is not yet part of the workspace', () => {
    const model = modelOf(text, MEETING_PATH);
    const found = lint(model, DEFAULT_CONFIG, { workspace: workspaceOf(REPO) });
    assert.equal(single(found, 'minutes-link-wrong-team').message, "Team IaaS links container/20220926.md, in Team Container's folder; its own minutes are in iaas/.");
  });

  it('names the team that owns the folder when the roll-up is saved in the workspace', () => {
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'minutes-link-wrong-team');
    assert.equal(f.message, "Team IaaS links container/20220926.md, in Team Container's folder; its own minutes are in iaas/.");
  });

  it('stays quiet on a link into a folder no other team is known to use', () => {
    const lab = withLine(TEAM.iaas, `Minutes: ${BASE}scs-lab/20220927.md`);
    assert.deepEqual(ofCode(lintDoc(lab, MEETING_PATH, { ...REPO, 'scs-lab/20220927.md': '' }).findings, 'minutes-link-wrong-team'), []);
  });

  it('stays quiet on the teams\' own folders', () => {
    assert.deepEqual(ofCode(lintDoc(GOOD, MEETING_PATH, REPO).findings, 'minutes-link-wrong-team'), []);
  });
});

describe('rule minutes-now-available', () => {
  it('reports a pending line with a folder link when the minutes exist, on the line, and links them', () => {
    const line = `Minutes not available yet: ${TREE}ops-iam`;
    const text = withLine(TEAM.opsIam, line);
    const { findings } = lintDoc(text, MEETING_PATH, REPO);
    assert.deepEqual(findings.map(shown), [
      {
        code: 'minutes-now-available',
        severity: 'information',
        message: 'The Team Operations and IAM minutes are available now: ops-iam/20220929.md.',
        range: rangeOf(text, line),
      },
    ]);
    assert.deepEqual(findings[0].related, [{ uri: 'file:///repo/ops-iam/20220929.md', range: TOP, message: 'Team Operations and IAM minutes' }]);
    assert.equal(findings[0].fixes![0].title, 'Link ops-iam/20220929.md');
    assert.equal(fixed(text, findings[0]), GOOD);
  });

  it('replaces every pending form by the link', () => {
    for (const pending of ['Minutes: none yet', '(none yet)', 'No minutes (yet?)', 'Minutes: https://github.com/SovereignCloudStack/minutes/pull/130', `Minutes still pending: ${TREE}iaas`, `Minutes: ${TREE}iaas`]) {
      const text = withLine(TEAM.iaas, pending);
      const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'minutes-now-available');
      assert.equal(f.message, 'The Team IaaS minutes are available now: iaas/20220928.md.', pending);
      assert.equal(fixed(text, f), GOOD, pending);
    }
  });

  it('keeps a list marker, and writes [Minutes](URL) in a roll-up that uses that style', () => {
    const listed = withLine(TEAM.iaas, '- Minutes: none yet');
    assert.equal(fixed(listed, single(lintDoc(listed, MEETING_PATH, REPO).findings, 'minutes-now-available')), withLine(TEAM.iaas, `- Minutes: ${BASE}iaas/20220928.md`));
    const md = rollup([['### Team IaaS', '', 'Minutes: none yet'], ['### Team Container', '', `[Minutes](${BASE}container/20220926.md)`], TEAM.monitoring]);
    const f = single(lintDoc(md, MEETING_PATH, REPO).findings, 'minutes-now-available');
    assert.equal(fixed(md, f), md.replace('Minutes: none yet', `[Minutes](${BASE}iaas/20220928.md)`));
  });

  it('stays quiet when nothing new exists since the previous roll-up, on cancelled meetings, and without a workspace', () => {
    // IAM SIG: sig-iam/20220915.md is older than the previous roll-up.
    for (const pending of ['Minutes: none yet', `Minutes not available yet: ${TREE}sig-iam`, '(none yet)', 'Minutes: https://github.com/SovereignCloudStack/minutes/pull/131']) {
      assert.deepEqual(lintDoc(withLine(TEAM.iamSig, pending), MEETING_PATH, REPO).findings, [], pending);
    }
    assert.deepEqual(linkFindings(withLine(TEAM.iaas, 'Cancelled.')), []);
    assert.deepEqual(lintDoc(withLine(TEAM.iaas, 'Minutes: none yet'), MEETING_PATH).findings, []);
  });

  it('reminds only on the newest roll-up, and only within the reminder days of today', () => {
    const text = withLine(TEAM.opsIam, `Minutes not available yet: ${TREE}ops-iam`);
    const reminders = (files: typeof REPO, today: { year: number; month: number; day: number }) => ofCode(lintDoc(text, MEETING_PATH, files, undefined, today).findings, 'minutes-now-available').length;
    assert.equal(reminders(REPO, { year: 2022, month: 10, day: 6 }), 1, 'the newest roll-up, a week later');
    assert.equal(reminders(REPO, { year: 2022, month: 12, day: 1 }), 0, 'the newest roll-up, two months later: history');
    const later = { ...REPO, 'community-call/20221006.md': GOOD.replace('2022-09-29', '2022-10-06') };
    assert.equal(reminders(later, { year: 2022, month: 10, day: 7 }), 0, 'a roll-up with a later one after it');
  });
});

describe('link rules outside a minutes repository', () => {
  it('stay quiet when the workspace has no team folders', () => {
    const files = { 'README.md': '# Notes\n', 'docs/guide.md': '# Guide\n', 'community-call/20220922.md': REPO['community-call/20220922.md'] };
    const broken = rollup([
      ['### Team IaaS', '', `Minutes: ${BASE}iaas/20220927.md`],
      ['### Team Container', '', `Minutes: ${BASE}iaas/20220926`],
      ['### Team Operations and IAM', '', `Minutes: ${BASE}ops-iam/20221006.md`],
      ['### IAM SIG', '', `Minutes: ${BASE}container/20220926.md`],
    ]);
    assert.deepEqual(linkFindings(broken, files), []);
    assert.deepEqual(linkFindings(GOOD, files), []);
  });

  it('stay quiet on team minutes, which link nothing (their links are link-not-found\'s, as any file\'s)', () => {
    const codes = lintDoc(joinLines('# Team IaaS 2022-09-28', '', `Minutes: ${BASE}iaas/20220101.md`), 'iaas/20220928.md', REPO).findings.map((f) => f.code);
    assert.deepEqual(codes, ['link-not-found']);
  });
});
