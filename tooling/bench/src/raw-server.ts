// The floor the API is compared with: a bare node:http server that answers each benchmark request
// with ONE hand-written SQL statement (requests.ts) building the JSON in PostgreSQL.
// POST /<index> with a JSON array of parameters; the answer is the statement's JSON text.
import { createServer } from 'node:http';
import pg from 'pg';
import { REQUESTS } from './requests.ts';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 16 });
// json_build_object's text goes out as PostgreSQL wrote it: no parse and re-serialise in Node.
pg.types.setTypeParser(114, (v: string) => v);

const server = createServer((req, res) => {
  const index = Number((req.url ?? '/').slice(1));
  const request = REQUESTS[index];
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (!request) {
      res.writeHead(404).end();
      return;
    }
    const params = chunks.length
      ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[])
      : [];
    pool.query<{ data: string }>(`SELECT (${request.sql}) AS data`, params).then(
      (r) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"data":${r.rows[0]?.data ?? 'null'}}`);
      },
      (error: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(error.message);
      },
    );
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
