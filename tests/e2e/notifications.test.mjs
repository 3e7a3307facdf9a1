// Notifications in a real browser (issue 7 reminders), on the demo data with the scheduler on:
// the unit head (truongphong) sees the badge, opens the list — the reminder of her unit's late
// task with its kind and deadline — filters the unread ones, marks one read, follows the
// reminder to the task on the movement page, then marks everything read and the badge goes.
// Screenshots of each step, and the list on a phone's width; any console error fails the run.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { ARTIFACTS, CHROMIUM, browsers } from '../support/browser.mjs';
import { startServer } from '../support/server.mjs';

let srv;
let chrome;
const shot = (p, name) => p.screenshot({ path: path.join(ARTIFACTS, `notifications-${name}.png`), fullPage: true });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  await fsp.mkdir(ARTIFACTS, { recursive: true });
  srv = await startServer({ demo: true, env: { THIDUA_REMINDERS_ENABLED: '1' } });
  chrome = browsers(srv);
});

after(async () => {
  await chrome?.close();
  await srv?.stop();
});

describe('a unit head and her reminders', () => {
  let head;

  it('sees the badge and the reminder of her late task, with its deadline', async () => {
    head = await chrome.as('truongphong');
    // The pass runs at start-up beside the server: wait for its reminder to count.
    for (let i = 0; i < 50; i++) {
      const badge = await head.$('#unread-badge');
      if (badge && Number.parseInt(await badge.textContent(), 10) >= 2) break;
      await sleep(200);
      await head.reload();
    }
    assert.match(await head.textContent('#unread-badge'), /^2/);
    await shot(head, '1-home-badge');
    await Promise.all([head.waitForURL((u) => u.pathname === '/notifications'), head.click('#notifications-link')]);
    const item = head.locator('#notifications li', { hasText: 'Nhiệm vụ quá hạn' });
    await assert.doesNotReject(item.waitFor());
    assert.match(await item.locator('.notification-kind').textContent(), /Nhiệm vụ quá hạn/);
    assert.match(await item.locator('.notification-due').textContent(), /Hạn: 31\/12\/2025 \(đã quá hạn\)/);
    await shot(head, '2-list');
  });

  it('filters the unread ones and marks one read', async () => {
    await Promise.all([head.waitForURL((u) => u.search === '?unread=1'), head.click('a[href="/notifications?unread=1"]')]);
    assert.equal(await head.locator('#notifications li').count(), 2);
    const other = head.locator('#notifications li').filter({ hasNotText: 'Nhiệm vụ quá hạn' });
    await Promise.all([head.waitForURL((u) => u.pathname === '/notifications'), other.getByRole('button', { name: 'Đã đọc' }).click()]);
    assert.match(await head.textContent('#unread-badge'), /^1/);
    await shot(head, '3-one-read');
  });

  it('follows the reminder to the task on the movement page', async () => {
    const item = head.locator('#notifications li', { hasText: 'Nhiệm vụ quá hạn' });
    await Promise.all([head.waitForURL((u) => u.pathname.startsWith('/movements/')), item.getByRole('button', { name: 'Xem' }).click()]);
    assert.match(head.url(), /#task-\d+$/);
    const id = new URL(head.url()).hash.slice(1);
    await assert.doesNotReject(head.locator(`#${id}`).waitFor());
    assert.equal(await head.$('#unread-badge'), null);
    await shot(head, '4-task');
  });

  it('marks all read, and the list on a phone', async () => {
    await head.goto(`${srv.url}/notifications`);
    assert.equal(await head.$('#read-all'), null);  // nothing unread any more
    assert.equal(await head.locator('#notifications li.list-group-item-primary').count(), 0);
    const phone = await chrome.as('vanphong', { width: 390, height: 844 });
    await phone.goto(`${srv.url}/notifications`);
    assert.ok(await phone.locator('#notifications li', { hasText: 'Mốc kế hoạch quá hạn' }).count() >= 1);
    await shot(phone, '5-office-phone');
    await Promise.all([phone.waitForURL((u) => u.pathname === '/notifications'), phone.click('#read-all')]);
    assert.equal(await phone.$('#unread-badge'), null);
    await shot(phone, '6-office-all-read');
  });

  it('the administrator gives her an e-mail address for reminders', async () => {
    const admin = await chrome.as('admin');
    await admin.goto(`${srv.url}/admin/users`);
    await admin.fill('#email-truongphong', 'hoangthilan@caobang.gov.vn');
    await Promise.all([
      admin.waitForURL((u) => u.pathname === '/admin/users'),
      admin.locator('form[action="/admin/users/truongphong/email"] button').click(),
    ]);
    assert.equal(await admin.inputValue('#email-truongphong'), 'hoangthilan@caobang.gov.vn');
    await shot(admin, '7-admin-email');
    assert.deepEqual(chrome.problems, []);
  });
});
