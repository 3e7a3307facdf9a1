// The follow-up dashboard in the browser (issue 7): the Office opens "Theo dõi" from the
// navigation, sees the movement's figures — charts beside their tables, the rule sets the
// period spans — picks the year 2024 and a unit, and follows a number down to the records
// behind it; a unit head sees their own unit's dashboard only; an empty period says so.
// Screenshots of each step.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { demoSession, navClick } from '../support/browser.mjs';

const session = demoSession('dashboard');
const shot = (p, n) => session.shot(p, n);

describe('the follow-up dashboard in the browser', () => {
  it('the Office sees the movement\'s figures with charts and tables, and drills down', async () => {
    const office = await session.chrome.as('vanphong');
    await Promise.all([office.waitForURL((u) => u.pathname === '/dashboard'), navClick(office, 'Theo dõi')]);
    assert.match(await office.textContent('h1'), /Theo dõi phong trào/);
    assert.match(await office.textContent('#dashboard-scope'), /Ban Dân tộc tỉnh Cao Bằng/);
    assert.match(await office.textContent('#dashboard-splits'), /Nghị định 98\/2023\/NĐ-CP/);
    for (const id of ['#tasks-figure svg', '#items-figure svg', '#units-figure svg', '#mobilised-figure svg',
      '#communes-figure svg', '#awards-figure svg']) {
      assert.ok(await office.locator(id).isVisible(), `${id} visible`);
    }
    assert.match(await office.textContent('#tasks-table'), /Phòng Chính sách Dân tộc/);
    assert.match(await office.textContent('#units-table'), /Văn phòng/);
    await shot(office, '1-office');

    // The year 2024, then one unit.
    await office.selectOption('#d-period', '2024');
    await Promise.all([office.waitForURL(/period=2024/), office.click('#dashboard-filter button[type=submit]')]);
    assert.match(await office.textContent('#dashboard-scope'), /01\/01\/2024 – 31\/12\/2024/);
    await office.selectOption('#d-unit', { label: 'Phòng Chính sách Dân tộc' });
    await Promise.all([office.waitForURL(/unit=\d+/), office.click('#dashboard-filter button[type=submit]')]);
    assert.match(await office.textContent('h1'), /Phòng Chính sách Dân tộc/);
    await shot(office, '2-office-unit-2024');

    // A number of the content items' table opens the verified records behind it.
    const link = office.locator('#items-table tbody tr').first().locator('td').nth(1).locator('a');
    const count = Number((await link.textContent()).replace(/\D/g, ''));
    assert.ok(count > 0, 'records of the first content item');
    await Promise.all([office.waitForURL((u) => u.pathname === '/achievements'), link.click()]);
    assert.match(office.url(), /status=verified/);
    assert.match(office.url(), /item=\d+/);
    assert.match(office.url(), /year=2024/);
    await shot(office, '3-drill-down');
  });

  it('a unit head sees their unit\'s dashboard', async () => {
    const head = await session.chrome.as('truongphong');
    await Promise.all([head.waitForURL((u) => u.pathname === '/dashboard'), navClick(head, 'Theo dõi')]);
    assert.match(await head.textContent('h1'), /Phòng Kế hoạch - Tổng hợp và Tuyên truyền/);
    assert.equal(await head.locator('#d-unit').count(), 0);
    assert.equal(await head.locator('#tasks-table tbody tr').count(), 1);
    assert.ok(await head.locator('#items-figure svg').isVisible());
    await shot(head, '4-unit-head');
  });

  it('an empty period says there is no data', async () => {
    const office = await session.chrome.as('vanphong');
    await office.goto(`${session.srv.url}/dashboard`);
    await office.selectOption('#d-period', 'custom');
    await office.fill('#d-from', '01/02/2021');
    await office.fill('#d-to', '28/02/2021');
    await Promise.all([office.waitForURL(/period=custom/), office.click('#dashboard-filter button[type=submit]')]);
    assert.match(await office.textContent('#dashboard-empty'), /Chưa có số liệu/);
    await shot(office, '5-empty');
    assert.deepEqual(session.chrome.problems, []);
  });
});
