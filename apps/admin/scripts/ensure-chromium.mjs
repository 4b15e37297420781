// The browser suite drives Debian's Chromium (never a browser a tool downloads itself).
// On a fresh machine `pnpm test` installs it when it can (root with apt), else says how.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const canApt =
  process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
if (!canApt) {
  console.error(
    `浏览器测试需要 Chromium:未找到 ${path}。\n` +
      `The browser suite needs Chromium at ${path}: run \`sudo apt-get install chromium fonts-noto-cjk\`` +
      ' or set CHROMIUM_PATH.',
  );
  process.exit(1);
}
console.log(`Chromium not found at ${path}: installing Debian's chromium (apt-get)…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', 'chromium', 'fonts-noto-cjk']]) {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
