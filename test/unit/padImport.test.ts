import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, localUploads, MinutesWorkspace, planImport, remoteUploads, splitPad, uploadOccurrences, uploadTargets, withLinks } from '../../server/src/core';
import { unifiedDiff } from '../../cli/src/unifiedDiff';
import { joinLines } from './helpers';

const today = { year: 2026, month: 6, day: 20 };
const dates = (text: string) => splitPad(text, DEFAULT_CONFIG, today).meetings.map((m) => `${m.date.year}-${m.date.month}-${m.date.day}`);

// A rolling pad as SCS teams keep them: its own header, newest meeting on top, `---` between meetings.
const newestOnTop = joinLines(
  '---',
  'title: Team IaaS 2026',
  'tags: scs',
  '---',
  '# Team IaaS pad 2026',
  '',
  'Minutes go to the repository after each meeting.',
  '',
  '## 2026-06-11',
  '',
  '### Participants',
  '',
  '- @kim',
  '',
  '### Follow-up of 2026-06-04',
  '',
  '- image manager ![diagram](https://pad.example.org/uploads/upload_ab12.png)',
  '',
  '---',
  '',
  '## 2026-06-04',
  '',
  '### Participants',
  '',
  '- @lee',
  '',
);

describe('splitting a pad into meetings', () => {
  it('splits by the dated headings, newest on top, leaving out front matter and the pad header', () => {
    const { meetings } = splitPad(newestOnTop, DEFAULT_CONFIG, today);
    assert.deepEqual(dates(newestOnTop), ['2026-6-11', '2026-6-4']);
    assert.equal(meetings[0].title, '2026-06-11');
    // The dated sub-heading stays inside its meeting; the `---` between meetings goes.
    assert.equal(meetings[0].text, joinLines('## 2026-06-11', '', '### Participants', '', '- @kim', '', '### Follow-up of 2026-06-04', '', '- image manager ![diagram](https://pad.example.org/uploads/upload_ab12.png)', ''));
    assert.equal(meetings[1].text, joinLines('## 2026-06-04', '', '### Participants', '', '- @lee', ''));
    assert.ok(!meetings.some((m) => m.text.includes('title: Team IaaS') || m.text.includes('Team IaaS pad')));
  });

  it('splits a pad with the newest meeting at the bottom the same way', () => {
    const pad = joinLines('# SIG Monitoring', '', '# 2026-05-27', '', '- dashboards', '', '# 2026-06-03', '', '- alerts', '');
    assert.deepEqual(dates(pad), ['2026-5-27', '2026-6-3']);
    assert.equal(splitPad(pad, DEFAULT_CONFIG, today).meetings[1].text, joinLines('# 2026-06-03', '', '- alerts', ''));
  });

  it('reads dates written out, as titles are read, a missing year the one nearest today', () => {
    const pad = joinLines('# Pad', '', '## June 4th', '', '- a', '', '## 28. Mai 2026', '', '- b', '', '## 21.05.2026', '', '- c', '');
    assert.deepEqual(dates(pad), ['2026-6-4', '2026-5-28', '2026-5-21']);
  });

  it('says so when a pad is too large to read whole, rather than finding no meeting', () => {
    // An HTML block keeps the pad one piece; more than the parser reads in one go.
    const huge = joinLines('<details>', ...Array.from({ length: 300 }, (_, i) => `## 2026-06-${String((i % 28) + 1).padStart(2, '0')}\n\n${'x'.repeat(1000)}\n`));
    const split = splitPad(huge, DEFAULT_CONFIG, today);
    assert.deepEqual(split.meetings, []);
    assert.match(split.notRead ?? '', /KB/u);
  });

  it("reads a large rolling pad whole when its HTML is one-line comments (a template's `<!-- GitHub handles preferred -->`)", () => {
    const meeting = (i: number) => `## 2026-06-${String((i % 28) + 1).padStart(2, '0')}\n\n### Participants\n<!-- GitHub handles preferred -->\n- @kim\n\n${'x'.repeat(1000)}\n`;
    const pad = joinLines(...Array.from({ length: 300 }, (_, i) => meeting(i)));
    const split = splitPad(pad, DEFAULT_CONFIG, today);
    assert.equal(split.notRead, undefined);
    assert.equal(split.meetings.length, 300);
  });

  it('finds no meeting in a pad without dated headings', () => {
    assert.deepEqual(splitPad(joinLines('# Notes', '', '## Agenda', '', '- tbd'), DEFAULT_CONFIG, today), { meetings: [] });
  });
});

