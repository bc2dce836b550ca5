// Robustness of the core language service on documents nobody should write but somebody will:
// random text (lone surrogates, stray bytes, every kind of line break), roll-ups assembled from
// real fragments in any order, real minutes with random damage, and a few pathological giants.
// Every feature must answer without throwing, with ranges that lie inside the document, and every
// preferred fix must touch only what it says it touches.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import fc from 'fast-check';
import type { CodeAction, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { applyEdits } from '../../cli/src/applyEdits';
import {
  calendarFor,
  codeActions,
  completions,
  dateCodeActions,
  dateOptions,
  DEFAULT_CONFIG,
  documentLinks,
  documentSymbols,
  FIX_ALL_KIND,
  hover,
  INSERT_KIND,
  insertOption,
  LineIndex,
  lint,
  newTeamMinutes,
  newWeeklyMinutes,
  parseMinutes,
  preferredEdits,
  teamOverview,
  ChunkCache,
  type Finding,
  type MinutesModel,
} from '../../server/src/core';
import { comparePositions } from '../../server/src/core/text/ranges';
import { BASE, GOOD, REPO, rollup, TEAM, TREE, workspaceOf, type Files } from '../unit/rules/ruleHelpers';

const CONFIG = DEFAULT_CONFIG;
const CALENDAR = calendarFor(CONFIG.holidays);
const TODAY = { year: 2022, month: 10, day: 1 };
const ENV = { config: CONFIG, calendar: CALENDAR, today: TODAY };
const SEED = 20221027;
const RUNS = 200;
const run = <T>(property: fc.IPropertyWithHooks<T> | fc.IProperty<T>, numRuns = RUNS) => fc.assert(property, { seed: SEED, numRuns });

const PATHS = [
  'community-call/20220929.md', // a roll-up on the meeting day
  'community-call/20220928.md', // misnamed
  'community-call/20221003.md', // a holiday
  'community-call/99999999.md',
  'community-call/20230230.md',
  'iaas/20220928.md', // team minutes
  'sig-iam/notes.md',
  'README.md', // not minutes
  'weird dir/2022 09 29 #1.md',
] as const;

// ------------------------------------------------------------------------------------------------
// Checks shared by every property.

function uriOf(path: string): string {
  return `file:///repo/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** A position is inside the document: an existing line, at most at its end, not inside a CRLF or a surrogate pair. */
function checkPosition(text: string, lines: LineIndex, p: Position, what: string): number {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: ${JSON.stringify(p)} is not a position`);
  assert.ok(p.line >= 0 && p.line < lines.lineCount, `${what}: line ${p.line} is outside the document (${lines.lineCount} lines)`);
  const length = lines.lineText(p.line).length;
  assert.ok(p.character >= 0 && p.character <= length, `${what}: character ${p.character} is beyond line ${p.line} (length ${length})`);
  const offset = lines.offsetAt(p);
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  assert.ok(!(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff), `${what}: ${JSON.stringify(p)} splits a surrogate pair`);
  return offset;
}

function checkRange(text: string, lines: LineIndex, r: Range, what: string): { start: number; end: number } {
  const start = checkPosition(text, lines, r.start, `${what} start`);
  const end = checkPosition(text, lines, r.end, `${what} end`);
  assert.ok(start <= end, `${what}: ${JSON.stringify(r)} ends before it starts`);
  return { start, end };
}

function contains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

/**
 * Edits applied together (one fix, one workspace edit) are valid, do not overlap, and leave the
 * text outside their ranges byte for byte as it was. Returns the edited text.
 */
