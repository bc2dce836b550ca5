import * as assert from 'node:assert/strict';
import { resolveConfig, type MinutesConfig } from '../../../server/src/core';
import { ALL_TEAMS, BASE, fixed, GOOD, joinLines, lintDoc, MEETING_PATH, modelOf, offered, ofCode, range, rangeOf, REPO, rollup, shown, single, TEAM } from './ruleHelpers';

const SINCE = '; the previous roll-up, community-call/20220922.md, has one';

describe('rule missing-section', () => {
  it('reports a roll-up without AOB where it belongs, and offers "## AOB" before Project Updates, never unasked', () => {
    const text = GOOD.replace('## AOB\n\n', '');
    const { findings } = lintDoc(text, MEETING_PATH, REPO);
    assert.deepEqual(findings.map(shown), [{ code: 'missing-section', severity: 'warning', message: `The roll-up has no "AOB" section${SINCE}.`, range: rangeOf(text, '## Project Updates') }]);
    assert.equal(findings[0].fixes![0].title, 'Add a "## AOB" section');
    assert.notEqual(findings[0].fixes![0].preferred, true, 'an empty heading is a place to write, not a repair');
    assert.equal(offered(text, findings[0]), GOOD);
  });

  it('does not ask for a section the previous roll-up had already dropped (the layout as it stood)', () => {
    const withoutAob = (t: string) => t.replace(/## AOB\n\n?/u, '');
    const files = { ...REPO, 'community-call/20220922.md': withoutAob(REPO['community-call/20220922.md']) };
    assert.deepEqual(ofCode(lintDoc(withoutAob(GOOD), MEETING_PATH, files).findings, 'missing-section'), []);
    // ... and a later roll-up that drops it changes nothing on the earlier one.
    const later = { ...REPO, 'community-call/20221006.md': withoutAob(GOOD).replace(/2022-09-29/gu, '2022-10-06') };
    assert.deepEqual(ofCode(lintDoc(GOOD, MEETING_PATH, later).findings, 'missing-section'), []);
    assert.equal(ofCode(lintDoc(withoutAob(GOOD), MEETING_PATH, later).findings, 'missing-section').length, 1);
  });

  it('appends "## AOB" at the end when nothing follows the team updates', () => {
    const text = GOOD.replace('## AOB\n\n## Project Updates\n', '');
    assert.ok(text.endsWith(`(${BASE}sig-monitoring/20220927.md)\n\n`));
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-section');
    assert.deepEqual(f.range, rangeOf(text, `[Minutes](${BASE}sig-monitoring/20220927.md)`), 'on the last line, where it goes');
    assert.equal(offered(text, f), `${text}## AOB\n`);
    // ... after one blank line, whatever the file ends with.
    const oneBreak = text.trimEnd() + '\n';
    assert.equal(offered(oneBreak, single(lintDoc(oneBreak, MEETING_PATH, REPO).findings, 'missing-section')), `${oneBreak}\n## AOB\n`);
    const bare = text.trimEnd();
    assert.equal(offered(bare, single(lintDoc(bare, MEETING_PATH, REPO).findings, 'missing-section')), `${bare}\n\n## AOB\n`);
  });

  it('inserts a missing "## Meta" before Team Updates', () => {
    const text = GOOD.replace('## Meta\n\n- Minutes: Jonas\n\n', '');
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-section');
    assert.equal(f.message, `The roll-up has no "Meta" section${SINCE}.`);
    assert.equal(offered(text, f), GOOD.replace('## Meta\n\n- Minutes: Jonas\n\n', '## Meta\n\n'));
  });

  it('inserts a missing "## Team Updates" before the first team when the teams sit under Meta', () => {
    const text = GOOD.replace('## Team Updates\n\n', '');
    // The teams are still read as teams (pad style), so only the group heading is reported.
    const { findings } = lintDoc(text, MEETING_PATH, REPO);
    assert.deepEqual(findings.map((f) => [f.code, f.message]), [['missing-section', `The roll-up has no "Team Updates" section${SINCE}.`]]);
    const after = offered(text, findings[0]);
    assert.equal(after, GOOD);
    const model = modelOf(after);
    assert.equal(model.updates?.section?.title, 'Team Updates');
    assert.equal(model.updates?.entries.length, 6);
  });

  it('reports the missing sections of a first roll-up as one finding (one cause), whose fix adds each where it goes', () => {
    const text = joinLines('# SCS Tech Weekly 2022-09-29', '', '## Project Updates', '');
    const found = ofCode(lintDoc(text, MEETING_PATH).findings, 'missing-section');
    assert.deepEqual(
      found.map((f) => [f.message, f.range, f.fixes?.map((x) => [x.title, x.preferred === true]), offered(text, f)]),
      [
        [
          'The roll-up has no "Meta", "Team Updates" and "AOB" sections.',
          rangeOf(text, '## Project Updates'),
          [['Add the "## Meta", "## Team Updates" and "## AOB" sections', false]],
          text.replace('## Project', '## Meta\n\n## Team Updates\n\n## AOB\n\n## Project'),
        ],
      ],
    );
  });

  it('reports a roll-up written without the template\'s headings once: where the first goes, adding those it can', () => {
    // As written in a pad: participants, then the teams as "##", no Meta, no Team Updates, no AOB.
    const text = joinLines('# SCS Tech Weekly 2022-09-29', '', 'Participants:', '', '- Jonas', '', '## Team IaaS', '', `Minutes: ${BASE}iaas/20220928.md`, '', '- Image manager', '');
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-section');
    assert.equal(f.message, `The roll-up has no "Meta", "Team Updates" and "AOB" sections; the previous roll-up, community-call/20220922.md, has them.`);
    assert.deepEqual(f.range, rangeOf(text, '## Team IaaS'), 'on the line the first one goes before');
    assert.equal(f.fixes?.[0].title, 'Add the "## Meta" and "## AOB" sections', 'a group heading above "##" teams would need every team re-levelled');
    assert.equal(offered(text, f), text.replace('## Team IaaS', '## Meta\n\n## Team IaaS') + '\n## AOB\n');
  });

  it('appends several missing sections at the end as one edit, one blank line apart', () => {
    const config: MinutesConfig = resolveConfig({ requiredSections: ['meta', 'updates', 'aob', 'projectUpdates'] }).config;
    const text = GOOD.replace('## AOB\n\n## Project Updates\n', '');
    const f = single(lintDoc(text, MEETING_PATH, undefined, config).findings, 'missing-section');
    assert.equal(f.message, 'The roll-up has no "AOB" and "Project Updates" sections.');
    assert.equal(offered(text, f), `${text}## AOB\n\n## Project Updates\n`);
  });

  it('offers no "## Team Updates" above teams written as "##": they would each need another level', () => {
    const text = joinLines('# SCS Tech Weekly 2022-09-29', '', '## Meta', '', '- Minutes: Jonas', '', '## Team IaaS', '', `Minutes: ${BASE}iaas/20220928.md`, '', '## AOB', '');
    const f = single(lintDoc(text, MEETING_PATH).findings, 'missing-section');
    assert.equal(f.message, 'The roll-up has no "Team Updates" section.');
    assert.equal(f.fixes, undefined);
  });

  it('uses the document\'s CRLF line breaks', () => {
    const text = GOOD.replace('## AOB\n\n', '').replace(/\n/gu, '\r\n');
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-section');
    assert.equal(offered(text, f), GOOD.replace(/\n/gu, '\r\n'));
  });

  it('checks the sections the configuration requires', () => {
    const config: MinutesConfig = resolveConfig({ requiredSections: ['meta', 'updates', 'aob', 'projectUpdates'] }).config;
    const text = GOOD.replace('\n## Project Updates\n', '');
    const f = single(lintDoc(text, MEETING_PATH, undefined, config).findings, 'missing-section');
    assert.equal(f.message, 'The roll-up has no "Project Updates" section.');
    assert.equal(offered(text, f), `${text}\n## Project Updates\n`);
    assert.deepEqual(ofCode(lintDoc(GOOD.replace('## AOB\n\n', ''), MEETING_PATH, REPO, resolveConfig({ requiredSections: ['meta'] }).config).findings, 'missing-section'), []);
  });

  it('stays quiet on a complete roll-up, under any of the configured section names', () => {
    assert.deepEqual(ofCode(lintDoc(GOOD, MEETING_PATH, REPO).findings, 'missing-section'), []);
    const renamed = GOOD.replace('## Team Updates', '## Team and SIG Updates').replace('## AOB', '## Any other business:');
    assert.deepEqual(lintDoc(renamed, MEETING_PATH, REPO).findings, []);
  });

  it('stays quiet on team minutes, which have no required sections', () => {
    assert.deepEqual(ofCode(lintDoc(joinLines('# Team IaaS 2022-09-28', '', '## Agenda'), 'iaas/20220928.md').findings, 'missing-section'), []);
  });

  it('inserts the missing "## Meta" and "## Team Updates" before the teams of a pad-style roll-up, in one fix', () => {
    const text = joinLines('# SCS Tech Weekly 2022-09-29', '', ...TEAM.iaas, '', ...TEAM.iamSig, '', '## AOB', '');
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'missing-section');
    assert.equal(offered(text, f), text.replace('### Team IaaS', '## Meta\n\n## Team Updates\n\n### Team IaaS'));
  });
});

