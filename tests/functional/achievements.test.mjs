// Achievements and progress over HTTP, on the demo data: the demo's records and queue; a
// staff member records their own with a photo through the page form (multipart), the kind
// switch keeps what was typed, refused input comes back as typed with each message under its
// field; the Office verifies and returns from the queue; a verified record is the Office's to
// change (403 for others), stale versions are 409; the API for all of it; the list as XLSX;
// progress pages; evidence served only to those who may read the record; another agency's ids
// are "not found".

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { as, formValues, options, pageText } from '../support/pages.mjs';
import { byId, jarFetch, show, startServer, textById } from '../support/server.mjs';
import { readSheet } from '../support/xlsx.mjs';

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

/** A 1×1 PNG. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
  '1f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex');

let movement;
let contents;
let units;
let people;

before(async () => {
  srv = await startServer({
    demo: true,
    extraAgencies: [{ code: 'SKH', name: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng' }],
    users: [{ login: 'vp_khac', name: 'Văn Phòng Sở Khác', role: 'office', agency: 'SKH' }],
    tokens: [{ login: 'vanphong' }, { login: 'lanhdao' }, { login: 'truongphong' }, { login: 'canbo' },
      { login: 'hoidong' }, { login: 'vp_khac' }],
  });
  Object.assign(tok, srv.tokens);
  const m = await call(tok.vanphong, 'GET', '/api/v1/movements');
  movement = m.json.items.find((x) => x.status !== 'draft');
  const detail = await call(tok.vanphong, 'GET', `/api/v1/movements/${movement.id}`);
  contents = detail.json.items.filter((i) => i.section === 'content');
  units = Object.fromEntries((await call(tok.vanphong, 'GET', '/api/v1/units')).json.items.map((u) => [u.code, u]));
  people = Object.fromEntries((await call(tok.vanphong, 'GET', '/api/v1/people?per_page=100')).json.items
    .map((p) => [p.full_name, p]));
});
after(async () => { await srv?.stop(); });

/** A propaganda session of the staff member Đàm Văn Đức, as JSON. */
function session(extra = {}) {
  return {
    movement_id: movement.id, item_id: contents[1].id, subject: 'person', person_id: people['Đàm Văn Đức'].id,
    kind: 'propaganda', occurred_on: '12/06/2024', title: 'Tuyên truyền tại xóm Nà Mỏ',
    place: 'Nhà văn hóa xóm Nà Mỏ', audience: 'Người dân', sessions: 1, participants: 60, ...extra,
  };
}

describe('the demo', () => {
  it('has a realistic set: mostly verified, some waiting, one returned, one withdrawn, with files', async () => {
    const all = await call(tok.vanphong, 'GET', '/api/v1/achievements?page_size=200');
    assert.equal(all.status, 200, all.why);
    assert.ok(all.json.total >= 150 && all.json.total <= 300, `records: ${all.json.total}`);
    const by = (s) => all.json.items.filter((a) => a.status === s).length;
    assert.ok(by('verified') > all.json.total / 2, `verified: ${by('verified')}`);
    assert.ok(by('submitted') >= 5, `waiting: ${by('submitted')}`);
    assert.equal(by('returned'), 1);
    assert.equal(by('withdrawn'), 1);
    const kinds = new Set(all.json.items.map((a) => a.kind));
    for (const k of ['propaganda', 'resource', 'support_visit', 'role_model', 'other']) assert.ok(kinds.has(k), k);
    assert.ok(all.json.items.some((a) => a.donor_scope === 'outside'), 'donors from outside the province');
    assert.ok(all.json.items.some((a) => a.commune_name === 'Lý Bôn'), 'records in a supported commune');
    assert.ok(all.json.items.some((a) => a.evidence_count > 0), 'evidence files');
    const returned = all.json.items.find((a) => a.status === 'returned');
    assert.match(returned.last_comment, /bổ sung/);
  });

  it('the queue is the Office\'s, oldest submission first, with thumbnails', async () => {
    const vp = await as(srv, 'vanphong');
    const page = await vp.get('/achievements/queue');
    assert.equal(page.status, 200);
    assert.ok(byId(page.html, 'queue-table'), 'queue table');
    assert.match(page.html, /\/evidence\/\d+\/thumb/);
    const staff = await as(srv, 'canbo');
    assert.equal((await staff.get('/achievements/queue')).status, 403);
    const q = await call(tok.vanphong, 'GET', '/api/v1/achievements/queue');
    const at = q.json.items.map((a) => a.submitted_at);
    assert.deepEqual(at, [...at].sort());
  });
});

