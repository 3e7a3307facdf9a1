// Review reports in the browser, as the Office uses them: from the seed movement's page to its
// reports (the demo's mid-term review 2023, sent, and the final review 2025, drafted); a second
// final draft refused with the form kept and the message under the kind; a yearly report
// created; the final draft's shortcomings written and saved (a new version); the report
// downloaded as PDF and DOCX; a sending recorded to the plan's recipient with the PDF the
// server makes, then found in the history with its exact file. Screenshots of each step.

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';

import { demoSession } from '../support/browser.mjs';

const session = demoSession('reports');
const shot = (p, n) => session.shot(p, n);
const state = { reports: '', finalUrl: '' };

describe('a review report from the movement page to a recorded sending, in the browser', () => {
  it('the Office opens the movement\'s reports from its page', async () => {
    const office = await session.chrome.as('vanphong');
    // The seed plan 2021 - 2025 is the demo's first movement (the second is next period's draft).
    await office.goto(`${session.srv.url}/movements/1`);
    assert.match(await office.textContent('#movement-title'), /Cả nước chung sức xây dựng nông thôn mới/);
    await Promise.all([office.waitForURL(/\/reports$/), office.click('#movement-reports')]);
    state.reports = new URL(office.url()).pathname;
    const table = await office.textContent('#reports-table');
    assert.match(table, /Báo cáo tổng kết 2025/);
    assert.match(table, /Báo cáo sơ kết 2023/);
    await shot(office, '1-list');
  });

  it('a second final review is refused with the form kept; a yearly report is created', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(`${session.srv.url}${state.reports}`);
    await office.click('#report-create summary');
    await office.selectOption('#r-kind', 'final');
    session.chrome.expectFailure(state.reports, 409);
    await Promise.all([office.waitForLoadState('load'), office.click('#create-report')]);
    assert.match(await office.textContent('#e-r-kind'), /Đã có dự thảo báo cáo loại này/);
    await shot(office, '2-refused');
    await office.selectOption('#r-kind', 'annual');
    await office.fill('#r-year', '2024');
    await Promise.all([office.waitForURL(/\/reports\/\d+$/), office.click('#create-report')]);
    assert.match(await office.textContent('#report-title'), /Báo cáo kết quả năm 2024/);
    await shot(office, '3-annual');
  });

  it('the final review\'s text is edited and saved as a new version', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(`${session.srv.url}${state.reports}`);
    await Promise.all([office.waitForURL(/\/reports\/\d+$/), office.click('#reports-table a:has-text("Báo cáo tổng kết 2025")')]);
    state.finalUrl = new URL(office.url()).pathname;
    await office.fill('#t-short', 'Một số phòng báo cáo kết quả còn chậm; minh chứng chưa đầy đủ.\nNguyên nhân: địa bàn rộng, giao thông khó khăn.');
    await office.fill('#t-number', '95');
    await office.fill('#t-date', '20/12/2025');
    await Promise.all([office.waitForLoadState('load'), office.click('#save-report')]);
    assert.match(await office.textContent('#report-title + p'), /Phiên bản 2/);
    assert.match(await office.inputValue('#t-short'), /minh chứng chưa đầy đủ/);
    const history = await office.textContent('#report-history');
    assert.match(history, /^\s*Phiên bản[\s\S]*2[\s\S]*1/);
    await shot(office, '4-saved');
  });

  it('the report downloads as PDF and DOCX', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(`${session.srv.url}${state.finalUrl}`);
    const pdf = await office.request.get(`${session.srv.url}${await office.getAttribute('#download-pdf', 'href')}`);
    assert.equal(pdf.status(), 200);
    assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.headers()['content-disposition'], /bao-cao-tong-ket-2021-2025\.pdf/);
    const docx = await office.request.get(`${session.srv.url}${await office.getAttribute('#download-docx', 'href')}`);
    assert.equal(docx.status(), 200);
    assert.equal((await docx.body()).subarray(0, 2).toString('latin1'), 'PK');
  });

  it('a sending is recorded with the PDF the server makes, and its exact file is in the history', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(`${session.srv.url}${state.finalUrl}`);
    await office.click('#report-send summary');
    await office.selectOption('#s-recipient', { label: 'Ban Thi đua Khen thưởng tỉnh, Sở Nội vụ' });
    await office.selectOption('#s-channel', 'egov');
    await office.fill('#s-date', '22/12/2025');
    await office.fill('#s-ref', '95/BC-BDT');
    await office.check('#s-generated');
    await office.selectOption('#s-format', 'pdf');
    await shot(office, '5-send-form');
    await Promise.all([office.waitForURL(/\/reports\/sent/), office.click('#record-sending')]);
    const table = await office.textContent('#sent-table');
    assert.match(table, /22\/12\/2025/);
    assert.match(table, /95\/BC-BDT/);
    assert.match(table, /Báo cáo tổng kết phong trào thi đua/);
    assert.match(table, /18\/12\/2023/, 'the demo\'s mid-term review is still there');
    const href = await office.locator('#sent-table a.download-sent').first().getAttribute('href');
    const file = await office.request.get(`${session.srv.url}${href}`);
    assert.equal(file.status(), 200);
    const body = await file.body();
    assert.equal(body.subarray(0, 5).toString('latin1'), '%PDF-');
    const api = await office.request.get(`${session.srv.url}/api/v1/report-sendings`);
    const first = (await api.json()).items[0];
    assert.equal(crypto.createHash('sha256').update(body).digest('hex'), first.file_sha256);
    await shot(office, '6-sent');
  });
});
