// Eligibility for commendation in the browser (issue 6, part 1), as the Office uses it: it
// opens the list of 2025, picks the Office's own unit, expands the "why" of a person whose
// rating has not been entered (every condition with its citation, "cannot tell"), enters the
// rating and sees her verdicts change — and the unit's, whose share of Advanced Workers she
// completes; a correction without its reason is refused with the value kept; the rating's
// history lists it. Screenshots of each step.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { demoSession, navClick } from '../support/browser.mjs';

const session = demoSession('eligibility');
const shot = (p, n) => session.shot(p, n);

const card = (page, name) => page.locator('.eligibility-subject', { has: page.locator(`h3:text-is("${name}")`) });

describe('eligibility of a unit, its why, and a rating that changes it, in the browser', () => {
  it('the Office sees a verdict it cannot tell yet, and why', async () => {
    const office = await session.chrome.as('vanphong');
    await Promise.all([office.waitForURL((u) => u.pathname === '/eligibility'), navClick(office, 'Xét điều kiện')]);
    assert.match(await office.textContent('h1'), /Xét điều kiện khen thưởng 2025/);
    assert.match(await office.textContent('#rule-set'), /national-2025-152 \+ province-cao-bang-2024/);
    await office.selectOption('#f-unit', { label: 'Văn phòng' });
    await Promise.all([office.waitForURL(/unit=\d+/), office.click('#eligibility-choice button[type=submit]')]);
    const mai = card(office, 'Đinh Thị Mai');
    assert.equal(await mai.locator('.verdict[data-form=advanced_worker]').getAttribute('data-verdict'), 'cannot_tell');
    assert.match(await mai.locator('.verdict[data-form=advanced_worker]').textContent(), /Lao động tiên tiến: Chưa đủ dữ liệu/);
    await mai.locator('details.why > summary').click();
    const why = mai.locator('.why-form[data-form=advanced_worker]');
    assert.match(await why.textContent(), /Chưa nhập mức độ hoàn thành nhiệm vụ năm 2025/);
    assert.match(await why.textContent(), /Điều 24 khoản 1 điểm a, Luật Thi đua, khen thưởng 2022/);
    assert.match(await why.textContent(), /Không có vụ việc kỷ luật, thanh tra, điều tra, khiếu nại nào đang xem xét/);
    const unit = card(office, 'Văn phòng');
    assert.equal(await unit.locator('.verdict[data-form=advanced_collective]').getAttribute('data-verdict'), 'cannot_tell');
    await shot(office, '1-why');
  });

  it('entering her rating changes her verdicts and the unit\'s; a correction needs its reason', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(`${session.srv.url}/eligibility?year=2025`);
    await office.selectOption('#f-unit', { label: 'Văn phòng' });
    await Promise.all([office.waitForURL(/unit=\d+/), office.click('#eligibility-choice button[type=submit]')]);
    const listUrl = office.url();
    await office.locator('#rating-details > summary').click();
    await office.selectOption('#rating-subject', { label: 'Đinh Thị Mai' });
    await office.selectOption('#rating-rating', 'good');
    await Promise.all([office.waitForURL(listUrl), office.click('#rating-save')]);
    assert.match(await office.textContent('body'), /Đã lưu mức độ hoàn thành nhiệm vụ/);
    const mai = card(office, 'Đinh Thị Mai');
    assert.equal(await mai.locator('.verdict[data-form=advanced_worker]').getAttribute('data-verdict'), 'eligible');
    const unit = card(office, 'Văn phòng');
    assert.equal(await unit.locator('.verdict[data-form=advanced_collective]').getAttribute('data-verdict'), 'eligible',
      'three of three members are Advanced Workers now');
    await mai.locator('details.why > summary').click();
    assert.match(await mai.locator('.why-form[data-form=advanced_worker]').textContent(),
      /Xếp loại Hoàn thành tốt nhiệm vụ, đạt mức cần có/);
    await shot(office, '2-rated');

    await office.locator('#rating-details > summary').click();
    await office.selectOption('#rating-subject', { label: 'Đinh Thị Mai' });
    await office.selectOption('#rating-rating', 'excellent');
    session.chrome.expectFailure('/eligibility/ratings', 422);
    await Promise.all([office.waitForLoadState('load'), office.click('#rating-save')]);
    assert.match(await office.textContent('#rating-form'), /cần nêu lý do đính chính/);
    assert.equal(await office.getAttribute('#rating-details', 'open'), '', 'the refused form is open');
    assert.equal(await office.locator('#rating-subject option:checked').textContent(), 'Đinh Thị Mai', 'as chosen');
    assert.equal(await office.inputValue('#rating-rating'), 'excellent');
    await shot(office, '3-reason-required');
    await office.fill('#rating-reason', 'Kết quả đánh giá công chức năm 2025 đã được phê duyệt lại');
    await Promise.all([office.waitForURL(/\/eligibility\?year=2025&unit=\d+$/), office.click('#rating-save')]);
    const again = card(office, 'Đinh Thị Mai');
    assert.equal(await again.locator('.verdict[data-form=grassroots_fighter]').getAttribute('data-verdict'), 'eligible',
      'rated excellent, she meets the 2022 law\'s Grassroots Emulation Fighter without an initiative');
    await Promise.all([office.waitForURL(/\/eligibility\/history/), again.locator('a:text("Lịch sử xếp loại")').click()]);
    const rows = office.locator('#rating-history tbody tr');
    assert.equal(await rows.count(), 2);
    assert.match(await rows.nth(0).textContent(), /Hoàn thành xuất sắc nhiệm vụ\s*Hiện tại.*phê duyệt lại/s);
    await shot(office, '4-history');
  });

  it('a pending complaint blocks her until the Office closes it on the day it was settled', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(`${session.srv.url}/eligibility?year=2025`);
    await office.selectOption('#f-unit', { label: 'Văn phòng' });
    await Promise.all([office.waitForURL(/unit=\d+/), office.click('#eligibility-choice button[type=submit]')]);
    const listUrl = office.url();
    await office.locator('#case-details > summary').click();
    await office.selectOption('#case-subject', { label: 'Đinh Thị Mai' });
    await office.selectOption('#case-kind', 'complaint');
    await office.fill('#case-opened', '01/12/2025');
    await Promise.all([office.waitForURL(listUrl), office.click('#case-save')]);
    assert.equal(await card(office, 'Đinh Thị Mai').locator('.verdict[data-form=advanced_worker]').getAttribute('data-verdict'),
      'not_eligible', 'a pending complaint blocks');
    await office.locator('#open-cases > summary').click();
    const item = office.locator('#open-cases li', { hasText: 'Đinh Thị Mai' });
    await item.locator('input[name=closed_on]').fill('15/12/2025');
    await Promise.all([office.waitForURL(listUrl), item.locator('button[type=submit]').click()]);
    assert.match(await office.textContent('body'), /Đã kết thúc vụ việc/);
    assert.equal(await card(office, 'Đinh Thị Mai').locator('.verdict[data-form=advanced_worker]').getAttribute('data-verdict'),
      'eligible', 'closed, it no longer blocks');
    assert.equal(await office.locator('#open-cases').count(), 0);
    await shot(office, '5-case-closed');
  });

  it('had no console errors', () => {
    assert.deepEqual(session.chrome.problems, []);
  });
});
