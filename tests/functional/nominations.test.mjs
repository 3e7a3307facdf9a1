// Nominations and the council's ballot over HTTP, on the demo data: the Office lists the 2025
// nominations with filters and reads one with its dossier and history; a council member votes
// through the API on the open item of the demo's session in progress (204, no counts), a second
// vote is 409, a choice that is neither is 422, staff who are not members are refused; nobody
// sees the count before the secretary closes the item; another agency's Office sees none of it;
// the minutes come as DOCX and PDF; the public list of candidates needs no login.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { as } from '../support/pages.mjs';
import { show, startServer } from '../support/server.mjs';

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

before(async () => {
  srv = await startServer({
    demo: true,
    extraAgencies: [{ code: 'SKH', name: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng' }],
    users: [{ login: 'vp_khac', name: 'Văn Phòng Sở Khác', role: 'office', agency: 'SKH' }],
    tokens: [{ login: 'vanphong' }, { login: 'hoidong' }, { login: 'canbo' }, { login: 'vp_khac' }],
  });
  Object.assign(tok, srv.tokens);
});
after(async () => { await srv?.stop(); });

/** The demo's session in progress and its open item, read from its page as the Office. */
async function openItem() {
  const list = await fetch(`${srv.url}/api/v1/nominations?year=2025&status=accepted`, {
    headers: { authorization: `Bearer ${tok.vanphong}` },
  }).then((r) => r.json());
  const thu = list.items.find((n) => n.subject_name === 'Bế Thị Thu');
  const one = await call(tok.vanphong, 'GET', `/api/v1/nominations/${thu.id}`);
  return { nomination: one.json, session: one.json.session_id };
}

describe('nominations and the secret ballot over HTTP', () => {
  it('the Office lists the year\'s nominations with filters and reads one with its dossier', async () => {
    const all = await call(tok.vanphong, 'GET', '/api/v1/nominations?year=2025');
    assert.equal(all.status, 200, all.why);
    assert.ok(all.json.total >= 9, all.why);
    // The council approved Lâm Văn Hùng; decision 45/QĐ-BDT, issued from its approved
    // nominations, decided him.
    const decided = await call(tok.vanphong, 'GET', '/api/v1/nominations?year=2025&status=decided');
    assert.ok(decided.json.items.every((n) => n.status === 'decided'), decided.why);
    assert.ok(decided.json.items.some((n) => n.subject_name === 'Lâm Văn Hùng'));
    const cstdcs = await call(tok.vanphong, 'GET', '/api/v1/nominations?form=grassroots_fighter');
    assert.deepEqual(cstdcs.json.items.map((n) => n.subject_name).sort(), ['Lâm Văn Hùng', 'Đàm Văn Đức'].sort());
    const hung = cstdcs.json.items.find((n) => n.subject_name === 'Lâm Văn Hùng');
    const one = await call(tok.vanphong, 'GET', `/api/v1/nominations/${hung.id}`);
    assert.equal(one.status, 200, one.why);
    assert.equal(one.json.council_result, 'passed');
    assert.deepEqual(one.json.dossier.map((d) => d.code),
      ['submission', 'achievement_report', 'council_minutes', 'ballot_result', 'initiative_certificate']);
    assert.match(one.json.achievement_report, /BÁO CÁO THÀNH TÍCH/);
    assert.deepEqual(one.json.history.map((h) => h.event), ['created', 'submitted', 'accepted', 'approved', 'decided']);
    assert.match(one.json.history[3].reason, /6\/6 phiếu đồng ý/);
    // Another agency's Office: the nomination does not exist.
    const other = await call(tok.vp_khac, 'GET', `/api/v1/nominations/${hung.id}`);
    assert.equal(other.status, 404, other.why);
  });

  it('a member votes once through the API; the answer and the nomination say nothing of the count', async () => {
    const { nomination, session } = await openItem();
    assert.ok(session, 'Bế Thị Thu is on the agenda of the session in progress');
    assert.equal(nomination.council_item_status, 'open');
    const itemId = nomination.council_item_id;
    const bad = await call(tok.hoidong, 'POST', `/api/v1/council-sessions/${session}/items/${itemId}/vote`, { choice: 'maybe' });
    assert.equal(bad.status, 422, bad.why);
    const staff = await call(tok.canbo, 'POST', `/api/v1/council-sessions/${session}/items/${itemId}/vote`, { choice: 'approve' });
    assert.equal(staff.status, 404, `staff outside the council do not see the session: ${staff.why}`);
    const first = await call(tok.hoidong, 'POST', `/api/v1/council-sessions/${session}/items/${itemId}/vote`, { choice: 'approve' });
    assert.equal(first.status, 204, first.why);
    assert.equal(first.text, '');
    const second = await call(tok.hoidong, 'POST', `/api/v1/council-sessions/${session}/items/${itemId}/vote`, { choice: 'disapprove' });
    assert.equal(second.status, 409, second.why);
    assert.equal(second.json.error.code, 'council_session.already_voted');
    const after = await call(tok.vanphong, 'GET', `/api/v1/nominations/${nomination.id}`);
    assert.equal(after.json.status, 'accepted');
    assert.equal(after.json.council_result, '');
    assert.ok(!/approvals|disapprovals/.test(after.text), after.text);
  });

  it('the minutes as DOCX and PDF; the public list of candidates without a login', async () => {
    const { session } = await openItem();
    const office = await as(srv, 'vanphong');
    for (const [ext, type] of [['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['pdf', 'application/pdf']]) {
      const d = await office.download(`/council-sessions/${session}/minutes.${ext}`);
      assert.equal(d.status, 200, ext);
      assert.equal(d.type, type);
    }
    const xlsx = await office.download('/nominations/export.xlsx?year=2025&status=decided');
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // The session in progress: its item is not counted in the minutes yet.
    const page = await office.get(`/council-sessions/${session}`);
    assert.match(page.html, /1\/5<\/strong> thành viên đã bỏ phiếu/);
    assert.ok(!/id="tally-/.test(page.html), 'no count before the item is closed');
    const pub = await fetch(`${srv.url}/public/council-sessions/${session}/candidates`);
    const html = await pub.text();
    assert.equal(pub.status, 200, html.slice(0, 300));
    assert.match(html, /Bế Thị Thu/);
    assert.ok(!/Đồng ý:/.test(html), 'no counts on the public page');
  });
});
