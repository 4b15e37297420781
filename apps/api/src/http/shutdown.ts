import type { Server } from 'node:http';

/**
 * Stops accepting connections, lets in-flight requests finish (up to `graceMs`), then closes
 * what is left. Resolves once the server is closed.
 */
export async function closeGracefully(
  server: Server,
  inFlight: () => number,
  graceMs = 10_000,
): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = Date.now() + graceMs;
  while (inFlight() > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    server.closeIdleConnections();
  }
  server.closeAllConnections();
  await closed;
}

/** Counts requests between arrival and the end of their response. */
export function trackInFlight(server: Server): () => number {
  let count = 0;
  server.on('request', (_req, res) => {
    count++;
    res.once('close', () => count--);
  });
  return () => count;
}