describe('planning an import into a series', () => {
  const files: Record<string, string> = {
    'iaas/20260528.md': '# 2026-05-28\n\n### Participants\n\n- @kim\n',
    // A blank line before the title, CRLF line breaks: as a pad's text, still the same minutes.
    'iaas/20260604.md': '\r\n# 2026-06-04\r\n\r\n## Participants\r\n\r\n- @lee\r\n',
  };
  const workspace = new MinutesWorkspace('file:///repo', { readFile: (p) => files[p] }, DEFAULT_CONFIG, Object.keys(files));

  it('creates a meeting without a file under the series pattern, with its headings at the series title level', () => {
    const [june11] = planImport(newestOnTop, 'iaas', workspace, DEFAULT_CONFIG, today).meetings;
    assert.equal(june11.status, 'new');
    assert.equal(june11.path, 'iaas/20260611.md');
    assert.ok(june11.text.startsWith('# 2026-06-11\n\n## Participants\n'), june11.text);
    assert.deepEqual(june11.remoteImages, ['https://pad.example.org/uploads/upload_ab12.png']);
  });

  it('skips a meeting whose file is identical (the heading level aside)', () => {
    const plan = planImport(newestOnTop, 'iaas', workspace, DEFAULT_CONFIG, today).meetings;
    assert.deepEqual(
      plan.map((p) => [p.path, p.status]),
      [
        ['iaas/20260611.md', 'new'],
        ['iaas/20260604.md', 'identical'],
      ],
    );
  });

  it("drops a template's one-line comments that the series' files never keep, and keeps one they do", () => {
    const pad = joinLines('## 2026-06-18', '', '### Participants <!-- GitHub handles preferred -->', '<!-- one per line -->', '- @kim', '', '<!-- keep: decisions -->', '');
    const kept = new MinutesWorkspace('file:///repo', { readFile: (p) => ({ ...files, 'iaas/20260604.md': `${files['iaas/20260604.md']}\r\n<!-- keep: decisions -->\r\n` })[p] }, DEFAULT_CONFIG, Object.keys(files));
    const [june18] = planImport(pad, 'iaas', kept, DEFAULT_CONFIG, today).meetings;
    assert.equal(june18.text, joinLines('# 2026-06-18', '', '## Participants', '- @kim', '', '<!-- keep: decisions -->', ''));
    // Imported once, the meeting is unchanged the second time: its file, without the leftovers, is the same.
    const again = new MinutesWorkspace('file:///repo', { readFile: (p) => (p === 'iaas/20260618.md' ? june18.text : files[p]) }, DEFAULT_CONFIG, [...Object.keys(files), 'iaas/20260618.md']);
    assert.equal(planImport(pad, 'iaas', again, DEFAULT_CONFIG, today).meetings[0].status, 'identical');
  });

  it('reports a meeting whose file differs with a diff, and does not plan to write it', () => {
    const pad = joinLines('## 2026-05-28', '', '### Participants', '', '- @kim', '- @lee', '');
    const [may28] = planImport(pad, 'iaas', workspace, DEFAULT_CONFIG, today, unifiedDiff).meetings;
    assert.equal(may28.status, 'differs');
    assert.equal(may28.path, 'iaas/20260528.md');
    assert.match(may28.diff!, /^--- iaas\/20260528\.md/mu);
    assert.match(may28.diff!, /^\+- @lee$/mu);
    assert.match(may28.diff!, /^-### Participants$/mu);
  });

  it('names files as the series does (another pattern), and marks a second meeting of one date', () => {
    const config = { ...DEFAULT_CONFIG, minutesPaths: ['{series}/{YYYY}/{YYYY}-{MM}-{DD}.md', ...DEFAULT_CONFIG.minutesPaths] };
    const other = { 'meetings/2026/2026-05-28.md': '# 2026-05-28\n' };
    const ws = new MinutesWorkspace('file:///repo', { readFile: (p) => other[p as keyof typeof other] }, config, Object.keys(other));
    const pad = joinLines('# 2026-06-04', '', '- a', '', '# 2026-06-04', '', '- again', '');
    assert.deepEqual(
      planImport(pad, 'meetings', ws, config, today).meetings.map((p) => [p.path, p.status]),
      [
        ['meetings/2026/2026-06-04.md', 'new'],
        ['meetings/2026/2026-06-04.md', 'duplicate'],
      ],
    );
  });
});

describe('pad-hosted uploads', () => {
  const text = joinLines(
    '# 2026-06-11',
    '',
    '- board ![board](https://pad.example.org/uploads/upload_ab12.png), see also https://hackmd.io/_uploads/Sy3x.png.',
    '- logo ![logo](https://example.org/logo.png) and ![chart](https://example.org/wp-content/uploads/2021/06/chart.png)',
    '- again ![board](https://pad.example.org/uploads/upload_ab12.png) and ![other](https://other.example.org/uploads/upload_ab12.png)',
  );

  it("finds HedgeDoc's, CodiMD's and HackMD's uploads, not a site's own uploads folder", () => {
    assert.deepEqual(remoteUploads(text), ['https://pad.example.org/uploads/upload_ab12.png', 'https://hackmd.io/_uploads/Sy3x.png', 'https://other.example.org/uploads/upload_ab12.png']);
  });

  it('puts each next to its file, two of one name in two files, and links them relatively', () => {
    assert.deepEqual(
      uploadTargets(text, 'iaas/20260611.md').map((t) => [t.path, t.link]),
      [
        ['iaas/upload_ab12.png', 'upload_ab12.png'],
        ['iaas/Sy3x.png', 'Sy3x.png'],
        ['iaas/upload_ab12-2.png', 'upload_ab12-2.png'],
      ],
    );
  });

  it('puts them in the assets folder when one is configured', () => {
    assert.deepEqual(
      uploadTargets(text, 'iaas/2026/20260611.md', './assets/pads/').map((t) => [t.path, t.link]),
      [
        ['assets/pads/upload_ab12.png', '../../assets/pads/upload_ab12.png'],
        ['assets/pads/Sy3x.png', '../../assets/pads/Sy3x.png'],
        ['assets/pads/upload_ab12-2.png', '../../assets/pads/upload_ab12-2.png'],
      ],
    );
    assert.equal(uploadTargets(text, 'README.md', 'assets')[0].link, 'assets/upload_ab12.png');
  });

  it('rewrites only the links of saved uploads, punctuation after them kept, other links as they were', () => {
    const links = new Map([['https://hackmd.io/_uploads/Sy3x.png', 'Sy3x.png']]);
    assert.equal(withLinks(text, links), text.replace('https://hackmd.io/_uploads/Sy3x.png.', 'Sy3x.png.'));
    assert.equal(
      localUploads(text, 'iaas/20260611.md').split('\n')[4],
      '- again ![board](upload_ab12.png) and ![other](upload_ab12-2.png)',
    );
  });

  it('finds each place an upload is linked, its URL without the punctuation after it', () => {
    const places = uploadOccurrences(text);
    assert.deepEqual(
      places.map((p) => p.url),
      ['https://pad.example.org/uploads/upload_ab12.png', 'https://hackmd.io/_uploads/Sy3x.png', 'https://pad.example.org/uploads/upload_ab12.png', 'https://other.example.org/uploads/upload_ab12.png'],
    );
    for (const p of places) assert.equal(text.slice(p.start, p.end), p.url);
    assert.equal(text[places[1].end], '.');
  });

  it('plans a meeting imported before, its uploads now local, as unchanged; one still remote is listed', () => {
    const pad = joinLines('# 2026-06-11', '', '![a](https://pad.example.org/uploads/a.png) ![b](https://pad.example.org/uploads/b.png)', '');
    const files = { 'iaas/20260611.md': joinLines('# 2026-06-11', '', '![a](a.png) ![b](https://pad.example.org/uploads/b.png)', '') };
    const ws = new MinutesWorkspace('file:///repo', { readFile: (p) => files[p as keyof typeof files] }, DEFAULT_CONFIG, Object.keys(files));
    const [meeting] = planImport(pad, 'iaas', ws, DEFAULT_CONFIG, today).meetings;
    assert.equal(meeting.status, 'identical');
    assert.deepEqual(meeting.remoteImages, ['https://pad.example.org/uploads/b.png']);
    const moved = { ...DEFAULT_CONFIG, assetsFolder: 'assets' };
    assert.equal(planImport(pad, 'iaas', ws, moved, today).meetings[0].status, 'differs');
  });

  it('plans where the uploads of a new meeting go', () => {
    const [june11] = planImport(newestOnTop, 'iaas', workspace(), { ...DEFAULT_CONFIG, assetsFolder: 'assets' }, today).meetings;
    assert.deepEqual(june11.images, [{ url: 'https://pad.example.org/uploads/upload_ab12.png', path: 'assets/upload_ab12.png', link: '../assets/upload_ab12.png' }]);
  });
});

function workspace(): MinutesWorkspace {
  return new MinutesWorkspace('file:///repo', { readFile: () => undefined }, DEFAULT_CONFIG, []);
}
