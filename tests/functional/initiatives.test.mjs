// The register of initiatives over HTTP, on the demo data: the list searched without diacritics
// and filtered; a new initiative with every refusal a clerk can meet (shares, a person of
// another agency, a duplicate author, recognition dates, a level without a decision number),
// the form coming back as typed; use once as a basis per author, refused with a message that
// names the earlier use, released and used again; staff registering their own; the Excel
// export; the API with its version check; another agency seeing nothing.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { as, fieldError, formValues, pageText } from '../support/pages.mjs';
import { byId, show, startServer, textById } from '../support/server.mjs';
import { readSheet } from '../support/xlsx.mjs';

let srv;
const tok = {};
let office;   // vanphong's browser
let staff;    // canbo's browser (Đàm Văn Đức)
const ids = {};

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

const fieldsOf = (res) => Object.keys(res.json?.error?.fields ?? {});

/** The form fields of a new initiative as a browser posts them. */
function formFields(over = {}) {
  return {
    kind: 'initiative',
    title: 'Ứng dụng bản đồ số các xã phụ trách để theo dõi tiêu chí nông thôn mới',
    field: 'Xây dựng nông thôn mới',
    summary: 'Bản đồ số đánh dấu các tiêu chí đã đạt, chưa đạt của từng xã.',
    applied_from: '01/02/2025',
    scope: 'Các xã Ban phụ trách',
    effect: 'Lãnh đạo Ban nắm được tiến độ từng xã trong một trang.',
    movement_id: '',
    recognition_level: 'base',
    recognition_body: 'Ban Dân tộc tỉnh Cao Bằng',
    recognition_number: '41/QĐ-BDT',
    recognition_date: '20/06/2025',
    author: ['Hoàng Thị Lan (BDT005)', 'Trieu Thi Anh', ''],
    share: ['60', '40', ''],
    version: '0',
    ...over,
  };
}

