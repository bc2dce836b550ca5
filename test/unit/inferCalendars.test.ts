import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseCalendar } from '../../server/src/core/calendars';
import { configChanges, configText, inferConfig, parseConfigText, withCalendars } from '../../server/src/core';
import { findCalendarFiles } from '../../server/src/node/findCalendars';
import { listMarkdownFiles, readMinutesText } from '../../server/src/node/fileWorkspace';

const ics = (description: string) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:t', 'SUMMARY:Team', `DESCRIPTION:${description}`, 'DTSTART:20260304T100000', 'RRULE:FREQ=WEEKLY', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

describe('--init proposes the calendars of the repository', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  /** What --init writes for the repository, as text and as the config it loads to. */
  const initText = async () => {
    const paths = listMarkdownFiles(root);
    const inferred = await withCalendars(inferConfig({ paths, readText: (path) => readMinutesText(join(root, path)) }), paths, findCalendarFiles(root), parseCalendar);
    const text = configText(inferred, 'test');
    const loaded = parseConfigText(text);
    assert.deepEqual(loaded.errors, []);
    return { text, config: loaded.config, changes: configChanges(inferred.values) };
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'minutes-init-calendars-'));
    for (const date of ['20260302', '20260309', '20260316', '20260323']) write(`board/${date}.md`, `# Board ${date}\n\n## Topics\n`);
    for (const date of ['20260304', '20260311', '20260318']) write(`team/${date}.md`, `# Team ${date}\n\n## Topics\n`);
    // Neither a CI workflow, nor a file named .ics that is none, nor a dependency's calendar is one of the repository's.
    write('.github/workflows/ci.yml', 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n');
    write('notes.ics', 'not a calendar\n');
    write('node_modules/dep/cal.ics', ics('Minutes: team/'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes "calendars" with the files no other includes whose events link series of the repository', async () => {
    write('calendar/main.yml', 'include: [board.yml]\n');
    write('calendar/board.yml', 'events:\n  - summary: Board\n    begin: 2026-03-02 10:00:00\n    description: "Minutes: board/"\n    repeat: { interval: { weeks: 1 } }\n');
    write('team.ics', ics('Minutes: team/'));
    const { text, config, changes } = await initText();
    assert.deepEqual(config.calendars, ['calendar/main.yml', 'team.ics']);
    // What Create Configuration shows before it writes.
    assert.deepEqual(changes.find((c) => c.key === 'calendars'), { key: 'calendars', from: '[]', to: '["calendar/main.yml","team.ics"]', weakens: false });
    assert.match(text, /^ {2}\/\/ calendars of this repository whose events link the minutes of calendar\/main\.yml: board; team\.ics: team;/mu);
  });

  it('proposes calendars that link none of the series in a comment, which works once its slashes are removed', async () => {
    write('meetings.ics', ics('No link to minutes'));
    const { text, config, changes } = await initText();
    assert.deepEqual(config.calendars, [], 'not in force');
    assert.equal(changes.find((c) => c.key === 'calendars'), undefined, 'a proposal in a comment is no change to show');
    const line = /^ {2}\/\/ ("calendars": \["meetings\.ics"\],?)$/mu.exec(text);
    assert.ok(line, text);
    assert.deepEqual(parseConfigText(text.replace(line[0], `  ${line[1]}`)).config.calendars, ['meetings.ics']);
  });

  it('writes no "calendars" where the repository has no calendar file', async () => {
    const { text } = await initText();
    assert.doesNotMatch(text, /calendars/u);
  });
});
