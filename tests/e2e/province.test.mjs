// The statutory statistics and the province mode in the browser: the Office of Ban Dân tộc
// opens the statistical forms, chooses 0602 of 2025, sees the table with its units filled in and
// the columns the register does not hold left empty, and downloads the XLSX and the PDF; the
// provincial authority (Sở Nội vụ, login "tinh") sees the totals across its agencies with the
// total row, the reports the agencies sent it, and the forms summed over the province; the
// Office cannot open the province page. Screenshots of each step.

import assert from 'node:assert/strict';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';

import { ARTIFACTS, demoSession, navClick } from '../support/browser.mjs';

const session = demoSession('province');
const shot = (p, n) => session.shot(p, n);

describe('statistical forms and the province mode, in the browser', () => {
  it('the Office previews form 0602 of 2025 and downloads it as XLSX and PDF', async () => {
    const office = await session.chrome.as('vanphong');
    await Promise.all([office.waitForURL((u) => u.pathname === '/statistics'), navClick(office, 'Biểu thống kê')]);
    await office.selectOption('#stat-form', '0602');
    await office.selectOption('#stat-year', '2025');
    await Promise.all([office.waitForURL(/form=0602/), office.click('#stat-choose button[type=submit]')]);
    assert.match(await office.textContent('.stat-code'), /0602\.N\/BNV-TĐKT/);
    assert.match(await office.textContent('#stat-reporting'), /Ban Dân tộc tỉnh Cao Bằng/);
    assert.match(await office.textContent('#stat-receiving'), /Sở Nội vụ tỉnh Cao Bằng/);
    const table = await office.textContent('#stat-table');
    assert.match(table, /Lao động tiên tiến/);
    assert.match(table, /Trong đó: nữ/);
    assert.ok(await office.locator('#stat-table .stat-unrecorded').count() > 0, 'unrecorded columns are left empty');
    assert.match(await office.textContent('#stat-footnotes'), /không ghi dân tộc/);
    await shot(office, '1-office-form');

    const xlsx = await office.request.get(`${session.srv.url}${await office.getAttribute('#stat-xlsx', 'href')}`);
    assert.equal(xlsx.status(), 200);
    const xb = await xlsx.body();
    assert.equal(xb.subarray(0, 2).toString(), 'PK', 'an XLSX is a zip');
    const pdf = await office.request.get(`${session.srv.url}${await office.getAttribute('#stat-pdf', 'href')}`);
    assert.equal(pdf.status(), 200);
    const pb = await pdf.body();
    assert.equal(pb.subarray(0, 5).toString(), '%PDF-');
    await fsp.writeFile(path.join(ARTIFACTS, 'province-form-0602.pdf'), pb);

    // Recorded as sent to Sở Nội vụ: the PDF generated now is kept, and listed with the form.
    await office.click('#stat-record-box summary');
    await office.selectOption('#s-channel', 'system');
    await office.fill('#s-doc_ref', '160/BC-BDT');
    await Promise.all([office.waitForURL(/#stat-sent$/), office.click('#stat-record-submit')]);
    assert.match(await office.textContent('#stat-sent-table'), /Sở Nội vụ tỉnh Cao Bằng[\s\S]*160\/BC-BDT/);
    await shot(office, '1b-office-sent');
    // A date in the future is refused with the message beside it, the form open as typed.
    await office.click('#stat-record-box summary').catch(() => {});
    await office.fill('#s-sent_on', '01/01/2099');
    await office.fill('#s-doc_ref', '161/BC-BDT');
    session.chrome.expectFailure('/statistics/record', 422);
    await Promise.all([office.waitForLoadState('load'), office.click('#stat-record-submit')]);
    assert.match(await office.textContent('#e-sent_on'), /sau hôm nay/);
    assert.equal(await office.inputValue('#s-doc_ref'), '161/BC-BDT');
    await shot(office, '1c-office-refused');

    // The province page is the authority's alone.
    session.chrome.expectFailure('/province', 403);
    const r = await office.goto(`${session.srv.url}/province`);
    assert.equal(r.status(), 403);
  });

  it('the authority sees the totals across its agencies and the forms summed over the province', async () => {
    const tinh = await session.chrome.as('tinh');
    await Promise.all([tinh.waitForURL((u) => u.pathname === '/province'), navClick(tinh, 'Toàn tỉnh')]);
    assert.match(await tinh.textContent('#province-title'), /Sở Nội vụ tỉnh Cao Bằng/);
    await tinh.selectOption('#province-year', '2025');
    await Promise.all([tinh.waitForURL(/year=2025/), tinh.click('form[action="/province"] button[type=submit]')]);
    const totals = await tinh.textContent('#province-totals');
    assert.match(totals, /Ban Dân tộc tỉnh Cao Bằng/);
    assert.match(totals, /Sở Văn hóa, Thể thao và Du lịch tỉnh Cao Bằng/);
    assert.match(await tinh.textContent('#province-total-row'), /Tổng cộng/);
    assert.match(await tinh.textContent('#province-awards'), /Lao động tiên tiến/);
    // The reports Ban Dân tộc sent: the demo's 0602 and the one the Office just recorded; the file
    // downloaded is the exact PDF that was sent (the form's PDF is the same bytes when made again).
    const received = await tinh.textContent('#province-received');
    assert.match(received, /158\/BC-BDT/);
    assert.match(received, /160\/BC-BDT/);
    const row = tinh.locator('#province-received tr', { hasText: '160/BC-BDT' });
    const sent = await tinh.request.get(`${session.srv.url}${await row.locator('a').getAttribute('href')}`);
    assert.equal(sent.status(), 200);
    const again = await fsp.readFile(path.join(ARTIFACTS, 'province-form-0602.pdf'));
    assert.ok(Buffer.compare(await sent.body(), again) === 0, 'the file received is the one the Office sent');
    // The cluster's ranking, by the evaluation's own ranking: Ban Dân tộc leads.
    const cluster = await tinh.textContent('#province-clusters');
    assert.match(cluster, /1\s*Ban Dân tộc tỉnh Cao Bằng/);
    await shot(tinh, '2-authority-totals');
    await Promise.all([tinh.waitForURL(/\/evaluations\/templates\/\d+\/ranking$/),
      tinh.locator('#province-clusters a', { hasText: 'Xem xếp hạng' }).first().click()]);
    await shot(tinh, '2b-cluster-ranking');
    await tinh.goBack();

    const xlsx = await tinh.request.get(`${session.srv.url}${await tinh.getAttribute('#province-xlsx', 'href')}`);
    assert.equal(xlsx.status(), 200);
    assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK');
    const formPdf = await tinh.locator('#province-forms a', { hasText: 'PDF' }).first().getAttribute('href');
    const pdf = await tinh.request.get(`${session.srv.url}${formPdf}`);
    assert.equal(pdf.status(), 200);
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');

    // The statistics of an agency under it, as its Office sees them.
    await tinh.goto(`${session.srv.url}/statistics?form=0601&year=2025&agency=${await agencyId(tinh, 'SVHTTDL')}`);
    assert.match(await tinh.textContent('#stat-reporting'), /Sở Văn hóa, Thể thao và Du lịch/);
    await shot(tinh, '3-authority-agency-form');
  });

  it('no browser problems', () => {
    assert.deepEqual(session.chrome.problems, []);
  });
});

async function agencyId(page, code) {
  const r = await page.request.get(`${session.srv.url}/api/v1/province/totals?year=2025`);
  const body = await r.json();
  return body.agencies.find((a) => a.agency.code === code).agency.id;
}
