// Decisions and certificates in the browser, as the Office uses them: the register of 2025 with
// the demo's decisions; a new decision whose number is already used (refused, naming the
// decision that holds it, the form kept), then with the next free number; awardees added by
// hand with their bonuses; the decision issued after the confirmation; a certificate downloaded
// as PDF; its code opened at /verify by somebody who is not signed in, and an unknown code
// answered with a clear "not found"; the award in the person's history. Screenshots of each step.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { ARTIFACTS, CHROMIUM, demoSession, navClick } from '../support/browser.mjs';

const session = demoSession('decisions');
const shot = (p, n) => session.shot(p, n);
const state = { decisionUrl: '', code: '', personHref: '' };
const anonymous = { ctx: null, dir: '' };

after(async () => {
  await anonymous.ctx?.close().catch(() => {});
  if (anonymous.dir) await fsp.rm(anonymous.dir, { recursive: true, force: true });
});

async function optionValue(page, select, text) {
  const value = await page.locator(`${select} option`, { hasText: text }).first().getAttribute('value');
  assert.ok(value, `an option "${text}" in ${select}`);
  return value;
}

describe('an award decision from the register to a verified certificate, in the browser', () => {
  it('the Office sees the register of 2025 with the issued and the draft decision', async () => {
    const office = await session.chrome.as('vanphong');
    await Promise.all([office.waitForURL((u) => u.pathname === '/decisions'), navClick(office, 'Khen thưởng')]);
    await office.selectOption('#f-year', '2025');
    await Promise.all([office.waitForURL(/year=2025/), office.click('#decision-year button[type=submit]')]);
    const table = await office.textContent('#decision-table');
    assert.match(table, /45\/QĐ-BDT/);
    assert.match(table, /Đã ban hành/);
    assert.match(table, /46\/QĐ-BDT/);
    assert.match(table, /Dự thảo/);
    assert.equal((await office.textContent('#next-number')).trim(), '47');
    const xlsx = await office.request.get(`${session.srv.url}${await office.getAttribute('#export-decisions', 'href')}`);
    assert.equal(xlsx.status(), 200);
    assert.match(xlsx.headers()['content-disposition'], /so-quyet-dinh-khen-thuong-2025\.xlsx/);
    await shot(office, '1-register');
  });

  it('the movement\'s draft takes the household\'s Giấy khen from the nominations the council approved', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(`${session.srv.url}/decisions?year=2025`);
    await Promise.all([office.waitForURL(/\/decisions\/\d+$/), office.click('#decision-table a:has-text("46/QĐ-BDT")')]);
    const offered = await office.textContent('#from-nominations');
    assert.match(offered, /Hộ ông Nông Văn Páo[\s\S]*Giấy khen/);
    assert.doesNotMatch(offered, /Lâm Văn Hùng/, 'a nomination decided by 45/QĐ-BDT is not offered again');
    await Promise.all([office.waitForLoadState('load'), office.click('#from-nominations button[type=submit]')]);
    assert.match(await office.textContent('#awardee-table'), /Hộ ông Nông Văn Páo/);
    assert.equal(await office.locator('#from-nominations').count(), 0, 'nothing left to add');
    await shot(office, '1b-from-nominations');
  });

  it('a number already used is refused with the decision that holds it; the next one is taken', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(`${session.srv.url}/decisions/new?year=2025`);
    assert.equal(await office.inputValue('#d-number'), '47', 'the next free number is offered');
    await office.fill('#d-number', '45');
    await office.fill('#d-date', '29/12/2025');
    await office.fill('#d-award-year', '2025');
    await office.fill('#d-title', 'Về việc tặng Giấy khen cho cá nhân, tập thể có thành tích đột xuất năm 2025');
    if (!(await office.inputValue('#d-signer-title'))) await office.fill('#d-signer-title', 'PHÓ TRƯỞNG BAN');
    if (!(await office.inputValue('#d-signer-name'))) await office.fill('#d-signer-name', 'Hà Văn Vui');
    session.chrome.expectFailure('/decisions', 409);
    await Promise.all([office.waitForLoadState('load'), office.click('#decision-save')]);
    const error = await office.textContent('#decision-form-error');
    assert.match(error, /45\/QĐ-BDT năm 2025 đã được dùng cho quyết định “Về việc công nhận danh hiệu thi đua và tặng Giấy khen năm 2025”/);
    assert.match(error, /Số tiếp theo còn trống là 47/);
    assert.equal(await office.inputValue('#d-title'),
      'Về việc tặng Giấy khen cho cá nhân, tập thể có thành tích đột xuất năm 2025', 'the form keeps what was typed');
    await shot(office, '2-number-taken');
    await office.fill('#d-number', '47');
    await Promise.all([office.waitForURL(/\/decisions\/\d+$/), office.click('#decision-save')]);
    state.decisionUrl = office.url();
    assert.match(await office.textContent('#decision-ref'), /47\/QĐ-BDT/);
    assert.match(await office.textContent('#decision-status'), /Dự thảo/);
  });

  it('awardees are added by hand, each with the bonus of the base salary in force', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(state.decisionUrl);
    await office.selectOption('#a-subject', await optionValue(office, '#a-subject', 'Triệu Thị Ánh'));
    await office.selectOption('#a-form', 'certificate_of_merit');
    await office.selectOption('#a-basis', 'sudden');
    await office.fill('#a-achievement', 'Đã có thành tích đột xuất trong hỗ trợ bà con xóm Nà Lủng khắc phục hậu quả mưa lũ');
    await Promise.all([office.waitForURL(state.decisionUrl), office.click('#awardee-add')]);
    await office.selectOption('#a-subject', await optionValue(office, '#a-subject', 'Tập thể – Thanh tra Ban'));
    await office.selectOption('#a-form', 'certificate_of_merit');
    await office.selectOption('#a-basis', 'sudden');
    await Promise.all([office.waitForURL(state.decisionUrl), office.click('#awardee-add')]);
    const table = await office.textContent('#awardee-table');
    assert.match(table, /Triệu Thị Ánh/);
    assert.match(table, /Thanh tra Ban/);
    // 29/12/2025: 2,340,000 đ × 0.3 → 702,000, rounded up to 710,000; a unit 0.6 → 1,410,000.
    assert.match(table, /710\.000/);
    assert.match(table, /1\.410\.000/);
    assert.equal((await office.textContent('#decision-total')).trim(), '2.120.000');
    await shot(office, '3-awardees');
  });

  it('the decision is issued after the confirmation; its certificates get codes and print as PDF', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(state.decisionUrl);
    office.once('dialog', (d) => d.accept());
    await Promise.all([office.waitForURL(state.decisionUrl), office.click('#issue-button')]);
    assert.match(await office.textContent('#decision-status'), /Đã ban hành/);
    assert.equal(await office.locator('#awardee-form').count(), 0, 'an issued decision is frozen');
    const rows = office.locator('#certificate-table tbody tr');
    assert.equal(await rows.count(), 2);
    state.code = (await office.locator('#certificate-table .certificate-code').first().textContent()).trim();
    assert.match(state.code, /^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    await shot(office, '4-issued');

    const href = await office.locator('#certificate-table .certificate-pdf').first().getAttribute('href');
    const pdf = await office.request.get(`${session.srv.url}${href}`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const bytes = await pdf.body();
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    await fsp.writeFile(path.join(ARTIFACTS, 'decisions-certificate.pdf'), bytes);
    const doc = await office.request.get(`${state.decisionUrl}/decision.pdf`);
    assert.equal(doc.status(), 200);
    await fsp.writeFile(path.join(ARTIFACTS, 'decisions-decision.pdf'), await doc.body());
    const batch = await office.request.get(`${state.decisionUrl}/certificates.pdf`);
    assert.equal(batch.status(), 200);
    await fsp.writeFile(path.join(ARTIFACTS, 'decisions-certificates.pdf'), await batch.body());
  });

  it('somebody not signed in opens the code and sees who, what and which decision', async () => {
    assert.ok(fs.existsSync(CHROMIUM));
    anonymous.dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'thidua-chromium-'));
    anonymous.ctx = await chromium.launchPersistentContext(anonymous.dir, {
      executablePath: CHROMIUM, headless: true, viewport: { width: 390, height: 844 }, locale: 'vi-VN',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    const page = anonymous.ctx.pages()[0] ?? (await anonymous.ctx.newPage());
    await page.goto(`${session.srv.url}/verify/${state.code.replace('-', '')}`);
    assert.equal(new URL(page.url()).pathname, `/verify/${state.code.replace('-', '')}`, 'no sign-in asked');
    assert.match(await page.textContent('#verify-status'), /Hợp lệ/);
    assert.match(await page.textContent('#verify-name'), /Triệu Thị Ánh/);
    assert.match(await page.textContent('#verify-form'), /Giấy khen/);
    assert.match(await page.textContent('#verify-decision'), /47\/QĐ-BDT ngày 29\/12\/2025/);
    assert.match(await page.textContent('#verify-issuer'), /Ban Dân tộc tỉnh Cao Bằng/);
    assert.equal(await page.locator('#logout-button').count(), 0);
    await shot(page, '5-verify-phone');

    await page.fill('#v-code', 'abcde-fghjk');
    const [response] = await Promise.all([page.waitForResponse(/\/verify/), page.click('#verify-form-box button')]);
    await page.waitForLoadState('load');
    assert.match(await page.textContent('#verify-not-found'), /Không tìm thấy Giấy khen có mã này/);
    assert.ok([302, 303, 404].includes(response.status()));
    await shot(page, '6-verify-unknown');
  });

  it('the award is in the person\'s history', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(state.decisionUrl);
    await Promise.all([office.waitForURL(/\/people\/\d+$/), office.click('#awardee-table a >> text=Triệu Thị Ánh')]);
    const history = await office.textContent('#award-history');
    assert.match(history, /Giấy khen/);
    assert.match(history, /47\/QĐ-BDT/);
    await shot(office, '7-person-history');
  });

  it('the province\'s decision on the submission for a Bằng khen enters the history', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(`${session.srv.url}/higher-awards`);
    assert.match(await office.textContent('#higher-table'), /12\/TTr-BDT/);
    await Promise.all([office.waitForURL(/\/higher-awards\/\d+$/), office.click('#higher-table a >> text=12/TTr-BDT')]);
    assert.match(await office.textContent('#higher-status'), /Đã gửi/);
    const bundle = await office.request.get(`${office.url()}/bundle.zip`);
    assert.equal(bundle.status(), 200);
    assert.equal((await bundle.body()).subarray(0, 2).toString(), 'PK');
    await office.click('#decide-form >> xpath=.. >> summary');
    await office.fill('#p-number', '2150/QĐ-UBND');
    await office.fill('#p-date', '15/01/2026');
    office.once('dialog', (d) => d.accept());
    await Promise.all([office.waitForLoadState('load'), office.click('#decide-form button[type=submit]')]);
    assert.match(await office.textContent('#higher-status'), /Đã có quyết định/);
    assert.match(await office.textContent('#province-decision'), /2150\/QĐ-UBND/);
    assert.match(await office.textContent('#higher-history'), /cấp trên quyết định/);
    await shot(office, '8-higher-award');
    await office.goto(`${session.srv.url}/certificate-layout`);
    assert.equal(await office.inputValue('input[name=name_x]'), '148,5');
    await shot(office, '9-layout');
    assert.deepEqual(session.chrome.problems, []);
  });
});
