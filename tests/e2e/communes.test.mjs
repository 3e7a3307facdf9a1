// The communes Ban Dân tộc supports, in a real browser (Debian's Chromium driven by
// playwright-core) on the demo data: the Office's overview with its chart and table; a
// commune's page (criteria met, the trend chart, gaps, assignments, support ledger,
// recognition); the merged commune's history; a contact person records an assessment (a
// criterion left without a status first: the form comes back as typed with the message under
// it). Screenshots at an office screen's width and a phone's; any console error fails the run.

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
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

let srv;
const contexts = [];
const profiles = [];
const problems = [];
// The refused assessment form answers 422 on purpose.
const expectedFailures = [];

async function browserAs(login, viewport = DESKTOP) {
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

const shot = (p, name) => p.screenshot({ path: path.join(ARTIFACTS, `communes-${name}.png`), fullPage: true });

/** The id of a commune of the overview, by its name. */
async function communeId(p, name) {
  const href = await p.locator('#communes-table a', { hasText: name }).first().getAttribute('href');
  return Number(href.split('/').pop());
}

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

describe('the communes the agency supports, in the browser', () => {
  let office;
  let lyBon;

  it('the Office sees every commune with its criteria met, a chart with the yardstick, and the targets', async () => {
    office = await browserAs('vanphong');
    await navClick(office, '/communes');
    await office.waitForURL(/\/communes$/);
    const rows = await office.locator('#communes-table tbody tr').count();
    assert.equal(rows, 5, 'four communes assigned since 2022 and the new Nam Quang (Nam Cao ended at the merger)');
    assert.match(await office.locator('#communes-charts svg title').first().textContent(), /Số tiêu chí đạt/);
    assert.ok(await office.locator('#communes-charts .chart-yardstick').count() >= 1, 'the 15-criteria line on the 2021–2025 charts');
    assert.match(await office.locator('#yardsticks').textContent(), /Được công nhận đạt chuẩn NTM/);
    lyBon = await communeId(office, 'Lý Bôn');
    await shot(office, '1-overview');
    // Sorted by criteria met, highest first.
    await office.click('#communes-table th:nth-child(5) a');
    await office.click('#communes-table th:nth-child(5) a');
    assert.match(office.url(), /sort=met&dir=desc/);
    assert.match(await office.locator('#communes-table tbody tr').first().textContent(), /Hồng Trị/);
  });

  it('a commune\'s page: criteria met now, the trend and its table, gaps, assignment, ledger', async () => {
    await office.goto(`${srv.url}/communes/${lyBon}`);
    assert.match(await office.locator('#commune-title').textContent(), /Xã Lý Bôn/);
    assert.match(await office.locator('#criteria-met').textContent(), /\d+\/(19|10)/);
    assert.ok(await office.locator('#commune-trend-title').count() === 1, 'the trend chart is a titled image');
    assert.ok((await office.locator('#trend-table tbody tr').count()) >= 7);
    assert.match(await office.locator('#assignments-table').textContent(), /1177\/QĐ-UBND/);
    assert.match(await office.locator('#assignments-table').textContent(), /Đàm Văn Đức/);
    await shot(office, '2-commune');
    await office.screenshot({ path: path.join(ARTIFACTS, 'communes-2-commune-top.png') });
    // A second contact, typed and picked from the agency's people (no list of every person).
    const edit = office.locator('details[id^="assignment-edit-"]').first();
    await edit.locator('summary').click();
    assert.ok(await edit.locator('input[type=checkbox][name=contact_ids]:checked').count() >= 1, 'the contact stays ticked');
    await edit.locator('input[list="agency-people"]').first().fill('Triệu Thị Ánh (BDT009)');
    await Promise.all([office.waitForLoadState('load'), edit.locator('button[type=submit]').click()]);
    const contacts = await office.locator('#assignments-table').textContent();
    assert.match(contacts, /Đàm Văn Đức/);
    assert.match(contacts, /Triệu Thị Ánh/);
  });

  it('the merged commune keeps its records and says where it went', async () => {
    await office.goto(`${srv.url}/communes?ended=1`);
    const namCao = await communeId(office, 'Nam Cao');
    await office.goto(`${srv.url}/communes/${namCao}`);
    const merged = await office.locator('#commune-merged').textContent();
    assert.match(merged, /Sáp nhập vào\s+xã Nam Quang\s+từ ngày 01\/07\/2025/);
    assert.ok((await office.locator('#trend-table tbody tr').count()) >= 6, 'its assessments stay with it');
    await shot(office, '3-merged');
  });

  it('a contact person records an assessment; a criterion left blank comes back with the message', async () => {
    const staff = await browserAs('canbo');
    await staff.goto(`${srv.url}/communes/${lyBon}`);
    await staff.click('#assess-button');
    await staff.waitForURL(/assessments\/new/);
    // Yesterday, so that it is not the demo's date nor in the future.
    const d = new Date(Date.now() - 86400000);
    const date = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    await staff.fill('#ad-date', date);
    await Promise.all([staff.waitForURL(/date=/), staff.click('#assess-date-form button')]);
    const first = staff.locator('#assess-table tbody tr[id^="criterion-"]').first();
    const id = (await first.getAttribute('id')).replace('criterion-', '');
    // The form is pre-filled from the last assessment; clear one status to see the refusal.
    await staff.evaluate((cid) => {
      for (const r of document.querySelectorAll(`input[name="met_${cid}"]`)) r.checked = false;
    }, id);
    await staff.fill(`#note-${id}`, 'Ghi chú gõ trước khi bị từ chối');
    expectedFailures.push({ path: `/communes/${lyBon}/assessments`, status: 422 });
    await staff.click('#assess-submit');
    await staff.waitForSelector('#assess-error');
    assert.match(await staff.locator(`#criterion-${id}`).textContent(), /Chọn Đạt hoặc Chưa đạt/);
    assert.equal(await staff.inputValue(`#note-${id}`), 'Ghi chú gõ trước khi bị từ chối', 'what was typed is kept');
    await shot(staff, '4-assessment-refused');
    await staff.check(`#met-${id}-1`);
    await Promise.all([staff.waitForURL(new RegExp(`/communes/${lyBon}$`)), staff.click('#assess-submit')]);
    assert.match(await staff.locator('.alert').first().textContent(), /Đã ghi nhận kết quả đánh giá/);
    assert.match(await staff.locator('#trend-table').textContent(), new RegExp(date.replace(/\//g, '\\/')));
  });

  it('on a phone the overview and the commune page fit the width', async () => {
    const phone = await browserAs('vanphong', PHONE);
    await phone.goto(`${srv.url}/communes`);
    await shot(phone, '5-overview-phone');
    await phone.goto(`${srv.url}/communes/${lyBon}`);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width + 1, `no sideways scrolling: ${width}px`);
    await shot(phone, '6-commune-phone');
  });

  it('no console errors', () => {
    assert.deepEqual(problems, []);
  });
});
