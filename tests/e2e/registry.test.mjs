// The registry pages in a real browser (Debian's Chromium driven by playwright-core), as the
// office clerk of the demo agency: search the people list as you type (htmx, in place) and with
// the Lọc button without JavaScript, add a person (a wrong date first), rename a unit from a date,
// look at the council, split a unit (a wrong form first), give a person a new account and export
// a list to Excel; then as the administrator, set up an emulation cluster and rename the agency.
// Screenshots of each step; any console error fails the run.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { AGENCY_NAME, startServer } from '../support/server.mjs';
import { readSheet } from '../support/xlsx.mjs';

const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(process.env.THIDUA_ARTIFACTS ?? 'build/e2e-artifacts');
const LAUNCH_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

let srv;
let context;
// The re-shown form answers 422 on purpose; Chromium logs any document answered >= 400 as
// "Failed to load resource". That one line is allowed only for the document a step expects to fail.
let expectedDocumentStatus = null;
let page;
const profiles = [];
const problems = [];

async function launch(opts = {}) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'thidua-chromium-'));
  profiles.push(dir);
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    args: LAUNCH_ARGS,
    ...opts,
  });
}

/** Records console errors, page errors, failed requests and failed sub-resources of `p`. */
function watch(p, label) {
  p.on('console', (m) => {
    if (m.type() === 'error') {
      const src = m.location()?.url;
      if (expectedDocumentStatus !== null && src === p.url()
          && m.text() === `Failed to load resource: the server responded with a status of ${expectedDocumentStatus} (${
            { 422: 'Unprocessable Entity', 409: 'Conflict' }[expectedDocumentStatus]})`) {
        return;
      }
      problems.push(`[${label}] console error on ${p.url()}: ${m.text()}${src && src !== p.url() ? ` [source: ${src}]` : ''}`);
    }
  });
  p.on('pageerror', (e) => problems.push(`[${label}] page error on ${p.url()}: ${e.message}`));
  p.on('requestfailed', (r) => {
    // A link to a spreadsheet becomes a download: Chromium reports its navigation as aborted.
    if (r.failure()?.errorText === 'net::ERR_ABORTED' && new URL(r.url()).pathname.endsWith('.xlsx')) return;
    problems.push(`[${label}] request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  p.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document') problems.push(`[${label}] HTTP ${r.status()} for ${r.url()}`);
  });
}

async function signIn(p, who = 'vanphong', password = srv.demoPassword) {
  await p.goto(`${srv.url}/login`);
  await p.fill('#login', who);
  await p.fill('#password', password);
  await Promise.all([p.waitForURL((u) => u.pathname === '/'), p.click('#login-submit')]);
}

before(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (never download a browser)`);
  }
  await fsp.mkdir(ARTIFACTS, { recursive: true });
  srv = await startServer({ demo: true });
  context = await launch();
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  watch(page, 'js');
  await signIn(page);
});

after(async () => {
  await context?.close();
  for (const d of profiles) await fsp.rm(d, { recursive: true, force: true });
  await srv?.dispose();
});

const shot = (name) => page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
const nfcText = async (locator) => (await locator.innerText()).normalize('NFC').trim();
const rowNames = (p) => p.locator('#people-table tbody tr td:first-child a').allInnerTexts()
  .then((a) => a.map((x) => x.normalize('NFC').trim()));

