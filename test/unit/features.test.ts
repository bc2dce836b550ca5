import * as assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver-types';
import { codeActions, DEFAULT_CONFIG, documentSymbols, FIX_ALL_KIND, lint, resolveConfig, teamOverview } from '../../server/src/core';
import { applyEdits } from '../../cli/src/applyEdits';
import { BASE, joinLines, modelOf } from './helpers';

const text = joinLines(
  '# SCS Tech Weekly 2022-09-26',
  '## Meta',
  '- Minutes: Jonas',
  '## Team Updates',
  '### Team IaaS',
  `Minutes: ${BASE}iaas/20220928.md`,
  '### IAM SIG',
  'Minutes: none yet',
  '### Lean Operator Coffee',
  '## AOB',
);

describe('outline', () => {
  const symbols = documentSymbols(modelOf(text));

  it('nests teams and SIGs under Team Updates with distinct kinds and their minutes as detail', () => {
    const updates = symbols[0].children!.find((s) => s.name === 'Team Updates')!;
    assert.deepEqual(
      updates.children!.map((s) => [s.name, s.kind, s.detail]),
      [
        ['Team IaaS', SymbolKind.Class, 'iaas/20220928.md'],
        ['IAM SIG', SymbolKind.Interface, 'pending'],
        ['Lean Operator Coffee', SymbolKind.Namespace, 'no minutes line'],
      ],
    );
  });

  it('shows the minute taker on Meta and keeps the other sections as plain entries', () => {
    const meta = symbols[0].children!.find((s) => s.name === 'Meta')!;
    assert.equal(meta.detail, 'minutes: Jonas');
    assert.equal(symbols[0].children!.find((s) => s.name === 'AOB')!.kind, SymbolKind.String);
  });

  it("shows a series' meeting under its title at the level the series writes it, its sections and action items inside", () => {
    const pad = joinLines('## 2026-06-04', '', '### Participants', '', '- @kim', '', '### Agenda', '', '- AI @kim: write the ADR');
    const [meeting, ...rest] = documentSymbols(modelOf(pad, 'sig-standardization/20260604.md'));
    assert.deepEqual(rest, []);
    assert.equal(meeting.name, '2026-06-04');
    assert.equal(meeting.kind, SymbolKind.File);
    assert.deepEqual(meeting.children?.map((c) => [c.name, c.kind]), [['Participants', SymbolKind.String], ['Agenda', SymbolKind.String]]);
    assert.deepEqual(meeting.children?.[1].children?.map((c) => [c.name, c.detail]), [['write the ADR', '@kim · open']]);
  });

  it('gives nothing for documents that are not minutes', () => {
    assert.deepEqual(documentSymbols(modelOf('# Notes', 'README.md')), []);
  });
});

describe('quick-fix menu order (issue 14)', () => {
  it('lists preferred fixes first and one "Fix all" per rule', () => {
    const fix = (title: string, preferred?: boolean) => ({ title, preferred, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: title }] });
    const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 1 } });
    const findings = [
      { code: 'a', severity: 'warning' as const, message: 'a1', range: at(1), fixes: [fix('other a1'), fix('preferred a1', true)] },
      { code: 'a', severity: 'warning' as const, message: 'a2', range: at(2), fixes: [fix('preferred a2', true)] },
      { code: 'b', severity: 'warning' as const, message: 'b', range: at(3), fixes: [fix('other b'), fix('preferred b', true)] },
    ];
    const actions = codeActions('file:///x.md', findings, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['preferred a1', 'preferred a2', 'preferred b', 'other a1', 'other b', 'Fix all "a" problems in this file'],
    );
    assert.equal(actions[5].diagnostics?.length, 2);
  });
});

