// Nominations and the council's secret ballot in the browser, as people use them: the Office
// accepts a submitted nomination, opens a council session, puts it on the agenda and records
// attendance; a member signs in and votes from his own account; a second ballot from another
// tab is refused; the secretary closes the item and sees the count against the threshold.
// Screenshots of each step, the demo's closed session and the public list of candidates.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { demoSession, navClick } from '../support/browser.mjs';

const session = demoSession('council');
const shot = (p, n) => session.shot(p, n);
let sessionUrl = '';
let itemId = '';

describe('a nomination through the council session and its secret ballot, in the browser', () => {
  it('the Office accepts a submitted nomination', async () => {
    const office = await session.chrome.as('vanphong');
    await navClick(office, 'Đề nghị');
    await office.waitForURL((u) => u.pathname === '/nominations');
    await shot(office, '1-nominations');
    await Promise.all([
      office.waitForURL(/\/nominations\/\d+$/),
      office.click('#nominations a:has-text("Lục Văn Quang")'),
    ]);
    assert.match(await office.textContent('#nomination-status'), /Đã gửi/);
    assert.match(await office.textContent('#dossier'), /Báo cáo thành tích/);
    await Promise.all([office.waitForLoadState('load'), office.click('#accept-nomination')]);
    assert.match(await office.textContent('#nomination-status'), /Đã tiếp nhận/);
    assert.match(await office.textContent('#history'), /Tiếp nhận hồ sơ/);
    await shot(office, '2-accepted');
  });

  it('the Office opens a session, puts the nomination on the agenda and records attendance', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(`${session.srv.url}/council-sessions`);
    await office.fill('#s-title', 'Phiên họp xét khen thưởng cuối năm 2025');
    await office.fill('#s-date', '19/12/2025');
    await office.fill('#s-place', 'Phòng họp tầng 2');
    await Promise.all([office.waitForURL(/\/council-sessions\/\d+$/), office.click('#create-session')]);
    sessionUrl = office.url();
    const option = await office.locator('#add-nomination option:has-text("Lục Văn Quang")').getAttribute('value');
    await office.selectOption('#add-nomination', option);
    await Promise.all([office.waitForLoadState('load'), office.click('#add-item-button')]);
    assert.match(await office.textContent('#agenda'), /Lục Văn Quang/);
    // Opening before the quorum is refused.
    itemId = (await office.getAttribute('#agenda .card', 'id')).replace('item-', '');
    session.chrome.expectFailure(`/items/${itemId}/open`, 409);
    await Promise.all([office.waitForLoadState('load'), office.click(`#open-${itemId}`)]);
    assert.match(await office.textContent('#page-error'), /Chưa đủ số thành viên có mặt/);
    for (const name of ['Nông Văn Chiến', 'Hà Văn Vui', 'Nông Thị Hoa', 'Lương Văn Thành', 'Hoàng Thị Lan']) {
      await Promise.all([office.waitForLoadState('load'),
        office.click(`#attendance tr:has-text("${name}") button:has-text("Có mặt")`)]);
    }
    await Promise.all([office.waitForLoadState('load'),
      office.click('#attendance tr:has-text("Sầm Đức Minh") button:has-text("Vắng")')]);
    assert.match(await office.textContent('#quorum'), /Có mặt 5\/6/);
    await Promise.all([office.waitForLoadState('load'), office.click(`#open-${itemId}`)]);
    assert.match(await office.textContent(`#item-${itemId}`), /Đang bỏ phiếu/);
    assert.match(await office.textContent(`#voted-${itemId}`), /0\/5/);
    await shot(office, '3-session-open');
  });

  it('a member votes from his own account; a second ballot is refused; nobody sees the count', async () => {
    const member = await session.chrome.as('hoidong');
    await member.goto(sessionUrl);
    // A second tab with the same ballot, as a member who clicks twice would have.
    const other = await member.context().newPage();
    await other.goto(`${sessionUrl}/ballot`);
    await Promise.all([member.waitForURL(/\/ballot$/), member.click('#go-ballot')]);
    await shot(member, '4-ballot');
    await Promise.all([member.waitForLoadState('load'), member.click(`#approve-${itemId}`)]);
    assert.match(await member.textContent(`#voted-note-${itemId}`), /Bạn đã bỏ phiếu/);
    assert.equal(await member.locator(`#approve-${itemId}`).count(), 0, 'no second ballot offered');
    session.chrome.expectFailure(`/items/${itemId}/vote`, 409);
    await Promise.all([other.waitForLoadState('load'), other.click(`#disapprove-${itemId}`)]);
    assert.match(await other.textContent('#ballot-error'), /Bạn đã bỏ phiếu cho nội dung này/);
    await shot(other, '5-second-vote-refused');
    await member.goto(sessionUrl);
    assert.match(await member.textContent(`#voted-${itemId}`), /1\/5/);
    assert.equal(await member.locator(`#tally-${itemId}`).count(), 0, 'no count before the item is closed');
  });

  it('the secretary closes the item and sees the count against the threshold; the minutes follow', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(sessionUrl);
    office.once('dialog', (d) => d.accept());
    await Promise.all([office.waitForLoadState('load'), office.click(`#close-${itemId}`)]);
    const tally = await office.textContent(`#tally-${itemId}`);
    assert.match(tally, /1\/6/);
    assert.match(tally, /Không đạt/, 'one approval of six members is not a majority');
    await shot(office, '6-closed');
    const pdf = await office.request.get(`${sessionUrl}/minutes.pdf`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const docx = await office.request.get(`${sessionUrl}/minutes.docx`);
    assert.equal(docx.status(), 200);
  });

  it('the demo: a session held and closed, and the public list of the one in progress', async () => {
    const leader = await session.chrome.as('lanhdao');
    await leader.goto(`${session.srv.url}/council-sessions`);
    await Promise.all([leader.waitForURL(/\/council-sessions\/\d+$/),
      leader.click('#sessions a:has-text("Phiên họp xét thi đua, khen thưởng năm 2025")')]);
    const agenda = await leader.textContent('#agenda');
    assert.match(agenda, /Lâm Văn Hùng/);
    assert.match(agenda, /Đạt/);
    assert.match(agenda, /Không đạt/, 'Đàm Văn Đức fell short of 80%');
    await shot(leader, '7-demo-closed-session');
    await leader.goto(`${session.srv.url}/council-sessions`);
    await Promise.all([leader.waitForURL(/\/council-sessions\/\d+$/),
      leader.click('#sessions a:has-text("Phiên họp bổ sung")')]);
    await Promise.all([leader.waitForURL(/\/public\//), leader.click('#public-link')]);
    assert.match(await leader.textContent('#candidates'), /Bế Thị Thu/);
    await shot(leader, '8-public-candidates');
    assert.deepEqual(session.chrome.problems, []);
  });
});