/** Today in dd/mm/yyyy minus `days`, for dates that must not be in the future. */
function pastDate(days) {
  const d = new Date(Date.now() - days * 86400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

describe('registry pages as the office clerk (vanphong)', () => {
  it('/people lists the 12 demo people, sorted by given name', async () => {
    const resp = await page.goto(`${srv.url}/people`);
    assert.equal(resp.status(), 200);
    await page.locator('#people-table').waitFor();
    const names = await rowNames(page);
    assert.equal(names.length, 12, names.join(', '));
    assert.deepEqual(names.slice(0, 3), ['Triệu Thị Ánh', 'Nông Văn Chiến', 'Đàm Văn Đức']);
    assert.ok((await nfcText(page.locator('#agency-name'))).includes(AGENCY_NAME));
    assert.equal(await page.evaluate(() => typeof window.htmx), 'object', 'htmx loaded');
    assert.ok(await page.locator('#add-person').isVisible(), '"Thêm cán bộ" visible');
    await shot('people-list.png');
  });

  it('typing "ha van" narrows the table to Hà Văn Vui in place (htmx), with the URL updated', async () => {
    await page.evaluate(() => { window.__samePage = true; });
    await page.locator('#q').click();
    await page.keyboard.type('ha van', { delay: 40 });
    await page.waitForFunction(() => document.querySelectorAll('#people-table tbody tr').length === 1, null, { timeout: 5000 });
    assert.deepEqual(await rowNames(page), ['Hà Văn Vui']);
    assert.equal(await page.evaluate(() => window.__samePage), true, 'no full page load: updated in place');
    assert.equal(await page.inputValue('#q'), 'ha van', 'the search box keeps its text and is not replaced');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'focus stays in the search box');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'ha van', null, { timeout: 5000 });
    assert.match(await nfcText(page.locator('#people-count')), /\b1\b/);
    await shot('people-search.png');
    // hx-select picks #people-results out of the answer; swapped into #people-results' inside, it
    // would nest a second element with the same id (and a second count line).
    assert.equal(await page.locator('[id="people-results"]').count(), 1, 'one #people-results (not nested)');
    assert.equal(await page.locator('[id="people-count"]').count(), 1, 'one #people-count');
  });

  it('without JavaScript the Lọc button filters the same way', async () => {
    const nojs = await launch({ javaScriptEnabled: false });
    try {
      const p = nojs.pages()[0] ?? (await nojs.newPage());
      p.setDefaultTimeout(10_000);
      watch(p, 'no-js');
      await signIn(p);
      await p.goto(`${srv.url}/people`);
      await p.fill('#q', 'ha van');
      await Promise.all([p.waitForURL((u) => u.searchParams.get('q') === 'ha van'), p.click('button:has-text("Lọc")')]);
      assert.deepEqual(await rowNames(p), ['Hà Văn Vui']);
      assert.equal(await p.inputValue('#q'), 'ha van');
    } finally {
      await nojs.close();
    }
  });

  let personUrl;
  it('"Thêm cán bộ": a wrong birth date first comes back with the message and the typed values', async () => {
    await page.goto(`${srv.url}/people`);
    await Promise.all([page.waitForURL((u) => u.pathname === '/people/new'), page.click('#add-person')]);
    await page.fill('#f-full_name', 'Hoàng Thị Hồng Nhung');
    await page.fill('#f-code', 'BDT013');
    await page.selectOption('#f-gender', 'female');
    await page.fill('#f-birth_date', '31/02/1995');
    await page.fill('#f-start_date', '01/08/2023');
    await page.selectOption('#f-unit_id', { label: 'Phòng Chính sách Dân tộc' });
    await page.fill('#f-position', 'Chuyên viên');
    expectedDocumentStatus = 422;
    let resp;
    try {
      [resp] = await Promise.all([page.waitForNavigation(), page.click('#save-person')]);
      await page.waitForLoadState('load');
    } finally {
      expectedDocumentStatus = null;
    }
    assert.equal(resp.status(), 422);
    await page.locator('#e-birth_date').waitFor();
    assert.ok((await nfcText(page.locator('#e-birth_date'))).includes('Ngày không hợp lệ'));
    assert.ok(await page.locator('#e-birth_date').isVisible(), 'the message is visible next to the field');
    assert.equal((await page.inputValue('#f-full_name')).normalize('NFC'), 'Hoàng Thị Hồng Nhung');
    assert.equal(await page.inputValue('#f-birth_date'), '31/02/1995');
    assert.equal(await page.inputValue('#f-unit_id'), await page.locator('#f-unit_id option', { hasText: 'Phòng Chính sách Dân tộc' }).getAttribute('value'));
    const red = await page.locator('.is-invalid').evaluateAll((els) => els.map((e) => e.id));
    await shot('person-new-error.png');
    assert.deepEqual(red, ['f-birth_date'], 'only the birth date is marked red');
  });

  it('fixing the date and saving lands on the person page', async () => {
    await page.fill('#f-birth_date', '28/02/1995');
    await Promise.all([page.waitForURL((u) => /^\/people\/\d+$/.test(u.pathname)), page.click('#save-person')]);
    personUrl = page.url();
    assert.equal(await nfcText(page.locator('#person-name')), 'Hoàng Thị Hồng Nhung');
    assert.equal(await nfcText(page.locator('#person-unit')), 'Phòng Chính sách Dân tộc');
    const pathText = await nfcText(page.locator('#person-path'));
    assert.ok(pathText.includes('01/08/2023') && pathText.includes('Phòng Chính sách Dân tộc'), pathText);
    assert.ok((await page.locator('main').innerText()).includes('28/02/1995'));
    await shot('person-page.png');
  });

  it('/units → a unit → rename it from a date', async () => {
    assert.ok(personUrl, 'person created');
    await page.goto(`${srv.url}/units`);
    await page.locator('#units-table').waitFor();
    await Promise.all([page.waitForURL((u) => /^\/units\/\d+$/.test(u.pathname)), page.click('#units-table a:has-text("Thanh tra Ban")')]);
    assert.equal(await nfcText(page.locator('#unit-name')), 'Thanh tra Ban');
    const date = pastDate(30);
    await page.fill('#r-name', 'Thanh tra Ban Dân tộc');
    await page.fill('#r-date', date);
    await Promise.all([page.waitForNavigation(), page.locator('#rename-form button[type=submit]').click()]);
    assert.match(new URL(page.url()).pathname, /^\/units\/\d+$/);
    assert.equal(await nfcText(page.locator('#unit-name')), 'Thanh tra Ban Dân tộc');
    const items = (await page.locator('#unit-history li').allInnerTexts()).map((x) => x.normalize('NFC').trim());
    // A period ends the day before the next one starts.
    assert.deepEqual(items, [`01/01/2021 – ${pastDate(31)}: Thanh tra Ban`, `${date} – nay: Thanh tra Ban Dân tộc`]);
    await shot('unit-page.png');
  });

  it('/council shows the term and its members', async () => {
    await page.goto(`${srv.url}/council`);
    const h = await nfcText(page.locator('main h1'));
    assert.equal(h, 'Hội đồng Thi đua - Khen thưởng');
    const body = (await page.locator('main').innerText()).normalize('NFC');
    assert.ok(body.includes('Hội đồng Thi đua - Khen thưởng nhiệm kỳ 2021 - 2026'), 'demo term');
    assert.ok(body.includes('Chủ tịch Hội đồng') && body.includes('Nông Văn Chiến'), 'the chair');
    await shot('council.png');
  });

  /** Submits by clicking `selector`, expecting the answer `status` (a refused form: 422). */
  async function submitExpecting(p, selector, status) {
    expectedDocumentStatus = status;
    try {
      const [resp] = await Promise.all([p.waitForNavigation(), p.click(selector)]);
      await p.waitForLoadState('load');
      return resp;
    } finally {
      expectedDocumentStatus = null;
    }
  }

  it('splitting a unit: a wrong form first comes back as typed, then the new unit takes the people ticked', async () => {
    await page.goto(`${srv.url}/units`);
    await Promise.all([page.waitForURL((u) => /^\/units\/\d+$/.test(u.pathname)),
      page.click('#units-table a:has-text("Phòng Chính sách Dân tộc")')]);
    await page.locator('#split-form').scrollIntoViewIfNeeded();
    await shot('unit-split-form.png');
    page.once('dialog', (d) => d.accept());
    await page.fill('#s-code', 'CSVC');
    await page.fill('#s-date', '31/02/2024');
    await page.check('label:has-text("Lâm Văn Hùng")');
    const bad = await submitExpecting(page, '#split-submit', 422);
    assert.equal(bad.status(), 422);
    assert.equal(await nfcText(page.locator('#e-s-name')), 'Vui lòng nhập thông tin này.');
    assert.ok((await nfcText(page.locator('#e-s-date'))).includes('Ngày không hợp lệ'));
    assert.equal(await page.inputValue('#s-code'), 'CSVC', 'typed code kept');
    assert.equal(await page.inputValue('#s-date'), '31/02/2024', 'typed date kept');
    assert.ok(await page.isChecked('label:has-text("Lâm Văn Hùng")'), 'ticked person still ticked');
    await page.locator('#split-form').scrollIntoViewIfNeeded();
    await shot('unit-split-error.png');
    await page.fill('#s-name', 'Phòng Chính sách vùng cao');
    await page.fill('#s-date', pastDate(20));
    page.once('dialog', (d) => d.accept());
    await Promise.all([page.waitForURL((u) => /^\/units\/\d+$/.test(u.pathname)), page.click('#split-submit')]);
    assert.equal(await nfcText(page.locator('#unit-name')), 'Phòng Chính sách vùng cao');
    const people = (await page.locator('#unit-people li').allInnerTexts()).map((x) => x.normalize('NFC').trim());
    assert.deepEqual(people, ['Lâm Văn Hùng — Phó Trưởng phòng']);
    await shot('unit-split-done.png');
  });

  it('a person gets a new account with roles; the password shows once and signs in', async () => {
    await page.goto(`${srv.url}/people?q=${encodeURIComponent('bế thị thu')}`);
    await Promise.all([page.waitForURL((u) => /^\/people\/\d+$/.test(u.pathname)), page.click('#people-table a:has-text("Bế Thị Thu")')]);
    const personPath = new URL(page.url()).pathname;
    await page.locator('#account-form').scrollIntoViewIfNeeded();
    await shot('person-account-form.png');
    await page.fill('#ac-login', 'bethithu');
    await page.check('#ac-council');
    await Promise.all([page.waitForNavigation(), page.click('#account-submit')]);
    const password = (await page.locator('#account-password').innerText()).trim();
    assert.match(password, /^\S{10,}$/);
    assert.ok((await nfcText(page.locator('#account-notice'))).includes('bethithu'));
    assert.equal(await nfcText(page.locator('#account-login')), 'bethithu');
    await shot('person-account-created.png');
    // The person signs in with it, in a browser of their own.
    const theirs = await launch();
    try {
      const p = theirs.pages()[0] ?? (await theirs.newPage());
      p.setDefaultTimeout(10_000);
      watch(p, 'new-account');
      await signIn(p, 'bethithu', password);
      assert.ok((await nfcText(p.locator('main'))).includes('Bế Thị Thu') || (await p.title()).length > 0);
    } finally {
      await theirs.close();
    }
    await page.goto(`${srv.url}${personPath}`);
    assert.equal(await page.locator('#account-password').count(), 0, 'the password is not shown again');
  });

  it('"Xuất Excel" on the units list downloads the list as .xlsx', async () => {
    await page.goto(`${srv.url}/units`);
    await shot('units-list.png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-units')]);
    assert.equal(download.suggestedFilename(), 'danh-sach-don-vi.xlsx');
    const file = path.join(ARTIFACTS, 'danh-sach-don-vi.xlsx');
    await download.saveAs(file);
    const sheet = readSheet(await fsp.readFile(file));
    assert.equal(sheet.rows[0][1], 'Tên đơn vị');
    assert.ok(sheet.rows.some((r) => r[1] === 'Phòng Chính sách vùng cao'), JSON.stringify(sheet.rows));
  });

  it('the administrator sets up a cluster of the year with its lead and renames the agency from a date', async () => {
    const admin = await launch();
    try {
      const p = admin.pages()[0] ?? (await admin.newPage());
      p.setDefaultTimeout(10_000);
      watch(p, 'admin');
      await signIn(p, 'admin');
      await p.goto(`${srv.url}/clusters`);
      await p.fill('#cl-code', 'VHXH');
      await p.fill('#cl-name', 'Khối các cơ quan Văn hoá - Xã hội');
      await Promise.all([p.waitForURL((u) => u.pathname === '/clusters'), p.click('#cluster-create')]);
      await p.selectOption('#cluster-VHXH select[name=agency]', { label: AGENCY_NAME });
      await p.check('#cluster-VHXH input[name=lead]');
      await Promise.all([p.waitForNavigation(), p.click('#cluster-VHXH .add-member button[type=submit]')]);
      const row = (await p.locator('#cluster-VHXH tbody tr').first().innerText()).normalize('NFC');
      assert.ok(row.includes(AGENCY_NAME) && row.includes('Trưởng khối'), row);
      await p.locator('#cluster-VHXH').hover();
      await p.screenshot({ path: path.join(ARTIFACTS, 'clusters.png'), fullPage: true });

      await p.goto(`${srv.url}/agencies`);
      await p.screenshot({ path: path.join(ARTIFACTS, 'agencies.png'), fullPage: true });
      await Promise.all([p.waitForURL((u) => /^\/agencies\/\d+$/.test(u.pathname)), p.click('#edit-agency-BDT')]);
      await p.fill('#ae-name', '');
      await p.fill('#ae-date', '01/13/2025');
      expectedDocumentStatus = 422;
      try {
        const [resp] = await Promise.all([p.waitForNavigation(), p.click('#agency-save')]);
        assert.equal(resp.status(), 422);
      } finally {
        expectedDocumentStatus = null;
      }
      assert.equal(await nfcText(p.locator('#e-ae-name')), 'Vui lòng nhập thông tin này.');
      assert.equal(await p.inputValue('#ae-date'), '01/13/2025');
      await p.screenshot({ path: path.join(ARTIFACTS, 'agency-edit-error.png'), fullPage: true });
      await p.fill('#ae-name', 'Ban Dân tộc tỉnh Cao Bằng (tên mới)');
      await p.fill('#ae-date', '01/01/2025');
      await p.fill('#ae-address', '032 Hoàng Đình Giong, phường Hợp Giang');
      await Promise.all([p.waitForNavigation(), p.click('#agency-save')]);
      assert.equal(await nfcText(p.locator('#agency-title')), 'Ban Dân tộc tỉnh Cao Bằng (tên mới)');
      const names = (await p.locator('#agency-history li').allInnerTexts()).map((x) => x.normalize('NFC').trim());
      assert.deepEqual(names, ['Đến 31/12/2024: Ban Dân tộc tỉnh Cao Bằng', '01/01/2025 – nay: Ban Dân tộc tỉnh Cao Bằng (tên mới)']);
      await p.screenshot({ path: path.join(ARTIFACTS, 'agency-page.png'), fullPage: true });
    } finally {
      await admin.close();
    }
  });

  it('no console errors, page errors or failed sub-resources along the way', () => {
    assert.deepEqual(problems, []);
  });
});