function checkEdits(text: string, edits: TextEdit[], what: string): string {
  const lines = new LineIndex(text);
  const spans = edits.map((e, i) => ({ ...checkRange(text, lines, e.range, `${what} edit ${i}`), newText: e.newText, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  spans.forEach((s, i) => assert.ok(i === 0 || s.start >= spans[i - 1].end, `${what}: edits overlap: ${JSON.stringify(edits)}`));
  const result = applyEdits(text, edits);
  // The result is exactly: the untouched pieces of the original, in order, with each edit's new text between them.
  let expected = '';
  let at = 0;
  for (const s of spans) {
    expected += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  expected += text.slice(at);
  assert.equal(result, expected, `${what}: text outside the edited ranges changed`);
  return result;
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return action.edit?.changes?.[uri] ?? [];
}


/** Moves a position off the middle of a surrogate pair, where no editor puts a cursor. */
function onCharacter(text: string, lines: LineIndex, p: Position): Position {
  const offset = lines.offsetAt(p);
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff ? { line: p.line, character: p.character - 1 } : p;
}

/** Positions worth asking about: every line's start, middle and end (up to a limit), and the document's end. */
function samplePositions(text: string, lines: LineIndex, extra: Array<{ line: number; character: number }>): Position[] {
  const positions: Position[] = [];
  const step = Math.max(1, Math.floor(lines.lineCount / 12));
  for (let line = 0; line < lines.lineCount; line += step) {
    const length = lines.lineText(line).length;
    positions.push({ line, character: 0 }, { line, character: length }, { line, character: Math.floor(length / 2) });
  }
  const last = lines.lineCount - 1;
  positions.push({ line: last, character: lines.lineText(last).length });
  for (const p of extra) {
    const line = p.line % lines.lineCount;
    positions.push({ line, character: p.character % (lines.lineText(line).length + 1) });
  }
  return positions.map((p) => onCharacter(text, lines, p));
}

/** Every feature of the core on one document; throws (with what failed) on the first broken promise. */
function exercise(text: string, path: string, extra: Array<{ line: number; character: number }> = []): { model: MinutesModel; findings: Finding[] } {
  const uri = uriOf(path);
  const model = parseMinutes({ uri, version: 1, text }, CONFIG);
  assert.equal(model.text, text);
  const lines = model.lines;
  const files: Files = { ...REPO, [path]: text };
  const workspace = workspaceOf(files);
  const findings = lint(model, CONFIG, { workspace });
  findings.forEach((f, i) => checkRange(text, lines, f.range, `finding ${i} (${f.code})`));
  lint(model, CONFIG); // and without a repository

  // The outline: VS Code rejects a symbol whose selection range is not inside its range.
  const visit = (symbols: ReturnType<typeof documentSymbols>) => {
    for (const s of symbols) {
      checkRange(text, lines, s.range, `symbol ${s.name}`);
      checkRange(text, lines, s.selectionRange, `symbol ${s.name} selection`);
      assert.ok(contains(s.range, s.selectionRange), `symbol ${JSON.stringify(s.name)}: selection range ${JSON.stringify(s.selectionRange)} is outside its range ${JSON.stringify(s.range)}`);
      assert.ok(s.name.length > 0, 'a symbol without a name');
      visit(s.children ?? []);
    }
  };
  visit(documentSymbols(model));
  teamOverview(model, findings)?.forEach((row) => checkRange(text, lines, row.headingRange, `team row ${row.name}`));
  for (const link of documentLinks(model, workspace)) {
    checkRange(text, lines, link.range, 'document link');
    if (link.target?.startsWith('file:')) assert.ok(link.target.startsWith('file:///repo/'), `a link opens ${link.target}, outside the repository`);
  }

  for (const position of samplePositions(text, lines, extra)) {
    for (const item of completions(model, position, { ...ENV, workspace })) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) {
        // VS Code drops an item whose edit is not on the cursor's line or does not reach the cursor.
        checkRange(text, lines, edit.range, `completion ${item.label}`);
        assert.equal(edit.range.start.line, position.line, `completion ${item.label} edits another line`);
        assert.ok(contains(edit.range, { start: position, end: position }), `completion ${item.label}: ${JSON.stringify(edit.range)} does not contain the cursor ${JSON.stringify(position)}`);
      }
    }
    const shown = hover(model, position, { ...ENV, workspace });
    if (shown?.range) {
      checkRange(text, lines, shown.range, 'hover');
      assert.ok(contains(shown.range, { start: position, end: position }), `hover range ${JSON.stringify(shown.range)} does not contain ${JSON.stringify(position)}`);
    }
    for (const action of dateCodeActions(model, position, ENV)) checkEdits(text, editsOf(action, uri), action.title);
  }
  for (const option of dateOptions(model, ENV)) checkEdits(text, [insertOption(model, { line: 0, character: 0 }, option)], option.title);

  // Code actions over the whole document, at each finding, by kind: every one is a valid workspace edit.
  const whole = { start: { line: 0, character: 0 }, end: lines.positionAt(text.length) };
  const ranges = [whole, ...findings.slice(0, 10).map((f) => f.range)];
  for (const range of ranges) {
    for (const only of [undefined, ['quickfix'], [FIX_ALL_KIND], ['source'], [INSERT_KIND]]) {
      for (const action of codeActions(uri, findings, range, only, { canRename: true })) {
        if (action.edit?.changes) checkEdits(text, editsOf(action, uri), action.title);
      }
    }
  }

  // Each preferred fix on its own: the result is a document the service still reads.
  for (const finding of findings) {
    const edits = preferredEdits(finding);
    if (!edits) continue;
    const after = checkEdits(text, edits, `preferred fix of ${finding.code}`);
    const fixed = parseMinutes({ uri, version: 2, text: after }, CONFIG);
    lint(fixed, CONFIG, { workspace: workspaceOf({ ...REPO, [path]: after }) });
  }
  return { model, findings };
}

// ------------------------------------------------------------------------------------------------
// Generators.

/** UTF-16 code units of any value, lone surrogates included, with Markdown's punctuation and line breaks often. */
const anyUnit = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udfff', '\ud83d\ude00', '\udc00\ud800') },
  { weight: 4, arbitrary: fc.constantFrom('\n', '\r', '\r\n', '#', ' ', '-', '*', '>', '[', ']', '(', ')', '<', '>', ':', '`', '~', '\t', '\u2013', '|', '\\', '!', '_', '=') },
  { weight: 2, arbitrary: fc.constantFrom('Minutes', '2022-09-29', 'https://', '---', '###', ' yet', '@') },
);
const anyString = fc.string({ unit: anyUnit, maxLength: 300 });
const someLine = fc.string({ unit: anyUnit, maxLength: 40 }).map((s) => s.replace(/[\r\n]/gu, ' '));

const DATES = ['2022-09-29', '2022-09-22', '9999-99-99', '2023-02-30', '2022-09\u201329', '2023-03\u201306', '2022-9-29', '0000-00-00', '2022-13-01', '1970-01-01', '2400-02-29', '2100-02-29', '9999-12-31', '0001-01-01', '2022-10-03', '20220929'];
const date = fc.oneof(fc.constantFrom(...DATES), fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`));
const FOLDERS = ['iaas', 'container', 'ops-iam', 'sig-iam', 'sig-documentation', 'sig-monitoring', 'community-call', 'nowhere', '', '..', '%2e%2e', '..%2F..', 'a\\b', '/etc', 'iaas/../..'];
const FILES = ['20220928.md', '20220927.md', '20230230.md', '99999999.md', '20221005.md', '20220928', 'README.md', '', '%2e%2e', '20220929-workshop.md'];
const url = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...FILES)).map(([folder, file]) => `${BASE}${folder}/${file}`) },
  { weight: 1, arbitrary: fc.constantFrom(`${TREE}iaas`, 'https://github.com/SovereignCloudStack/minutes/pull/130', 'https://example.com/', 'file:///etc/passwd', '../iaas/20220928.md', `${BASE}`, 'https://github.com/SovereignCloudStack/minutes/raw/feature/x/iaas/20220928.md') },
  { weight: 1, arbitrary: someLine.map((s) => `${BASE}${s.replace(/\s/gu, '')}`) },
);
const teamName = fc.oneof(fc.constantFrom('Team IaaS', 'Team Container', 'Team Operations and IAM', 'IAM SIG', 'SIG IAM', 'SIG Documentation', 'SIG Monitoring', 'Lightning talk', 'Team', 'SIG', ''), someLine.map((s) => `Team ${s}`));
const minutesLine = fc.oneof(
  url.map((u) => `Minutes: ${u}`),
  url.map((u) => `[Minutes](${u})`),
  url.map((u) => `- [Minutes](${u})`),
  url.map((u) => `Minutes: <${u}> (waiting to be merged)`),
  url.map((u) => `Minutes not available yet: ${u}`),
  url.map((u) => `- Minutes still pending: ${u}`),
  fc.tuple(url, url).map(([a, b]) => `Minutes: ${a} + ${b}`),
  fc.constantFrom('Minutes: none yet', '(none yet)', 'No minutes (yet?)', 'Cancelled.', '- Skipped because low participation', 'Minutes:', 'Minutes: ', '[Minutes]()', '[Minutes](', 'Minutes: we discussed', 'Discussion only, no minutes.'),
);
const fragment = fc.oneof(
  { weight: 3, arbitrary: minutesLine },
  { weight: 2, arbitrary: date.map((d) => `# SCS Tech Weekly ${d}`) },
  { weight: 1, arbitrary: date.map((d) => `# Team IaaS ${d}`) },
  { weight: 3, arbitrary: fc.constantFrom('## Meta', '## Team Updates', '## Team and SIG Updates', '## AOB', '## Any other business', '## Project Updates') },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('##', '###', '####', '#'), teamName).map(([h, n]) => `${h} ${n}`) },
  { weight: 2, arbitrary: fc.constantFrom('#', '##', '###', '# ', '## ', '### ', '#######', '###   ', 'Title', '=====', '-----') },
  { weight: 2, arbitrary: fc.constantFrom('- Minutes: Jonas', 'Minute taker: @jschoone', '- Protocol: Kurt', '- Minutes:', '- Participants: 12', '- @garloff @fkr') },
  { weight: 2, arbitrary: fc.constantFrom('', '', '- ', '* item', '> quote', '```', '~~~', '---', 'type: slide', '<div>', '[ref]: https://x', '    code', '1. item', '- [ ] task', '\t- tab', '<!-- comment -->', '| a | b |') },
  { weight: 1, arbitrary: date.map((d) => `- Dates ${d} and 2022-09\u201329`) },
  { weight: 1, arbitrary: someLine },
);
const lineBreak = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r\n', '\r');
/** A document assembled from roll-up fragments in any order, each line break chosen on its own (mixed endings). */
const fragmentDocument = fc.array(fc.tuple(fragment, lineBreak), { maxLength: 40 }).map((parts) => parts.map(([f, eol]) => f + eol).join(''));
/** Whole documents of special shapes. */
const specialDocument = fc.constantFrom(
  '',
  '\n',
  '\r\n',
  '\r',
  '---\ntitle: x\n---\n',
  '---\ntitle: x\n---',
  '---\n',
  '---\ntype: slide\n---\n# SCS Tech Weekly 2022-09-29\n',
  '#\n##\n###\n####\n',
  '# \n## \n### \n',
  '# SCS Tech Weekly 2022-09-29',
  '# SCS Tech Weekly 2022-09-29\r\n\r\n## Team Updates\r\n\r\n### Team IaaS\r\n\r\nMinutes:',
  '\ufeff# SCS Tech Weekly 2022-09-29\n',
);

