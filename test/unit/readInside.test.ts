// What the server reads of a repository on disk (readFilesInside, run in its reading thread): files
// really inside, also through a link that stays inside; nothing through a link or a linked folder
// leading out; no pipe waited on; the reason for each file not read.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileReader } from '../../server/src/node/fileReader';
import { readFilesInside } from '../../server/src/node/readInside';
import { TempRepository } from '../support/repository';

describe('readFilesInside: what the server reads of a repository on disk', () => {
  let repo: TempRepository;
  let outside: string;

  before(() => {
    repo = new TempRepository({ 'iaas/20220928.md': '# Team IaaS 2022-09-28\n', 'iaas/bom.md': '\uFEFF# With a byte order mark\n' }, { prefix: 'minutes-read-', folder: 'repo' });
    outside = join(repo.scratch, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.md'), '# SECRET\n');
    mkdirSync(repo.path('container'));
    symlinkSync(repo.path('iaas/20220928.md'), repo.path('container/same.md'));
    symlinkSync(join(outside, 'secret.md'), repo.path('container/secret.md'));
    symlinkSync(outside, repo.path('linked-out'));
    writeFileSync(repo.path('iaas/binary.md'), Buffer.from([35, 32, 0, 1, 2]));
  });
  after(() => repo.dispose());

  const read = (...paths: string[]) => readFilesInside(paths.map((p) => repo.path(p)), [repo.root]);

  it('reads a file inside, also through a link that stays inside, and keeps a byte order mark for the caller', () => {
    assert.deepEqual(read('iaas/20220928.md', 'container/same.md', 'iaas/bom.md'), [{ text: '# Team IaaS 2022-09-28\n' }, { text: '# Team IaaS 2022-09-28\n' }, { text: '\uFEFF# With a byte order mark\n' }]);
  });

  it('reads nothing through a link or a linked folder that leads out, nor a path that climbs out', () => {
    const reads = read('container/secret.md', 'linked-out/secret.md', 'iaas/../../outside/secret.md');
    assert.ok(!JSON.stringify(reads).includes('SECRET'), JSON.stringify(reads));
    assert.deepEqual(reads, [{ skipped: 'skipped, outside the repository (a link?)' }, { skipped: 'skipped, outside the repository (a link?)' }, { skipped: 'skipped, outside the repository (a link?)' }]);
  });

  it('says why a binary file, a folder and a pipe are not read, without waiting on the pipe; a missing file is null', function () {
    if (process.platform === 'win32') this.skip();
    execFileSync('mkfifo', [repo.path('iaas/pipe.md')]);
    assert.deepEqual(read('iaas/binary.md', 'iaas', 'iaas/pipe.md', 'iaas/missing.md'), [{ skipped: 'skipped, not a text file' }, { skipped: 'skipped, not a regular file' }, { skipped: 'skipped, not a regular file' }, null]);
  });

  it('the reader still reads where its thread cannot start (run from source here, without the bundle the thread runs)', async () => {
    assert.deepEqual(await new FileReader().read([repo.path('iaas/20220928.md'), repo.path('container/secret.md')], [repo.root]), [{ text: '# Team IaaS 2022-09-28\n' }, { skipped: 'skipped, outside the repository (a link?)' }]);
  });
});
