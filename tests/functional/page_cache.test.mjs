// The page cache: a list page kept by data version is rebuilt after every write — one made
// through the pages, through the API, or by another process on the same database (the
// command-line import) — and never serves one reader's view to another.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { as } from '../support/pages.mjs';
import { cliOk, startServer } from '../support/server.mjs';

let srv;

before(async () => {
  srv = await startServer({ demo: true, tokens: [{ login: 'vanphong' }] });
});
after(async () => { await srv?.stop(); });

const names = (html) => [...html.matchAll(/<a href="\/people\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);

describe('a cached list page', () => {
  it('shows a person added through the API at once', async () => {
    const vp = await as(srv, 'vanphong');
    const before1 = await vp.get('/people');
    const before2 = await vp.get('/people');
    assert.deepEqual(names(before2.html), names(before1.html));
    assert.ok(!names(before1.html).includes('Vi Văn Mới'));
    const r = await fetch(`${srv.url}/api/v1/people`, {
      method: 'POST',
      headers: { authorization: `Bearer ${srv.tokens.vanphong}`, 'content-type': 'application/json' },
      body: JSON.stringify({ full_name: 'Vi Văn Mới', gender: 'male', employment: 'civil_servant' }),
    });
    assert.equal(r.status, 201, await r.text());
    const afterAdd = await vp.get('/people');
    assert.ok(names(afterAdd.html).includes('Vi Văn Mới'), names(afterAdd.html).join(', '));
  });

  it('shows people imported by another process on the same database', async () => {
    const vp = await as(srv, 'vanphong');
    await vp.get('/people?q=tham');
    const csv = path.join(srv.dir, 'them.csv');
    fs.writeFileSync(csv, 'Họ và tên,Giới tính\nLý Thị Thắm,Nữ\n');
    cliOk(['import', 'people', '--db', srv.dbUrl, '--agency', 'BDT', '--file', csv]);
    const page = await vp.get('/people?q=tham');
    assert.deepEqual(names(page.html), ['Lý Thị Thắm']);
  });

  it('drops a task from the home page as soon as it is done', async () => {
    const vp = await as(srv, 'vanphong');
    const home1 = await vp.get('/');
    await vp.get('/');
    assert.match(home1.html, /Năm 2025: Tổ chức tổng kết/);
    const m = await (await fetch(`${srv.url}/api/v1/movements/1`, {
      headers: { authorization: `Bearer ${srv.tokens.vanphong}` },
    })).json();
    const task = m.tasks.find((t) => t.due_date === '2025-12-31' && !t.unit_id && t.title.startsWith('Năm 2025'));
    const r = await fetch(`${srv.url}/api/v1/movements/1/tasks/${task.id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${srv.tokens.vanphong}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: task.version, done: true, note: 'Đã tổng kết' }),
    });
    assert.equal(r.status, 200, await r.text());
    const home2 = await vp.get('/');
    assert.doesNotMatch(home2.html, /Năm 2025: Tổ chức tổng kết/);
  });

  it('keeps each reader\'s rights and token: staff never get the Office\'s buttons', async () => {
    const vp = await as(srv, 'vanphong');
    const office = await vp.get('/people');
    assert.match(office.html, /id="add-person"/);
    const staff = await as(srv, 'canbo');
    const page = await staff.get('/people');
    assert.doesNotMatch(page.html, /id="add-person"/);
    assert.deepEqual(names(page.html), names(office.html));
    // A cached movement page carries each session's own CSRF token in its forms.
    const m1 = await vp.get('/movements/1');
    const m2 = await vp.get('/movements/1');
    const tokens = (html) => new Set([...html.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]));
    assert.deepEqual([...tokens(m2.html)], [vp.csrf]);
    assert.doesNotMatch(m1.html + m2.html, /csrf-placeholder/);
    const lead = await as(srv, 'lanhdao');
    const l = await lead.get('/movements/1');
    assert.deepEqual([...tokens(l.html)], [lead.csrf]);
  });
});
