// Moved to test/support/lspClient.ts (the one LSP test client); kept for test/corpus/server.test.ts until it imports that.
export { LspSession, SERVER } from '../support/lspClient';
