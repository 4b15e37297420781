// `pnpm start`: install, build the dashboard and the API only when their inputs changed since the
// last start (a hash of the inputs in a stamp file beside the output), then run the built API.
// No dependencies: it runs before anything is installed.
//   GAZETTE_START_FORCE=1 pnpm start   rebuilds everything regardless of the stamps.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FORCE = process.env.GAZETTE_START_FORCE === '1';
const SKIP_DIRS = new Set(['node_modules', 'dist', '.turbo', '.data', 'e2e', 'coverage']);

const say = (m) => process.stderr.write(`[start] ${m}\n`);

/** Every file under the given paths (relative to the root), sorted, tests left out. */
function inputFiles(paths) {
  const out = [];
  const walk = (rel) => {
    const full = path.join(ROOT, rel);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full)) if (!SKIP_DIRS.has(entry)) walk(path.join(rel, entry));
    } else if (!/\.test\.tsx?$/.test(rel)) {
      out.push(rel);
    }
  };
  paths.forEach(walk);
  return out.sort();
}

function hashOf(paths) {
  const hash = createHash('sha256');
  for (const rel of inputFiles(paths))
    hash
      .update(rel)
      .update('\0')
      .update(readFileSync(path.join(ROOT, rel)))
      .update('\0');
  return hash.digest('hex');
}

function workspacePackageJsons() {
  const found = ['package.json', 'prisma/package.json'];
  for (const group of ['apps', 'packages', 'tooling']) {
    const dir = path.join(ROOT, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir))
      if (existsSync(path.join(dir, name, 'package.json')))
        found.push(path.join(group, name, 'package.json'));
  }
  return found;
}

function run(command, args, cwd = ROOT) {
  const r = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) {
    say(`${command} ${args.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

/** Runs `action` unless `stamp` holds the hash of `inputs`; then writes it. */
function step(label, stamp, inputs, output, action) {
  const t = Date.now();
  const hash = hashOf(inputs);
  const stampFile = path.join(ROOT, stamp);
  const current = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (!FORCE && current === hash && existsSync(path.join(ROOT, output))) {
    say(`${label}: up to date (${Date.now() - t} ms)`);
    return;
  }
  say(`${label}: ${current ? 'inputs changed' : 'first run'}, running`);
  action();
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${hash}\n`);
  say(`${label}: done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

const lockInputs = [
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  ...workspacePackageJsons(),
  'prisma/schema.prisma',
];
step(
  'install',
  'node_modules/.gazette-start/install.sha256',
  lockInputs,
  'node_modules/.pnpm',
  () => run('pnpm', ['install', '--frozen-lockfile']),
);
step(
  'dashboard build',
  'apps/admin/dist/.gazette-build.sha256',
  [
    'pnpm-lock.yaml',
    'apps/admin/src',
    'apps/admin/index.html',
    'apps/admin/vite.config.ts',
    'apps/admin/package.json',
    'apps/admin/tsconfig.json',
    'packages/domain/src',
    'packages/domain/package.json',
  ],
  'apps/admin/dist/index.html',
  () => run('pnpm', ['--filter', '@gazette/admin', 'build']),
);
step(
  'API build',
  'apps/api/dist/.gazette-build.sha256',
  [
    'pnpm-lock.yaml',
    'apps/api/src',
    'apps/api/scripts/build.mjs',
    'apps/api/package.json',
    'prisma/src',
    'prisma/generated',
    'prisma/package.json',
    'packages/domain/src',
    'packages/gazette/src',
  ],
  'apps/api/dist/server.mjs',
  () => run('pnpm', ['--filter', '@gazette/api', 'build']),
);

// The API's own start script (apps/api/package.json, what the bench runs too), so both start the
// same way: `[env NAME=value …] node <flags…> dist/server.mjs`, run here without a shell (the
// environment settings applied to the child, node being this very executable).
function apiStartCommand() {
  const script = JSON.parse(readFileSync(path.join(ROOT, 'apps/api/package.json'), 'utf8')).scripts
    .start;
  const words = script.trim().split(/\s+/);
  const env = {};
  if (words[0] === 'env') {
    words.shift();
    while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? '')) {
      const [name, ...value] = words.shift().split('=');
      env[name] = value.join('=');
    }
  }
  if (words.shift() !== 'node')
    throw new Error(`apps/api/package.json scripts.start should run node: ${script}`);
  return { args: words, env };
}

// The API in its own process group: a signal to this process (or to the terminal's group) reaches
// it exactly once, forwarded from here; its exit code becomes ours.
const start = apiStartCommand();
const api = spawn(process.execPath, start.args, {
  cwd: path.join(ROOT, 'apps/api'),
  stdio: 'inherit',
  detached: true,
  env: { ...process.env, ...start.env },
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (api.exitCode === null) api.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
  });
}
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
