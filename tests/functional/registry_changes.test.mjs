// The registry's changes as a browser sends them, black-box over HTTP on the demo data (Ban
// Dân tộc tỉnh Cao Bằng): splitting a unit; a refused rename, merge, close, split or move
// coming back with what was typed and each message next to its field (Vietnamese, or English
// with the thidua_lang cookie) and nothing half-written; a person linked to a new or existing
// account with roles; an agency renamed from a date by the administrator or its authority;
// emulation clusters of a year with their lead agency; every list exported to Excel; and
// another agency's users kept out of all of it.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  AGENCY_CODE, byId, cliOk, findTags, innerHtml, login, nfc, show, startServer, textById, textOf,
} from '../support/server.mjs';
import { as, fieldError, formValues, invalidIds, listItems, options, pageText } from '../support/pages.mjs';
import { excelDate, readSheet } from '../support/xlsx.mjs';

let srv;
const YEAR = new Date().getFullYear();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// The second agency, whose Office must never reach into the demo agency.
const OTHER = { code: 'STP', name: 'Sở Tư pháp tỉnh Cao Bằng' };

before(async () => {
  srv = await startServer({ demo: true });
  cliOk(['agency', 'add', '--db', srv.dbUrl, '--code', OTHER.code, '--name', OTHER.name]);
  cliOk(['user', 'add', '--db', srv.dbUrl, '--login', 'vp_stp', '--name', 'Văn Phòng Sở Tư Pháp', '--role', 'office',
    '--agency', OTHER.code, '--password-stdin'], { input: `${srv.demoPassword}\n` });
});

after(async () => {
  await srv?.dispose();
});

// ---------------------------------------------------------------------------------------------
// Helpers

