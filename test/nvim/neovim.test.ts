import * as assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lineOf, linkTo, rollup, team, teamMinutes } from '../support/fixtures';
import { SERVER } from '../support/lspClient';
import { TempRepository } from '../support/repository';

// Neovim's own LSP client (not vscode-languageclient, not our test client) against the built
// server: `node dist/server.js --stdio`, driven headless by test/nvim/client.lua.
const CLIENT_LUA = resolve(__dirname, 'client.lua');
const NVIM = process.env.NVIM_BIN || 'nvim';
const ON_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const WAIT_MS = 15_000; // the bound of every wait inside Neovim (initialize, diagnostics, each request)
const RUN_MS = 60_000; // the whole Neovim run; it is killed (SIGKILL) after that

// The file is 20220929.md -> title-date-mismatch; only iaas/20220928.md exists -> minutes-link-not-found.
const WEEKLY = rollup([team('Team IaaS', linkTo('iaas/20220927.md'))], '# SCS Tech Weekly 2022-09-22');
const FILES: Record<string, string> = {
  'community-call/20220929.md': WEEKLY,
  'iaas/20220928.md': teamMinutes('Team IaaS 2022-09-28', '## Participants', '', '- Kurt'),
};
const MINUTES_LINE = lineOf(WEEKLY, 'iaas/20220927.md');

interface NvimDiagnostic {
  code?: string;
  lnum: number;
  col: number;
  message: string;
  source?: string;
}
interface OutlineSymbol {
  name: string;
  detail?: string | null;
  children?: OutlineSymbol[];
}
interface CompletionItem {
  label: string;
  insertText?: string | null;
  textEdit?: { newText: string } | null;
}
interface NvimResult {
  error?: string;
  capabilities?: Record<string, unknown>;
  diagnostics?: NvimDiagnostic[];
  symbols?: OutlineSymbol[];
  completion?: CompletionItem[] | { items: CompletionItem[] } | null;
  completionLine?: string;
}

/** Lua's empty table is encoded as `{}`: lists may come back as objects. */
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const names = (symbols: OutlineSymbol[]): string[] => symbols.flatMap((s) => [s.name, ...names(list<OutlineSymbol>(s.children))]);

/** Fails on CI (which installs Neovim) and skips elsewhere when no usable nvim is on PATH. */
function requireNeovim(context: Mocha.Context): void {
  const probe = spawnSync(NVIM, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const version = /NVIM v(\d+)\.(\d+)/u.exec(probe.stdout ?? '');
  const problem = probe.error
    ? `${NVIM} was not found (${probe.error.message})`
    : !version
      ? `\`${NVIM} --version\` printed no version`
      : Number(version[1]) === 0 && Number(version[2]) < 7
        ? `Neovim ${version[0]} is too old (0.7 or later is needed)`
        : undefined;
  if (!problem) return;
  if (ON_CI) throw new Error(`Neovim LSP tests: ${problem}. CI must install Neovim 0.7+ (apt-get install -y neovim).`);
  console.log(`    (skipped: ${problem}; install Neovim 0.7+ to run these tests)`);
  context.skip();
}

/** Runs client.lua in a headless Neovim and returns what it printed. */
function runNeovim(params: object, home: string): Promise<NvimResult> {
  const env = {
    ...process.env,
    MINUTES_NVIM_PARAMS: JSON.stringify(params),
    // Keep Neovim's lsp.log and state out of the home directory.
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    XDG_STATE_HOME: join(home, 'state'),
    XDG_CACHE_HOME: join(home, 'cache'),
  };
  const args = ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${CLIENT_LUA.replace(/([ \\])/gu, '\\$1')}`];
  return new Promise((done, fail) => {
    const child = execFile(NVIM, args, { env, encoding: 'utf8', timeout: RUN_MS, killSignal: 'SIGKILL', maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const line = stdout.split('\n').find((l) => l.startsWith('MINUTES_NVIM_RESULT '));
      const log = [join(home, 'cache/nvim/lsp.log'), join(home, 'state/nvim/lsp.log')].filter(existsSync).map((f) => readFileSync(f, 'utf8'));
      const context = `\nstdout: ${stdout.slice(-2000)}\nstderr: ${stderr.slice(-2000)}\nlsp.log: ${log.join('\n').slice(-4000)}`;
      if (!line) return fail(new Error(`Neovim printed no result (${error ? error.message : 'exit 0'})${context}`));
      const result = JSON.parse(line.slice('MINUTES_NVIM_RESULT '.length)) as NvimResult;
      if (result.error) return fail(new Error(`client.lua failed: ${result.error}${context}`));
      if (error) return fail(new Error(`Neovim exited abnormally: ${error.message}${context}`));
      done(result);
    });
    child.stdin?.end();
  });
}

describe('the language server in Neovim (an independent LSP client)', function () {
  let repo: TempRepository | undefined;
  let result: NvimResult;

  before(async function () {
    this.timeout(RUN_MS + 5_000);
    requireNeovim(this);
    assert.ok(existsSync(SERVER), `${SERVER} is missing: run \`npm run build\` first`);
    // The minutes repository is scratch/minutes; Neovim's own files go to scratch/nvim.
    repo = new TempRepository(FILES, { prefix: 'minutes-nvim-', folder: 'minutes' });
    result = await runNeovim(
      {
        cmd: [process.execPath, SERVER, '--stdio'],
        root: repo.root,
        file: repo.path('community-call/20220929.md'),
        waitCodes: ['title-date-mismatch', 'minutes-link-not-found'],
        completion: { line: MINUTES_LINE, character: 'Minutes: '.length, setLine: 'Minutes: ' },
        timeoutMs: WAIT_MS,
      },
      join(repo.scratch, 'nvim'),
    );
  });

  after(() => repo?.dispose());

  it('shows the diagnostics with their codes on the right lines', () => {
    const diagnostics = list<NvimDiagnostic>(result.diagnostics);
    const at = (code: string) => diagnostics.find((d) => d.code === code);
    assert.equal(at('title-date-mismatch')?.lnum, 0, JSON.stringify(diagnostics));
    assert.equal(at('minutes-link-not-found')?.lnum, MINUTES_LINE, JSON.stringify(diagnostics));
    assert.match(at('minutes-link-not-found')!.message, /iaas\/20220927\.md/u);
    assert.equal(at('title-date-mismatch')?.source, 'minutes');
  });

  it('answers documentSymbol with the team sections', () => {
    assert.ok(names(list<OutlineSymbol>(result.symbols)).includes('Team IaaS'), JSON.stringify(result.symbols));
  });

  it('completes the minutes link after "Minutes: " in the Team IaaS section', () => {
    assert.ok(result.capabilities?.completionProvider, `the server does not announce completion: ${JSON.stringify(result.capabilities)}`);
    assert.equal(result.completionLine, 'Minutes: ');
    const completion = result.completion;
    const items = list<CompletionItem>(Array.isArray(completion) ? completion : completion?.items);
    const texts = items.flatMap((i) => [i.label, i.insertText ?? '', i.textEdit?.newText ?? '']);
    assert.ok(
      texts.some((t) => t.includes('iaas/20220928.md')),
      `no completion item offers iaas/20220928.md: ${JSON.stringify(items.map((i) => i.label))}`,
    );
  });
});