describe('recording through the pages', () => {
  it('a staff member records their own session with a photo; the form keeps what was typed', async () => {
    const me = await as(srv, 'canbo');
    const form = await me.get('/achievements/new');
    assert.equal(form.status, 200);
    assert.equal(textById(form.html, 'self-name'), 'Đàm Văn Đức');
    assert.ok(options(form.html, 'f-item').some((o) => o.value === String(contents[1].id)));
    // Switching the kind (the form is multipart, as it carries files) keeps the title and
    // shows the resource fields.
    const fd = new FormData();
    for (const [k, v] of Object.entries({ _csrf: me.csrf, kind: 'resource', item_id: contents[2].id,
      occurred_on: '01/03/2024', title: 'Vận động ủng hộ xi măng' })) fd.set(k, String(v));
    const sw = await jarFetch(me.jar, `${srv.url}/achievements/form`, { method: 'POST', body: fd });
    const switched = { status: sw.status, html: await sw.text() };
    assert.equal(switched.status, 200, switched.html.slice(0, 300));
    assert.equal(formValues(switched.html, 'achievement-form').title, 'Vận động ủng hộ xi măng');
    assert.ok(byId(switched.html, 'f-cash'), 'cash field');
    assert.ok(!byId(switched.html, 'f-sessions'), 'no sessions field for a resource');

    const send = async (fields, file) => {
      const fd = new FormData();
      fd.set('_csrf', me.csrf);
      for (const [k, v] of Object.entries(fields)) fd.set(k, String(v));
      if (file) fd.set('evidence', new Blob([file.bytes]), file.name);
      const r = await jarFetch(me.jar, `${srv.url}/achievements`, { method: 'POST', body: fd });
      return { status: r.status, html: await r.text(), location: r.headers.get('location') };
    };
    const fields = {
      kind: 'propaganda', item_id: contents[1].id, occurred_on: '15/05/2024', title: 'Tuyên truyền tại xóm Nà Đon',
      place: 'Nhà văn hóa xóm Nà Đon', audience: 'Bà con', sessions: '1', participants: '-3', action: 'submit',
    };
    // Refused: the message under its field, the form as typed, nothing saved.
    const before = (await call(tok.canbo, 'GET', '/api/v1/achievements')).json.total;
    const bad = await send(fields, { bytes: PNG, name: 'anh.png' });
    assert.equal(bad.status, 422, bad.html.slice(0, 300));
    assert.match(pageText(bad.html), /Không được là số âm/);
    assert.equal(formValues(bad.html, 'achievement-form').participants, '-3');
    assert.equal(formValues(bad.html, 'achievement-form').title, 'Tuyên truyền tại xóm Nà Đon');
    assert.equal((await call(tok.canbo, 'GET', '/api/v1/achievements')).json.total, before);
    // A file that is not a picture: refused too.
    const fake = await send({ ...fields, participants: '48' }, { bytes: Buffer.from('MZ not an image'), name: 'anh.png' });
    assert.equal(fake.status, 422);
    const ok = await send({ ...fields, participants: '48' }, { bytes: PNG, name: 'ảnh buổi họp.png' });
    assert.equal(ok.status, 303, ok.html.slice(0, 500));
    const id = Number(/\/achievements\/(\d+)/.exec(ok.location)[1]);
    const page = await me.get(`/achievements/${id}`);
    assert.equal(textById(page.html, 'achievement-status'), 'Chờ xác nhận');
    assert.match(page.html, /ảnh buổi họp\.png/);
    const detail = await call(tok.canbo, 'GET', `/api/v1/achievements/${id}`);
    assert.equal(detail.json.evidence.length, 1);
    const ev = detail.json.evidence[0];
    assert.equal(ev.content_type, 'image/png');

    // The file goes to those who may read the record, not to a colleague or another agency.
    assert.equal((await me.download(`/evidence/${ev.id}`)).status, 200);
    const office = await as(srv, 'vanphong');
    assert.equal((await office.download(`/evidence/${ev.id}`)).status, 200);
    const council = await as(srv, 'hoidong');
    assert.equal((await council.download(`/evidence/${ev.id}`)).status, 200);
    const head = await as(srv, 'truongphong');  // heads another unit (Kế hoạch - Tổng hợp)
    assert.equal((await head.download(`/evidence/${ev.id}`)).status, 404);
    assert.equal((await head.get(`/achievements/${id}`)).status, 404);
    const stranger = await as(srv, 'vp_khac');
    assert.equal((await stranger.download(`/evidence/${ev.id}`)).status, 404);

    // The Office verifies it from the queue (htmx answers with the row).
    await office.get('/achievements/queue');
    const row = await jarFetch(office.jar, `${srv.url}/achievements/${id}/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'hx-request': 'true', 'x-csrf-token': office.csrf ?? '' },
      body: new URLSearchParams({ version: String(detail.json.version), row: 'queue' }).toString(),
    });
    const rowHtml = await row.text();
    assert.equal(row.status, 200, rowHtml);
    assert.match(rowHtml, /Đã xác nhận/);
    assert.ok(!/name="pick"/.test(rowHtml), 'no checkbox once done');
    // The same click again (another tab, a slow network): the row says it was handled already.
    const again = await jarFetch(office.jar, `${srv.url}/achievements/${id}/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'hx-request': 'true', 'x-csrf-token': office.csrf ?? '' },
      body: new URLSearchParams({ version: String(detail.json.version), row: 'queue' }).toString(),
    });
    assert.equal(again.status, 200);
    assert.match(await again.text(), /không còn chờ xác nhận/);

    // Now verified: the staff member's edit is refused with a clear message.
    const edit = await me.get(`/achievements/${id}/edit`);
    assert.equal(edit.status, 403);
    assert.match(pageText(edit.html), /chỉ Văn phòng được sửa/);
  });

  it('the Office returns with a comment; without one the form says so', async () => {
    const a = await call(tok.canbo, 'POST', '/api/v1/achievements', session({ submit: true }));
    assert.equal(a.status, 201, a.why);
    const office = await as(srv, 'vanphong');
    await office.get(`/achievements/${a.json.id}`);
    const none = await office.post(`/achievements/${a.json.id}/return`, { version: a.json.version, comment: ' ' });
    assert.equal(none.status, 422);
    assert.match(pageText(none.html), /Vui lòng ghi ý kiến/);
    const back = await office.post(`/achievements/${a.json.id}/return`,
      { version: a.json.version, comment: 'Thiếu danh sách người tham dự.' });
    assert.equal(back.status, 303);
    const me = await as(srv, 'canbo');
    const page = await me.get(`/achievements/${a.json.id}`);
    assert.match(textById(page.html, 'returned-comment'), /Thiếu danh sách người tham dự/);
    assert.ok(byId(page.html, 'submit-achievement'), 'resubmit offered');
    assert.match(pageText(page.html), /Trả lại — Nông Thị Hoa/);
  });

  it('the Office edits a verified record on its page; the same form sent again is 409, shown as typed', async () => {
    const a = await call(tok.canbo, 'POST', '/api/v1/achievements', session({ submit: true }));
    const v = await call(tok.vanphong, 'POST', `/api/v1/achievements/${a.json.id}/verify`, { version: a.json.version });
    assert.equal(v.status, 200, v.why);
    const office = await as(srv, 'vanphong');
    const form = await office.get(`/achievements/${a.json.id}/edit`);
    assert.equal(form.status, 200);
    const values = formValues(form.html, 'achievement-form');
    assert.equal(values.participants, '60');
    const send = async (fields) => {
      const fd = new FormData();
      for (const [k, x] of Object.entries(fields)) fd.set(k, String(x));
      const r = await jarFetch(office.jar, `${srv.url}/achievements/${a.json.id}`, { method: 'POST', body: fd });
      return { status: r.status, html: await r.text() };
    };
    const first = await send({ ...values, participants: '64' });
    assert.equal(first.status, 303, first.html.slice(0, 300));
    const again = await send({ ...values, participants: '99' });
    assert.equal(again.status, 409);
    assert.match(pageText(again.html), /đã được người khác sửa/);
    assert.equal(formValues(again.html, 'achievement-form').participants, '99');
    const d = await call(tok.vanphong, 'GET', `/api/v1/achievements/${a.json.id}`);
    assert.equal(d.json.participants, 64);
    assert.equal(d.json.status, 'verified');
    assert.deepEqual(d.json.events.map((e) => e.event), ['created', 'submitted', 'verified', 'edited']);
  });

  it('the list: tabs, filters, paging, XLSX', async () => {
    const office = await as(srv, 'vanphong');
    const list = await office.get('/achievements?kind=resource&year=2024');
    assert.equal(list.status, 200);
    assert.ok(byId(list.html, 'achievement-table'));
    assert.ok(byId(list.html, 'scope-all'));
    const staff = await as(srv, 'canbo');
    const mine = await staff.get('/achievements');
    assert.ok(byId(mine.html, 'scope-mine'));
    assert.ok(!byId(mine.html, 'scope-all'), 'staff see their own');
    const x = await office.download('/achievements/export.xlsx?kind=resource');
    assert.equal(x.status, 200);
    assert.match(x.type, /spreadsheetml/);
    const { rows, dateCells } = readSheet(x.body);
    assert.equal(rows[0][0], 'Ngày');
    assert.ok(rows[0].includes('Nhà tài trợ'));
    assert.ok(rows.length > 10, `rows: ${rows.length}`);
    assert.ok(rows.slice(1).every((r) => r[5] === 'Huy động nguồn lực'), 'only resources');
    assert.ok(dateCells.has('1,0'), 'dates are real Excel dates');
  });
});

