// Pledges (đăng ký thi đua) over HTTP on the demo data: the Office's view of 2025 (each unit's
// pledge, who has not registered, reminders once a day), a person's pledge through the whole
// cycle on pages (a refused edit comes back as typed; a stale one is 409; only the approver
// approves), the API's refusals (422 field by field, 409 for a second live pledge, 404 for
// another agency's ids), notifications and their badge, the list and covenants as XLSX.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { as, fieldError, formValues, pageText } from '../support/pages.mjs';
import { byId, findTags, show, startServer, textById, textOf } from '../support/server.mjs';
import { readSheet } from '../support/xlsx.mjs';

const NO_SUCH_ID = 987654;
let srv;
const tok = {};

async function call(token, method, p, body) {
  const headers = { accept: 'application/json', 'accept-language': 'vi' };
  if (token) headers.authorization = `Bearer ${token}`;
  let payload;
  if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const r = await fetch(`${srv.url}${p}`, { method, headers, body: payload, redirect: 'manual' });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { r, status: r.status, text, json, why: `${method} ${p}\n${show(r, text)}` };
}

/** The rows of a table (by id) as arrays of cell texts. */
function tableRows(html, id) {
  const table = byId(html, id);
  assert.ok(table, `#${id} on the page`);
  const inner = html.slice(table.end, html.indexOf('</table>', table.end));
  const body = inner.split(/<tbody[^>]*>/i)[1] ?? '';
  return body.split(/<tr\b[^>]*>/i).slice(1).map((tr) => tr.split(/<t[dh]\b[^>]*>/i).slice(1).map((c) => textOf(c)));
}

/** A unit's name in the units table (on a phone its count sits under it, hidden on wider screens). */
const unitName = (row) => row[0].replace(/ Đã đăng ký \d+\/\d+$/, '');

let movement;  // the seed movement
let ducDraft;  // Đàm Văn Đức's 2025 draft

