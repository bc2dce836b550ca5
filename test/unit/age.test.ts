import * as assert from 'node:assert/strict';
import { age, ago } from '../../client/src/age';

describe("the Action Items view's ages", () => {
  it('counts days in the singular and plural, today as today', () => {
    assert.deepEqual([0, 1, 12].map(age), ['today', '1 day', '12 days']);
    assert.deepEqual([0, 1, 12].map(ago), ['today', '1 day ago', '12 days ago']);
  });

  it('says an item of minutes dated ahead is raised in some days, never a negative age', () => {
    assert.equal(age(-3), 'in 3 days');
    assert.equal(ago(-1), 'in 1 day');
  });
});
