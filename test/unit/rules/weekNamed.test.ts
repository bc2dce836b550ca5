import * as assert from 'node:assert/strict';
import { lintDoc, single } from './ruleHelpers';

// A series that names its files by the week's Monday while the meeting is later that week (W3C
// TAG's telcons): the name's weekday says nothing about which date is wrong.
const earlier = (titleDay: (monday: string) => string) =>
  Object.fromEntries(['03', '10', '17'].map((d) => [`wg/202201${d}.md`, `# WG ${titleDay(d)}\n\n- notes\n`]));

describe('a series named by the week', () => {
  it('gets no preferred fix for a title later that week (a Friday, far from the name\'s Monday): either date may be meant', () => {
    const files = earlier((d) => `2022-01-${String(Number(d) + 2).padStart(2, '0')}`);
    const f = single(lintDoc('# WG 2022-01-28\n\n- notes\n', 'wg/20220124.md', files).findings, 'title-date-mismatch');
    assert.ok(!f.fixes?.some((x) => x.preferred), JSON.stringify(f.fixes));
  });

  it('a series whose titles name the file day keeps its preferred retitle (the control)', () => {
    const files = earlier((d) => `2022-01-${d}`);
    const f = single(lintDoc('# WG 2022-01-28\n\n- notes\n', 'wg/20220124.md', files).findings, 'title-date-mismatch');
    assert.ok(f.fixes?.some((x) => x.preferred && x.title === 'Change the title date to 2022-01-24'), JSON.stringify(f.fixes));
  });
});