before(async () => {
  srv = await startServer({
    demo: true,
    extraAgencies: [{ code: 'SKH', name: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng' }],
    users: [{ login: 'vp_khac', name: 'Văn Phòng Sở Khác', role: 'office', agency: 'SKH' }],
    tokens: [{ login: 'vanphong' }, { login: 'canbo' }, { login: 'lanhdao' }, { login: 'vp_khac' }],
  });
  Object.assign(tok, srv.tokens);
  office = await as(srv, 'vanphong');
  staff = await as(srv, 'canbo');
  // A person of the other agency, to try as an author.
  const unit = await call(tok.vp_khac, 'POST', '/api/v1/units', { code: 'VP', kind: 'office', name: 'Văn phòng Sở', valid_from: '01/01/2021' });
  assert.equal(unit.status, 201, unit.why);
  const p = await call(tok.vp_khac, 'POST', '/api/v1/people', {
    full_name: 'Hoàng Văn Khác', code: 'SKH001', gender: 'male', employment: 'civil_servant', unit_id: unit.json.id,
  });
  assert.equal(p.status, 201, p.why);
  ids.foreign = p.json.id;
});
after(async () => { await srv?.dispose(); });

describe('the demo register', () => {
  it('lists the agency\'s six initiatives, newest first, with their uses', async () => {
    const list = await call(tok.vanphong, 'GET', '/api/v1/initiatives');
    assert.equal(list.status, 200, list.why);
    assert.equal(list.json.total, 6);
    const years = list.json.items.map((i) => i.year);
    assert.deepEqual(years, [...years].sort((a, b) => b - a));
    const sheet = list.json.items.find((i) => i.title.startsWith('Số hóa quy trình'));
    assert.equal(sheet.recognition_number, '98/QĐ-BDT');
    assert.deepEqual(sheet.authors.map((a) => [a.name, a.share]), [['Đàm Văn Đức', 70], ['Triệu Thị Ánh', 30]]);
    assert.equal(sheet.live_uses, 1);
    ids.sheet = sheet.id;
    ids.loudspeaker = list.json.items.find((i) => i.title.startsWith('Tuyên truyền chính sách')).id;
    const topic = list.json.items.find((i) => i.kind === 'research_topic');
    assert.equal(topic.recognition_level, 'base');
  });

  it('shows on the page what an initiative was used for: live and released, who and when', async () => {
    const page = await office.get(`/initiatives/${ids.loudspeaker}`);
    assert.equal(page.status, 200);
    const uses = textById(page.html, 'use-table');
    assert.match(uses, /Chiến sĩ thi đua cơ sở/);
    assert.match(uses, /Đã giải phóng/);
    assert.match(uses, /dưới 80%/);
    assert.match(uses, /Giấy khen/);
    assert.match(uses, /Lương Văn Thành/);
    assert.match(uses, /Nông Thị Hoa/, 'who recorded it');
    assert.match(textById(page.html, 'initiative-history'), /Giải phóng lần dùng/);
    assert.match(textById(page.html, 'recognition'), /112\/QĐ-BDT/);
  });

  it('finds initiatives ignoring diacritics, by title or author, and filters by year, level, field, author', async () => {
    let page = await office.get('/initiatives?q=tieng+tay');
    assert.equal(textById(page.html, 'initiative-count'), 'Số sáng kiến: 1');
    assert.match(textById(page.html, 'initiative-table'), /tiếng Tày, Nùng, Mông/);
    page = await office.get('/initiatives?q=DAM+VAN+DUC');
    assert.equal(textById(page.html, 'initiative-count'), 'Số sáng kiến: 3');
    page = await office.get('/initiatives?level=province');
    assert.equal(textById(page.html, 'initiative-count'), 'Số sáng kiến: 1');
    assert.match(textById(page.html, 'initiative-table'), /Ca Thành/);
    page = await office.get(`/initiatives?year=2024&field=${encodeURIComponent('Chính sách dân tộc')}`);
    assert.equal(textById(page.html, 'initiative-count'), 'Số sáng kiến: 1');
    const hung = (await call(tok.vanphong, 'GET', `/api/v1/initiatives/${ids.loudspeaker}`)).json.authors
      .find((a) => a.name === 'Lâm Văn Hùng').person_id;
    page = await office.get(`/initiatives?author=${hung}`);
    assert.equal(textById(page.html, 'initiative-count'), 'Số sáng kiến: 2');
    page = await office.get('/initiatives?q=khong+co+sang+kien+nay');
    assert.ok(byId(page.html, 'initiative-empty'));
  });

  it('exports the filtered list to Excel: one row per initiative, authors joined, uses', async () => {
    const x = await office.download(`/initiatives/export.xlsx?field=${encodeURIComponent('Công tác tuyên truyền')}`);
    assert.equal(x.status, 200);
    assert.match(x.type, /spreadsheetml/);
    const { rows, dateCells } = readSheet(x.body);
    assert.equal(rows[0][0], 'Tên sáng kiến, đề tài');
    assert.equal(rows.length, 3, 'header and two initiatives');
    const loud = rows.find((r) => r[0].startsWith('Tuyên truyền chính sách'));
    assert.equal(loud[2], 'Lương Văn Thành (50%); Đàm Văn Đức (30%); Lâm Văn Hùng (20%)');
    assert.equal(loud[9], '112/QĐ-BDT');
    assert.match(loud[12], /Chiến sĩ thi đua cơ sở năm 2023 \(Lương Văn Thành\) — đã giải phóng; Giấy khen năm 2023/);
    assert.ok(dateCells.has(`${rows.indexOf(loud)},10`), 'the decision date is a real date');
  });
});

describe('registering an initiative in the form', () => {
  it('refuses shares that do not add up to 100, with the form as typed', async () => {
    await office.get('/initiatives/new');
    const res = await office.post('/initiatives', formFields({ share: ['60', '30', ''] }));
    assert.equal(res.status, 422);
    assert.match(fieldError(res.html, 'authors'), /100%.*90%/);
    const typed = formValues(res.html, 'initiative-form');
    assert.equal(typed.title, formFields().title);
    assert.equal(typed.recognition_number, '41/QĐ-BDT');
    assert.equal(byId(res.html, 'a-person-1').attrs.value, 'Trieu Thi Anh');
    assert.equal(byId(res.html, 'a-share-1').attrs.value, '30');
  });

  it('refuses a person of another agency and a duplicate author under their rows', async () => {
    let res = await office.post('/initiatives', formFields({ author: ['Hoàng Thị Lan (BDT005)', 'Hoàng Văn Khác (SKH001)'] }));
    assert.equal(res.status, 422);
    assert.match(fieldError(res.html, 'a-person-1'), /Không tìm thấy cán bộ này trong cơ quan/);
    res = await office.post('/initiatives', formFields({ author: ['BDT005', 'Hoàng Thị Lan (BDT005)'] }));
    assert.equal(res.status, 422);
    assert.match(fieldError(res.html, 'a-person-1'), /đã có ở dòng trên/);
  });

  it('refuses a recognition in the future, before the date applied, or without a decision number', async () => {
    let res = await office.post('/initiatives', formFields({ recognition_date: '01/01/2099' }));
    assert.equal(res.status, 422);
    assert.match(fieldError(res.html, 'recognition_date'), /chưa tới/);
    res = await office.post('/initiatives', formFields({ recognition_date: '01/01/2025' }));
    assert.equal(res.status, 422);
    assert.match(fieldError(res.html, 'recognition_date'), /trước ngày áp dụng/);
    res = await office.post('/initiatives', formFields({ recognition_number: '' }));
    assert.equal(res.status, 422);
    assert.match(fieldError(res.html, 'recognition_number'), /số quyết định/);
    const list = await call(tok.vanphong, 'GET', '/api/v1/initiatives');
    assert.equal(list.json.total, 6, 'nothing was written');
  });

  it('registers a valid one and shows it', async () => {
    const res = await office.post('/initiatives', formFields());
    assert.equal(res.status, 303, res.html.slice(0, 400));
    assert.match(res.location, /^\/initiatives\/\d+$/);
    ids.map = Number(res.location.split('/').pop());
    const page = await office.get(res.location);
    assert.equal(textById(page.html, 'initiative-title'), formFields().title);
    assert.match(textById(page.html, 'author-table'), /Hoàng Thị Lan.*60%.*Triệu Thị Ánh.*40%/);
    assert.match(pageText(page.html), /Đã đăng ký sáng kiến/);
  });

  it('in English, the refusal is in English', async () => {
    const en = await as(srv, 'vanphong', { lang: 'en' });
    await en.get('/initiatives/new');
    const res = await en.post('/initiatives', formFields({ share: ['50', '20', ''] }));
    assert.equal(res.status, 422);
    assert.match(fieldError(res.html, 'authors'), /add up to 100% \(they add up to 70%\)/);
  });
});

describe('used once as a basis per author', () => {
  it('refuses a second use by the same author, naming what it was used for', async () => {
    const d = (await call(tok.vanphong, 'GET', `/api/v1/initiatives/${ids.loudspeaker}`)).json;
    const thanh = d.authors.find((a) => a.name === 'Lương Văn Thành').person_id;
    ids.thanh = thanh;
    await office.get(`/initiatives/${ids.loudspeaker}`);
    const res = await office.post(`/initiatives/${ids.loudspeaker}/uses`,
      { person_id: String(thanh), basis: 'title:grassroots_fighter', basis_other: '', year: '2024', note: '' });
    assert.equal(res.status, 409);
    const msg = textById(res.html, 'use-error');
    assert.match(msg, /đã được dùng làm căn cứ cho hình thức khen thưởng “Giấy khen” năm 2023 của Lương Văn Thành/);
    assert.equal(formValues(res.html, 'use-form').year, '2024', 'the form as typed');
  });

  it('releases the use, after which the author can use it again', async () => {
    const d = (await call(tok.vanphong, 'GET', `/api/v1/initiatives/${ids.loudspeaker}`)).json;
    const live = d.uses.find((u) => u.live && u.person_id === ids.thanh);
    let res = await office.post(`/initiatives/${ids.loudspeaker}/uses/${live.id}/release`, { reason: '' });
    assert.equal(res.status, 422);
    assert.match(fieldError(res.html, `reason-${live.id}`), /Vui lòng nhập/);
    res = await office.post(`/initiatives/${ids.loudspeaker}/uses/${live.id}/release`, { reason: 'Quyết định khen thưởng bị thu hồi' });
    assert.equal(res.status, 303);
    res = await office.post(`/initiatives/${ids.loudspeaker}/uses`,
      { person_id: String(ids.thanh), basis: 'title:grassroots_fighter', basis_other: '', year: '2024', note: 'Đề nghị CSTĐCS 2024' });
    assert.equal(res.status, 303);
    const after2 = (await call(tok.vanphong, 'GET', `/api/v1/initiatives/${ids.loudspeaker}`)).json;
    assert.deepEqual(after2.uses.filter((u) => u.live).map((u) => [u.person_name, u.basis_ref, u.year]),
      [['Lương Văn Thành', 'grassroots_fighter', 2024]]);
  });

  it('over the API: 409 for a second live use, 422 for someone who is not an author', async () => {
    const again = await call(tok.vanphong, 'POST', `/api/v1/initiatives/${ids.sheet}/uses`,
      { person_id: (await call(tok.vanphong, 'GET', `/api/v1/initiatives/${ids.sheet}`)).json.authors[0].person_id,
        basis_kind: 'form', basis_ref: 'diploma_of_merit', year: 2025 });
    assert.equal(again.status, 409, again.why);
    assert.equal(again.json.error.code, 'initiative.already_used');
    assert.match(again.json.error.message, /Chiến sĩ thi đua cơ sở.*2024.*Đàm Văn Đức/);
    const outsider = await call(tok.vanphong, 'POST', `/api/v1/initiatives/${ids.sheet}/uses`,
      { person_id: ids.thanh, basis_kind: 'title', basis_ref: 'advanced_worker', year: 2025 });
    assert.equal(outsider.status, 422, outsider.why);
    assert.deepEqual(fieldsOf(outsider), ['person_id']);
    const byStaff = await call(tok.canbo, 'POST', `/api/v1/initiatives/${ids.sheet}/uses`,
      { basis_kind: 'other', basis_ref: 'x', year: 2025 });
    assert.equal(byStaff.status, 403, byStaff.why);
  });
});

describe('staff register their own', () => {
  it('the form starts with them as the sole author and shows no recognition fields', async () => {
    const page = await staff.get('/initiatives/new');
    assert.equal(page.status, 200);
    assert.equal(byId(page.html, 'a-person-0').attrs.value, 'Đàm Văn Đức (BDT006)');
    assert.equal(byId(page.html, 'a-share-0').attrs.value, '100');
    assert.equal(byId(page.html, 'recognition-fields'), null);
  });

  it('refuses recognition from staff, and an initiative that is not theirs', async () => {
    const body = {
      title: 'Tờ gấp song ngữ Việt - Nùng', field: 'Công tác tuyên truyền', applied_from: '01/03/2025',
      authors: [{ person: 'BDT006', share: 100 }], recognition_level: 'base', recognition_number: '1/QĐ-BDT',
      recognition_body: 'Ban Dân tộc tỉnh Cao Bằng', recognition_date: '01/04/2025',
    };
    let res = await call(tok.canbo, 'POST', '/api/v1/initiatives', body);
    assert.equal(res.status, 422, res.why);
    assert.deepEqual(fieldsOf(res), ['recognition_level']);
    res = await call(tok.canbo, 'POST', '/api/v1/initiatives',
      { ...body, recognition_level: 'none', recognition_number: '', recognition_body: '', recognition_date: '', authors: [{ person: 'BDT009', share: 100 }] });
    assert.equal(res.status, 422, res.why);
    assert.deepEqual(fieldsOf(res), ['authors']);
    res = await call(tok.canbo, 'POST', '/api/v1/initiatives',
      { ...body, recognition_level: 'none', recognition_number: '', recognition_body: '', recognition_date: '' });
    assert.equal(res.status, 201, res.why);
    assert.equal(res.json.can_edit, true);
    assert.equal(res.json.can_edit_recognition, false);
    ids.own = res.json;
  });

  it('edits are version-checked: a stale one is 409 and changes nothing', async () => {
    const own = ids.own;
    const edit = { ...own, authors: own.authors.map((a) => ({ person_id: a.person_id, share: a.share })), effect: 'Phát 2.000 tờ gấp.' };
    let res = await call(tok.canbo, 'PUT', `/api/v1/initiatives/${own.id}`, edit);
    assert.equal(res.status, 200, res.why);
    assert.equal(res.json.version, own.version + 1);
    res = await call(tok.canbo, 'PUT', `/api/v1/initiatives/${own.id}`, { ...edit, effect: 'Ghi đè' });
    assert.equal(res.status, 409, res.why);
    assert.equal(res.json.error.code, 'edit.stale');
    const now = await call(tok.canbo, 'GET', `/api/v1/initiatives/${own.id}`);
    assert.equal(now.json.effect, 'Phát 2.000 tờ gấp.');
    assert.deepEqual(now.json.history.map((h) => h.action), ['initiative.create', 'initiative.update']);
  });

  it('withdraws their own unrecognised one: kept, with who and why', async () => {
    const own = (await call(tok.canbo, 'GET', `/api/v1/initiatives/${ids.own.id}`)).json;
    const res = await call(tok.canbo, 'POST', `/api/v1/initiatives/${own.id}/withdraw`, { version: own.version, reason: 'Trùng với sáng kiến năm 2025' });
    assert.equal(res.status, 200, res.why);
    assert.equal(res.json.status, 'withdrawn');
    assert.equal(res.json.withdrawn_reason, 'Trùng với sáng kiến năm 2025');
    const page = await staff.get(`/initiatives/${own.id}`);
    assert.match(textById(page.html, 'withdrawn-note'), /Trùng với sáng kiến năm 2025/);
    const withdrawn = await call(tok.vanphong, 'GET', '/api/v1/initiatives?status=withdrawn');
    assert.deepEqual(withdrawn.json.items.map((i) => i.id), [own.id]);
  });
});

describe('another agency sees nothing', () => {
  it('gets 404 for the agency\'s initiatives, as for ids that do not exist', async () => {
    for (const p of [`/api/v1/initiatives/${ids.sheet}`, '/api/v1/initiatives/999999']) {
      const res = await call(tok.vp_khac, 'GET', p);
      assert.equal(res.status, 404, res.why);
      assert.equal(res.json.error.code, 'initiative.not_found');
    }
    const put = await call(tok.vp_khac, 'PUT', `/api/v1/initiatives/${ids.sheet}`, { version: 1, title: 'Trộm' });
    assert.equal(put.status, 404, put.why);
    const list = await call(tok.vp_khac, 'GET', '/api/v1/initiatives');
    assert.equal(list.status, 200, list.why);
    assert.equal(list.json.total, 0);
  });
});