describe('the API', () => {
  it('create, edit with history, 409 on a stale version, 403 and 422 as they should', async () => {
    const a = await call(tok.canbo, 'POST', '/api/v1/achievements', session());
    assert.equal(a.status, 201, a.why);
    assert.equal(a.json.status, 'draft');
    const edited = await call(tok.canbo, 'PUT', `/api/v1/achievements/${a.json.id}`,
      { ...session({ participants: 75 }), version: a.json.version });
    assert.equal(edited.status, 200, edited.why);
    const stale = await call(tok.canbo, 'PUT', `/api/v1/achievements/${a.json.id}`,
      { ...session({ title: 'Ghi đè' }), version: a.json.version });
    assert.equal(stale.status, 409, stale.why);
    const d = await call(tok.canbo, 'GET', `/api/v1/achievements/${a.json.id}`);
    assert.equal(d.json.title, 'Tuyên truyền tại xóm Nà Mỏ');
    const edit = d.json.events.find((e) => e.event === 'edited');
    assert.equal(edit.before.participants, 60);

    const bad = await call(tok.canbo, 'POST', '/api/v1/achievements', session({
      occurred_on: '01/01/2030', participants: 20000000, commune_id: 999999,
    }));
    assert.equal(bad.status, 422, bad.why);
    const fields = bad.json.error.fields;
    assert.match(fields.occurred_on, /không được sau hôm nay/);
    assert.match(fields.participants, /Số quá lớn/);
    const stray = await call(tok.canbo, 'POST', '/api/v1/achievements', session({ commune_id: 999999 }));
    assert.equal(stray.status, 422, stray.why);
    assert.match(stray.json.error.fields.commune_id, /không được phân công/);
    const noCommune = await call(tok.canbo, 'POST', '/api/v1/achievements',
      session({ kind: 'support_visit', commune_id: null }));
    assert.equal(noCommune.status, 422);
    assert.deepEqual(Object.keys(noCommune.json.error.fields), ['commune_id']);
    const noMoney = await call(tok.vanphong, 'POST', '/api/v1/achievements', {
      movement_id: movement.id, item_id: contents[2].id, subject: 'unit', unit_id: units.CSDT.id, kind: 'resource',
      occurred_on: '01/02/2024', title: 'Không có gì', donor_kind: 'person', donor_name: 'X', donor_scope: 'inside',
    });
    assert.equal(noMoney.status, 422);
    assert.match(noMoney.json.error.fields.cash_vnd, /ít nhất một khoản/);

    // Staff may not record for a unit, nor verify.
    const unitRec = await call(tok.canbo, 'POST', '/api/v1/achievements', {
      ...session(), subject: 'unit', unit_id: units.CSDT.id,
    });
    assert.equal(unitRec.status, 403, unitRec.why);
    const sub = await call(tok.canbo, 'POST', `/api/v1/achievements/${a.json.id}/submit`, { version: edited.json.version });
    assert.equal(sub.status, 200, sub.why);
    const verifyByStaff = await call(tok.canbo, 'POST', `/api/v1/achievements/${a.json.id}/verify`, { version: sub.json.version });
    assert.equal(verifyByStaff.status, 403);
    const bulk = await call(tok.vanphong, 'POST', '/api/v1/achievements/verify',
      { items: [{ id: a.json.id, version: sub.json.version }] });
    assert.equal(bulk.status, 200, bulk.why);
    assert.equal(bulk.json.verified, 1);
    const after = await call(tok.canbo, 'PUT', `/api/v1/achievements/${a.json.id}`,
      { ...session(), version: sub.json.version + 1 });
    assert.equal(after.status, 403, after.why);
    assert.equal(after.json.error.code, 'achievement.verified_office_only');
    const wd = await call(tok.vanphong, 'POST', `/api/v1/achievements/${a.json.id}/withdraw`,
      { version: sub.json.version + 1, comment: 'Ghi nhầm' });
    assert.equal(wd.status, 200, wd.why);
    assert.equal(wd.json.status, 'withdrawn');
  });

  it('evidence by multipart, withdrawn with a reason', async () => {
    const a = await call(tok.canbo, 'POST', '/api/v1/achievements', session());
    const fd = new FormData();
    fd.set('file', new Blob([PNG]), 'anh.png');
    fd.set('caption', 'Ảnh chụp');
    const r = await fetch(`${srv.url}/api/v1/achievements/${a.json.id}/evidence`, {
      method: 'POST', headers: { authorization: `Bearer ${tok.canbo}` }, body: fd,
    });
    const added = await r.json();
    assert.equal(r.status, 201, JSON.stringify(added));
    const ev = added.evidence[0];
    const w = await call(tok.canbo, 'POST', `/api/v1/achievements/${a.json.id}/evidence/${ev.id}/withdraw`,
      { reason: 'Nhầm ảnh' });
    assert.equal(w.status, 200, w.why);
    assert.equal(w.json.status, 'withdrawn');
  });

  it('another agency\'s Office sees none of it', async () => {
    const some = (await call(tok.vanphong, 'GET', '/api/v1/achievements?page_size=1')).json.items[0];
    for (const [method, p, body] of [['GET', `/api/v1/achievements/${some.id}`],
      ['PUT', `/api/v1/achievements/${some.id}`, { ...session(), version: some.version }],
      ['POST', `/api/v1/achievements/${some.id}/verify`, { version: some.version }],
      ['GET', `/api/v1/progress/units/${units.CSDT.id}`],
      ['GET', `/api/v1/progress/people/${people['Đàm Văn Đức'].id}`]]) {
      const res = await call(tok.vp_khac, method, p, body);
      assert.equal(res.status, 404, res.why);
      assert.ok(!res.text.includes('Đàm Văn Đức'), res.why);
    }
    const list = await call(tok.vp_khac, 'GET', '/api/v1/achievements');
    assert.equal(list.json.total, 0);
  });
});