before(async () => {
  srv = await startServer({
    demo: true,
    extraAgencies: [{ code: 'SKH', name: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng' }],
    users: [{ login: 'vp_khac', name: 'Văn Phòng Sở Khác', role: 'office', agency: 'SKH' }],
    tokens: [{ login: 'vanphong' }, { login: 'lanhdao' }, { login: 'truongphong' }, { login: 'canbo' }, { login: 'vp_khac' }],
  });
  Object.assign(tok, srv.tokens);
  const list = await call(tok.vanphong, 'GET', '/api/v1/movements');
  movement = list.json.items.find((m) => m.status !== 'draft');
  const mine = await call(tok.canbo, 'GET', `/api/v1/pledges?movement=${movement.id}&year=2025`);
  assert.equal(mine.status, 200, mine.why);
  assert.equal(mine.json.items.length, 1, mine.why);
  ducDraft = mine.json.items[0];
});
after(async () => { await srv?.stop(); });

describe('the demo: 2025 as the Office sees it', () => {
  it('each unit\'s pledge, who has not registered, the deadline passed', async () => {
    const vp = await as(srv, 'vanphong');
    const { status, html } = await vp.get('/pledges');
    assert.equal(status, 200);
    assert.match(textById(html, 'pledge-deadline'), /31\/03\/2025/);
    const rows = tableRows(html, 'units-table');
    assert.equal(rows.length, 6, JSON.stringify(rows));
    const khth = rows.find((r) => unitName(r).startsWith('Phòng Kế hoạch'));
    assert.equal(khth[1], 'Bị trả lại');
    const csdt = rows.find((r) => unitName(r) === 'Phòng Chính sách Dân tộc');
    assert.equal(csdt[2], '1/3');
    assert.match(csdt[3], /Đàm Văn Đức Nháp/);
    assert.match(csdt[3], /Lâm Văn Hùng \(chưa có tài khoản\)/);
    assert.match(textById(html, 'pledge-totals'), /9\/12/);
    assert.ok(byId(html, 'send-reminders'), 'the Office reminds');
    assert.equal(textById(html, 'pledge-count'), 'Số đăng ký: 16');
  });

  it('a unit head follows their unit only; a leader sees all but sends no reminders; staff see their own', async () => {
    const tp = await as(srv, 'truongphong');
    const own = await tp.get('/pledges?year=2025');
    assert.deepEqual(tableRows(own.html, 'units-table').map(unitName), ['Phòng Kế hoạch - Tổng hợp và Tuyên truyền']);
    assert.equal(byId(own.html, 'send-reminders'), null);
    const ld = await as(srv, 'lanhdao');
    const all = await ld.get('/pledges?year=2025');
    assert.equal(tableRows(all.html, 'units-table').length, 6);
    assert.equal(byId(all.html, 'send-reminders'), null);
    const cb = await as(srv, 'canbo');
    const mine = await cb.get('/pledges?year=2025');
    assert.equal(byId(mine.html, 'units-table'), null);
    assert.deepEqual(tableRows(mine.html, 'pledges-table').map((r) => r[0]), ['Đàm Văn Đức · Cá nhân']);
    // The demo's reminder waits for him, with a badge in the header.
    assert.equal(textById(mine.html, 'unread-badge'), '1 thông báo chưa đọc');
    const notes = await cb.get('/notifications');
    assert.match(pageText(notes.html), /Nhắc đăng ký thi đua năm 2025/);
  });

  it('the movement page links to its pledges; the form says when one is already there', async () => {
    const vp = await as(srv, 'vanphong');
    const page = await vp.get(`/movements/${movement.id}`);
    assert.equal(byId(page.html, 'movement-pledges').attrs.href, `/pledges?movement=${movement.id}`);
    const tp = await as(srv, 'truongphong');
    const form = await tp.get(`/pledges/new?movement=${movement.id}&year=2025&subject=unit`);
    assert.equal(form.status, 200);
    assert.ok(byId(form.html, 'pledge-exists'), 'the department\'s 2025 pledge exists');
    const fresh = await tp.get(`/pledges/new?movement=${movement.id}&year=2023&subject=unit`);
    assert.equal(byId(fresh.html, 'pledge-exists'), null);
    assert.ok(byId(fresh.html, 'pledge-form'));
  });
});

describe('reminders and notifications', () => {
  it('reminders reach those who have not registered once a day; the count says who could not be reached', async () => {
    const first = await call(tok.vanphong, 'POST', '/api/v1/pledges/reminders', { movement_id: movement.id, year: 2025 });
    assert.equal(first.status, 200, first.why);
    assert.deepEqual(first.json, { sent: 1, already: 0, no_account: 2 });
    const again = await call(tok.vanphong, 'POST', '/api/v1/pledges/reminders', { movement_id: movement.id, year: 2025 });
    assert.deepEqual(again.json, { sent: 0, already: 1, no_account: 2 });
    const page = await (await as(srv, 'vanphong')).post('/pledges/reminders', { movement: movement.id, year: 2025 });
    assert.equal(page.status, 303, show(page.r, page.html));
    const back = await (await as(srv, 'vanphong')).get(page.location);
    assert.match(textById(back.html, 'reminder-notice'), /Đã gửi 0 thông báo nhắc nhở\. 1 thông báo đã gửi hôm nay/);
    const staff = await call(tok.canbo, 'POST', '/api/v1/pledges/reminders', { movement_id: movement.id, year: 2025 });
    assert.equal(staff.status, 403, staff.why);
  });

  it('notifications are read one by one or all at once; another user\'s is not found', async () => {
    const list = await call(tok.canbo, 'GET', '/api/v1/notifications?unread=1');
    assert.equal(list.status, 200, list.why);
    assert.equal(list.json.unread, 2);
    const [newest] = list.json.items;
    assert.equal(newest.kind, 'pledge_reminder');
    assert.equal(newest.link, `/pledges/${ducDraft.id}`);
    const other = await call(tok.truongphong, 'POST', `/api/v1/notifications/${newest.id}/read`);
    assert.equal(other.status, 404, other.why);
    const none = await call(tok.truongphong, 'POST', `/api/v1/notifications/${NO_SUCH_ID}/read`);
    assert.equal(none.json.error.code, other.json.error.code);
    const read = await call(tok.canbo, 'POST', `/api/v1/notifications/${newest.id}/read`);
    assert.equal(read.status, 200, read.why);
    assert.ok(read.json.read_at);
    const all = await call(tok.canbo, 'POST', '/api/v1/notifications/read-all');
    assert.deepEqual(all.json, { read: 1 });
    const cb = await as(srv, 'canbo');
    assert.equal(byId((await cb.get('/')).html, 'unread-badge'), null, 'no badge once all are read');
  });
});

describe('a person\'s pledge through its cycle on pages', () => {
  it('a refused edit comes back as typed with the message under the field; nothing is saved', async () => {
    const cb = await as(srv, 'canbo');
    const edit = await cb.get(`/pledges/${ducDraft.id}/edit`);
    assert.equal(edit.status, 200);
    const v = formValues(edit.html, 'pledge-form');
    assert.equal(v.t0_target, String(ducDraft.targets[0].target));
    const bad = await cb.post(`/pledges/${ducDraft.id}`, { ...v, t0_target: '-5', t2_target: '2.000.000', note: 'Ghi chú mới' });
    assert.equal(bad.status, 422, show(bad.r, bad.html));
    const back = formValues(bad.html, 'pledge-form');
    assert.deepEqual([back.t0_target, back.t2_target, textById(bad.html, 'note')], ['-5', '2.000.000', 'Ghi chú mới']);
    assert.equal(fieldError(bad.html, 't0-target'), 'Chỉ tiêu không được là số âm.');
    const huge = await cb.post(`/pledges/${ducDraft.id}`, { ...v, t2_target: '20.000.000.000.000' });
    assert.equal(huge.status, 422);
    assert.match(fieldError(huge.html, 't2-target'), /quá lớn/);
    const api = await call(tok.canbo, 'GET', `/api/v1/pledges/${ducDraft.id}`);
    assert.equal(api.json.version, ducDraft.version, 'nothing was saved');
  });

  it('saved and submitted in one go; a stale form is 409 with what was typed', async () => {
    const cb = await as(srv, 'canbo');
    const edit = await cb.get(`/pledges/${ducDraft.id}/edit`);
    const v = formValues(edit.html, 'pledge-form');
    const ok = await cb.post(`/pledges/${ducDraft.id}`, { ...v, t0_target: '7', then: 'submit' });
    assert.equal(ok.status, 303, show(ok.r, ok.html));
    const page = await cb.get(ok.location);
    assert.equal(textById(page.html, 'pledge-status'), 'Chờ duyệt');
    assert.deepEqual(findTags(page.html, (t) => t.name === 'li' && /border-start/.test(t.attrs.class ?? '')).length, 3);
    const stale = await cb.post(`/pledges/${ducDraft.id}`, { ...v, note: 'Bản cũ' });
    assert.equal(stale.status, 409, show(stale.r, stale.html));
  });

  it('only the approver decides: not the person, not a leader; a return needs a comment', async () => {
    const current = (await call(tok.canbo, 'GET', `/api/v1/pledges/${ducDraft.id}`)).json;
    const self = await call(tok.canbo, 'POST', `/api/v1/pledges/${ducDraft.id}/approve`, { version: current.version });
    assert.equal(self.status, 403, self.why);
    const leader = await call(tok.lanhdao, 'POST', `/api/v1/pledges/${ducDraft.id}/approve`, { version: current.version });
    assert.equal(leader.status, 403, leader.why);
    const head = await call(tok.truongphong, 'POST', `/api/v1/pledges/${ducDraft.id}/approve`, { version: current.version });
    assert.equal(head.status, 403, `the head of another unit: ${head.why}`);
    const vp = await as(srv, 'vanphong');
    await vp.get(`/pledges/${ducDraft.id}`);
    const bare = await vp.post(`/pledges/${ducDraft.id}/return`, { version: current.version, comment: ' ' });
    assert.equal(bare.status, 422, show(bare.r, bare.html));
    assert.equal(fieldError(bare.html, 'return-comment'), 'Vui lòng nhập thông tin này.');
    const back = await vp.post(`/pledges/${ducDraft.id}/return`, { version: current.version, comment: 'Đề nghị bổ sung việc giúp xã.' });
    assert.equal(back.status, 303, show(back.r, back.html));
    const page = await vp.get(`/pledges/${ducDraft.id}`);
    assert.equal(textById(page.html, 'pledge-status'), 'Bị trả lại');
    assert.match(textById(page.html, 'last-comment'), /Đề nghị bổ sung việc giúp xã\./);
  });

  it('resubmitted and approved through the API; approved, it is locked until returned', async () => {
    let p = (await call(tok.canbo, 'GET', `/api/v1/pledges/${ducDraft.id}`)).json;
    const sub = await call(tok.canbo, 'POST', `/api/v1/pledges/${p.id}/submit`, { version: p.version, comment: 'Đã bổ sung.' });
    assert.equal(sub.status, 200, sub.why);
    const ok = await call(tok.vanphong, 'POST', `/api/v1/pledges/${p.id}/approve`, { version: sub.json.version });
    assert.equal(ok.status, 200, ok.why);
    assert.equal(ok.json.status, 'approved');
    const edit = await call(tok.canbo, 'PUT', `/api/v1/pledges/${p.id}`, { version: ok.json.version, note: 'Sửa sau khi duyệt' });
    assert.equal(edit.status, 409, edit.why);
    assert.equal(edit.json.error.code, 'pledge.approved_locked');
    p = (await call(tok.canbo, 'GET', `/api/v1/pledges/${p.id}`)).json;
    assert.deepEqual(p.events.map((e) => e.event),
      ['created', 'edited', 'submitted', 'returned', 'resubmitted', 'approved']);
    assert.ok(p.events[1].before, 'the edit keeps what it replaced');
    assert.equal(p.events[1].before.targets[0].target, ducDraft.targets[0].target);
    assert.equal(p.rights.edit, false);
  });
});

describe('the API refuses bad pledges clearly', () => {
  const body = (over = {}) => ({
    movement_id: movement.id, year: 2025, subject: 'person',
    targets: [{ item_id: movement.items?.[0]?.id, measure: 'sessions', target: 3 }], titles: ['advanced_worker'], ...over,
  });
  let items;
  before(async () => {
    const m = await call(tok.vanphong, 'GET', `/api/v1/movements/${movement.id}`);
    items = m.json.items.filter((i) => i.section === 'content');
  });
  const good = (over = {}) => body({ targets: [{ item_id: items[1].id, measure: 'sessions', target: 3 }], ...over });
  const fields = (res) => Object.keys(res.json?.error?.fields ?? {});

  it('a second live pledge for the same year is 409', async () => {
    const res = await call(tok.canbo, 'POST', '/api/v1/pledges', good());
    assert.equal(res.status, 409, res.why);
    assert.equal(res.json.error.code, 'pledge.exists');
  });

  it('a year outside the period, negative or absurd targets, a foreign content item, a title for units: 422 naming the field', async () => {
    const cases = [
      [good({ year: 2019 }), 'year'],
      [good({ year: 2030 }), 'year'],
      [good({ targets: [{ item_id: items[1].id, measure: 'sessions', target: -1 }] }), 'targets[0].target'],
      [good({ targets: [{ item_id: items[1].id, measure: 'cash_vnd', target: 20_000_000_000_000 }] }), 'targets[0].target'],
      [good({ targets: [{ item_id: items[1].id, measure: 'hours', target: 2 }] }), 'targets[0].measure'],
      [good({ targets: [{ item_id: NO_SUCH_ID, measure: 'sessions', target: 2 }] }), 'targets[0].item_id'],
      [good({ titles: ['flag'] }), 'titles'],
    ];
    const before = (await call(tok.lanhdao, 'GET', `/api/v1/pledges?movement=${movement.id}`)).json.items.length;
    for (const [b, field] of cases) {
      const res = await call(tok.lanhdao, 'POST', '/api/v1/pledges', b);
      assert.equal(res.status, 422, `${field}: ${res.why}`);
      assert.ok(fields(res).includes(field), `${field}: ${res.why}`);
    }
    // The next period's draft movement takes no pledges yet.
    const draft = (await call(tok.vanphong, 'GET', '/api/v1/movements')).json.items.find((m) => m.status === 'draft');
    const res = await call(tok.lanhdao, 'POST', '/api/v1/pledges', good({ movement_id: draft.id, year: 2026, targets: [] }));
    assert.equal(res.status, 422, res.why);
    assert.ok(fields(res).includes('movement_id'), res.why);
    const after = await call(tok.lanhdao, 'GET', `/api/v1/pledges?movement=${movement.id}`);
    assert.equal(after.json.items.length, before, 'nothing was written');
  });

  it('a stale version is 409; staff may not pledge for a unit (403)', async () => {
    const p = (await call(tok.lanhdao, 'GET', `/api/v1/pledges?movement=${movement.id}&year=2025`)).json.items[0];
    const res = await call(tok.lanhdao, 'POST', `/api/v1/pledges/${p.id}/withdraw`, { version: p.version - 1 });
    assert.equal(res.status, 409, res.why);
    assert.equal(res.json.error.code, 'edit.stale');
    const unit = await call(tok.canbo, 'POST', '/api/v1/pledges',
      good({ subject: 'unit', unit_id: p.unit_id, year: 2023, titles: ['advanced_collective'] }));
    assert.equal(unit.status, 403, unit.why);
  });

  it('another agency gets 404 for this agency\'s pledges, the same as for ids that do not exist', async () => {
    const p = (await call(tok.vanphong, 'GET', `/api/v1/pledges?movement=${movement.id}&year=2025`)).json.items[0];
    const theirs = await call(tok.vp_khac, 'GET', `/api/v1/pledges/${p.id}`);
    const none = await call(tok.vp_khac, 'GET', `/api/v1/pledges/${NO_SUCH_ID}`);
    assert.equal(theirs.status, 404, theirs.why);
    assert.deepEqual(theirs.json.error, none.json.error);
    assert.ok(!theirs.text.includes('Ban Dân tộc'));
    const missing = await call(tok.vp_khac, 'GET', `/api/v1/pledges/missing?movement=${movement.id}&year=2025`);
    assert.equal(missing.status, 404, missing.why);
    const page = await as(srv, 'vp_khac');
    assert.equal((await page.get(`/pledges/${p.id}`)).status, 404);
  });

  it('the missing list over the API', async () => {
    const res = await call(tok.vanphong, 'GET', `/api/v1/pledges/missing?movement=${movement.id}&year=2025`);
    assert.equal(res.status, 200, res.why);
    assert.equal(res.json.deadline, '2025-03-31');
    assert.equal(res.json.past_deadline, true);
    assert.equal(res.json.units.length, 6);
    const names = res.json.units.flatMap((u) => u.people.filter((x) => x.missing).map((x) => x.full_name)).sort();
    assert.deepEqual(names, ['Lâm Văn Hùng', 'Đinh Thị Mai'].sort());
  });
});

describe('lists as XLSX; covenants', () => {
  it('the pledge list: one row per target, Vietnamese headers, numbers as numbers', async () => {
    const vp = await as(srv, 'vanphong');
    const file = await vp.download(`/pledges/export.xlsx?movement=${movement.id}&year=2024`);
    assert.equal(file.status, 200);
    assert.match(file.disposition, /dang-ky-thi-dua-2024\.xlsx/);
    const { rows } = readSheet(file.body);
    assert.deepEqual(rows[0].slice(0, 10), ['Năm', 'Phong trào', 'Đối tượng', 'Đơn vị', 'Cá nhân', 'Trạng thái',
      'Nội dung thi đua', 'Chỉ tiêu', 'Mục tiêu', 'Đơn vị tính']);
    const pledges = (await call(tok.vanphong, 'GET', `/api/v1/pledges?movement=${movement.id}&year=2024`)).json.items;
    const targets = pledges.reduce((n, p) => n + Math.max(1, p.targets.length), 0);
    assert.equal(rows.length - 1, targets);
    const cash = rows.find((r) => r[4] === 'Đàm Văn Đức' && r[7] === 'Tiền mặt vận động');
    assert.ok(cash, 'his cash target');
    assert.equal(cash[9], 'đồng');
    assert.ok(Number(cash[8]) >= 500000);
  });

  it('the 2025 covenant of the cluster: four parties, seen by every party, not by others', async () => {
    const list = await call(tok.vanphong, 'GET', '/api/v1/covenants?year=2025');
    assert.equal(list.status, 200, list.why);
    assert.equal(list.json.items.length, 1);
    const c = list.json.items[0];
    assert.deepEqual(c.parties.map((p) => p.code), ['BDT', 'SGDDT', 'SVHTTDL', 'SYT']);
    assert.equal(c.signed_on, '2025-02-20');
    const other = await call(tok.vp_khac, 'GET', `/api/v1/covenants/${c.id}`);
    assert.equal(other.status, 404, other.why);
    const twice = await call(tok.vanphong, 'POST', '/api/v1/covenants', { year: 2025, title: 'Lần hai', signed_on: '21/02/2025' });
    assert.equal(twice.status, 409, twice.why);
    const vp = await as(srv, 'vanphong');
    const file = await vp.download('/covenants/export.xlsx?year=2025');
    const { rows } = readSheet(file.body);
    assert.equal(rows.length, 5);
    assert.equal(rows[1][2], c.title);
    // The demo's signed copy, and one more file over the API (checked by content).
    const one = await call(tok.vanphong, 'GET', `/api/v1/covenants/${c.id}`);
    assert.deepEqual(one.json.files.map((f) => [f.file_name, f.content_type]),
      [['Giao-uoc-thi-dua-2025-da-ky.pdf', 'application/pdf']]);
    const send = async (token, name, bytes) => {
      const fd = new FormData();
      fd.append('file', new Blob([bytes]), name);
      fd.append('caption', 'Bản chụp trang ký');
      const r = await fetch(`${srv.url}/api/v1/covenants/${c.id}/files`,
        { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: fd });
      return { status: r.status, json: await r.json().catch(() => null) };
    };
    const pdf = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
    const added = await send(tok.vanphong, 'trang-ky.pdf', pdf);
    assert.equal(added.status, 201, JSON.stringify(added.json));
    assert.equal(added.json.files[0].caption, 'Bản chụp trang ký');
    const fake = await send(tok.vanphong, 'trang-ky.pdf', 'không phải PDF');
    assert.equal(fake.status, 422, JSON.stringify(fake.json));
    assert.equal((await send(tok.vp_khac, 'x.pdf', pdf)).status, 404);
    const page = await vp.get(`/covenants/${c.id}`);
    assert.match(textById(page.html, 'covenant-files'), /Giao-uoc-thi-dua-2025-da-ky\.pdf/);
    assert.deepEqual(findTags(page.html, (t) => t.name === 'li').length > 3, true);
    assert.match(textById(page.html, 'covenant-parties'), /Sở Y tế tỉnh Cao Bằng/);
  });
});