const REAL: string[] = [
  GOOD,
  GOOD.replace(/\n/gu, '\r\n'),
  rollup([TEAM.iaas, TEAM.docs, TEAM.monitoring], '# SCS Tech Weekly 2022-09-22'),
  rollup([[...TEAM.iaas.slice(0, 2), `Minutes: ${BASE}iaas/20220927.md`], ['### Team Container', '', 'Minutes not available yet: ' + TREE + 'container'], ['## SIG Monitoring']]),
  REPO['community-call/20220922.md'],
  '# Team IaaS 2022-09-28\n\n## Participants\n\n- @garloff\n- @fkr\n\n## Agenda\n\n- 2022-10-03 is a holiday\n',
];
type Mutation = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number } | { kind: 'duplicate'; at: number; length: number } | { kind: 'eol'; to: string; every: number } | { kind: 'truncate'; at: number } | { kind: 'swapLines'; a: number; b: number };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fragment.map((f) => `${f}\n`), fragment, anyUnit) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('eol' as const), to: fc.constantFrom('\r\n', '\r', '\n'), every: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  const at = text.length ? ('at' in m ? m.at % (text.length + 1) : 0) : 0;
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'truncate':
      return text.slice(0, at);
    case 'eol': {
      let n = 0;
      return text.replace(/\r\n|\r|\n/gu, (eol) => (n++ % m.every === 0 ? m.to : eol));
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
  }
}
const mutatedDocument = fc.tuple(fc.constantFrom(...REAL), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([text, ms]) => ms.reduce(mutate, text));

