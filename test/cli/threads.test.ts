import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CORPUS, requireCorpus } from '../corpus/corpusPath';

const CLI = resolve(__dirname, '../../dist/cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A repository of `weeks` weeks: three team series (one misnaming a title now and then, one
 * copying last week's minutes), and weekly roll-ups that link the teams' minutes (some links
 * outdated or missing), so that checks of one file read many others.
 */
function generate(root: string, weeks: number): void {
  const write = (file: string, text: string | Buffer) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  const start = Date.UTC(2023, 0, 2);
  const day = (week: number, offset: number) => new Date(start + (week * 7 + offset) * 86_400_000);
  const name = (date: Date) => `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  for (let week = 0; week < weeks; week++) {
    const teams = ['iaas', 'container', 'ops'].map((team, i) => ({ team, date: day(week, i) }));
    for (const { team, date } of teams) {
      const title = week % 7 === 3 && team === 'iaas' ? iso(day(week - 1, 0)) : iso(date);
      const body = team === 'ops' && week % 5 === 4 ? 'Same as last week, all the details of the run book.' : `Week ${week}: ${team} topics, decisions and notes.`;
      write(`${team}/${name(date)}.md`, `# Team ${team} ${title}\n\n## Participants\n\n- @a${week % 4}\n\n## Notes\n\n- ${body}\n- [ ] @a${week % 3} follows up on item ${week}\n`);
    }
    const links = teams.map(({ team, date }, i) => `### Team ${team}\n\nMinutes: https://github.com/o/minutes/blob/main/${team}/${name(week % 4 === i ? day(week - 1, i) : date)}.md\n\n- Update ${week}\n`);
    write(`community-call/${name(day(week, 3))}.md`, `# Weekly ${iso(day(week, 3))}\n\n## Meta\n\n- Minutes: Sam\n\n## Team Updates\n\n${links.join('\n')}\n## AOB\n`);
  }
  write('notes/binary.md', Buffer.from([0, 1, 2, 0, 3]));
  write('README.md', '# Minutes\n\nSee [the latest](community-call/does-not-exist.md).\n');
}

describe('minutes-lint --threads: the same output from every number of threads', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'minutes-threads-'));
    generate(root, 80);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('a generated repository gives byte for byte the output of one thread, in every format', () => {
    for (const format of ['text', 'json']) {
      const one = run(['--threads', '1', '--format', format], root);
      assert.equal(one.code, 1);
      assert.ok(one.stdout.split('\n').length > 20, 'many findings');
      assert.match(one.stderr, /binary\.md/u, 'a file skipped is reported');
      for (const threads of format === 'json' ? ['2', '5'] : ['3']) assert.deepEqual(run(['--threads', threads, '--format', format], root), one, `${threads} threads, ${format}`);
    }
  });

  it('--cache fills and reuses a cache from threads as from one', () => {
    const plain = run(['--threads', '1'], root);
    assert.deepEqual(run(['--cache', '--threads', '3'], root), plain);
    assert.deepEqual(run(['--cache', '--threads', '3'], root), plain);
    rmSync(join(root, '.minutes-lint-cache'));
  });

  it('refuses a --threads that is no number of threads', () => {
    for (const bad of ['0', 'many', '1.5', '65']) {
      const result = run(['--threads', bad], root);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /--threads must be a whole number/u);
    }
  });

  it('the real corpus gives byte for byte the output of one thread', function () {
    requireCorpus(this);
    const one = run(['--threads', '1', '--format', 'json', '--root', CORPUS, '--today', '2026-06-30'], root);
    assert.equal(one.code, 1);
    assert.deepEqual(run(['--threads', '2', '--format', 'json', '--root', CORPUS, '--today', '2026-06-30'], root), one);
  });
});