describe('rule heading-level', () => {
  it('reports a "##" team among "###" teams, on its heading, and adds exactly one "#"', () => {
    const text = GOOD.replace('### Team Container', '## Team Container');
    const { findings } = lintDoc(text, MEETING_PATH, REPO);
    assert.deepEqual(findings.map(shown), [
      {
        code: 'heading-level',
        severity: 'warning',
        message: '"Team Container" is level 2 (##); team sections under "Team Updates" (##) are level 3 (###).',
        range: range(14, 0, 14, 17),
      },
    ]);
    assert.equal(findings[0].fixes![0].title, 'Make it a level-3 heading');
    assert.deepEqual(findings[0].fixes![0].edits, [{ range: range(14, 0, 14, 0), newText: '#' }]);
    assert.equal(fixed(text, findings[0]), GOOD);
  });

  it('reports a "####" SIG and removes exactly one "#"', () => {
    const text = GOOD.replace('### IAM SIG', '#### IAM SIG');
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'heading-level');
    assert.equal(f.message, '"IAM SIG" is level 4 (####); team sections under "Team Updates" (##) are level 3 (###).');
    assert.deepEqual(f.range, rangeOf(text, '#### IAM SIG'));
    assert.equal(fixed(text, f), GOOD);
  });

  it('keeps the indentation of an indented heading', () => {
    const text = GOOD.replace('### IAM SIG', '  ##### IAM SIG');
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'heading-level');
    assert.equal(fixed(text, f), GOOD.replace('### IAM SIG', '  ### IAM SIG'));
  });

  it('without a group heading, expects the level most teams use', () => {
    const text = joinLines('# SCS Tech Weekly 2022-09-29', '', '## Meta', '', '- Minutes: Jonas', '', '### Team IaaS', '', '### Team Container', '', '#### IAM SIG', '', '## AOB', '');
    const f = single(lintDoc(text, MEETING_PATH).findings, 'heading-level');
    assert.equal(f.message, '"IAM SIG" is level 4 (####); most teams and SIGs here are level 3 (###).');
    assert.equal(fixed(text, f), text.replace('#### IAM SIG', '### IAM SIG'));
  });

  it('reports a run of misplaced headings once, truthfully, and fixes them all', () => {
    const text = GOOD.replace('### Team Operations and IAM', '## Team Operations and IAM').replace('### IAM SIG', '## IAM SIG').replace('### SIG Monitoring', '## SIG Monitoring');
    const found = ofCode(lintDoc(text, MEETING_PATH, REPO).findings, 'heading-level');
    assert.deepEqual(
      found.map((f) => [f.message, f.range.start.line, f.related?.length]),
      [
        ['"Team Operations and IAM" and the team section after it are level 2 (##); team sections under "Team Updates" (##) are level 3 (###).', rangeOf(text, '## Team Operations').start.line, 1],
        ['"SIG Monitoring" is level 2 (##); team sections under "Team Updates" (##) are level 3 (###).', rangeOf(text, '## SIG Monitoring').start.line, 0],
      ],
    );
    assert.equal(found[0].fixes![0].title, 'Make them level-3 headings');
    assert.equal(fixed(fixed(text, found[0]), single(lintDoc(fixed(text, found[0]), MEETING_PATH, REPO).findings, 'heading-level')), GOOD);
  });

  it('stays quiet on a consistent roll-up, and where no level is the most common', () => {
    assert.deepEqual(ofCode(lintDoc(GOOD, MEETING_PATH, REPO).findings, 'heading-level'), []);
    const tie = joinLines('# SCS Tech Weekly 2022-09-29', '', '## Meta', '', '### Team IaaS', '', '#### IAM SIG', '');
    assert.deepEqual(ofCode(lintDoc(tie, MEETING_PATH).findings, 'heading-level'), []);
  });

  it('fixes a setext team heading without touching the next heading', () => {
    const text = GOOD.replace('### Team Container', 'Team Container\n--------------');
    const f = single(lintDoc(text, MEETING_PATH, REPO).findings, 'heading-level');
    const after = f.fixes?.length ? fixed(text, f) : text;
    assert.ok(after.includes('\n### Team Operations and IAM\n'), 'the next heading is left alone');
    assert.deepEqual(ofCode(lintDoc(after, MEETING_PATH, REPO).findings, 'heading-level').filter((x) => x.message.includes('Operations')), []);
  });
});

