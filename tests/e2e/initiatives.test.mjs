// Initiatives in the browser, as people use them: a staff member registers an initiative with a
// co-author (shares that do not add up to 100 come back as typed, with the message beside
// them); the Office records its recognition and uses it as the basis of a title; a second use of
// the same initiative is refused with a message naming the first; the register finds it.
// Screenshots of each step, on a desktop and a phone.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { demoSession, navClick } from '../support/browser.mjs';

const session = demoSession('initiatives');
const shot = (p, n) => session.shot(p, n);

describe('an initiative from its registration to its use as a basis, in the browser', () => {
  const title = 'Số hóa sổ theo dõi hỗ trợ các xã đặc biệt khó khăn bằng bảng tính dùng chung';
  let initiativeUrl;

  it('a staff member registers it with a co-author; bad shares are refused and kept as typed', async () => {
    const staff = await session.chrome.as('canbo');
    await navClick(staff, 'Sáng kiến');
    await staff.waitForURL((u) => u.pathname === '/initiatives');
    await shot(staff, '1-register');
    await Promise.all([staff.waitForURL((u) => u.pathname === '/initiatives/new'), staff.click('#add-initiative')]);
    await staff.fill('#f-title', title);
    await staff.fill('#f-field', 'Quản lý nhà nước');
    await staff.fill('#f-applied_from', '01/03/2025');
    await staff.fill('#f-summary', 'Một bảng tính dùng chung thay cho sổ giấy: mỗi chuyến công tác xã ghi một dòng.');
    await staff.fill('#f-effect', 'Rút thời gian tổng hợp báo cáo quý từ 3 ngày xuống nửa ngày.');
    // The first row is the author themself; the second a colleague, by name and code.
    assert.match(await staff.inputValue('#a-person-0'), /Đàm Văn Đức/);
    await staff.fill('#a-share-0', '70');
    await staff.fill('#a-person-1', 'Lâm Văn Hùng (BDT010)');
    await staff.fill('#a-share-1', '20');
    session.chrome.expectFailure('/initiatives', 422);
    await Promise.all([staff.waitForLoadState('load'), staff.click('#save-initiative')]);
    assert.match(await staff.textContent('#e-authors'), /100/);
    assert.equal(await staff.inputValue('#f-title'), title, 'the title comes back as typed');
    assert.equal(await staff.inputValue('#a-share-1'), '20');
    await shot(staff, '2-refused');
    await staff.fill('#a-share-1', '30');
    await Promise.all([staff.waitForURL(/\/initiatives\/\d+$/), staff.click('#save-initiative')]);
    initiativeUrl = staff.url();
    assert.equal(await staff.textContent('#initiative-title'), title);
    const authors = await staff.textContent('#author-table');
    assert.match(authors, /Đàm Văn Đức[\s\S]*70/);
    assert.match(authors, /Lâm Văn Hùng[\s\S]*30/);
    assert.ok(await staff.locator('#recognition-fields').count() === 0, 'recognition is the Office\'s to record');
    await shot(staff, '3-registered');
  });

  it('the Office records its recognition and uses it once as the basis of a title', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(`${initiativeUrl}/edit`);
    await office.selectOption('#f-recognition_level', 'base');
    await office.fill('#f-recognition_body', 'Hội đồng sáng kiến Ban Dân tộc tỉnh Cao Bằng');
    await office.fill('#f-recognition_number', '52/QĐ-BDT');
    await office.fill('#f-recognition_date', '15/10/2025');
    await Promise.all([office.waitForURL(initiativeUrl), office.click('#save-initiative')]);
    assert.match(await office.textContent('#recognition'), /52\/QĐ-BDT/);
    assert.match(await office.textContent('#initiative-level'), /cơ sở/i);

    const duc = await office.locator('#u-person option', { hasText: 'Đàm Văn Đức' }).getAttribute('value');
    await office.click('#use-form-box summary');
    await office.selectOption('#u-person', duc);
    await office.selectOption('#u-basis', 'title:grassroots_fighter');
    await office.fill('#u-year', '2025');
    await Promise.all([office.waitForLoadState('load'), office.click('#use-submit')]);
    assert.match(await office.textContent('#use-table'), /Chiến sĩ thi đua cơ sở/);
    await shot(office, '4-used');

    // The same initiative again, for another title of the same author: refused, naming the first.
    await office.click('#use-form-box summary').catch(() => {});
    await office.selectOption('#u-person', duc);
    await office.selectOption('#u-basis', 'title:provincial_fighter');
    await office.fill('#u-year', '2025');
    session.chrome.expectFailure('/uses', 409);
    session.chrome.expectFailure('/uses', 422);
    await Promise.all([office.waitForLoadState('load'), office.click('#use-submit')]);
    const refusal = await office.textContent('#use-error');
    assert.match(refusal, /đã được dùng làm căn cứ/);
    assert.match(refusal, /Chiến sĩ thi đua cơ sở/);
    assert.equal(await office.locator('#use-table tbody tr').count(), 1, 'nothing was added');
    await shot(office, '5-second-use-refused');

    // The register finds it by a word without its accents, and shows its level.
    await office.goto(`${session.srv.url}/initiatives?q=so%20hoa%20so%20theo%20doi`);
    const table = await office.textContent('#initiative-table');
    assert.match(table, /Số hóa sổ theo dõi/);
    await office.setViewportSize({ width: 390, height: 844 });
    await office.goto(initiativeUrl);
    await shot(office, '6-phone');
  });

  it('had no console errors', () => {
    assert.deepEqual(session.chrome.problems, []);
  });
});
