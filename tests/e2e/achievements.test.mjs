// Achievements in the browser, as people use them: a staff member records a propaganda
// session (the form's fields follow the kind, a refused number comes back as typed) with a photo
// and sends it; the Office verifies it in the queue in place (htmx); the staff member sees it
// verified and their unit's progress. Screenshots of each step, on a desktop and a phone.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { demoSession, navClick } from '../support/browser.mjs';

const session = demoSession('achievements');
const shot = (p, n) => session.shot(p, n);

/** A 1×1 PNG. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
  '1f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex');

describe('an achievement from the form to the Office\'s verification, in the browser', () => {
  let staff;
  let recordUrl;
  const title = 'Tuyên truyền xây dựng nông thôn mới tại xóm Nà Mỏ';

  it('a staff member records a session; switching the kind keeps what was typed', async () => {
    staff = await session.chrome.as('canbo');
    await navClick(staff, 'Kết quả thực hiện');
    await staff.waitForURL((u) => u.pathname === '/achievements');
    await shot(staff, '1-mine');
    await Promise.all([staff.waitForURL((u) => u.pathname === '/achievements/new'), staff.click('#new-achievement')]);
    await staff.fill('#f-title', title);
    await staff.selectOption('#f-kind', 'resource');
    await staff.waitForSelector('#f-cash');
    assert.equal(await staff.inputValue('#f-title'), title);
    await staff.selectOption('#f-kind', 'propaganda');
    await staff.waitForSelector('#f-sessions');
    assert.equal(await staff.inputValue('#f-title'), title);
    await staff.selectOption('#f-item', { index: 2 });
    await staff.fill('#f-date', '14/11/2025');
    const commune = await staff.locator('#f-commune option', { hasText: 'Lý Bôn' }).getAttribute('value');
    await staff.selectOption('#f-commune', commune);
    await staff.fill('#f-place', 'Nhà văn hóa xóm Nà Mỏ, xã Lý Bôn');
    await staff.fill('#f-sessions', '1');
    await staff.fill('#f-participants', '-40');
    await staff.setInputFiles('#evidence', { name: 'buoi-tuyen-truyen.png', mimeType: 'image/png', buffer: PNG });
    session.chrome.expectFailure('/achievements', 422);
    await Promise.all([staff.waitForLoadState('load'), staff.click('#save-submit')]);
    assert.ok(await staff.locator('#f-participants.is-invalid').count());
    assert.equal(await staff.inputValue('#f-participants'), '-40');
    assert.equal(await staff.inputValue('#f-title'), title);
    assert.ok(await staff.locator('#reselect-files').count(), 'asks to choose the files again');
    await shot(staff, '2-refused');
    await staff.fill('#f-participants', '52');
    await staff.setInputFiles('#evidence', { name: 'buoi-tuyen-truyen.png', mimeType: 'image/png', buffer: PNG });
    await Promise.all([staff.waitForURL(/\/achievements\/\d+$/), staff.click('#save-submit')]);
    recordUrl = staff.url();
    assert.equal(await staff.textContent('#achievement-title'), title);
    assert.match(await staff.textContent('#achievement-status'), /Chờ xác nhận/);
    assert.match(await staff.textContent('#evidence'), /buoi-tuyen-truyen\.png/);
    await shot(staff, '3-sent');
  });

  it('the Office verifies it in the queue, in place', async () => {
    const office = await session.chrome.as('vanphong');
    await navClick(office, 'Kết quả thực hiện');
    await Promise.all([office.waitForURL((u) => u.pathname === '/achievements/queue'), office.click('#queue-link')]);
    const id = new URL(recordUrl).pathname.split('/').pop();
    const row = office.locator(`#queue-${id}`);
    assert.equal(await row.count(), 1);
    assert.equal(await row.locator('img').count(), 1, 'the photo as a thumbnail');
    await shot(office, '4-queue');
    await office.click(`#verify-${id}`);
    await office.waitForSelector(`#queue-status-${id}`);
    assert.match(await office.textContent(`#queue-status-${id}`), /Đã xác nhận/);
    await shot(office, '5-verified');
  });

  it('the staff member sees it verified, with its history, and the unit\'s progress', async () => {
    await staff.goto(recordUrl);
    assert.match(await staff.textContent('#achievement-status'), /Đã xác nhận/);
    assert.match(await staff.textContent('#achievement-history'), /Xác nhận — Nông Thị Hoa/);
    assert.equal(await staff.locator('#edit-achievement').count(), 0, 'a verified record is the Office\'s to change');
    await staff.goto(`${session.srv.url}/progress`);
    await staff.waitForSelector('#progress-table');
    await shot(staff, '6-progress');
    await staff.setViewportSize({ width: 390, height: 844 });
    await staff.goto(`${session.srv.url}/achievements/new`);
    await shot(staff, '7-form-phone');
  });

  it('had no console errors', () => {
    assert.deepEqual(session.chrome.problems, []);
  });
});
