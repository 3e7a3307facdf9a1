// Headless Chromium for the end-to-end tests: signed-in pages of the demo's users, each in its
// own profile, with every console error, page error and failed sub-request collected so a test
// can assert there were none. A document answered >= 400 on purpose (a refused form) is
// allowed by URL and status with expectFailure().

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';

import { chromium } from 'playwright-core';

import { startServer } from './server.mjs';

export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(process.env.THIDUA_ARTIFACTS ?? 'build/e2e-artifacts');
const LAUNCH_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** Browsers on `srv`: { as(login), problems, expectFailure(path, status), close() }. */
export function browsers(srv) {
  const contexts = [];
  const profiles = [];
  const problems = [];
  const expected = [];
  return {
    problems,
    expectFailure(p, status) { expected.push({ path: p, status }); },
    /** A page signed in as `login` with the demo's password, on the home page. */
    async as(login, viewport = { width: 1366, height: 900 }) {
      const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'thidua-chromium-'));
      profiles.push(dir);
      const ctx = await chromium.launchPersistentContext(dir, {
        executablePath: CHROMIUM, headless: true, viewport, locale: 'vi-VN', args: LAUNCH_ARGS,
      });
      contexts.push(ctx);
      const p = ctx.pages()[0] ?? (await ctx.newPage());
      p.on('console', (m) => {
        if (m.type() !== 'error') return;
        const url = m.location()?.url ?? p.url();
        if (expected.some((f) => url.endsWith(f.path) && m.text().includes(`status of ${f.status}`))) return;
        problems.push(`[${login}] console error on ${p.url()}: ${m.text()}`);
      });
      p.on('pageerror', (e) => problems.push(`[${login}] page error: ${e.message}`));
      p.on('response', (r) => {
        if (r.status() >= 400 && r.request().resourceType() !== 'document') {
          problems.push(`[${login}] HTTP ${r.status()} for ${r.url()}`);
        }
      });
      await p.goto(`${srv.url}/login`);
      await p.fill('#login', login);
      await p.fill('#password', srv.demoPassword);
      await Promise.all([p.waitForURL((u) => u.pathname === '/'), p.click('#login-submit')]);
      return p;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      for (const d of profiles) await fsp.rm(d, { recursive: true, force: true });
    },
  };
}

/**
 * The demo server and its browsers for one test file, started before its tests and stopped
 * after them: { srv, chrome, shot(page, name) }, the screenshot saved as PREFIX-NAME.png.
 */
export function demoSession(prefix) {
  const session = {
    srv: null,
    chrome: null,
    shot: (p, name) => p.screenshot({ path: path.join(ARTIFACTS, `${prefix}-${name}.png`), fullPage: true }),
  };
  before(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    await fsp.mkdir(ARTIFACTS, { recursive: true });
    session.srv = await startServer({ demo: true });
    session.chrome = browsers(session.srv);
  });
  after(async () => {
    await session.chrome?.close();
    await session.srv?.stop();
  });
  return session;
}

/**
 * Follows a link of the main navigation as a user does: opens its menu first when the link sits
 * in one of the navigation's groups (closed <details>). `target` is the link's text, or its
 * path when it starts with "/".
 */
export async function navClick(page, target) {
  const links = page.locator('nav.app-nav a');
  const link = target.startsWith('/') ? page.locator(`nav.app-nav a[href="${target}"]`).first()
    : links.filter({ hasText: target }).first();
  const menu = link.locator('xpath=ancestor::details[1]');
  if ((await menu.count()) > 0 && !(await menu.evaluate((d) => d.open))) {
    await menu.locator('summary').click();
  }
  await link.click();
}
