// The yearly evaluation (bình xét) in the browser, as people use it: a member of staff opens his
// sheet, types a score above the criterion's maximum (refused, the value kept, the message
// under it), fixes it, adds a comment and submits; the head of the Planning unit reviews her
// officer's sheet, a changed score refused without its reason and then kept beside the earlier
// one; the Office sees the ranking with the bands and who has not submitted. Screenshots of
// each step, on a desktop and a phone.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import path from 'node:path';

import { ARTIFACTS, demoSession, navClick } from '../support/browser.mjs';

// A 1×1 PNG, the evidence of a score.
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
  '1f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex');

const session = demoSession('evaluation');
const shot = (p, n) => session.shot(p, n);

describe('a scoring sheet from self-assessment to the ranking, in the browser', () => {
  it('a member of staff scores himself; a score above the maximum comes back as typed', async () => {
    const staff = await session.chrome.as('canbo');
    await navClick(staff, 'Bình xét');
    await staff.waitForURL((u) => u.pathname === '/evaluations');
    assert.match(await staff.textContent('#evaluation-status'), /Đang mở/);
    await shot(staff, '1-page');
    await Promise.all([staff.waitForURL(/\/evaluations\/sheets\/\d+$/), staff.click('#my-sheets a')]);
    const sheetUrl = staff.url();
    assert.equal(await staff.textContent('#sheet-title'), 'Đàm Văn Đức');
    const points = staff.locator('#score-form input[name^="points_"]');
    assert.equal(await points.count(), 6, 'six criteria are scored by hand; the computed ones fill themselves');
    const typed = ['45', '18', '10', '9', '0', '0'];
    for (let i = 0; i < typed.length; ++i) await points.nth(i).fill(typed[i]);
    session.chrome.expectFailure(new URL(sheetUrl).pathname, 422);
    await Promise.all([staff.waitForLoadState('load'), staff.click('#submit-sheet')]);
    assert.equal(await points.nth(0).inputValue(), '45', 'the refused score comes back as typed');
    assert.equal(await points.nth(1).inputValue(), '18');
    const message = await staff.locator('#score-form .invalid-feedback').first().textContent();
    assert.match(message, /vượt quá điểm tối đa của tiêu chí \(40\)/);
    assert.match(await staff.textContent('#files-again'), /hãy chọn lại/, 'files are not refilled: the page says so');
    assert.match(await staff.textContent('#sheet-status'), /Đang tự chấm/, 'nothing was submitted');
    await shot(staff, '2-refused');

    await points.nth(0).fill('38');
    await staff.locator('#score-form input[name^="comment_"]').first().fill('Hoàn thành 12/12 nhiệm vụ được giao.');
    await staff.locator('#score-form input[type=file]').first().setInputFiles(
      { name: 'bao-cao-ket-qua-cong-tac.png', mimeType: 'image/png', buffer: PNG });
    await Promise.all([staff.waitForURL(sheetUrl), staff.click('#submit-sheet')]);
    assert.match(await staff.textContent('#sheet-status'), /Đã gửi/);
    const first = await staff.textContent('.criterion >> nth=0');
    assert.match(first, /38/);
    assert.match(first, /Hoàn thành 12\/12 nhiệm vụ được giao/);
    assert.match(first, /bao-cao-ket-qua-cong-tac\.png/, 'the evidence is listed beside its criterion');
    assert.equal(await staff.locator('#score-form input[name^="points_"]').count(), 0, 'a submitted sheet is read');
    assert.match(await staff.textContent('#sheet-history'), /Gửi thẩm định/);
    await shot(staff, '3-submitted');
  });

  it('the unit head reviews her officer: a changed score needs its reason, both rounds stay', async () => {
    const head = await session.chrome.as('truongphong');
    await head.goto(`${session.srv.url}/evaluations`);
    await Promise.all([
      head.waitForURL(/\/evaluations\/sheets\/\d+$/),
      head.click('#review-sheets a:has-text("Triệu Thị Ánh")'),
    ]);
    const sheetUrl = head.url();
    const points = head.locator('#score-form input[name^="points_"]');
    await points.nth(1).fill('15');
    session.chrome.expectFailure('/review', 422);
    await Promise.all([head.waitForLoadState('load'), head.click('#review-sheet')]);
    assert.match(await head.textContent('#score-form'), /Cần nêu lý do khi thay đổi điểm/);
    assert.equal(await points.nth(1).inputValue(), '15', 'the changed score comes back as typed');
    await shot(head, '4-reason-required');
    await head.locator('#score-form input[name^="reason_"]').nth(1).fill('Hai văn bản tham mưu phải trả lại để sửa thể thức.');
    await Promise.all([head.waitForURL(sheetUrl), head.click('#review-sheet')]);
    assert.match(await head.textContent('#sheet-status'), /Đã thẩm định/);
    const second = await head.textContent('.criterion >> nth=1');
    assert.match(second, /18/, 'the officer\'s own score stays');
    assert.match(second, /15/);
    assert.match(second, /Hai văn bản tham mưu phải trả lại/);
    await shot(head, '5-reviewed');
    // Her unit's ranking: her people only.
    await head.goto(`${session.srv.url}/evaluations`);
    await Promise.all([head.waitForURL(/\/ranking\?unit=\d+$/), head.click('#kind-person a:has-text("Xếp hạng")')]);
    const table = await head.textContent('#ranking-table');
    assert.match(table, /Triệu Thị Ánh/);
    assert.doesNotMatch(table, /Đàm Văn Đức/);
  });

  it('the Office sees the ranking with bands and who has not submitted, on a phone too', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(`${session.srv.url}/evaluations`);
    // The Office's queue: the sheet its unit head reviewed waits to be made final.
    assert.match(await office.textContent('#office-queue'), /Lương Văn Thành[\s\S]*Đã thẩm định/);
    await shot(office, '5-office-queue');
    await Promise.all([
      office.waitForURL(/\/ranking$/),
      office.click('#kind-person a:has-text("Xếp hạng")'),
    ]);
    const table = await office.textContent('#ranking-table');
    assert.match(table, /Đàm Văn Đức/);
    assert.match(table, /Triệu Thị Ánh/);
    assert.match(table, /Hoàn thành (xuất sắc|tốt)? ?nhiệm vụ/);
    const missing = await office.textContent('#not-submitted');
    assert.match(missing, /Nông Văn Chiến/);
    assert.ok((await office.locator('#ranking-figure svg').count()) === 1, 'a chart beside the table');
    const perBand = await office.$$eval('#band-counts tbody td:last-child', (tds) => tds.map((t) => Number(t.textContent)));
    const ranked = await office.locator('#ranking-table tbody tr').count();
    assert.equal(perBand.reduce((a, b) => a + b, 0), ranked, 'every ranked sheet is counted in one band');
    assert.match(await office.getAttribute('#download-xlsx', 'href'), /\/ranking\.xlsx$/);
    await shot(office, '6-ranking');
    await office.setViewportSize({ width: 390, height: 844 });
    await shot(office, '7-ranking-phone');
    const staff = await session.chrome.as('canbo');
    await staff.setViewportSize({ width: 390, height: 844 });
    await staff.goto(`${session.srv.url}/evaluations`);
    await staff.click('#my-sheets a');
    await staff.waitForURL(/\/evaluations\/sheets\/\d+$/);
    await shot(staff, '8-sheet-phone');
    // The first screen as the phone shows it, large enough to read.
    await staff.screenshot({ path: path.join(ARTIFACTS, 'evaluation-8b-sheet-phone-top.png') });
  });

  it('the Office makes the cluster\'s template: a refused row comes back as typed', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(`${session.srv.url}/evaluations`);
    await Promise.all([
      office.waitForURL((u) => u.pathname === '/evaluations/templates/new'),
      office.click('#kind-cluster_agency a:has-text("Tạo bảng chấm điểm")'),
    ]);
    await office.fill('#t-title', 'Bảng chấm điểm thi đua Khối Văn hoá - Xã hội năm 2025');
    await office.fill('#c0-group', 'I. Tổ chức phong trào');
    await office.fill('#c0-title', 'Ban hành kế hoạch, phát động thi đua kịp thời');
    await office.fill('#c0-max', '60');
    await office.fill('#c1-title', 'Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến');
    await office.fill('#c1-max', '0');
    session.chrome.expectFailure('/evaluations/templates', 422);
    await Promise.all([office.waitForLoadState('load'), office.click('#save-template')]);
    assert.match(await office.textContent('#row-1'), /Điểm tối đa phải lớn hơn 0/);
    assert.equal(await office.inputValue('#c1-title'), 'Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến');
    assert.equal(await office.inputValue('#c0-max'), '60');
    await shot(office, '9-template-refused');
    await office.fill('#c1-max', '40');
    await Promise.all([office.waitForURL(/\/evaluations\/templates\/\d+$/), office.click('#save-template')]);
    assert.match(await office.textContent('#template-title'), /Khối Văn hoá - Xã hội/);
    await shot(office, '10-template');
    await Promise.all([office.waitForURL(/\/ranking$/), office.click('#template-ranking')]);
    assert.match(await office.textContent('#cluster-table'), /Ban Dân tộc tỉnh Cao Bằng/);
    const health = await office.locator('#c-agency option', { hasText: 'Sở Y tế' }).getAttribute('value');
    await office.selectOption('#c-agency', health);
    await office.fill('#c-points', '85,5');
    await Promise.all([office.waitForURL(/\/ranking$/), office.click('#cluster-score button[type=submit]')]);
    assert.match(await office.textContent('#cluster-table'), /Sở Y tế tỉnh Cao Bằng\s*1\s*85,5/);
    await shot(office, '11-cluster');
    // Scored against, the template is not edited any more: the page says so instead of a link.
    await office.goto(office.url().replace(/\/ranking$/, ''));
    assert.equal(await office.locator('#edit-template').count(), 0);
    assert.match(await office.textContent('#template-in-use'), /không sửa được/);
  });

  it('had no console errors', () => {
    assert.deepEqual(session.chrome.problems, []);
  });
});