/** dd/mm/yyyy `days` ago (UTC; the server works in Vietnam time, so stay a day or more back). */
function pastDate(days) {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** The id of the person called `name`, from the people list. */
async function personId(s, name) {
  const { html } = await s.get(`/people?q=${encodeURIComponent(name)}`);
  const a = findTags(html, (t) => t.name === 'a' && /^\/people\/\d+$/.test(t.attrs.href ?? ''))
    .find((t) => textOf(innerHtml(html, t)) === nfc(name));
  assert.ok(a, `${name} in the people list`);
  return a.attrs.href.split('/')[2];
}

/** The id of the unit called `name` (today's name), from the units list. */
async function unitId(s, name, closed = false) {
  const { html } = await s.get(`/units${closed ? '?closed=1' : ''}`);
  const a = findTags(html, (t) => t.name === 'a' && /^\/units\/\d+$/.test(t.attrs.href ?? ''))
    .find((t) => textOf(innerHtml(html, t)) === nfc(name));
  return a ? a.attrs.href.split('/')[2] : null;
}

/** Members of a unit, as its page lists them ("Name — position"). */
async function members(s, id) {
  return listItems((await s.get(`/units/${id}`)).html, 'unit-people') ?? [];
}

/** A new unit of the demo agency, from the units page; returns its id. */
async function createUnit(s, code, name, from = '01/01/2022') {
  const r = await s.post('/units', { code, name, kind: 'department', from_date: from });
  assert.equal(r.status, 303, show(r.r, r.html));
  return /^\/units\/(\d+)$/.exec(r.location)[1];
}

/** A new person of the demo agency in unit `unit`; returns their id. */
async function createPerson(s, fullName, unit, start = '01/02/2022') {
  const r = await s.post('/people', {
    full_name: fullName, code: '', gender: 'male', birth_date: '', employment: 'civil_servant', start_date: start,
    status: 'active', unit_id: unit, position: 'Chuyên viên',
  });
  assert.equal(r.status, 303, show(r.r, r.html));
  return /^\/people\/(\d+)$/.exec(r.location)[1];
}

// ---------------------------------------------------------------------------------------------

describe('splitting a unit (office clerk)', () => {
  let s;
  before(async () => { s = await as(srv, 'vanphong'); });

  it('the unit page offers the split form with the unit\'s people to tick', async () => {
    const id = await unitId(s, 'Phòng Chính sách Dân tộc');
    const { status, html } = await s.get(`/units/${id}`);
    assert.equal(status, 200);
    assert.ok(byId(html, 'split-form'), 'split form');
    for (const f of ['s-code', 's-name', 's-kind', 's-date']) assert.ok(byId(html, f), `#${f}`);
    const boxes = findTags(html, (t) => t.name === 'input' && t.attrs.name === 'people').map((t) => t.attrs.id);
    assert.equal(boxes.length, 3, 'one box per person of the unit');
    assert.deepEqual(options(html, 's-kind').find((o) => o.selected)?.value, 'department', 'same kind by default');
  });

  it('a split moves the ticked people to the new unit from the date; their path keeps the old name', async () => {
    const csdt = await unitId(s, 'Phòng Chính sách Dân tộc');
    const hung = await personId(s, 'Lâm Văn Hùng');
    const version = formValues((await s.get(`/units/${csdt}`)).html, 'split-form').version;
    const r = await s.post(`/units/${csdt}/split`, {
      version, code: 'CSVC', name: 'Phòng Chính sách vùng cao', kind: 'department', date: '01/03/2024', people: hung,
    });
    assert.equal(r.status, 303, show(r.r, r.html));
    const m = /^\/units\/(\d+)$/.exec(r.location ?? '');
    assert.ok(m && m[1] !== csdt, `303 to the new unit: ${r.location}`);
    const page = await s.get(r.location);
    assert.equal(textById(page.html, 'unit-name'), 'Phòng Chính sách vùng cao');
    assert.deepEqual(listItems(page.html, 'unit-history'), ['01/03/2024 – nay : Phòng Chính sách vùng cao']);
    assert.deepEqual(listItems(page.html, 'unit-people'), ['Lâm Văn Hùng — Phó Trưởng phòng']);
    assert.ok(!(await members(s, csdt)).some((x) => x.startsWith('Lâm Văn Hùng')), 'left the old unit');
    assert.equal((await members(s, csdt)).length, 2, 'the others stay');
    const p = await s.get(`/people/${hung}`);
    assert.deepEqual(listItems(p.html, 'person-path'), [
      '01/01/2021 – 29/02/2024 : Phòng Chính sách Dân tộc, Phó Trưởng phòng',
      '01/03/2024 – nay : Phòng Chính sách vùng cao, Phó Trưởng phòng',
    ]);
    assert.ok(await unitId(s, 'Phòng Chính sách vùng cao'), 'listed on /units');
  });

  it('wrong input: 422, the form again with what was typed, each message under its field, nothing written', async () => {
    const csdt = await unitId(s, 'Phòng Chính sách Dân tộc');
    const duc = await personId(s, 'Đàm Văn Đức');
    const version = formValues((await s.get(`/units/${csdt}`)).html, 'split-form').version;
    const r = await s.post(`/units/${csdt}/split`, {
      version, code: 'TO MOI', name: '  ', kind: 'union', date: '31/02/2024', people: duc,
    });
    assert.equal(r.status, 422, show(r.r, r.html));
    const v = formValues(r.html, 'split-form');
    assert.equal(v.code, 'TO MOI', 'typed code kept');
    assert.equal(v.kind, 'union', 'chosen kind kept');
    assert.equal(v.date, '31/02/2024', 'typed date kept');
    assert.deepEqual(v.people, [duc], 'ticked people still ticked');
    assert.equal(fieldError(r.html, 's-name'), 'Vui lòng nhập thông tin này.');
    assert.ok(fieldError(r.html, 's-date')?.includes('Ngày không hợp lệ'), fieldError(r.html, 's-date'));
    assert.ok(fieldError(r.html, 's-code')?.includes('Mã gồm 1–20 ký tự'), fieldError(r.html, 's-code'));
    assert.deepEqual(invalidIds(r.html), ['s-code', 's-name', 's-date'], 'only the wrong fields are red');
    assert.equal(byId(r.html, 's-date').attrs['aria-describedby'], 'e-s-date');
    // The message sits right after its input, before the next field.
    const i = r.html.indexOf('id="s-date"');
    const e = r.html.indexOf('id="e-s-date"');
    assert.ok(i > 0 && e > i && e < r.html.indexOf('id="s-people"'), 'error placed under the date');
    assert.ok(textById(r.html, 'split-error')?.includes('Dữ liệu chưa hợp lệ'), 'a summary above the form');
    // Nothing written: Đức still works in the unit, no unit "TO MOI".
    assert.ok((await members(s, csdt)).some((x) => x.startsWith('Đàm Văn Đức')));
    assert.ok(!pageText((await s.get('/units?closed=1')).html).includes('TO MOI'));
  });

  it('a person who does not work in the unit, and a date before a placement began, are refused', async () => {
    const csdt = await unitId(s, 'Phòng Chính sách Dân tộc');
    const thu = await personId(s, 'Bế Thị Thu');
    const duc = await personId(s, 'Đàm Văn Đức');
    const version = formValues((await s.get(`/units/${csdt}`)).html, 'split-form').version;
    const stranger = await s.post(`/units/${csdt}/split`, { version, code: 'TLA', name: 'Tổ Lạ', date: '01/03/2024', people: thu });
    assert.equal(stranger.status, 422, show(stranger.r, stranger.html));
    assert.equal(fieldError(stranger.html, 's-people'), 'Có người không thuộc đơn vị này.');
    const early = await s.post(`/units/${csdt}/split`, { version, code: 'TSO', name: 'Tổ Sớm', date: '01/06/2020', people: duc });
    assert.equal(early.status, 422, show(early.r, early.html));
    assert.ok(fieldError(early.html, 's-date'), 'the date is marked');
    assert.equal(await unitId(s, 'Tổ Lạ'), null);
    assert.equal(await unitId(s, 'Tổ Sớm'), null);
  });

  it('a code already used: 409, "Mã này đã được dùng" under the code, the name kept', async () => {
    const csdt = await unitId(s, 'Phòng Chính sách Dân tộc');
    const version = formValues((await s.get(`/units/${csdt}`)).html, 'split-form').version;
    const r = await s.post(`/units/${csdt}/split`, { version, code: 'VP', name: 'Tổ Trùng Mã', date: '01/03/2024' });
    assert.equal(r.status, 409, show(r.r, r.html));
    assert.ok(fieldError(r.html, 's-code')?.includes('Mã này đã được dùng'), fieldError(r.html, 's-code'));
    assert.equal(formValues(r.html, 'split-form').name, 'Tổ Trùng Mã');
    assert.equal(await unitId(s, 'Tổ Trùng Mã'), null);
  });

  it('in English (thidua_lang=en) the messages are English', async () => {
    const en = await as(srv, 'vanphong', { lang: 'en' });
    const csdt = await unitId(en, 'Phòng Chính sách Dân tộc');
    const version = formValues((await en.get(`/units/${csdt}`)).html, 'split-form').version;
    const r = await en.post(`/units/${csdt}/split`, { version, code: 'EN1', name: '', date: '32/01/2024' });
    assert.equal(r.status, 422, show(r.r, r.html));
    assert.equal(fieldError(r.html, 's-name'), 'Please fill this in.');
    assert.ok(fieldError(r.html, 's-date')?.startsWith('Invalid date'), fieldError(r.html, 's-date'));
    assert.ok(pageText(r.html).includes('Split the unit'));
  });

  it('staff may not split (403), and the split form is not shown to them', async () => {
    const staff = await as(srv, 'canbo');
    const csdt = await unitId(staff, 'Phòng Chính sách Dân tộc');
    assert.equal(byId((await staff.get(`/units/${csdt}`)).html, 'split-form'), null);
    const r = await staff.post(`/units/${csdt}/split`, { version: '1', code: 'CB1', name: 'Tổ Cán Bộ', date: '01/03/2024' });
    assert.equal(r.status, 403, show(r.r, r.html));
    assert.equal(await unitId(s, 'Tổ Cán Bộ'), null);
  });
});

describe('refused unit changes and moves come back with what was typed', () => {
  let s;
  before(async () => { s = await as(srv, 'vanphong'); });

  it('rename dated before the current name: 422, the new name kept, the message under the date', async () => {
    const id = await createUnit(s, 'TRN', 'Tổ Đổi Tên', '01/01/2023');
    const version = formValues((await s.get(`/units/${id}`)).html, 'rename-form').version;
    const r = await s.post(`/units/${id}/rename`, { version, name: 'Tổ Đổi Tên Mới', date: '01/01/2022' });
    assert.equal(r.status, 422, show(r.r, r.html));
    assert.equal(formValues(r.html, 'rename-form').name, 'Tổ Đổi Tên Mới');
    assert.equal(formValues(r.html, 'rename-form').date, '01/01/2022');
    assert.ok(fieldError(r.html, 'r-date')?.includes('phải sau ngày tên hiện tại'), fieldError(r.html, 'r-date'));
    assert.deepEqual(invalidIds(r.html), ['r-date']);
    assert.equal(byId(r.html, 'merge-error'), null, 'the other forms show no error');
    assert.equal(textById((await s.get(`/units/${id}`)).html, 'unit-name'), 'Tổ Đổi Tên', 'not renamed');
  });

  it('merge dated in the future: 422, the chosen unit and the date kept', async () => {
    const id = await createUnit(s, 'TMG', 'Tổ Gộp Sau');
    const into = await unitId(s, 'Thanh tra Ban');
    const version = formValues((await s.get(`/units/${id}`)).html, 'merge-form').version;
    const future = new Date(Date.now() + 40 * 86_400_000);
    const d = `${String(future.getUTCDate()).padStart(2, '0')}/${String(future.getUTCMonth() + 1).padStart(2, '0')}/${future.getUTCFullYear()}`;
    const r = await s.post(`/units/${id}/merge`, { version, into, date: d });
    assert.equal(r.status, 422, show(r.r, r.html));
    assert.equal(fieldError(r.html, 'm-date'), 'Ngày này chưa tới.');
    assert.equal(formValues(r.html, 'merge-form').into, into, 'the unit chosen stays chosen');
    assert.equal(formValues(r.html, 'merge-form').date, d);
    assert.ok(!(textById((await s.get(`/units/${id}`)).html, 'unit-name') ?? '').includes('Đã giải thể'));
  });

  it('closing a unit with people: 422 with the reason above the close form, the date kept', async () => {
    const vp = await unitId(s, 'Văn phòng');
    const version = formValues((await s.get(`/units/${vp}`)).html, 'close-form').version;
    const r = await s.post(`/units/${vp}/close`, { version, date: '01/06/2024' });
    assert.equal(r.status, 422, show(r.r, r.html));
    assert.ok(textById(r.html, 'close-error')?.includes('còn cán bộ'), textById(r.html, 'close-error'));
    assert.equal(formValues(r.html, 'close-form').date, '01/06/2024');
  });

  it('a stale version: 409 with the message, the typed name kept', async () => {
    const id = await createUnit(s, 'TCV', 'Tổ Cũ Vẫn');
    const version = formValues((await s.get(`/units/${id}`)).html, 'rename-form').version;
    assert.equal((await s.post(`/units/${id}/rename`, { version, name: 'Tổ Mới Một', date: pastDate(5) })).status, 303);
    const r = await s.post(`/units/${id}/rename`, { version, name: 'Tổ Mới Hai', date: pastDate(3) });
    assert.equal(r.status, 409, show(r.r, r.html));
    assert.ok(textById(r.html, 'rename-error')?.includes('Bản ghi đã được người khác sửa'));
    assert.equal(formValues(r.html, 'rename-form').name, 'Tổ Mới Hai');
    assert.deepEqual(invalidIds(r.html), [], 'a stale edit is not a field error');
  });

  it('a move with a bad date: 422, the unit, position and date kept, the message under the date', async () => {
    const pid = await createPerson(s, 'Hoàng Văn Chưa Chuyển', await unitId(s, 'Văn phòng'));
    const ttra = await unitId(s, 'Thanh tra Ban');
    const r = await s.post(`/people/${pid}/move`, { unit_id: ttra, position: 'Thanh tra viên chính', date: '31/04/2024' });
    assert.equal(r.status, 422, show(r.r, r.html));
    const v = formValues(r.html, 'move-form');
    assert.deepEqual([v.unit_id, v.position, v.date], [ttra, 'Thanh tra viên chính', '31/04/2024']);
    assert.ok(fieldError(r.html, 'move-date')?.includes('Ngày không hợp lệ'));
    assert.deepEqual(invalidIds(r.html), ['move-date']);
    assert.equal(textById(r.html, 'person-unit'), 'Văn phòng', 'the page still shows where they work');
    assert.equal(listItems((await s.get(`/people/${pid}`)).html, 'person-path').length, 1, 'not moved');
  });

  it('a move before the current placement began: the reason under the date, in English too', async () => {
    const pid = await createPerson(s, 'Lý Văn Về Trước', await unitId(s, 'Văn phòng'), '01/06/2023');
    const ttra = await unitId(s, 'Thanh tra Ban');
    const r = await s.post(`/people/${pid}/move`, { unit_id: ttra, position: '', date: '01/01/2023' });
    assert.equal(r.status, 422, show(r.r, r.html));
    assert.ok(fieldError(r.html, 'move-date')?.includes('Ngày chuyển phải sau ngày bắt đầu'));
    const en = await as(srv, 'vanphong', { lang: 'en' });
    const e = await en.post(`/people/${pid}/move`, { unit_id: ttra, position: '', date: 'hôm qua' });
    assert.equal(e.status, 422, show(e.r, e.html));
    assert.ok(fieldError(e.html, 'move-date')?.startsWith('Invalid date'), fieldError(e.html, 'move-date'));
    assert.equal(formValues(e.html, 'move-form').date, 'hôm qua');
  });
});

describe('a person\'s account and roles', () => {
  let s;
  before(async () => { s = await as(srv, 'vanphong'); });

  it('the Office offers the roles of its agency\'s people, not admin or authority', async () => {
    const id = await personId(s, 'Sầm Đức Minh');
    const { html } = await s.get(`/people/${id}`);
    assert.ok(byId(html, 'account-form'), 'create form');
    const roles = findTags(innerHtml(html, byId(html, 'account-form')), (t) => t.name === 'input' && t.attrs.name === 'roles')
      .map((t) => t.attrs.value);
    assert.deepEqual(roles, ['office', 'leader', 'council', 'unit_head', 'staff']);
    assert.deepEqual(formValues(html, 'account-form').roles, ['staff'], 'staff ticked by default');
  });

  it('wrong input: 422 with the messages next to the fields and the typed login kept; nothing created', async () => {
    const id = await personId(s, 'Sầm Đức Minh');
    const bad = await s.post(`/people/${id}/account`, { login: 'Sam duc', password: 'ngan', roles: ['staff', 'admin'] });
    assert.equal(bad.status, 422, show(bad.r, bad.html));
    assert.equal(formValues(bad.html, 'account-form').login, 'Sam duc');
    assert.ok(fieldError(bad.html, 'ac-login')?.includes('Tên đăng nhập gồm'), fieldError(bad.html, 'ac-login'));
    assert.ok(fieldError(bad.html, 'ac-password')?.includes('ít nhất 10 ký tự'), fieldError(bad.html, 'ac-password'));
    assert.equal(fieldError(bad.html, 'ac-roles'), 'Bạn không được cấp vai trò này.');
    assert.deepEqual(formValues(bad.html, 'account-form').roles, ['staff'], 'ticked roles kept (admin is not offered)');
    const none = await s.post(`/people/${id}/account`, { login: 'samducminh' });
    assert.equal(none.status, 422, show(none.r, none.html));
    assert.equal(fieldError(none.html, 'ac-roles'), 'Chọn ít nhất một vai trò.');
    // Nothing was created: the login can still be taken.
    const admin = await as(srv, 'admin');
    assert.ok(!pageText((await admin.get('/admin/users')).html).includes('samducminh'));
  });

  it('a new account with a generated password: shown once, it signs in with the roles given', async () => {
    const id = await personId(s, 'Sầm Đức Minh');
    const r = await s.post(`/people/${id}/account`, { login: 'SamDucMinh', password: '', roles: ['staff', 'unit_head'] });
    assert.equal(r.status, 200, show(r.r, r.html));
    const password = textById(r.html, 'account-password');
    assert.match(password ?? '', /^\S{10,}$/, `a password shown: ${password}`);
    assert.ok(textById(r.html, 'account-notice')?.includes('chỉ hiện một lần'));
    assert.equal(r.r.headers.get('cache-control'), 'no-store');
    const again = await s.get(`/people/${id}`);
    assert.equal(byId(again.html, 'account-password'), null, 'not shown a second time');
    assert.equal(textById(again.html, 'account-login'), 'samducminh', 'stored lower case');
    assert.equal(textById(again.html, 'account-roles'), 'Trưởng phòng, đơn vị, Công chức, người lao động');
    assert.ok((listItems(again.html, 'person-history') ?? []).some((h) => h.includes('Gắn tài khoản')));
    // The person signs in with it and is the account's display name.
    const minh = await as(srv, 'samducminh', { password });
    const me = await minh.get('/api/v1/me', { accept: 'application/json' });
    const body = JSON.parse(me.html);
    assert.equal(body.display_name, 'Sầm Đức Minh');
    assert.deepEqual([...body.roles].sort(), ['staff', 'unit_head']);
    // A second account for the same person is refused.
    const twice = await s.post(`/people/${id}/account`, { login: 'samducminh2', roles: 'staff' });
    assert.equal(twice.status, 409, show(twice.r, twice.html));
    assert.equal(textById(twice.html, 'account-error'), 'Cán bộ này đã có tài khoản.');
  });

  it('a password chosen by the clerk is not shown; a login already taken is refused (409)', async () => {
    const id = await personId(s, 'Lục Văn Quang');
    const taken = await s.post(`/people/${id}/account`, { login: 'canbo', password: 'Mat-khau-rieng-99', roles: 'staff' });
    assert.equal(taken.status, 409, show(taken.r, taken.html));
    assert.equal(fieldError(taken.html, 'ac-login'), 'Tên đăng nhập này đã có người dùng.');
    const r = await s.post(`/people/${id}/account`, { login: 'lvquang', password: 'Mat-khau-rieng-99', roles: 'staff' });
    assert.equal(r.status, 303, show(r.r, r.html));
    const page = await s.get(r.location);
    assert.equal(byId(page.html, 'account-password'), null);
    assert.ok(pageText(page.html).includes('Đã tạo tài khoản và gắn với cán bộ.'), 'flash');
    await login(srv.url, 'lvquang', 'Mat-khau-rieng-99');
  });

  it('an existing unlinked account of the agency can be linked; it then leaves the list', async () => {
    cliOk(['user', 'add', '--db', srv.dbUrl, '--login', 'ketoan', '--name', 'Bế Thị Thu', '--role', 'staff',
      '--agency', AGENCY_CODE, '--password-stdin'], { input: `${srv.demoPassword}\n` });
    cliOk(['user', 'add', '--db', srv.dbUrl, '--login', 'stp_only', '--name', 'Người Sở Khác', '--role', 'staff',
      '--agency', OTHER.code, '--password-stdin'], { input: `${srv.demoPassword}\n` });
    const thu = await personId(s, 'Bế Thị Thu');
    const { html } = await s.get(`/people/${thu}`);
    const offered = options(html, 'al-login').map((o) => o.value);
    assert.ok(offered.includes('ketoan'), offered.join(','));
    assert.ok(!offered.includes('stp_only'), 'another agency\'s account is not offered');
    assert.ok(!offered.includes('canbo'), 'an account linked to somebody is not offered');
    const other = await s.post(`/people/${thu}/account/link`, { login: 'stp_only' });
    assert.equal(other.status, 422, show(other.r, other.html));
    assert.equal(fieldError(other.html, 'al-login'), 'Không có tài khoản này trong cơ quan.');
    const taken = await s.post(`/people/${thu}/account/link`, { login: 'canbo' });
    assert.equal(taken.status, 409, show(taken.r, taken.html));
    assert.equal(fieldError(taken.html, 'al-login'), 'Tài khoản này đã gắn với một cán bộ khác.');
    const r = await s.post(`/people/${thu}/account/link`, { login: 'ketoan' });
    assert.equal(r.status, 303, show(r.r, r.html));
    const page = await s.get(`/people/${thu}`);
    assert.equal(textById(page.html, 'account-login'), 'ketoan');
    assert.ok(pageText(page.html).includes('Đã gắn tài khoản với cán bộ.'));
    const mai = await personId(s, 'Đinh Thị Mai');
    const left = (await s.get(`/people/${mai}`)).html;
    assert.ok(!(byId(left, 'al-login') ? options(left, 'al-login').map((o) => o.value) : []).includes('ketoan'));
  });

  it('the roles of a linked account change from the person page; its session sees them at once', async () => {
    const thu = await personId(s, 'Bế Thị Thu');
    const thuSession = await as(srv, 'ketoan');
    assert.deepEqual(JSON.parse((await thuSession.get('/api/v1/me')).html).roles, ['staff']);
    const r = await s.post(`/people/${thu}/account/roles`, { roles: ['council', 'staff'] });
    assert.equal(r.status, 303, show(r.r, r.html));
    const page = await s.get(`/people/${thu}`);
    assert.deepEqual(formValues(page.html, 'roles-form').roles, ['council', 'staff']);
    assert.deepEqual(JSON.parse((await thuSession.get('/api/v1/me')).html).roles.sort(), ['council', 'staff']);
    const none = await s.post(`/people/${thu}/account/roles`, {});
    assert.equal(none.status, 422, show(none.r, none.html));
    assert.equal(fieldError(none.html, 'ar-roles'), 'Chọn ít nhất một vai trò.');
    const forged = await s.post(`/people/${thu}/account/roles`, { roles: 'authority' });
    assert.equal(forged.status, 422, show(forged.r, forged.html));
    assert.deepEqual(JSON.parse((await thuSession.get('/api/v1/me')).html).roles.sort(), ['council', 'staff'], 'unchanged');
  });

  it('nobody changes their own roles', async () => {
    const hoa = await personId(s, 'Nông Thị Hoa');
    const { html } = await s.get(`/people/${hoa}`);
    assert.equal(byId(html, 'roles-form'), null, 'no roles form on one\'s own page');
    const r = await s.post(`/people/${hoa}/account/roles`, { roles: 'staff' });
    assert.equal(r.status, 422, show(r.r, r.html));
    assert.ok(pageText(r.html).includes('chính mình'), pageText(r.html).slice(0, 300));
    assert.deepEqual(JSON.parse((await s.get('/api/v1/me')).html).roles, ['office'], 'still office');
  });

  it('staff see the login but no account forms, and may not post them (403)', async () => {
    const staff = await as(srv, 'canbo');
    const id = await personId(staff, 'Đinh Thị Mai');
    const { html } = await staff.get(`/people/${id}`);
    assert.equal(byId(html, 'account-card'), null);
    for (const [path, body] of [['account', { login: 'dinhthimai', roles: 'staff' }], ['account/link', { login: 'ketoan' }],
      ['account/roles', { roles: 'office' }]]) {
      const r = await staff.post(`/people/${id}/${path}`, body);
      assert.equal(r.status, 403, `${path}: ${show(r.r, r.html)}`);
    }
  });
});

describe('agencies: renamed from a date, code, address, authority, cluster', () => {
  let admin;
  let bdt;
  before(async () => {
    admin = await as(srv, 'admin');
    const { html } = await admin.get('/agencies');
    const a = byId(html, `edit-agency-${AGENCY_CODE}`);
    assert.ok(a, 'an edit link for the demo agency');
    bdt = a.attrs.href.split('/')[2];
  });

  it('the edit form comes filled in with the agency as it is', async () => {
    const { status, html } = await admin.get(`/agencies/${bdt}`);
    assert.equal(status, 200);
    const v = formValues(html, 'agency-edit-form');
    assert.equal(v.code, AGENCY_CODE);
    assert.equal(v.name, 'Ban Dân tộc tỉnh Cao Bằng');
    assert.equal(v.cluster_year, String(YEAR));
  });

  it('wrong input: 422, typed values kept, messages next to the fields, nothing changed', async () => {
    const v = formValues((await admin.get(`/agencies/${bdt}`)).html, 'agency-edit-form');
    const r = await admin.post(`/agencies/${bdt}`, { ...v, code: 'B D T', name: '', date: '30/02/2024', address: 'Phố Mới' });
    assert.equal(r.status, 422, show(r.r, r.html));
    const back = formValues(r.html, 'agency-edit-form');
    assert.deepEqual([back.code, back.name, back.date, back.address], ['B D T', '', '30/02/2024', 'Phố Mới']);
    assert.ok(fieldError(r.html, 'ae-code')?.includes('Mã cơ quan gồm'));
    assert.equal(fieldError(r.html, 'ae-name'), 'Vui lòng nhập thông tin này.');
    assert.ok(fieldError(r.html, 'ae-date')?.includes('Ngày không hợp lệ'));
    assert.deepEqual(invalidIds(r.html), ['ae-code', 'ae-name', 'ae-date']);
    assert.equal(textById((await admin.get(`/agencies/${bdt}`)).html, 'agency-title'), 'Ban Dân tộc tỉnh Cao Bằng');
  });

  it('an authority is created; the agency is put under it, renamed from a date with a new address', async () => {
    const created = await admin.post('/agencies', { code: 'UBND', name: 'Ủy ban nhân dân tỉnh Cao Bằng', kind: 'authority', parent_code: '', address: '' });
    assert.equal(created.status, 303, show(created.r, created.html));
    const v = formValues((await admin.get(`/agencies/${bdt}`)).html, 'agency-edit-form');
    const r = await admin.post(`/agencies/${bdt}`, {
      ...v, name: 'Ban Dân tộc tỉnh Cao Bằng (mới)', date: '01/01/2025', address: '032 Hoàng Đình Giong', parent_code: 'UBND',
    });
    assert.equal(r.status, 303, show(r.r, r.html));
    const page = await admin.get(`/agencies/${bdt}`);
    assert.equal(textById(page.html, 'agency-title'), 'Ban Dân tộc tỉnh Cao Bằng (mới)');
    assert.deepEqual(listItems(page.html, 'agency-history'),
      ['Đến 31/12/2024 : Ban Dân tộc tỉnh Cao Bằng', '01/01/2025 – nay : Ban Dân tộc tỉnh Cao Bằng (mới)']);
    assert.equal(textById(page.html, 'agency-address'), '032 Hoàng Đình Giong');
    assert.ok(pageText(page.html).includes('Ủy ban nhân dân tỉnh Cao Bằng'), 'the authority above');
    const list = await admin.get('/agencies');
    assert.ok(pageText(list.html).includes('Tên trước: Ban Dân tộc tỉnh Cao Bằng'), 'former name on the list');
  });

  it('the authority above edits the agency but may not take it from under itself; the Office may not', async () => {
    cliOk(['user', 'add', '--db', srv.dbUrl, '--login', 'ubnd', '--name', 'Ban Thi đua tỉnh', '--role', 'authority',
      '--agency', 'UBND', '--password-stdin'], { input: `${srv.demoPassword}\n` });
    const ubnd = await as(srv, 'ubnd');
    const { html } = await ubnd.get('/agencies');
    assert.ok(byId(html, `edit-agency-${AGENCY_CODE}`), 'the authority may edit the agency under it');
    const v = formValues((await ubnd.get(`/agencies/${bdt}`)).html, 'agency-edit-form');
    const away = await ubnd.post(`/agencies/${bdt}`, { ...v, parent_code: '' });
    assert.equal(away.status, 422, show(away.r, away.html));
    assert.ok(fieldError(away.html, 'ae-parent')?.includes('Chỉ quản trị hệ thống'));
    const ok = await ubnd.post(`/agencies/${bdt}`, { ...v, address: '1 Phố Thầu' });
    assert.equal(ok.status, 303, show(ok.r, ok.html));
    const office = await as(srv, 'vanphong');
    assert.equal((await office.get(`/agencies/${bdt}`)).status, 403);
    assert.equal((await office.post(`/agencies/${bdt}`, { ...v, name: 'Tên Lạ' })).status, 403);
    assert.equal(textById((await admin.get(`/agencies/${bdt}`)).html, 'agency-address'), '1 Phố Thầu');
  });
});

describe('emulation clusters of a year', () => {
  let admin;
  before(async () => { admin = await as(srv, 'admin'); });

  const section = (html, code) => innerHtml(html, byId(html, `cluster-${code}`));
  const memberRows = (html, code) => {
    const sec = section(html, code) ?? '';
    const body = sec.split(/<tbody[^>]*>/i)[1] ?? '';
    return body.split(/<tr\b[^>]*>/i).slice(1).map((tr) => tr.split(/<td\b[^>]*>/i).slice(1, 4).map((c) => textOf(c)).join(' | ').trim());
  };

  it('the demo agency leads its cluster this year; another year has none yet, with what to do next', async () => {
    const { status, html } = await admin.get(`/clusters?year=${YEAR}`);
    assert.equal(status, 200);
    assert.deepEqual(memberRows(html, 'KVHXH'), [`${AGENCY_CODE} | Ban Dân tộc tỉnh Cao Bằng (mới) | Trưởng khối`]);
    assert.ok(byId(html, 'cluster-form'));
    const before = await admin.get(`/clusters?year=${YEAR - 3}`);
    assert.deepEqual(memberRows(before.html, 'KVHXH'), []);
    assert.ok(pageText(before.html).includes('Khối chưa có cơ quan nào trong năm này.'));
    const empty = await as(srv, 'vp_stp');
    assert.ok(textById((await empty.get(`/clusters?year=${YEAR}`)).html, 'clusters-empty')?.includes('Chưa có khối thi đua nào'));
  });

  it('a cluster without a code is refused with the name kept; a duplicate code is 409', async () => {
    const bad = await admin.post('/clusters', { code: '', name: 'Khối Văn hoá - Xã hội', year: String(YEAR) });
    assert.equal(bad.status, 422, show(bad.r, bad.html));
    assert.equal(formValues(bad.html, 'cluster-form').name, 'Khối Văn hoá - Xã hội');
    assert.ok(fieldError(bad.html, 'cl-code'));
    const ok = await admin.post('/clusters', { code: 'VHXH', name: 'Khối các cơ quan Văn hoá - Xã hội', year: String(YEAR) });
    assert.equal(ok.status, 303, show(ok.r, ok.html));
    assert.equal(ok.location, `/clusters?year=${YEAR}`);
    const dup = await admin.post('/clusters', { code: 'VHXH', name: 'Khối trùng', year: String(YEAR) });
    assert.equal(dup.status, 409, show(dup.r, dup.html));
    assert.equal(fieldError(dup.html, 'cl-code'), 'Mã khối này đã có.');
  });

  it('agencies join for a year; one is the lead; the lead can be handed over; a member can leave', async () => {
    let { html } = await admin.get(`/clusters?year=${YEAR}`);
    const form = findTags(section(html, 'VHXH'), (t) => t.name === 'form' && /\/members$/.test(t.attrs.action ?? ''))[0];
    const id = /\/clusters\/(\d+)\//.exec(form.attrs.action)[1];
    for (const [agency, lead] of [[AGENCY_CODE, ''], [OTHER.code, '1']]) {
      const r = await admin.post(`/clusters/${id}/members`, { agency, lead, year: String(YEAR) });
      assert.equal(r.status, 303, show(r.r, r.html));
    }
    ({ html } = await admin.get(`/clusters?year=${YEAR}`));
    assert.deepEqual(memberRows(html, 'VHXH'), [`${AGENCY_CODE} | Ban Dân tộc tỉnh Cao Bằng (mới) |`, `${OTHER.code} | ${OTHER.name} | Trưởng khối`]);
    const again = await admin.post(`/clusters/${id}/members`, { agency: OTHER.code, year: String(YEAR) });
    assert.ok([409, 422].includes(again.status), show(again.r, again.html));
    const lead = await admin.post(`/clusters/${id}/lead`, { agency: AGENCY_CODE, year: String(YEAR) });
    assert.equal(lead.status, 303, show(lead.r, lead.html));
    ({ html } = await admin.get(`/clusters?year=${YEAR}`));
    assert.deepEqual(memberRows(html, 'VHXH'), [`${AGENCY_CODE} | Ban Dân tộc tỉnh Cao Bằng (mới) | Trưởng khối`, `${OTHER.code} | ${OTHER.name} |`]);
    // Another year has its own members.
    assert.deepEqual(memberRows((await admin.get(`/clusters?year=${YEAR - 1}`)).html, 'VHXH'), []);
    const left = await admin.post(`/clusters/${id}/members/remove`, { agency: OTHER.code, year: String(YEAR) });
    assert.equal(left.status, 303, show(left.r, left.html));
    ({ html } = await admin.get(`/clusters?year=${YEAR}`));
    assert.deepEqual(memberRows(html, 'VHXH'), [`${AGENCY_CODE} | Ban Dân tộc tỉnh Cao Bằng (mới) | Trưởng khối`]);
  });

  it('the agency\'s own users see its cluster read-only; another agency\'s users do not see it', async () => {
    const office = await as(srv, 'vanphong');
    const { html } = await office.get(`/clusters?year=${YEAR}`);
    assert.ok(section(html, 'VHXH'), 'the cluster the agency is in');
    assert.equal(findTags(html, (t) => t.name === 'form' && t.attrs.method === 'post' && /^\/clusters/.test(t.attrs.action ?? '')).length, 0,
      'no forms for the agency\'s users');
    assert.equal((await office.post('/clusters', { code: 'X1', name: 'Khối Tự Lập', year: String(YEAR) })).status, 403);
    const stranger = await as(srv, 'vp_stp');
    assert.equal(section((await stranger.get(`/clusters?year=${YEAR}`)).html, 'VHXH'), null);
  });

  it('the agency edit form moves the agency to another cluster of the year', async () => {
    const ok = await admin.post('/clusters', { code: 'KTH', name: 'Khối các cơ quan Tổng hợp', year: String(YEAR) });
    assert.equal(ok.status, 303, show(ok.r, ok.html));
    const list = await admin.get('/agencies');
    const bdt = byId(list.html, `edit-agency-${AGENCY_CODE}`).attrs.href;
    const v = formValues((await admin.get(bdt)).html, 'agency-edit-form');
    assert.equal(v.cluster, 'VHXH', 'the current cluster chosen');
    const r = await admin.post(bdt, { ...v, cluster: 'KTH' });
    assert.equal(r.status, 303, show(r.r, r.html));
    const { html } = await admin.get(`/clusters?year=${YEAR}`);
    assert.deepEqual(memberRows(html, 'VHXH'), []);
    assert.deepEqual(memberRows(html, 'KTH'), [`${AGENCY_CODE} | Ban Dân tộc tỉnh Cao Bằng (mới) |`]);
  });
});

describe('every list exports to Excel', () => {
  const exports = [
    ['vanphong', '/units', 'export-units', ['Mã', 'Tên đơn vị', 'Loại', 'Tên dùng từ ngày', 'Trạng thái', 'Ngày giải thể', 'Số cán bộ', 'Tên trước đây']],
    ['vanphong', '/council', 'export-council', ['Nhiệm kỳ', 'Quyết định thành lập', 'Từ ngày', 'Đến ngày', 'Chức danh trong Hội đồng', 'Họ và tên']],
    ['vanphong', '/people', 'export-people', null],
    ['vanphong', '/clusters', 'export-clusters', ['Năm', 'Mã khối', 'Tên khối thi đua', 'Mã cơ quan', 'Tên cơ quan', 'Trưởng khối']],
    ['admin', '/agencies', 'export-agencies', ['Mã', 'Tên cơ quan', 'Loại', 'Cơ quan cấp trên', 'Địa chỉ', 'Tên trước đây']],
    ['admin', '/admin/users', 'export-users', ['Tên đăng nhập', 'Họ và tên', 'Cơ quan', 'Vai trò', 'Trạng thái']],
  ];
  for (const [who, list, button, headers] of exports) {
    it(`${list}: the "Xuất Excel" button downloads an .xlsx with Vietnamese headers`, async () => {
      const s = await as(srv, who);
      const page = await s.get(list);
      assert.equal(page.status, 200);
      const a = byId(page.html, button);
      assert.ok(a, `#${button} on ${list}`);
      assert.equal(textOf(innerHtml(page.html, a)), 'Xuất Excel');
      const file = await s.download(a.attrs.href);
      assert.equal(file.status, 200, a.attrs.href);
      assert.equal(file.type, XLSX);
      assert.match(file.disposition ?? '', /^attachment; filename="[a-z0-9-]+\.xlsx"$/);
      const sheet = readSheet(file.body);
      if (headers) assert.deepEqual(sheet.rows[0], headers);
      assert.ok(sheet.rows.length > 1, `rows under the header: ${JSON.stringify(sheet.rows)}`);
    });
  }

  it('units: one row per unit, dates shown dd/mm/yyyy, former names listed', async () => {
    const s = await as(srv, 'vanphong');
    const sheet = readSheet((await s.download('/units/export.xlsx')).body);
    const khth = sheet.rows.findIndex((r) => r[0] === 'KHTH');
    assert.ok(khth > 0, JSON.stringify(sheet.rows));
    const row = sheet.rows[khth];
    assert.equal(row[1], 'Phòng Kế hoạch - Tổng hợp và Tuyên truyền');
    assert.equal(row[2], 'Phòng chuyên môn');
    assert.equal(excelDate(row[3]), '01/07/2024');
    assert.ok(sheet.dateCells.has(`${khth},3`), 'a real date cell shown dd/mm/yyyy');
    assert.equal(row[4], 'Đang hoạt động');
    assert.equal(row[7], 'Phòng Kế hoạch - Tổng hợp');
    const names = sheet.rows.slice(1).map((r) => r[1]);
    assert.ok(names.includes('Phòng Chính sách vùng cao'), 'the unit split off today is in');
  });

  it('council: one row per seat, the chair first', async () => {
    const s = await as(srv, 'vanphong');
    const sheet = readSheet((await s.download('/council/export.xlsx')).body);
    const demo = sheet.rows.filter((r) => r[0] === 'Hội đồng Thi đua - Khen thưởng nhiệm kỳ 2021 - 2026');
    assert.deepEqual(demo[0].slice(4), ['Chủ tịch Hội đồng', 'Nông Văn Chiến']);
    assert.equal(excelDate(demo[0][2]), '15/01/2021');
    assert.equal(demo.length, 6, JSON.stringify(demo));
  });

  it('the accounts export is the administrator\'s only; another agency\'s lists stay out of reach', async () => {
    const office = await as(srv, 'vanphong');
    assert.equal((await office.download('/admin/users/export.xlsx')).status, 403);
    assert.equal((await office.download('/agencies/export.xlsx')).status, 403);
    const stranger = await as(srv, 'vp_stp');
    const admin = await as(srv, 'admin');
    const bdt = byId((await admin.get('/agencies')).html, `edit-agency-${AGENCY_CODE}`).attrs.href.split('/')[2];
    for (const path of [`/units/export.xlsx?agency=${bdt}`, `/council/export.xlsx?agency=${bdt}`, `/people/export.xlsx?agency=${bdt}`]) {
      assert.equal((await stranger.download(path)).status, 404, path);
    }
    const own = readSheet((await stranger.download('/units/export.xlsx')).body);
    assert.deepEqual(own.rows.slice(1), [], 'the other agency has no units yet');
  });
});

describe('another agency\'s Office reaches none of the new pages with the demo agency\'s ids', () => {
  it('split, account, link, roles: 404 as for an id that does not exist; nothing changes', async () => {
    const s = await as(srv, 'vanphong');
    const stranger = await as(srv, 'vp_stp');
    const vp = await unitId(s, 'Văn phòng');
    const mai = await personId(s, 'Đinh Thị Mai');
    const before = await s.get(`/people/${mai}`);
    const cases = [
      [`/units/${vp}/split`, `/units/987654/split`, { version: '1', code: 'LA1', name: 'Tổ Lạ', date: '01/03/2024', people: mai }],
      [`/units/${vp}/rename`, `/units/987654/rename`, { version: '1', name: 'Tên Lạ', date: '01/03/2024' }],
      [`/people/${mai}/account`, `/people/987654/account`, { login: 'nguoila', roles: 'office' }],
      [`/people/${mai}/account/link`, `/people/987654/account/link`, { login: 'vp_stp' }],
      [`/people/${mai}/account/roles`, `/people/987654/account/roles`, { roles: 'office' }],
      [`/people/${mai}/move`, `/people/987654/move`, { unit_id: vp, date: '01/03/2024' }],
    ];
    for (const [path, missing, body] of cases) {
      const r = await stranger.post(path, body);
      const none = await stranger.post(missing, body);
      assert.equal(r.status, 404, `${path}: ${show(r.r, r.html)}`);
      assert.equal(none.status, r.status, missing);
      assert.ok(!pageText(r.html).includes('Đinh Thị Mai') && !pageText(r.html).includes('Văn phòng'), `${path} leaks nothing`);
    }
    for (const path of [`/units/${vp}`, `/people/${mai}`]) assert.equal((await stranger.get(path)).status, 404, path);
    const after = await s.get(`/people/${mai}`);
    assert.deepEqual(listItems(after.html, 'person-path'), listItems(before.html, 'person-path'));
    assert.equal(byId(after.html, 'account-login'), null, 'no account was linked');
    assert.equal(await unitId(s, 'Tổ Lạ'), null);
  });
});
