import { LspSession } from './lspClient';
import { TempRepository, type RepositoryFiles } from './repository';

/** The repository and the server session of the test running now. */
export interface CurrentSession {
  repo: TempRepository;
  session: LspSession;
}

/**
 * For each test of the calling suite: a fresh repository of `files` and a server initialized on it,
 * both disposed after the test. Read them from the returned object inside the test.
 */
export function freshSessionPerTest(files: RepositoryFiles, capabilities: Record<string, unknown> = { workspace: { configuration: true } }): CurrentSession {
  const current = {} as CurrentSession;
  beforeEach(async () => {
    current.repo = new TempRepository(files);
    current.session = new LspSession();
    await current.session.initialize(current.repo.rootUri, capabilities);
  });
  afterEach(async () => {
    await current.session.dispose();
    current.repo.dispose();
  });
  return current;
}