const path = fc.constantFrom(...PATHS);
const extraPositions = fc.array(fc.record({ line: fc.nat({ max: 200 }), character: fc.nat({ max: 200 }) }), { maxLength: 4 });

// ------------------------------------------------------------------------------------------------

describe('robustness: the core on random and damaged documents', function () {
  this.timeout(180_000); // generous: a hang is the failure, speed is npm run bench's

  it('an empty section whose heading ends in a space has an outline symbol VS Code accepts', () => {
    for (const text of ['# SCS Tech Weekly 2022-09-29\n\n## Team Updates\n\n### Team IaaS \n', '# SCS Tech Weekly 2022-09-29\n\n## \n## AOB\n', '## Team \n']) {
      const model = parseMinutes({ uri: uriOf('community-call/20220929.md'), version: 1, text }, CONFIG);
      const all = (symbols: ReturnType<typeof documentSymbols>): ReturnType<typeof documentSymbols> => symbols.flatMap((s) => [s, ...all(s.children ?? [])]);
      for (const symbol of all(documentSymbols(model))) {
        assert.ok(contains(symbol.range, symbol.selectionRange), `${JSON.stringify(text)}: ${symbol.name}: ${JSON.stringify(symbol.selectionRange)} is not inside ${JSON.stringify(symbol.range)}`);
      }
    }
  });

  it('reads random strings (lone surrogates, any line breaks) without throwing', () => {
    run(fc.property(anyString, path, extraPositions, (text, p, extra) => void exercise(text, p, extra)));
  });

  it('reads random bytes decoded as UTF-8 without throwing', () => {
    const bytes = fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('utf8'));
    run(fc.property(bytes, path, extraPositions, (text, p, extra) => void exercise(text, p, extra)));
  });

  it('reads documents built from roll-up fragments, with mixed line endings, and every fix keeps the rest of the text', () => {
    let findings = 0;
    let fixes = 0;
    run(
      fc.property(fc.oneof({ weight: 9, arbitrary: fragmentDocument }, { weight: 1, arbitrary: specialDocument }), path, extraPositions, (text, p, extra) => {
        const result = exercise(text, p, extra);
        findings += result.findings.length;
        fixes += result.findings.filter((f) => preferredEdits(f)).length;
      }),
    );
    // The generator is worth something only if it produces findings with fixes to check.
    assert.ok(findings > 200 && fixes > 50, `only ${findings} findings and ${fixes} preferred fixes were generated`);
  });

  it('reads real minutes with random damage, and every fix keeps the rest of the text', () => {
    let fixes = 0;
    run(
      fc.property(mutatedDocument, fc.constantFrom<(typeof PATHS)[number]>('community-call/20220929.md', 'community-call/20220928.md', 'iaas/20220928.md'), extraPositions, (text, p, extra) => {
        fixes += exercise(text, p, extra).findings.filter((f) => preferredEdits(f)).length;
      }),
    );
    assert.ok(fixes > 50, `only ${fixes} preferred fixes were generated`);
  });

  it('a damaged earlier roll-up or team minutes file in the repository breaks no feature of a good roll-up', () => {
    const damaged = fc.oneof(mutatedDocument, fragmentDocument, anyString);
    run(
      fc.property(damaged, damaged, (previous, teamFile) => {
        const files: Files = { ...REPO, 'community-call/20220922.md': previous, 'iaas/20220928.md': teamFile, 'community-call/20220929.md': GOOD };
        const workspace = workspaceOf(files);
        const model = parseMinutes({ uri: uriOf('community-call/20220929.md'), version: 1, text: GOOD }, CONFIG);
        lint(model, CONFIG, { workspace });
        const lines = model.lines;
        for (let line = 0; line < lines.lineCount; line++) {
          const position = { line, character: lines.lineText(line).length };
          completions(model, position, { ...ENV, workspace });
          hover(model, { line, character: Math.max(0, position.character - 3) }, { ...ENV, workspace });
        }
        documentLinks(model, workspace);
        const weekly = newWeeklyMinutes(workspace, CONFIG, CALENDAR, { year: 2022, month: 10, day: 6 });
        exercise(weekly.text, weekly.path);
        const team = newTeamMinutes(workspace, 'iaas', CALENDAR, { year: 2022, month: 10, day: 12 });
        parseMinutes({ uri: uriOf(team.path), version: 1, text: team.text }, CONFIG);
      }),
      100,
    );
  });

  it('parsing while typing (reusing the unchanged sections) reads every version as a fresh parse does', () => {
    const summary = (model: MinutesModel) =>
      JSON.stringify({ kind: model.kind, title: model.title, sections: model.sections, meta: model.meta, updates: model.updates, findings: lint(model, CONFIG, { workspace: workspaceOf(REPO) }) });
    run(
      fc.property(fc.constantFrom(...REAL), fc.array(mutation, { minLength: 1, maxLength: 8 }), (start, ms) => {
        const cache = new ChunkCache();
        const uri = uriOf('community-call/20220929.md');
        let text = start;
        parseMinutes({ uri, version: 0, text }, CONFIG, cache);
        ms.forEach((m, i) => {
          text = mutate(text, m);
          const typed = parseMinutes({ uri, version: i + 1, text }, CONFIG, cache);
          const fresh = parseMinutes({ uri, version: i + 1, text }, CONFIG);
          assert.equal(summary(typed), summary(fresh), `version ${i + 1} reads differently when parsed while typing:\n${JSON.stringify(text)}`);
        });
      }),
    );
  });
});

