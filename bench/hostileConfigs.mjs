// Hostile `.minutes.json` files (issue "Never lose a byte"): each must be refused with one line and
// exit 2 by the CLI, and leave the server answering, within 10 s and 400 MB. The tests
// (test/unit/configSafety.test.ts, test/cli/safety.test.ts) assert the messages; the bounds are here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './lsp.mjs';

const TIME_MS = 10_000;
const MEMORY_MB = 400;

/** name -> how the hostile `.minutes.json` is put in place in a repository root. */
const CASES = {
  'link to /dev/zero': (root) => symlinkSync('/dev/zero', join(root, '.minutes.json')),
  '10,000 levels of nesting': (root) => writeFileSync(join(root, '.minutes.json'), `{"teams": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`),
  'path pattern with 14 {*}': (root) => writeFileSync(join(root, '.minutes.json'), JSON.stringify({ minutesPaths: [`{series}/${'{*}-'.repeat(14)}{YYYY}{MM}{DD}.md`] })),
  'brace-expansion bomb in ignores': (root) => writeFileSync(join(root, '.minutes.json'), JSON.stringify({ ignores: [`${'{a,b,c,d}'.repeat(30)}{1..100000}.md`] })),
  'star loops in ignores': (root) => writeFileSync(join(root, '.minutes.json'), JSON.stringify({ ignores: ['*a*a*a*a*a*a*a*a*a*a*a*a'] })),
  '".." in weeklyFolder': (root) => writeFileSync(join(root, '.minutes.json'), JSON.stringify({ weeklyFolder: '../../tmp' })),
  'null': (root) => writeFileSync(join(root, '.minutes.json'), 'null'),
  '2 MB of one string': (root) => writeFileSync(join(root, '.minutes.json'), JSON.stringify({ weeklyTitle: 'x'.repeat(2 * 1024 * 1024) })),
};

function repository() {
  const root = mkdtempSync(join(tmpdir(), 'minutes-hostile-'));
  mkdirSync(join(root, 'community-call'));
  mkdirSync(join(root, 'iaas'));
  // Names that almost match the hostile patterns: the work a backtracking matcher would do.
  writeFileSync(join(root, `iaas/${'a-'.repeat(60)}20220928.md`), '# Team IaaS 2022-09-28\n');
  writeFileSync(join(root, 'community-call/20220929.md'), '# SCS Tech Weekly 2022-09-29\n\n## Meta\n\n- Minutes: Kim\n');
  return root;
}

/** Runs the CLI under /usr/bin/time for its peak memory, where the machine has it. */
function cli(cliPath, root) {
  const timed = existsSync('/usr/bin/time');
  const command = timed ? '/usr/bin/time' : process.execPath;
  const args = timed ? ['-f', 'MAXRSS %M', process.execPath, cliPath, '--root', root] : [cliPath, '--root', root];
  const start = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  const ms = Math.round(performance.now() - start);
  const rss = Number(/MAXRSS (\d+)/u.exec(run.stderr)?.[1] ?? NaN) / 1024;
  const message = run.stderr.replace(/MAXRSS \d+\n?|Command exited with non-zero status \d+\n?/gu, '').trim();
  return { ms, mb: Math.round(rss), code: run.status, lines: message.split('\n').length, message };
}

/** Starts the server on the repository and times its first hover on an open document. */
async function server(serverPath, root) {
  const start = performance.now();
  const s = await startServer(serverPath, pathToFileURL(root).toString());
  try {
    const uri = pathToFileURL(join(root, 'community-call/20220929.md')).toString();
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(join(root, 'community-call/20220929.md'), 'utf8') } });
    await Promise.race([s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } }), new Promise((_, fail) => setTimeout(() => fail(new Error('no answer')), 60_000))]);
    const status = readFileSync(`/proc/${s.pid}/status`, 'utf8');
    return { ms: Math.round(performance.now() - start), mb: Math.round(Number(/^VmHWM:\s+(\d+)/mu.exec(status)?.[1] ?? NaN) / 1024) };
  } finally {
    await s.stop();
  }
}

export async function hostileConfigs(cliPath, serverPath, row) {
  const results = {};
  for (const [name, plant] of Object.entries(CASES)) {
    const root = repository();
    try {
      plant(root);
      const c = cli(cliPath, root);
      const okCli = c.ms <= TIME_MS && !(c.mb > MEMORY_MB) && c.code === 2 && c.lines === 1;
      row(`hostile config, CLI: ${name}`, `${c.ms} ms, ${c.mb} MB, exit ${c.code}, ${c.lines} line(s)`, '', '', `<= ${TIME_MS} ms, <= ${MEMORY_MB} MB, exit 2, 1 line`, okCli);
      const s = await server(serverPath, root).catch((error) => ({ error: error.message }));
      const okServer = !s.error && s.ms <= TIME_MS && s.mb <= MEMORY_MB;
      row(`hostile config, server: ${name}`, s.error ? `failed: ${s.error}` : `first hover after ${s.ms} ms, ${s.mb} MB`, '', '', `<= ${TIME_MS} ms, <= ${MEMORY_MB} MB`, okServer);
      results[name] = { cli: c, server: s };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return results;
}