describe('progress', () => {
  it('a unit: its pledge against verified records, with bars; the same numbers in the API', async () => {
    const api = await call(tok.vanphong, 'GET', `/api/v1/progress/units/${units.CSDT.id}?movement=${movement.id}&year=2024`);
    assert.equal(api.status, 200, api.why);
    assert.ok(api.json.records > 0);
    const verified = await call(tok.vanphong, 'GET',
      `/api/v1/achievements?unit=${units.CSDT.id}&movement=${movement.id}&year=2024&status=verified&page_size=200`);
    assert.equal(api.json.records, verified.json.total);
    const sessions = verified.json.items.reduce((n, a) => n + (a.sessions ?? 0), 0);
    const line = api.json.lines.filter((l) => l.measure === 'sessions').reduce((n, l) => n + l.achieved, 0);
    assert.ok(line <= sessions && line > 0, `sessions: ${line} of ${sessions}`);
    const office = await as(srv, 'vanphong');
    const page = await office.get(`/progress/units/${units.CSDT.id}?movement=${movement.id}&year=2024`);
    assert.equal(page.status, 200);
    assert.ok(byId(page.html, 'progress-table'));
    assert.match(page.html, /<svg class="progress-svg"/);
    const again = await office.get(`/progress/units/${units.CSDT.id}?movement=${movement.id}&year=2024`);
    assert.equal(again.html.replace(/csrf[^"]*"[^"]*"/g, ''), page.html.replace(/csrf[^"]*"[^"]*"/g, ''));
  });

  it('the overview is the Office\'s and the leaders\'; staff land on their unit', async () => {
    const leader = await as(srv, 'lanhdao');
    const o = await leader.get(`/progress?movement=${movement.id}&year=2025`);
    assert.equal(o.status, 200);
    assert.ok(byId(o.html, 'progress-overview'));
    const staff = await as(srv, 'canbo');
    const s = await staff.get('/progress');
    assert.equal(s.status, 303);
    assert.equal(s.location, `/progress/units/${units.CSDT.id}`);
    const other = await staff.get(`/progress/units/${units.KHTH.id}`);
    assert.equal(other.status, 403);
    const y = await call(tok.vanphong, 'GET', `/api/v1/progress/units/${units.CSDT.id}?year=2019`);
    assert.equal(y.status, 422);
  });
});
