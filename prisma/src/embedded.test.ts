import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  freePort,
  startEmbeddedPostgres,
  startThrowawayPostgres,
  type EmbeddedPostgres,
} from './embedded.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'gazette-embedded-'));
const dataDir = path.join(root, 'postgres');
const running: EmbeddedPostgres[] = [];
afterAll(async () => {
  for (const pg of running) await pg.stop();
  rmSync(root, { recursive: true, force: true });
});

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function postmasterPid(): number | null {
  try {
    return Number.parseInt(
      readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]!,
      10,
    );
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('embedded PostgreSQL', () => {
  it('initialises on first start, keeps data across a restart and leaves no process when stopped', async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, ephemeral: true });
    running.push(first);
    expect(first.url()).toContain(`127.0.0.1:${port}`);
    await query(first.url(), 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$泸州$$)');
    const pid = postmasterPid()!;
    expect(alive(pid)).toBe(true);
    await first.stop();
    expect(alive(pid)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir, port, ephemeral: true });
    running.push(second);
    expect(await query(second.url(), 'SELECT v FROM kept')).toEqual([{ v: '泸州' }]);
    // Only the generated password gets in.
    await expect(query(second.url().replace(/:[^:@/]+@/, ':wrong@'), 'SELECT 1')).rejects.toThrow(
      /password/,
    );
    await second.stop();
  });

  it('stops a postmaster orphaned by a crashed run before starting its own', async () => {
    const port = await freePort();
    const orphan = await startEmbeddedPostgres({ dataDir, port, ephemeral: true }); // never stopped by its owner
    running.push(orphan);
    const orphanPid = postmasterPid()!;
    const next = await startEmbeddedPostgres({ dataDir, port: await freePort(), ephemeral: true });
    running.push(next);
    expect(alive(orphanPid)).toBe(false);
    expect(postmasterPid()).not.toBe(orphanPid);
    expect(await query(next.url(), 'SELECT v FROM kept')).toEqual([{ v: '泸州' }]);
    await next.stop();
  });

  it('explains a port that is already taken', async () => {
    const holder = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      ephemeral: true,
    });
    running.push(holder);
    const other = path.join(root, 'other');
    await expect(
      startEmbeddedPostgres({ dataDir: other, port: holder.port, ephemeral: true }),
    ).rejects.toThrow(new RegExp(`did not start on port ${holder.port}`));
    await holder.stop();
  });

  it('removes the temporary directory of a throwaway cluster when it stops', async () => {
    const throwaway = await startThrowawayPostgres('gazette-embedded-throwaway-');
    running.push(throwaway);
    const [row] = (await query(throwaway.url(), 'SHOW data_directory')) as [
      { data_directory: string },
    ];
    expect(row.data_directory).toContain('gazette-embedded-throwaway-');
    expect(existsSync(row.data_directory)).toBe(true);
    await throwaway.stop();
    expect(existsSync(path.dirname(row.data_directory))).toBe(false);
  });
});
