// Pledges in a real browser (Debian's Chromium driven by playwright-core), on the demo data:
// the staff member follows the reminder badge to his draft, types a negative target (the form
// keeps what he typed and says what is wrong), corrects it and sends it for approval; the Office
// sees who is still missing, returns his pledge with a comment (after confirming nothing else),
// he resubmits, the Office approves; then the same pages on a phone's width. Screenshots of
// each step; any console error fails the run.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { startServer } from '../support/server.mjs';
import { navClick } from '../support/browser.mjs';

const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(process.env.THIDUA_ARTIFACTS ?? 'build/e2e-artifacts');
const LAUNCH_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

let srv;
const contexts = [];
const profiles = [];
const problems = [];
// Documents answered >= 400 on purpose (a refused form), allowed by URL and status.
const expectedFailures = [];

async function browserAs(login, viewport = { width: 1366, height: 900 }) {
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
    if (expectedFailures.some((f) => url.endsWith(f.path) && m.text().includes(`status of ${f.status}`))) return;
    problems.push(`[${login}] console error on ${p.url()}: ${m.text()}`);
  });
  p.on('pageerror', (e) => problems.push(`[${login}] page error: ${e.message}`));
  p.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document') problems.push(`[${login}] HTTP ${r.status()} for ${r.url()}`);
  });
  await p.goto(`${srv.url}/login`);
  await p.fill('#login', login);
  await p.fill('#password', srv.demoPassword);
  await Promise.all([p.waitForURL((u) => u.pathname === '/'), p.click('#login-submit')]);
  return p;
}

const shot = (p, name) => p.screenshot({ path: path.join(ARTIFACTS, `pledges-${name}.png`), fullPage: true });

before(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  await fsp.mkdir(ARTIFACTS, { recursive: true });
  srv = await startServer({ demo: true });
});

after(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  for (const d of profiles) await fsp.rm(d, { recursive: true, force: true });
  await srv?.stop();
});

describe('a pledge from the reminder to its approval, in the browser', () => {
  let staff;
  let office;
  let pledgeUrl;

  it('the staff member follows the reminder to his draft', async () => {
    staff = await browserAs('canbo');
    assert.match(await staff.textContent('#unread-badge'), /^1/);
    await Promise.all([staff.waitForURL((u) => u.pathname === '/notifications'), staff.click('#notifications-link')]);
    await shot(staff, '1-notifications');
    await Promise.all([staff.waitForURL(/\/pledges\/\d+$/), staff.click('#notifications button:has-text("Xem")')]);
    pledgeUrl = staff.url();
    assert.match(await staff.textContent('#pledge-status'), /Nháp/);
    assert.equal(await staff.locator('#unread-badge').count(), 0, 'read once opened');
    await shot(staff, '2-draft');
  });

  it('a negative target is refused with what he typed kept; corrected, it is sent', async () => {
    await Promise.all([staff.waitForURL(/\/edit$/), staff.click('#edit-pledge')]);
    await staff.fill('#t0-target', '-3');
    await staff.fill('#note', 'Phấn đấu tuyên truyền tại cả năm xóm của xã phụ trách.');
    expectedFailures.push({ path: new URL(pledgeUrl).pathname, status: 422 });
    await Promise.all([staff.waitForLoadState('load'), staff.click('#save-submit')]);
    assert.equal(await staff.inputValue('#t0-target'), '-3');
    assert.equal(await staff.inputValue('#note'), 'Phấn đấu tuyên truyền tại cả năm xóm của xã phụ trách.');
    assert.equal(await staff.textContent('#e-t0-target'), 'Chỉ tiêu không được là số âm.');
    await shot(staff, '3-refused');
    await staff.fill('#t0-target', '5');
    await Promise.all([staff.waitForURL(/\/pledges\/\d+$/), staff.click('#save-submit')]);
    assert.match(await staff.textContent('#pledge-status'), /Chờ duyệt/);
    await shot(staff, '4-submitted');
  });

  it('the Office sees who is still missing, returns the pledge with a comment', async () => {
    office = await browserAs('vanphong');
    await navClick(office, 'Đăng ký thi đua');
    await office.waitForURL((u) => u.pathname === '/pledges');
    assert.match(await office.textContent('#pledge-totals'), /10\/12/);
    await shot(office, '5-office');
    await office.goto(pledgeUrl);
    expectedFailures.push({ path: `${new URL(pledgeUrl).pathname}/return`, status: 422 });
    await Promise.all([office.waitForURL(/\/return$/), office.click('#return-pledge')]);
    assert.equal(await office.locator('#return-comment.is-invalid').count(), 1, 'a return needs a comment');
    await office.fill('#return-comment', 'Đề nghị bổ sung chỉ tiêu ngày công giúp xã.');
    await Promise.all([office.waitForURL(pledgeUrl), office.click('#return-pledge')]);
    assert.match(await office.textContent('#last-comment'), /ngày công giúp xã/);
  });

  it('he resubmits; the Office approves after confirming; the history tells it all', async () => {
    await staff.goto(pledgeUrl);
    await staff.click('#submit-pledge');
    await staff.waitForSelector('#pledge-status:has-text("Chờ duyệt")');
    await office.goto(pledgeUrl);
    office.once('dialog', (d) => d.accept());
    await office.click('#approve-pledge');
    await office.waitForSelector('#pledge-status:has-text("Đã duyệt")');
    const history = await office.locator('#pledge-history > li').allTextContents();
    assert.deepEqual(history.map((h) => h.trim().split('\n')[0].trim()),
      ['Tạo đăng ký', 'Sửa đăng ký', 'Gửi duyệt', 'Trả lại để sửa', 'Gửi lại sau khi sửa', 'Duyệt']);
    await shot(office, '6-approved');
  });

  it('on a phone: the list, the form and a pledge read without sideways scrolling', async () => {
    const phone = await browserAs('vanphong', { width: 390, height: 844 });
    for (const [name, url] of [['7-phone-list', '/pledges'], ['8-phone-form', '/pledges/new?subject=unit'],
      ['9-phone-pledge', new URL(pledgeUrl).pathname]]) {
      const res = await phone.goto(`${srv.url}${url}`);
      assert.equal(res.status(), 200, url);
      const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 400, `${url}: ${wide}px wide`);
      await shot(phone, name);
    }
  });

  it('had no console errors', () => {
    assert.deepEqual(problems, []);
  });
});
