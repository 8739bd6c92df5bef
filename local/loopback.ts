import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Starts `server` on 127.0.0.1 at a free port: its endpoint, and a close that also ends idle keep-alive connections
 * (the SDK clients keep theirs open, which would hold `close` forever). For the protocol stand-ins.
 *
 * @example
 * const { endpoint, close } = await listenOnLoopback(createServer(handler));
 */
export const listenOnLoopback = async (server: Server): Promise<{ endpoint: string; close(): Promise<void> }> => {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