// ------------------------------------------------------------------------------------------------
// Pathological documents. Each is parsed and linted in a child process (pathological.ts), so that
// one that takes minutes is stopped instead of holding up the whole run. How long each takes is
// measured by `npm run bench` (target: 10 s each); here the bound is only against hanging, generous
// enough for a loaded 2-core machine.

const CASE_RUNNER = resolve(__dirname, 'pathological.ts');
const HANG_MS = 90_000;

interface CaseResult {
  chars: number;
  parseMs: number;
  lintMs: number;
  symbols: number;
  findings: number;
  error?: string;
}

function runCase(name: string, killAfterMs = HANG_MS): Promise<CaseResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CASE_RUNNER, name], { cwd: resolve(__dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') return fail(new Error(`${name}: did not finish parsing and linting within ${killAfterMs / 1000} s`));
      const line = out.trim().split('\n').pop() ?? '';
      try {
        done(JSON.parse(line) as CaseResult);
      } catch {
        fail(new Error(`${name}: exited with ${code}: ${out}${err}`));
      }
    });
  });
}

async function assertHandled(name: string): Promise<CaseResult> {
  const result = await runCase(name);
  assert.equal(result.error, undefined, `${name}: ${result.error}`);
  return result;
}

describe('robustness: pathological documents parse and lint without failing or hanging', function () {
  this.timeout(HANG_MS + 10_000);

  // micromark's time grows ~cubically with list nesting (10,000 levels: minutes); such a piece is
  // read as plain text (markdown.ts, hostileInput), so it stays bounded.
  it('10,000 nested list levels', async () => {
    await assertHandled('nested-lists');
  });

  // Nesting written one level per line costs micromark as much as on one line: markdown.ts
  // (hostileInput) measures each line's nesting and reads such a piece as plain text.
  it('600 list levels indented one more step per line', async () => {
    await assertHandled('nested-lists-indented');
  });

  it('2,000 quote levels, one more `>` per line', async () => {
    await assertHandled('nested-quotes');
  });

  it('a list nested 100 levels deep (deeper than any minutes)', async () => {
    await assertHandled('nested-lists-100');
  });

  it('a 5 MB single line (a pasted screenshot as a data: URI)', async () => {
    await assertHandled('long-line-data-uri');
  });

  it('a 5 MB single line of prose with links', async () => {
    await assertHandled('long-line-links');
  });

  // A log pasted after a bullet (lazy continuation lines) is quadratic in micromark: a run of
  // 2,000 lines without a blank line is read as plain text (hostileInput).
  it('a 1 MB log pasted into a list item', async () => {
    await assertHandled('pasted-log-in-list');
  });

  it('5,000 headings', async () => {
    const result = await assertHandled('headings');
    assert.ok(result.symbols >= 1);
  });

  // More than 500 team sections are kept out of the team checks (parse.ts, MAX_TEAM_SECTIONS).
  it('10,000 team sections, each linking a folder of its own', async () => {
    await assertHandled('team-sections');
  });

  it('a 1 MB roll-up', async () => {
    await assertHandled('one-megabyte');
  });
});
