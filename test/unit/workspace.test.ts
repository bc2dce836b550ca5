import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, MinutesWorkspace, parseMinutes } from '../../server/src/core';

describe('the repository and the editor', () => {
  it("takes an open document's model on each change instead of reading and parsing it again", () => {
    let reads = 0;
    const files: Record<string, string> = { 'community-call/20220922.md': '# SCS Tech Weekly 2022-09-22\n' };
    const workspace = new MinutesWorkspace('file:///repo', { readFile: (p) => (reads++, files[p]) }, DEFAULT_CONFIG, Object.keys(files));
    assert.equal(workspace.model('community-call/20220922.md')?.title?.text, 'SCS Tech Weekly 2022-09-22');
    const before = workspace.generation;
    const edited = parseMinutes({ uri: 'file:///repo/community-call/20220922.md', version: 2, text: '# SCS Tech Weekly 2022-09-23\n' }, DEFAULT_CONFIG);
    workspace.fileChanged('community-call/20220922.md', edited);
    assert.equal(workspace.model('community-call/20220922.md'), edited);
    assert.equal(reads, 1, 'read once, from disk, before the editor had it');
    assert.notEqual(workspace.generation, before, 'what was derived from it is recomputed');
  });

  it('never indexes or reads a path outside its folder, whatever an event names', () => {
    const workspace = new MinutesWorkspace('file:///repo', { readFile: () => 'x' }, DEFAULT_CONFIG);
    assert.equal(workspace.relativePath('file:///repo/iaas/../../etc/passwd.md'), undefined);
    assert.equal(workspace.relativePath('file:///repo/iaas/%2E%2E/x.md'), undefined);
    assert.equal(workspace.relativePath('file:///other/iaas/20220928.md'), undefined);
    assert.equal(workspace.relativePath('file:///repo/iaas/20220928.md'), 'iaas/20220928.md');
  });
});
