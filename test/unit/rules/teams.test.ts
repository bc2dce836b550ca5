import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, type MinutesConfig } from '../../../server/src/core';
import { ALL_TEAMS, BASE, fixed, GOOD, joinLines, lintDoc, MEETING_PATH, ofCode, range, rangeOf, REPO, rollup, shown, single, TEAM, TREE } from './ruleHelpers';

const without = (...drop: string[][]) => ALL_TEAMS.filter((t) => !drop.includes(t));
const UPDATES_HEADING = range(6, 0, 6, 15);
/** A team section as the missing-team fix writes it. */
const inserted = (name: string, line: string) => [`### ${name}`, '', line];

describe('rule missing-team', () => {
  describe('with the teams inferred from the workspace', () => {
    it('reports a team of the previous roll-up whose folder has minutes since, on the Team Updates heading', () => {
      const text = rollup(without(TEAM.container));
      const { findings } = lintDoc(text, MEETING_PATH, REPO);
      assert.deepEqual(findings.map(shown), [
        {
          code: 'missing-team',
          severity: 'warning',
          message: 'Team Container has no section, but container/20220926.md is dated since the last roll-up.',
          range: UPDATES_HEADING,
        },
      ]);
      assert.equal(findings[0].fixes![0].title, 'Add a section for Team Container');
    });

    it('inserts the section where the previous roll-up had it, with its minutes linked', () => {
      const text = rollup(without(TEAM.container));
      const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-team');
      assert.equal(fixed(text, f), GOOD);
      assert.deepEqual(lintDoc(fixed(text, f), MEETING_PATH, REPO).findings, []);
    });

    it('inserts the first team of the roll-up before the others', () => {
      const text = rollup(without(TEAM.iaas));
      const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-team');
      assert.equal(f.message, 'Team IaaS has no section, but iaas/20220928.md is dated since the last roll-up.');
      assert.equal(fixed(text, f), rollup([inserted('Team IaaS', `Minutes: ${BASE}iaas/20220928.md`), ...without(TEAM.iaas)]));
    });

    it('expects the same-day minutes of the meeting day', () => {
      const f = single(lintDoc(rollup(without(TEAM.opsIam)), MEETING_PATH, REPO).findings, 'missing-team');
      assert.equal(f.message, 'Team Operations and IAM has no section, but ops-iam/20220929.md is dated since the last roll-up.');
    });

    it('expects a team folder with minutes since the previous roll-up even if that roll-up lacked the team', () => {
      // SIG Monitoring was in the roll-up of 2022-09-15 (that is how its folder is known), not in 2022-09-22.
      const text = rollup(without(TEAM.monitoring));
      const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-team');
      assert.equal(f.message, 'SIG Monitoring has no section, but sig-monitoring/20220927.md is dated since the last roll-up.');
      assert.equal(fixed(text, f), rollup([...without(TEAM.monitoring), inserted('SIG Monitoring', `Minutes: ${BASE}sig-monitoring/20220927.md`)]));
    });

    it('does not expect a SIG that has not met since the previous roll-up', () => {
      // IAM SIG was in the previous roll-up, but sig-iam/ has nothing after 2022-09-15.
      assert.deepEqual(lintDoc(rollup(without(TEAM.iamSig)), MEETING_PATH, REPO).findings, []);
    });

    it('does not expect a folder no roll-up ever linked: there is no team name to give it', () => {
      assert.deepEqual(lintDoc(GOOD, MEETING_PATH, { ...REPO, 'scs-lab/20220927.md': '# Lab 2022-09-27\n' }).findings, []);
    });

    it('expects a team of the previous roll-up that keeps no minutes folder, with a pending line', () => {
      const previous = REPO['community-call/20220922.md'].replace('## AOB', '### Team Lean Operator Coffee\n\nMinutes: none yet\n\n## AOB');
      const files = { ...REPO, 'community-call/20220922.md': previous };
      const f = single(lintDoc(GOOD, MEETING_PATH, files).findings, 'missing-team');
      assert.equal(f.message, 'Team Lean Operator Coffee has no section, but it was in the last roll-up, community-call/20220922.md.');
      // After SIG Documentation, as in the previous roll-up; SIG Monitoring was not in that one.
      assert.equal(fixed(GOOD, f), rollup([...without(TEAM.monitoring), inserted('Team Lean Operator Coffee', 'Minutes: none yet'), TEAM.monitoring]));
    });

    it('does not expect a section typed into one roll-up only, with no folder and no minutes line', () => {
      const madeUp = (text: string) => text.replace('## AOB', '### Team Coffee Break\n\nWe talked about the weather.\n\n## AOB');
      const once = { ...REPO, 'community-call/20220922.md': madeUp(REPO['community-call/20220922.md']) };
      assert.deepEqual(lintDoc(GOOD, MEETING_PATH, once).findings.map((f) => f.message), []);
      // Written in two roll-ups, it is a team that reports here without a folder: the next one should have it.
      const twice = { ...once, 'community-call/20220915.md': madeUp(REPO['community-call/20220915.md']) };
      const f = single(lintDoc(GOOD, MEETING_PATH, twice).findings, 'missing-team');
      assert.equal(f.message, 'Team Coffee Break has no section, but it was in the last roll-up, community-call/20220922.md.');
    });

    it('writes the minutes line as [Minutes](URL) in a roll-up that uses that style', () => {
      const md = (t: string[]) => t.map((l) => l.replace(/^Minutes: <?(https:\S+?)>?( \(waiting to be merged\))?$/u, '[Minutes]($1)'));
      const teams = without(TEAM.container).map(md);
      const text = rollup(teams);
      const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-team');
      assert.equal(fixed(text, f), rollup(ALL_TEAMS.map(md)));
    });

    it('recognises a team under another name by its name tokens or by the folder it links', () => {
      const renamed = ALL_TEAMS.map((t) => (t === TEAM.opsIam ? ['### Team Ops & Identity', '', `Minutes: ${BASE}ops-iam/20220929.md`] : t));
      assert.deepEqual(ofCode(lintDoc(rollup(renamed), MEETING_PATH, REPO).findings, 'missing-team'), []);
      const shortName = ALL_TEAMS.map((t) => (t === TEAM.container ? ['### Container Team', '', 'Minutes: none yet'] : t));
      assert.deepEqual(ofCode(lintDoc(rollup(shortName), MEETING_PATH, REPO).findings, 'missing-team'), []);
    });

    it('reports several missing teams, each with its own fix', () => {
      const text = rollup([TEAM.iaas, TEAM.iamSig]);
      const found = ofCode(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-team');
      assert.deepEqual(
        found.map((f) => f.message.split(' has no section')[0]),
        ['Team Container', 'Team Operations and IAM', 'SIG Documentation', 'SIG Monitoring'],
      );
    });

    it('stays quiet without a workspace, on a complete roll-up, and on team minutes', () => {
      assert.deepEqual(ofCode(lintDoc(rollup([TEAM.iaas]), MEETING_PATH).findings, 'missing-team'), []);
      assert.deepEqual(ofCode(lintDoc(GOOD, MEETING_PATH, REPO).findings, 'missing-team'), []);
      assert.deepEqual(lintDoc('# Team IaaS 2022-09-28\n', 'iaas/20220928.md', REPO).findings, []);
    });

    it('inserts a missing team after a present team that precedes it in the previous roll-up, even one not expected this week', () => {
      const text = rollup(without(TEAM.docs));
      const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-team');
      const docs = inserted('SIG Documentation', `Minutes: ${BASE}sig-documentation/20220926.md`);
      assert.equal(fixed(text, f), rollup([TEAM.iaas, TEAM.container, TEAM.opsIam, TEAM.iamSig, docs, TEAM.monitoring]));
    });
  });

  describe('with a configured roster', () => {
    const ROSTER: MinutesConfig = {
      ...DEFAULT_CONFIG,
      teams: [
        { name: 'Team IaaS', folder: 'iaas', kind: 'team' },
        { name: 'Team Container', folder: 'container', kind: 'team' },
        { name: 'Team Operations and IAM', folder: 'ops-iam', kind: 'team' },
        { name: 'SIG IAM', aliases: ['IAM SIG'], folder: 'sig-iam', kind: 'sig', everyWeeks: 2 },
        { name: 'SIG Documentation', folder: 'sig-documentation', kind: 'sig' },
        { name: 'Team Lean Coffee', folder: 'lean-coffee', kind: 'team' },
      ],
    };

    it('expects rostered teams with minutes since the last roll-up and weekly teams, in roster order', () => {
      const text = rollup([TEAM.iaas, TEAM.opsIam, TEAM.iamSig]);
      const found = ofCode(lintDoc(text, MEETING_PATH, REPO, ROSTER).findings, 'missing-team');
      assert.deepEqual(
        found.map((f) => [f.message, f.range]),
        [
          ['Team Container has no section, but container/20220926.md is dated since the last roll-up.', UPDATES_HEADING],
          ['SIG Documentation has no section, but sig-documentation/20220926.md is dated since the last roll-up.', UPDATES_HEADING],
          ['Team Lean Coffee has no section, but it meets every week.', UPDATES_HEADING],
        ],
      );
    });

    it('inserts a rostered team after the one before it in the roster, its minutes linked', () => {
      const text = rollup([TEAM.iaas, TEAM.opsIam, TEAM.iamSig]);
      const f = ofCode(lintDoc(text, MEETING_PATH, REPO, ROSTER).findings, 'missing-team')[0];
      assert.equal(fixed(text, f), rollup([TEAM.iaas, TEAM.container, TEAM.opsIam, TEAM.iamSig]));
    });

    it('writes a pending line with the folder for a weekly team without minutes', () => {
      const text = rollup([TEAM.iaas, TEAM.container, TEAM.opsIam, TEAM.iamSig, TEAM.docs]);
      const f = single(lintDoc(text, MEETING_PATH, REPO, ROSTER).findings, 'missing-team');
      assert.equal(fixed(text, f), rollup([TEAM.iaas, TEAM.container, TEAM.opsIam, TEAM.iamSig, TEAM.docs, inserted('Team Lean Coffee', `Minutes not available yet: ${TREE}lean-coffee`)]));
    });

    it('does not expect a SIG meeting every other week without new minutes, nor teams outside the roster', () => {
      // SIG IAM (every two weeks, nothing new) and SIG Monitoring (not rostered) are absent: fine.
      const text = rollup([TEAM.iaas, TEAM.container, TEAM.opsIam, TEAM.docs, inserted('Team Lean Coffee', 'Cancelled.')]);
      assert.deepEqual(ofCode(lintDoc(text, MEETING_PATH, REPO, ROSTER).findings, 'missing-team'), []);
    });

    it('inserts a rostered team after a present team that precedes it in the roster, even one not expected this week', () => {
      const text = rollup([TEAM.iaas, TEAM.container, TEAM.opsIam, TEAM.iamSig, inserted('Team Lean Coffee', 'Cancelled.')]);
      const f = single(lintDoc(text, MEETING_PATH, REPO, ROSTER).findings, 'missing-team');
      const docs = inserted('SIG Documentation', `Minutes: ${BASE}sig-documentation/20220926.md`);
      assert.equal(fixed(text, f), rollup([TEAM.iaas, TEAM.container, TEAM.opsIam, TEAM.iamSig, docs, inserted('Team Lean Coffee', 'Cancelled.')]));
    });
  });
});

describe('rule duplicate-team', () => {
  it('reports the second section of a SIG written the other way round, pointing at the first', () => {
    const text = rollup([...ALL_TEAMS, ['### SIG IAM', '', 'Minutes: none yet']]);
    const { findings, model } = lintDoc(text, MEETING_PATH, REPO);
    assert.deepEqual(findings.map(shown), [
      {
        code: 'duplicate-team',
        severity: 'warning',
        message: '"SIG IAM" is the same SIG as "IAM SIG" above; merge the two sections.',
        range: rangeOf(text, '### SIG IAM'),
      },
    ]);
    assert.deepEqual(findings[0].related, [{ uri: model.uri, range: rangeOf(text, '### IAM SIG'), message: 'first section of IAM SIG' }]);
    assert.equal(findings[0].fixes, undefined, 'merging two sections needs a human');
  });

  it('reports a team whose second section carries a note in parentheses', () => {
    const text = rollup([...ALL_TEAMS, ['### Team Container (Sprint review)', '', 'Cancelled.']]);
    assert.equal(single(lintDoc(text, MEETING_PATH, REPO).findings, 'duplicate-team').message, '"Team Container (Sprint review)" is the same team as "Team Container" above; merge the two sections.');
  });

  it('stays quiet on different teams, on a team and a SIG sharing a word, and on repeated topics', () => {
    assert.deepEqual(ofCode(lintDoc(GOOD, MEETING_PATH, REPO).findings, 'duplicate-team'), []);
    // "Team Operations and IAM" and "IAM SIG" share "IAM" but are a team and a SIG.
    const text = rollup([...ALL_TEAMS, ['### Lightning talk', '', '- Gardener'], ['### Lightning talk', '', '- Cluster API']]);
    assert.deepEqual(ofCode(lintDoc(text, MEETING_PATH, REPO).findings, 'duplicate-team'), []);
  });
});

describe('rule missing-minutes-link', () => {
  it('warns when the team has minutes of the week, on the heading, and links them', () => {
    const text = rollup(ALL_TEAMS.map((t) => (t === TEAM.iaas ? ['### Team IaaS', '', '- Image manager'] : t)));
    const { findings } = lintDoc(text, MEETING_PATH, REPO);
    assert.deepEqual(findings.map(shown), [
      {
        code: 'missing-minutes-link',
        severity: 'warning',
        message: 'Team IaaS has no minutes line; iaas/20220928.md is its minutes of this week.',
        range: range(8, 0, 8, 13),
      },
    ]);
    assert.equal(findings[0].fixes![0].title, 'Link iaas/20220928.md');
    assert.equal(fixed(text, findings[0]), GOOD);
  });

  it('asks nothing of a group whose latest minutes are older than the last roll-up: it did not meet', () => {
    const text = rollup(ALL_TEAMS.map((t) => (t === TEAM.iamSig ? ['### IAM SIG', '', '- Talked about Keycloak'] : t)));
    assert.deepEqual(ofCode(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-minutes-link'), []);
  });

  it('fills in a blank "Minutes:" with this week\'s minutes, keeping the label', () => {
    const text = rollup(ALL_TEAMS.map((t) => (t === TEAM.iaas ? ['### Team IaaS', '', 'Minutes:', '', '- Image manager'] : t)));
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-minutes-link');
    assert.deepEqual(shown(f), { code: 'missing-minutes-link', severity: 'warning', message: 'Team IaaS has a blank minutes line; iaas/20220928.md is its minutes of this week.', range: rangeOf(text, 'Minutes:', 1) });
    assert.equal(fixed(text, f), GOOD);
    // ... and on the newest roll-up it is not also a "now available" reminder.
    assert.deepEqual(ofCode(lintDoc(text, MEETING_PATH, REPO).findings, 'minutes-now-available'), []);
  });

  it('asks no minutes of a group that has none yet (a SIG announced), nor without a workspace', () => {
    const text = rollup([...ALL_TEAMS, ['### SIG Scheduling', '', '- Call for participation: first meeting next week']]);
    assert.deepEqual(ofCode(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-minutes-link'), []);
    // A folder that exists only from later on did not exist then.
    const later = { ...REPO, 'sig-scheduling/20221012.md': '# SIG Scheduling 2022-10-12\n' };
    assert.deepEqual(ofCode(lintDoc(text, MEETING_PATH, later).findings, 'missing-minutes-link'), []);
    assert.deepEqual(ofCode(lintDoc(rollup([['### Team IaaS', '', '- Image manager']]), MEETING_PATH).findings, 'missing-minutes-link'), []);
  });

  it('asks a SIG for its minutes line only once roll-ups had them in SIG sections (conventions as they stood)', () => {
    const noLine = (t: string[]) => (t === TEAM.docs ? ['### SIG Documentation', '', '- Docs sprint'] : t === TEAM.monitoring ? ['### SIG Monitoring', '', '- Alerts'] : t);
    const text = rollup(ALL_TEAMS.map(noLine));
    // The earlier roll-ups linked SIG minutes: the convention stood, and the SIG's minutes of the week are missing.
    assert.deepEqual(ofCode(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-minutes-link').map((f) => f.message), [
      'SIG Documentation has no minutes line; sig-documentation/20220926.md is its minutes of this week.',
      'SIG Monitoring has no minutes line; sig-monitoring/20220927.md is its minutes of this week.',
    ]);
    // Roll-ups whose SIG sections never had a minutes line: none is missing, while teams still need theirs.
    const before = Object.fromEntries(Object.entries(REPO).map(([path, t]) => [path, path.startsWith('community-call/') ? t.replace(/(### (?:IAM SIG|SIG [A-Za-z]+)\n\n)Minutes: \S+\n/gu, '$1- Notes\n') : t]));
    assert.deepEqual(ofCode(lintDoc(text, MEETING_PATH, before).findings, 'missing-minutes-link'), []);
    const teamWithout = rollup(ALL_TEAMS.map(noLine).map((t) => (t === TEAM.iaas ? ['### Team IaaS', '', '- Image manager'] : t)));
    assert.deepEqual(ofCode(lintDoc(teamWithout, MEETING_PATH, before).findings, 'missing-minutes-link').map((f) => f.message), ['Team IaaS has no minutes line; iaas/20220928.md is its minutes of this week.']);
  });

  it('keeps the text under the heading a paragraph of its own', () => {
    const text = rollup(ALL_TEAMS.map((t) => (t === TEAM.iaas ? ['### Team IaaS', '- Image manager'] : t)));
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-minutes-link');
    assert.equal(fixed(text, f), GOOD);
  });

  it('links in the [Minutes](URL) style of a roll-up that uses it', () => {
    const text = rollup([['### Team IaaS', '', '- Image manager'], ['### Team Container', '', `[Minutes](${BASE}container/20220926.md)`], TEAM.monitoring]);
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-minutes-link');
    assert.equal(fixed(text, f), text.replace('### Team IaaS\n', `### Team IaaS\n\n[Minutes](${BASE}iaas/20220928.md)\n`));
  });

  it('stays quiet on every kind of minutes line and on sections that are not teams', () => {
    const lines = [
      `Minutes: ${BASE}iaas/20220928.md`,
      `[Minutes](${BASE}iaas/20220928.md)`,
      `Minutes: <${BASE}iaas/20220928.md> (waiting to be merged)`,
      `- Minutes: ${BASE}iaas/20220928.md`,
      'Minutes: none yet',
      '(none yet)',
      'No minutes (yet?)',
      `Minutes not available yet: ${TREE}iaas`,
      'Minutes: https://github.com/SovereignCloudStack/minutes/pull/130',
      'Cancelled.',
      '- Skipped because low participation',
    ];
    for (const line of lines) {
      const text = rollup([['### Team IaaS', '', line, '', '- Image manager'], ['### Lightning talk', '', '- Gardener on SCS']]);
      assert.deepEqual(ofCode(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-minutes-link'), [], line);
    }
  });

  it('leaves team minutes alone', () => {
    assert.deepEqual(lintDoc(joinLines('# Team IaaS 2022-09-28', '', '## Team Updates', '', '### Team IaaS', '', '- Image manager'), 'iaas/20220928.md', REPO).findings, []);
  });
});

describe('a session that keeps its minutes in a group\'s folder (learned from the folder\'s own titles)', () => {
  const roll = (date: string, teams: string[]) => joinLines(`# SCS Tech Weekly ${date}`, '', '## Meta', '', '- Minutes: Kurt', '', '## Team Updates', '', ...teams, '', '## AOB', '');
  // Until 2023-01-06 sig-iam/ held the IAM SIG's minutes; from 2023-01-13 the IAM hacking session's.
  const files = {
    'community-call/20230112.md': roll('2023-01-12', ['### Team IAM', '', `Minutes: ${BASE}iam/20230111.md`, '', '### IAM SIG', '', `Minutes: ${BASE}sig-iam/20230106.md`]),
    'iam/20230104.md': '# 2023-01-04\n',
    'iam/20230111.md': '# 2023-01-11\n',
    'iam/20230118.md': '# 2023-01-18\n',
    'sig-iam/20221230.md': '# IAM SIG 2022-12-30\n',
    'sig-iam/20230106.md': '# IAM SIG 2023-01-06\n',
    'sig-iam/20230113.md': '# IAM Hacking Session 2023-01-13\n',
  };
  const today = { year: 2023, month: 1, day: 20 };
  const session = (level: string) => roll('2023-01-19', ['### Team IAM', '', `Minutes: ${BASE}iam/20230118.md`, '', `${level} IAM Hacking Session`, '', 'Minutes:', '', '- Zitadel']);
  const findingsOf = (text: string, repo: typeof files) => lintDoc(text, 'community-call/20230119.md', repo, undefined, today).findings.map((f) => `${f.code}: ${f.message}`);

  it("finds the session's blank minutes line and its minutes in the SIG's folder", () => {
    assert.deepEqual(findingsOf(session('###'), files), ['missing-minutes-link: IAM Hacking Session has a blank minutes line; sig-iam/20230113.md is its minutes of this week.']);
  });

  it('does not call the IAM SIG missing when the session that keeps its folder stands inside another section', () => {
    assert.deepEqual(findingsOf(session('####'), files), []);
    // Where the folder's titles do not say whose minutes they are, nothing tells the session's folder: the SIG is missing.
    const undated = { ...files, 'sig-iam/20230113.md': '# 2023-01-13\n' };
    assert.deepEqual(findingsOf(session('####'), undated), ['missing-team: IAM SIG has no section, but sig-iam/20230113.md is dated since the last roll-up.']);
  });
});