describe('title date rules and their fixes', () => {
  it('reports the title date against the file name and fixes exactly the date', () => {
    const model = modelOf(text, 'community-call/20220929.md');
    const findings = lint(model, DEFAULT_CONFIG);
    assert.deepEqual(
      findings.map((f) => [f.code, f.message]),
      [['title-date-mismatch', 'Title says 2022-09-26 but the file is 20220929.md; expected 2022-09-29.']],
    );
    const [fix] = codeActions(model.uri, findings, findings[0].range);
    assert.equal(fix.isPreferred, true);
    assert.equal(applyEdits(text, fix.edit!.changes![model.uri]), text.replace('2022-09-26', '2022-09-29'));
  });

  it('reports impossible and malformed title dates', () => {
    const impossible = lint(modelOf('# SCS Tech Weekly 2023-02-30', 'community-call/20230302.md'), DEFAULT_CONFIG).filter((f) => f.code.endsWith('date'));
    assert.deepEqual(impossible.map((f) => [f.code, f.message]), [['invalid-date', '2023-02-30 is not a date that exists.']]);
    const malformed = modelOf('# SIG Documentation on 2023-01\u201309', 'sig-documentation/20230109.md');
    const [finding] = lint(malformed, DEFAULT_CONFIG);
    assert.equal(finding.code, 'invalid-date');
    assert.equal(applyEdits(malformed.text, finding.fixes![0].edits), '# SIG Documentation on 2023-01-09');
  });

  it('adds a missing title date from the file name', () => {
    const model = modelOf('# SCS Tech Weekly\n\n## Meta', 'community-call/20221103.md');
    const [finding] = lint(model, DEFAULT_CONFIG);
    assert.equal(finding.code, 'missing-title-date');
    assert.equal(applyEdits(model.text, finding.fixes![0].edits), '# SCS Tech Weekly 2022-11-03\n\n## Meta');
  });

  it('can switch a rule off or change its severity', () => {
    const model = modelOf(text, 'community-call/20220929.md');
    assert.deepEqual(lint(model, DEFAULT_CONFIG, { severities: { 'title-date-mismatch': 'off' } }), []);
    assert.equal(lint(model, DEFAULT_CONFIG, { severities: { 'title-date-mismatch': 'error' } })[0].severity, 'error');
  });

  it('offers source.fixAll.minutes only when asked for it', () => {
    const model = modelOf(text, 'community-call/20220929.md');
    const findings = lint(model, DEFAULT_CONFIG);
    const anywhere = { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } };
    assert.deepEqual(codeActions(model.uri, findings, anywhere), []);
    const [fixAll] = codeActions(model.uri, findings, anywhere, [FIX_ALL_KIND]);
    assert.equal(fixAll.kind, FIX_ALL_KIND);
    assert.equal(applyEdits(text, fixAll.edit!.changes![model.uri]), text.replace('2022-09-26', '2022-09-29'));
  });
});

describe('teams overview', () => {
  it('gives each team the state its minutes line shows', () => {
    const model = modelOf(text);
    const rows = teamOverview(model, lint(model, DEFAULT_CONFIG))!;
    assert.deepEqual(
      rows.map((r) => [r.name, r.state]),
      [
        ['Team IaaS', 'linked'],
        ['IAM SIG', 'pending'],
        ['Lean Operator Coffee', 'missing'],
      ],
    );
    assert.equal(teamOverview(modelOf('# x', 'iaas/20220928.md'), []), null);
  });
});

describe('configuration', () => {
  it('merges a valid configuration over the defaults', () => {
    const { config, errors } = resolveConfig({ weeklyTitle: 'ACME Weekly {date}', sections: { aob: ['Misc'] } });
    assert.deepEqual(errors, []);
    assert.equal(config.weeklyTitle, 'ACME Weekly {date}');
    assert.deepEqual(config.sections.aob, ['Misc']);
    assert.deepEqual(config.sections.meta, ['Meta']);
    assert.equal(modelOf('# ACME Weekly 2024-01-04', 'Untitled-1', config).kind, 'weekly');
  });

  it('explains what is wrong with an invalid configuration and falls back to the defaults', () => {
    const { config, errors } = resolveConfig({ meetingWeekday: 'Thursday', teams: [{ folder: 'iaas' }], colour: 'red' });
    assert.equal(config, DEFAULT_CONFIG);
    assert.deepEqual(errors, ['meetingWeekday must be a whole number', 'teams[0] needs "name"', 'unknown setting "colour"']);
  });
});

describe('adding a missing title date', () => {
  it('puts the date before a closing # sequence, and offers no fix for an underlined title', () => {
    const closed = modelOf('# SCS Tech Weekly #\n', 'community-call/20221103.md');
    const [finding] = lint(closed, DEFAULT_CONFIG).filter((f) => f.code === 'missing-title-date');
    assert.equal(applyEdits(closed.text, finding.fixes![0].edits), '# SCS Tech Weekly 2022-11-03 #\n');
    const setext = modelOf('SCS Tech Weekly\n===============\n', 'community-call/20221103.md');
    assert.equal(lint(setext, DEFAULT_CONFIG).find((f) => f.code === 'missing-title-date')?.fixes, undefined);
  });
});
