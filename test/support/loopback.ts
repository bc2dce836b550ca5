// An HTTP server on the loopback interface for tests of what the CLI fetches (feeds, pads, their
// images): no network, a free port, and a close that does not wait for hanging answers.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  base: string;
  server: Server;
  close(): Promise<void>;
}

export async function serveOnLoopback(handler: RequestListener = () => undefined): Promise<LoopbackServer> {
  const server = createServer(handler);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((closed) => server.close(() => closed()));
    },
  };
}
