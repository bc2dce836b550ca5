import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { formatGithub, type FileFindings } from '../../cli/src/format';
import type { Finding } from '../../server/src/core';

const CLI = resolve(__dirname, '../../dist/cli.js');
const EXAMPLE = resolve(__dirname, '../../examples/minutes');

function finding(overrides: Partial<Finding> & Pick<Finding, 'range'>): Finding {
  return { code: 'title-date-mismatch', severity: 'warning', message: 'A message.', ...overrides };
}

const oneLine = { start: { line: 0, character: 18 }, end: { line: 0, character: 28 } };

/** Reads a workflow command line back the way the runner does: split, then decode. */
function parseCommand(line: string) {
  const match = /^::(\w+) ([^:]*)::(.*)$/u.exec(line);
  assert.ok(match, `not a workflow command: ${line}`);
  const decode = (s: string) => s.replace(/%3A/gu, ':').replace(/%2C/gu, ',').replace(/%0D/gu, '\r').replace(/%0A/gu, '\n').replace(/%25/gu, '%');
  const properties = Object.fromEntries(match[2].split(',').map((pair) => {
    const [key, value] = pair.split('=');
    return [key, decode(value)];
  }));
  return { command: match[1], properties, message: decode(match[3]) };
}

describe('minutes-lint --format github', () => {
  it('writes one annotation line a finding with 1-based positions and the code as title', () => {
    const results: FileFindings[] = [{ file: 'community-call/20240118.md', findings: [finding({ range: oneLine })] }];
    assert.equal(
      formatGithub(results),
      '::warning file=community-call/20240118.md,line=1,col=19,endLine=1,endColumn=29,title=title-date-mismatch::A message.',
    );
  });

  it('maps error to ::error and information and hint to ::notice', () => {
    const results: FileFindings[] = [
      {
        file: 'a.md',
        findings: (['error', 'warning', 'information', 'hint'] as const).map((severity) => finding({ severity, range: oneLine })),
      },
    ];
    assert.deepEqual(
      formatGithub(results).split('\n').map((line) => parseCommand(line).command),
      ['error', 'warning', 'notice', 'notice'],
    );
  });

  it('leaves out the columns of a finding that spans lines, as GitHub requires', () => {
    const range = { start: { line: 4, character: 2 }, end: { line: 6, character: 0 } };
    const line = formatGithub([{ file: 'a.md', findings: [finding({ range })] }]);
    assert.equal(line, '::warning file=a.md,line=5,endLine=7,title=title-date-mismatch::A message.');
  });

  it('escapes the message and the properties so that a finding stays one intact command', () => {
    const message = '100% sure:\r\nsecond line, with a comma';
    const file = 'odd, folder/50%:name.md';
    const output = formatGithub([{ file, findings: [finding({ message, range: oneLine })] }]);
    assert.equal(output.split('\n').length, 1, 'one line');
    assert.equal(
      output,
      '::warning file=odd%2C folder/50%25%3Aname.md,line=1,col=19,endLine=1,endColumn=29,title=title-date-mismatch::100%25 sure:%0D%0Asecond line, with a comma',
    );
    const parsed = parseCommand(output);
    assert.equal(parsed.properties.file, file);
    assert.equal(parsed.message, message);
  });

  it('annotates the findings of the example minutes and exits 1', () => {
    const result = spawnSync(process.execPath, [CLI, '--root', EXAMPLE, '--format', 'github', '--today', '2024-01-19'], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    const lines = result.stdout.trim().split('\n');
    assert.ok(lines.every((line) => /^::(error|warning|notice) file=[^:]+::./u.test(line)), result.stdout);
    assert.ok(
      lines.includes(
        '::warning file=community-call/20240118.md,line=1,col=19,endLine=1,endColumn=29,title=title-date-mismatch::Title says 2024-01-11 but the file is 20240118.md; expected 2024-01-18.',
      ),
      result.stdout,
    );
    const notice = lines.map(parseCommand).find((c) => c.properties.title === 'minutes-now-available');
    assert.equal(notice?.command, 'notice');
    assert.equal(notice?.properties.file, 'community-call/20240118.md');
  });

  it('names the valid formats when given another', () => {
    const result = spawnSync(process.execPath, [CLI, '--format', 'xml', EXAMPLE], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^minutes-lint: --format must be text, json, github, not "xml"$/mu);
  });
});
