import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG, MinutesWorkspace } from '../../server/src/core';
import { HeldDates } from '../../server/src/core/workspace/heldDates';
import { DERIVED, ReadTrackingWorkspace } from '../../cli/src/readTracking';

const EXAMPLE = resolve(__dirname, '../../examples/minutes');

/** Methods that read no file's content (names, paths, the index) or change the workspace (the CLI never does). */
const CONTENT_FREE = ['constructor', 'generation', 'relativePath', 'uriOf', 'root', 'fileCreated', 'fileDeleted', 'fileChanged', 'source' /* only through model, outline, prepare */, 'hasTeamFolders', 'pathFor', 'teamFolders'];
const HELD_CONTENT_FREE = ['constructor', 'forget', 'latestOnOrBefore', 'between'];
/** Methods that read contents only through readText, model and outline (each noted), and remember nothing themselves. */
const THROUGH_TRACKED = ['folderTitle'];

describe('ReadTrackingWorkspace (what --cache checks again)', () => {
  it('knows every method of the workspace: a new one that reads contents must be tracked', () => {
    const unknown = Object.getOwnPropertyNames(MinutesWorkspace.prototype).filter((name) => !DERIVED.includes(name) && !CONTENT_FREE.includes(name) && !THROUGH_TRACKED.includes(name));
    assert.deepEqual(unknown, []);
    const held = Object.getOwnPropertyNames(HeldDates.prototype).filter((name) => !DERIVED.includes(`held.${name}`) && !HELD_CONTENT_FREE.includes(name));
    assert.deepEqual(held, []);
  });

  it('a check that reuses what an earlier check derived depends on the files it was derived from', () => {
    const workspace = new ReadTrackingWorkspace(EXAMPLE, DEFAULT_CONFIG);
    const first = workspace.checking(() => workspace.rollUps());
    const second = workspace.checking(() => workspace.rollUps());
    assert.ok(first.read.has('community-call/20240118.md'));
    assert.deepEqual([...second.read].sort(), [...first.read].sort());
    const container = workspace.index.filesIn('container');
    const held = workspace.checking(() => workspace.held.latestOnOrBefore('container', { year: 2024, month: 1, day: 20 }));
    const again = workspace.checking(() => workspace.held.heldOn(container[1]));
    assert.ok(held.read.has('container/20240115.md'));
    assert.ok(again.read.has('container/20240115.md'));
  });

  it('a file read for its own check is not noted as one it depends on', () => {
    const workspace = new ReadTrackingWorkspace(EXAMPLE, DEFAULT_CONFIG);
    const own = workspace.checking(() => workspace.readingOwnFile(() => workspace.model('iaas/20240117.md')));
    assert.deepEqual([...own.read], []);
    const other = workspace.checking(() => workspace.model('iaas/20240117.md'));
    assert.deepEqual([...other.read], ['iaas/20240117.md']);
  });
});