describe('rule missing-minute-taker', () => {
  const noTaker = GOOD.replace('- Minutes: Jonas', '- Participants: 14\n- Moderation: Eduard');

  it('reports a Meta section without a minute taker, as a reminder on the Meta heading, without a fix', () => {
    const { findings } = lintDoc(noTaker, MEETING_PATH, REPO);
    assert.deepEqual(findings.map(shown), [
      { code: 'missing-minute-taker', severity: 'information', message: 'Meta names no minute taker; add "- Minutes: NAME".', range: range(2, 0, 2, 7) },
    ]);
    assert.equal(findings[0].fixes, undefined);
  });

  it('reports an empty Meta section', () => {
    assert.equal(single(lintDoc(GOOD.replace('- Minutes: Jonas', ''), MEETING_PATH).findings, 'missing-minute-taker').range.start.line, 2);
  });

  it('accepts the ways people name the minute taker', () => {
    for (const line of ['- Minutes: Jonas', 'Minutes: Jonas', '- Minute taker: @jschoone', '- Minute takers: Kurt, Eduard', '- Protocol: Kurt']) {
      assert.deepEqual(ofCode(lintDoc(GOOD.replace('- Minutes: Jonas', line), MEETING_PATH).findings, 'missing-minute-taker'), [], line);
    }
  });

  it('leaves a missing Meta to missing-section, and team minutes alone', () => {
    const codes = lintDoc(GOOD.replace('## Meta\n\n- Minutes: Jonas\n\n', ''), MEETING_PATH, REPO).findings.map((f) => f.code);
    assert.deepEqual(codes, ['missing-section']);
    assert.deepEqual(lintDoc(joinLines('# Team IaaS 2022-09-28', '', '## Meta', '', '- Participants: 3'), 'iaas/20220928.md').findings, []);
  });
});

describe('structure rules on a correct roll-up', () => {
  it('report nothing', () => {
    const codes = ['missing-section', 'heading-level', 'missing-minute-taker'];
    assert.deepEqual(lintDoc(rollup(ALL_TEAMS), MEETING_PATH).findings.filter((f) => codes.includes(f.code)), []);
  });
});
