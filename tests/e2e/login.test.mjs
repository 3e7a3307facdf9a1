// In a real browser (Debian's Chromium driven by playwright-core): sign in as an office user,
// switch to English, sign out, with screenshots of each step and no console errors (a CSP
// violation or a failed script shows up as one).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { AGENCY_CODE, AGENCY_NAME, DEFAULT_PASSWORD, startServer } from '../support/server.mjs';

const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(process.env.THIDUA_ARTIFACTS ?? 'build/e2e-artifacts');

let srv;
let context;
let page;
let profileDir;
const problems = [];

before(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (never download a browser)`);
  }
  await fsp.mkdir(ARTIFACTS, { recursive: true });
  srv = await startServer({
    users: [{ login: 'hoa', name: 'Nông Thị Hoa', role: 'office', agency: AGENCY_CODE }],
  });
  profileDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'thidua-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  page.on('console', (m) => {
    if (m.type() === 'error') {
      const src = m.location()?.url;
      problems.push(`console error on ${page.url()}: ${m.text()}${src && src !== page.url() ? ` [source: ${src}]` : ''}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    // Sub-resources must load; the documents themselves are checked by the steps below.
    if (r.status() >= 400 && r.request().resourceType() !== 'document') problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
});

after(async () => {
  await context?.close();
  if (profileDir) await fsp.rm(profileDir, { recursive: true, force: true });
  await srv?.dispose();
});

const shot = (name) => page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });

/** Bootstrap's stylesheet applied and htmx loaded: the page's assets work under the CSP. */
async function assertAssetsLoaded() {
  const state = await page.evaluate(() => ({
    bootstrap: [...document.styleSheets].some((s) => (s.href ?? '').includes('bootstrap')),
    bodyFont: getComputedStyle(document.body).fontFamily,
  }));
  assert.ok(state.bootstrap, 'the Bootstrap stylesheet is loaded');
  assert.ok(!/^\s*"?Times/.test(state.bodyFont), `Bootstrap's font stack applies (body font: ${state.bodyFont})`);
}

describe('sign in, switch language, sign out', () => {
  it('/ sends an anonymous visitor to the login form', async () => {
    const resp = await page.goto(`${srv.url}/`);
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.equal(resp.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    await page.locator('#login-form').waitFor();
    assert.ok(await page.locator('#login').isVisible(), '#login visible');
    assert.ok(await page.locator('#password').isVisible(), '#password visible');
    assert.ok(await page.locator('#login-submit').isVisible(), '#login-submit visible');
    await assertAssetsLoaded();
    await shot('login.png');
  });

  it('signs in as the office user and sees a Vietnamese greeting', async () => {
    await page.fill('#login', 'hoa');
    await page.fill('#password', DEFAULT_PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click('#login-submit')]);
    await page.locator('html[lang="vi"]').waitFor({ state: 'attached' });
    const greeting = (await page.locator('#greeting').innerText()).normalize('NFC');
    assert.ok(greeting.includes('Xin chào'), greeting);
    assert.ok(greeting.includes('Nông Thị Hoa'.normalize('NFC')), greeting);
    const agency = (await page.locator('#agency-name').innerText()).normalize('NFC');
    assert.ok(agency.includes(AGENCY_NAME), agency);
    assert.ok(await page.locator('#todo').isVisible(), '#todo visible');
    assert.ok((await page.locator('#todo').innerText()).includes('Việc cần làm'));
    assert.equal(await page.evaluate(() => typeof window.htmx), 'object', 'htmx is loaded on the home page');
    await assertAssetsLoaded();
    await shot('home-vi.png');
  });

  it('switches to English', async () => {
    await Promise.all([page.waitForNavigation(), page.click('#lang-en')]);
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    const greeting = await page.locator('#greeting').innerText();
    assert.ok(greeting.includes('Hello'), greeting);
    assert.ok((await page.locator('#todo').innerText()).includes('To do'));
    assert.ok(await page.locator('#lang-vi').isVisible(), '#lang-vi visible on the English page');
    await shot('home-en.png');
  });

  it('signs out back to the login form with a success message', async () => {
    await Promise.all([page.waitForURL((u) => u.pathname === '/login'), page.click('#logout-button')]);
    await page.locator('#login-form').waitFor();
    const ok = page.locator('.alert-success');
    await ok.waitFor();
    const text = await ok.innerText();
    // The language chosen before signing out may carry over: either message is right.
    assert.ok(text.includes('Bạn đã đăng xuất.') || text.includes('You have signed out.'), text);
    await shot('logged-out.png');

    // Going back to / after signing out lands on the login form again.
    await page.goto(`${srv.url}/`);
    assert.equal(new URL(page.url()).pathname, '/login');
  });

  it('no console errors, page errors or failed sub-resources along the way', () => {
    assert.deepEqual(problems, []);
  });
});
