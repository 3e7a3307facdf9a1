// The follow-up dashboard over HTTP (issue 7), on the demo data: the Office sees the agency's
// figures (page and JSON) with charts, tables and drill-down links, and may narrow them to a
// unit; a unit head sees their unit only, staff their own records; another agency's Office is
// told the agency does not exist; an empty period renders an honest "no data"; a period typed
// wrong is refused with a Vietnamese message (422).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { as } from '../support/pages.mjs';
import { show, startServer } from '../support/server.mjs';

let srv;
const tok = {};

async function call(token, p) {
  const headers = { accept: 'application/json', 'accept-language': 'vi' };
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await fetch(`${srv.url}${p}`, { headers, redirect: 'manual' });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, json, why: `GET ${p}\n${show(r, text)}` };
}

let office;
let units;

before(async () => {
  srv = await startServer({
    demo: true,
    extraAgencies: [{ code: 'SKH', name: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng' }],
    users: [{ login: 'vp_khac', name: 'Văn Phòng Sở Khác', role: 'office', agency: 'SKH' }],
    tokens: [{ login: 'vanphong' }, { login: 'canbo' }, { login: 'truongphong' }, { login: 'vp_khac' }],
  });
  Object.assign(tok, srv.tokens);
  office = await call(tok.vanphong, '/api/v1/dashboard');
  units = Object.fromEntries((office.json?.units ?? []).map((u) => [u.unit_name, u.unit_id]));
});
after(async () => { await srv?.dispose(); });

describe('GET /api/v1/dashboard', () => {
  it('gives the Office the agency\'s figures of the movement', () => {
    assert.equal(office.status, 200, office.why);
    const d = office.json;
    assert.equal(d.scope.kind, 'agency');
    assert.equal(d.movement.title, 'Cả nước chung sức xây dựng nông thôn mới');
    assert.equal(d.from, '2021-01-01');
    assert.equal(d.empty, false);
    assert.ok(d.records > 100, `records ${d.records}`);
    assert.ok(d.mobilised.money_vnd > 0);
    assert.ok(d.milestones.some((m) => m.state === 'late'), 'a late task');
    assert.ok(d.milestones.filter((m) => m.state === 'done').length >= 4, 'tasks done');
    assert.ok(d.communes.length > 0 && d.communes.every((c) => c.criteria_total > 0));
    assert.ok(d.splits.length >= 2 && d.splits.every((s) => s.what === 'rule_set'), JSON.stringify(d.splits));
    assert.ok(d.items.some((i) => i.targets.length > 0));
    assert.ok(Object.keys(units).length >= 5);
    // The sums agree with themselves: units' records add up to the agency's.
    assert.equal(d.units.reduce((n, u) => n + u.records, 0), d.records);
  });

  it('narrows to a unit for the Office, and limits a unit head and staff to theirs', async () => {
    const csdt = units['Phòng Chính sách Dân tộc'];
    const narrowed = await call(tok.vanphong, `/api/v1/dashboard?unit=${csdt}`);
    assert.equal(narrowed.status, 200, narrowed.why);
    assert.equal(narrowed.json.scope.kind, 'unit');
    assert.equal(narrowed.json.units.length, 1);
    assert.ok(narrowed.json.records < office.json.records);

    const head = await call(tok.truongphong, '/api/v1/dashboard');
    assert.equal(head.status, 200, head.why);
    assert.equal(head.json.scope.kind, 'unit');
    assert.equal(head.json.scope.name, 'Phòng Kế hoạch - Tổng hợp và Tuyên truyền');
    const notTheirs = await call(tok.truongphong, `/api/v1/dashboard?unit=${csdt}`);
    assert.equal(notTheirs.status, 403, notTheirs.why);

    const staff = await call(tok.canbo, '/api/v1/dashboard');
    assert.equal(staff.status, 200, staff.why);
    assert.equal(staff.json.scope.kind, 'person');
    assert.equal(staff.json.scope.name, 'Đàm Văn Đức');
    const unitOfStaff = await call(tok.canbo, `/api/v1/dashboard?unit=${csdt}`);
    assert.equal(unitOfStaff.status, 403, unitOfStaff.why);
  });

  it('tells another agency\'s Office that the agency does not exist', async () => {
    const r = await call(tok.vp_khac, `/api/v1/dashboard?agency=${office.json.agency_id}`);
    assert.equal(r.status, 404, r.why);
    const m = await call(tok.vp_khac, `/api/v1/dashboard?movement=${office.json.movement.id}`);
    assert.equal(m.status, 404, m.why);
    const own = await call(tok.vp_khac, '/api/v1/dashboard');
    assert.equal(own.status, 200, own.why);
    assert.equal(own.json.movement, null);
    assert.equal(own.json.empty, true);
  });

  it('answers an empty period honestly and refuses a period typed wrong', async () => {
    const empty = await call(tok.vanphong, '/api/v1/dashboard?from=2021-02-01&to=2021-02-28');
    assert.equal(empty.status, 200, empty.why);
    assert.equal(empty.json.empty, true);
    assert.equal(empty.json.records, 0);
    const bad = await call(tok.vanphong, '/api/v1/dashboard?from=2021-13-01');
    assert.equal(bad.status, 422, bad.why);
    assert.match(bad.json.error.message ?? JSON.stringify(bad.json), /Khoảng thời gian/);
  });
});

describe('GET /dashboard', () => {
  it('shows the Office charts beside tables, each number a link to its records', async () => {
    const b = await as(srv, 'vanphong');
    const page = await b.get('/dashboard');
    assert.equal(page.status, 200);
    for (const id of ['tasks-table', 'tasks-figure', 'items-table', 'items-figure', 'targets-table', 'units-table',
      'units-figure', 'donors-table', 'mobilised-figure', 'communes-table', 'communes-figure', 'awards-table',
      'dashboard-splits']) {
      assert.ok(page.html.includes(`id="${id}"`), `#${id} on the page`);
    }
    assert.ok((page.html.match(/<svg /g) ?? []).length >= 7, 'server-drawn charts');
    assert.match(page.html, /href="\/achievements\?scope=all&amp;status=verified&amp;movement=\d+&amp;item=\d+"/);
    assert.match(page.html, /href="\/progress\/units\/\d+\?movement=\d+"/);
    assert.match(page.html, /href="\/communes\/\d+"/);
    assert.match(page.html, /href="\/movements\/\d+#task-\d+"/);
    assert.match(page.html, /Theo dõi phong trào/);
    // The nav item after the home page.
    assert.match(page.html, /href="\/"[^>]*>Trang chủ<\/a>[\s\S]{0,200}href="\/dashboard"/);
    // Served again from the page cache: the same body.
    const again = await b.get('/dashboard');
    assert.equal(again.status, 200);
    assert.equal(again.html.length, page.html.length);

    const year = await b.get('/dashboard?period=2024');
    assert.equal(year.status, 200);
    assert.match(year.html, /01\/01\/2024 – 31\/12\/2024/);
    assert.ok(!year.html.includes('id="dashboard-splits"') || /23\/05\/2024/.test(year.html));
  });

  it('shows a unit head their unit and staff their own', async () => {
    const head = await as(srv, 'truongphong');
    const h = await head.get('/dashboard');
    assert.equal(h.status, 200);
    assert.match(h.html, /Theo dõi phong trào – Phòng Kế hoạch - Tổng hợp và Tuyên truyền/);
    assert.ok(!h.html.includes('id="d-unit"'), 'no unit selector for a unit head');
    const csdt = units['Phòng Chính sách Dân tộc'];
    const other = await head.get(`/dashboard?unit=${csdt}`);
    assert.equal(other.status, 403);

    const staff = await as(srv, 'canbo');
    const s = await staff.get('/dashboard');
    assert.equal(s.status, 200);
    assert.match(s.html, /Theo dõi phong trào – Đàm Văn Đức/);
  });

  it('renders an empty period as "no data" and a wrong date as 422 with the form again', async () => {
    const b = await as(srv, 'vanphong');
    const empty = await b.get('/dashboard?period=custom&from=01/02/2021&to=28/02/2021');
    assert.equal(empty.status, 200);
    assert.match(empty.html, /id="dashboard-empty"/);
    assert.match(empty.html, /Chưa có số liệu trong khoảng thời gian này/);
    const bad = await b.get('/dashboard?period=custom&from=31/02/2021&to=28/02/2021');
    assert.equal(bad.status, 422);
    assert.match(bad.html, /Khoảng thời gian không hợp lệ/);
    assert.match(bad.html, /id="d-from"/);
  });

  it('gives another agency\'s Office their own agency, not this one', async () => {
    const b = await as(srv, 'vp_khac');
    const r = await b.get(`/dashboard?agency=${office.json.agency_id}&movement=${office.json.movement.id}`);
    assert.equal(r.status, 404);
    const own = await b.get('/dashboard');
    assert.equal(own.status, 200);
    assert.match(own.html, /chưa có phong trào nào/);
  });
});
