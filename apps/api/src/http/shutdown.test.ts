import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { closeGracefully, trackInFlight } from './shutdown.ts';

describe('closeGracefully', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const server = createServer((_req, res) => void held.then(() => res.end('finished')));
    const inFlight = trackInFlight(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as { port: number };

    const slow = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.text());
    while (inFlight() === 0) await new Promise((r) => setTimeout(r, 5));
    const closed = closeGracefully(server, inFlight);
    let closedYet = false;
    void closed.then(() => (closedYet = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(closedYet).toBe(false); // still waiting for the request
    await expect(fetch(`http://127.0.0.1:${port}/new`)).rejects.toThrow();

    release();
    expect(await slow).toBe('finished');
    await closed;
    expect(inFlight()).toBe(0);
  });

  it('cuts a request off after the grace period', async () => {
    const server = createServer(() => {}); // never answers
    const inFlight = trackInFlight(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as { port: number };
    const hanging = fetch(`http://127.0.0.1:${port}/`).catch((e: Error) => e);
    while (inFlight() === 0) await new Promise((r) => setTimeout(r, 5));
    const started = Date.now();
    await closeGracefully(server, inFlight, 200);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await hanging).toBeInstanceOf(Error);
  });
});
