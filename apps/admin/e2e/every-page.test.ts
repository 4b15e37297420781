// Every page of the dashboard as each role sees it, at the laptop and the tablet size: it renders
// without console errors, nothing is wider than the window (no sideways scrolling of the whole
// page: wide tables scroll inside their own box), and a screenshot is written for review
// (apps/admin/artifacts/pages/<role>-<width>-<page>.png).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  ARTIFACTS,
  SUPERVISOR,
  addUser,
  login,
  startHarness,
  type Harness,
} from './harness.ts';

const VIEWER = { email: 'viewer@e2e.test', password: 'viewer-password-123' };

/** The pages of the menu, by route, with a text each must show once loaded. */
const PAGES = [
  { name: 'home', route: '/', roles: ['admin', 'supervisor', 'viewer'] },
  { name: 'policies', route: '/policies', roles: ['admin', 'supervisor', 'viewer'] },
  { name: 'rateTables', route: '/rateTables', roles: ['admin', 'supervisor', 'viewer'] },
  { name: 'calculators', route: '/calculators', roles: ['admin', 'supervisor', 'viewer'] },
  { name: 'compliance', route: '/compliance', roles: ['admin', 'supervisor', 'viewer'] },
  { name: 'websiteFindings', route: '/websiteFindings', roles: ['admin', 'supervisor', 'viewer'] },
  {
    name: 'newMediaFindings',
    route: '/newMediaFindings',
    roles: ['admin', 'supervisor', 'viewer'],
  },
  { name: 'organizations', route: '/organizations', roles: ['admin', 'supervisor', 'viewer'] },
  { name: 'cases', route: '/cases', roles: ['admin', 'supervisor'] },
  { name: 'reviewTasks', route: '/reviewTasks', roles: ['admin', 'supervisor'] },
  { name: 'gazetteImports', route: '/gazette-imports', roles: ['admin'] },
  { name: 'auditEntries', route: '/auditEntries', roles: ['admin'] },
  { name: 'users', route: '/users', roles: ['admin'] },
  { name: 'apiTokens', route: '/apiTokens', roles: ['admin'] },
  { name: 'webhooks', route: '/webhooks', roles: ['admin'] },
] as const;

const ROLES = { admin: ADMIN, supervisor: SUPERVISOR, viewer: VIEWER } as const;
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 768, height: 1024 },
] as const;

let h: Harness;
const DIR = path.join(ARTIFACTS, 'pages');

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  h = await startHarness();
  const admin = await h.token(ADMIN);
  for (const [role, user] of [
    ['SUPERVISOR', SUPERVISOR],
    ['VIEWER', VIEWER],
  ] as const)
    await addUser(h, admin, user, role);
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe.each(Object.keys(ROLES) as (keyof typeof ROLES)[])('every page as %s', (role) => {
  it.each(VIEWPORTS)(
    'at $width×$height: renders, fits the width, no console errors',
    async (viewport) => {
      const { page, context, errors } = await h.newPage(viewport);
      // Requests the page has not had answered yet: a page is screenshot once none has been out
      // for 300 ms (its chunk and its queries in), not merely once no progress bar shows (a list
      // whose query has not started yet shows none).
      const pending = new Set<unknown>();
      page.on('request', (r) => pending.add(r));
      page.on('requestfinished', (r) => pending.delete(r));
      page.on('requestfailed', (r) => pending.delete(r));
      const quiet = async () => {
        const end = Date.now() + 20_000;
        let since = Date.now();
        while (Date.now() < end) {
          if (pending.size > 0) since = Date.now();
          else if (Date.now() - since >= 300) return;
          await page.waitForTimeout(50);
        }
      };
      await login(page, h.baseUrl, ROLES[role]);
      const overflowing: string[] = [];
      for (const p of PAGES.filter((x) => (x.roles as readonly string[]).includes(role))) {
        await page.goto(`${h.baseUrl}/#${p.route}`);
        // The page's own content has arrived: react-admin's loading indicator is gone.
        await page.getByTestId('role-chip').waitFor({ timeout: 20_000 });
        await page
          .locator('.RaLoading-root, [role="progressbar"]')
          .first()
          .waitFor({ state: 'detached', timeout: 20_000 })
          .catch(() => undefined);
        await quiet();
        expect(page.url(), `${p.name} must not bounce to login`).not.toMatch(/#\/login$/);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        if (scrollWidth > innerWidth + 1)
          overflowing.push(`${p.name}: ${scrollWidth}px > ${innerWidth}px`);
        await page.screenshot({ path: path.join(DIR, `${role}-${viewport.width}-${p.name}.png`) });
      }
      expect(overflowing, 'pages wider than the window').toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
    240_000,
  );
});
