// The registry pages, black-box over HTTP on the demo data (Ban Dân tộc tỉnh Cao Bằng):
// the people list (Vietnamese order, accent-blind search, filters), the person form (what was typed
// comes back with the message next to its field), concurrent edits, moves between units, units
// renamed / merged / closed with their names kept over time, the council's one chair, and who may
// do what.
//
// Two servers: `ro` is only read (so counts and order are the demo's), `rw` takes the changes.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  AGENCY_NAME, byClass, byId, decodeEntities, findTag, findTags, form, innerHtml, jarFetch, locationPathname, nfc,
  show, startServer, textById, textOf,
} from '../support/server.mjs';
import { as, fieldError, formValues, listItems, options, pageText } from '../support/pages.mjs';

let ro;
let rw;

before(async () => {
  [ro, rw] = await Promise.all([startServer({ demo: true }), startServer({ demo: true })]);
});

after(async () => {
  await Promise.all([ro?.dispose(), rw?.dispose()]);
});

// ---------------------------------------------------------------------------------------------
// Helpers

const DEMO_NAMES_SORTED = [
  'Triệu Thị Ánh', 'Nông Văn Chiến', 'Đàm Văn Đức', 'Nông Thị Hoa', 'Lâm Văn Hùng', 'Hoàng Thị Lan',
  'Đinh Thị Mai', 'Sầm Đức Minh', 'Lục Văn Quang', 'Lương Văn Thành', 'Bế Thị Thu', 'Hà Văn Vui',
];

/** Names in the people table, in page order (raw text, not normalised, so NFD would show). */
function tableNames(html) {
  const table = byId(html, 'people-table');
  if (!table) return [];
  const inner = innerHtml(html, table);
  return findTags(inner, (t) => t.name === 'a' && /^\/people\/\d+$/.test(t.attrs.href ?? ''))
    .map((a) => decodeEntities(innerHtml(inner, a)).trim());
}

/** Rows of the people table: [{id, cells: [text...]}]. */
function tableRows(html) {
  const table = byId(html, 'people-table');
  if (!table) return [];
  const tbody = innerHtml(html, table).split(/<tbody[^>]*>/i)[1] ?? '';
  return tbody.split(/<tr\b[^>]*>/i).slice(1).map((tr) => {
    const cells = tr.split(/<td\b[^>]*>/i).slice(1).map((c) => textOf(c));
    const href = /href="\/people\/(\d+)"/.exec(tr);
    return { id: href ? Number(href[1]) : null, cells };
  });
}

/** The id of the unit called `name` (today's name) in the people-list filter. */
async function unitId(s, name) {
  const { html } = await s.get('/people');
  const o = options(html, 'unit').find((x) => x.text === nfc(name));
  assert.ok(o, `unit "${name}" in the filter: ${JSON.stringify(options(html, 'unit'))}`);
  return o.value;
}

/** "dd/mm/yyyy" → "yyyy-mm-dd"; "nay" (until now) → "9999-12-31". */
function isoOf(d) {
  if (d === 'nay') return '9999-12-31';
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(d);
  assert.ok(m, `a dd/mm/yyyy date: ${JSON.stringify(d)}`);
  return `${m[3]}-${m[2]}-${m[1]}`;
}
/** Periods of a path or history list ("01/01/2022 – 29/02/2024 : ...", the end day inclusive), each [from, to] in ISO. */
function periods(items) {
  return items.map((x) => {
    const m = /^(\S+) – (\S*)/.exec(x);
    assert.ok(m, `a period: ${JSON.stringify(x)}`);
    return [isoOf(m[1]), m[2] === ':' || m[2] === '' ? '9999-12-31' : isoOf(m[2])];
  });
}
/** Every period ends after it starts, and each starts where (or after) the one before ended. */
function assertTimeline(items, what) {
  const ps = periods(items);
  for (const [i, [from, to]] of ps.entries()) {
    assert.ok(from <= to, `${what}: period ${i + 1} ends before it starts: ${JSON.stringify(items)}`);
    if (i > 0) assert.ok(ps[i - 1][1] <= from, `${what}: periods out of order or overlapping: ${JSON.stringify(items)}`);
  }
}

let seq = 0;
/** A staff code not used yet in this run. */
const freshCode = (prefix = 'T') => `${prefix}${process.pid % 1000}${String(++seq).padStart(3, '0')}`;

/** Creates a person through the form; returns their id. */
async function createPerson(s, fields) {
  const vp = fields.unit_id ?? (await unitId(s, 'Văn phòng'));
  const body = {
    full_name: 'Người Thử', code: freshCode(), gender: 'female', birth_date: '15/05/1990', employment: 'civil_servant',
    start_date: '01/01/2022', status: 'active', position: 'Chuyên viên', ...fields, unit_id: vp,
  };
  const r = await s.post('/people', body);
  assert.equal(r.status, 303, `POST /people ${JSON.stringify(body)}: ${show(r.r, r.html)}`);
  const m = /^\/people\/(\d+)$/.exec(r.location ?? '');
  assert.ok(m, `303 to /people/{id}, got ${r.location}`);
  return Number(m[1]);
}

// ---------------------------------------------------------------------------------------------

describe('GET /people: list, order, search, filters (office user)', () => {
  let s;
  before(async () => { s = await as(ro, 'vanphong'); });

  it('lists the 12 demo people sorted by given name, Vietnamese order', async () => {
    const { status, html } = await s.get('/people');
    assert.equal(status, 200, html.slice(0, 300));
    const names = tableNames(html);
    assert.deepEqual(names.slice(0, 3), ['Triệu Thị Ánh', 'Nông Văn Chiến', 'Đàm Văn Đức'], `first rows: ${names.join(', ')}`);
    assert.deepEqual(names, DEMO_NAMES_SORTED);
    for (const n of names) assert.equal(n, nfc(n), `name ${JSON.stringify(n)} sent in NFC`);
    assert.match(textById(html, 'people-count') ?? '', /\b12\b/, `#people-count: ${textById(html, 'people-count')}`);
  });

  it('rows show code, unit, position, birth date dd/mm/yyyy and status in Vietnamese', async () => {
    const { html } = await s.get('/people');
    const vui = tableRows(html).find((r) => r.cells[0] === 'Hà Văn Vui');
    assert.ok(vui, 'Hà Văn Vui row');
    assert.deepEqual(vui.cells, ['Hà Văn Vui', 'BDT002', 'Lãnh đạo Ban', 'Phó Trưởng ban', '05/09/1972', 'Đang công tác']);
  });

  for (const q of ['ha van vui', 'HÀ VĂN VUI', 'hà văn', 'Ha Van Vui', 'hà văn vui'.normalize('NFD')]) {
    it(`?q=${JSON.stringify(q)} finds Hà Văn Vui`, async () => {
      const { status, html } = await s.get(`/people?q=${encodeURIComponent(q)}`);
      assert.equal(status, 200);
      const names = tableNames(html);
      assert.ok(names.includes('Hà Văn Vui'), `results for ${JSON.stringify(q)}: ${JSON.stringify(names)}`);
      assert.deepEqual(names, ['Hà Văn Vui'], 'only Hà Văn Vui matches');
    });
  }

  it('?q= with doubled spaces ("ha  van   vui") still finds Hà Văn Vui', async () => {
    const { html } = await s.get(`/people?q=${encodeURIComponent('  ha  van   vui ')}`);
    assert.deepEqual(tableNames(html), ['Hà Văn Vui']);
  });

  it('the search box keeps what was typed', async () => {
    const { html } = await s.get(`/people?q=${encodeURIComponent('hà văn')}`);
    assert.equal(byId(html, 'q')?.attrs.value, 'hà văn');
  });

  it('?q=duc finds Đàm Văn Đức and Sầm Đức Minh (đ folds to d), in name order', async () => {
    const { html } = await s.get('/people?q=duc');
    assert.deepEqual(tableNames(html), ['Đàm Văn Đức', 'Sầm Đức Minh']);
    assert.match(textById(html, 'people-count') ?? '', /\b2\b/);
  });

  it('?q=Đức (with diacritics) finds the same two', async () => {
    const { html } = await s.get(`/people?q=${encodeURIComponent('Đức')}`);
    assert.deepEqual(tableNames(html), ['Đàm Văn Đức', 'Sầm Đức Minh']);
  });

  it('?q=bdt006 finds by staff code', async () => {
    const { html } = await s.get('/people?q=bdt006');
    assert.deepEqual(tableNames(html), ['Đàm Văn Đức']);
  });

  it('?unit=<id> keeps only that unit’s people and marks the unit selected', async () => {
    const vp = await unitId(s, 'Văn phòng');
    const { status, html } = await s.get(`/people?unit=${vp}`);
    assert.equal(status, 200);
    assert.deepEqual(tableNames(html), ['Nông Thị Hoa', 'Đinh Thị Mai', 'Bế Thị Thu']);
    const sel = options(html, 'unit').find((o) => o.selected);
    assert.equal(sel?.value, vp, 'Văn phòng selected in the filter');
    for (const r of tableRows(html)) assert.equal(r.cells[2], 'Văn phòng');
  });

  it('?unit=<id>&q=... combine', async () => {
    const csdt = await unitId(s, 'Phòng Chính sách Dân tộc');
    const { html } = await s.get(`/people?unit=${csdt}&q=van`);
    assert.deepEqual(tableNames(html), ['Đàm Văn Đức', 'Lâm Văn Hùng', 'Lương Văn Thành']);
  });

  it('?status=retired shows the empty state "Chưa có cán bộ nào phù hợp"', async () => {
    const { status, html } = await s.get('/people?status=retired');
    assert.equal(status, 200);
    assert.equal(byId(html, 'people-table'), null, 'no table when nothing matches');
    const empty = byClass(html, 'empty-state').map((e) => e.text).join(' ');
    assert.ok(empty.includes('Chưa có cán bộ nào phù hợp'), `empty state: ${JSON.stringify(empty)}`);
    assert.match(textById(html, 'people-count') ?? '', /\b0\b/);
    assert.equal(options(html, 'status').find((o) => o.selected)?.value, 'retired');
  });

  it('an htmx request (HX-Request) still carries #people-results for hx-select', async () => {
    const { status, html } = await s.get('/people?q=ha+van', { 'HX-Request': 'true', 'HX-Target': 'people-results' });
    assert.equal(status, 200);
    assert.ok(byId(html, 'people-results'), '#people-results in the answer');
    assert.deepEqual(tableNames(innerHtml(html, byId(html, 'people-results'))), ['Hà Văn Vui']);
  });

  it('the buttons on the list lead to pages that exist (Nhập từ Excel, Xuất Excel, Thêm cán bộ)', async () => {
    const { html } = await s.get('/people');
    const head = innerHtml(html, byId(html, 'main'));
    const links = findTags(head, (t) => t.name === 'a' && (t.attrs.class ?? '').includes('btn'))
      .map((a) => ({ href: a.attrs.href, text: textOf(innerHtml(head, a)) }));
    assert.ok(links.length >= 3, JSON.stringify(links));
    const broken = [];
    for (const l of links) {
      const r = await s.get(l.href);
      if (r.status >= 400) broken.push(`"${l.text}" → GET ${l.href} answered ${r.status}`);
    }
    assert.deepEqual(broken, []);
  });
});

describe('POST /people: create, and bad input kept with its message', () => {
  let s;
  let vp;
  before(async () => {
    s = await as(rw, 'vanphong');
    vp = await unitId(s, 'Văn phòng');
  });

  it('GET /people/new shows the empty form', async () => {
    const { status, html } = await s.get('/people/new');
    assert.equal(status, 200);
    assert.ok(byId(html, 'person-form'));
    for (const f of ['full_name', 'code', 'gender', 'birth_date', 'employment', 'start_date', 'status', 'unit_id', 'position']) {
      assert.ok(byId(html, `f-${f}`), `#f-${f}`);
    }
  });

  it('a valid person: 303 to /people/{id}; the page shows the name, the details and "Quá trình công tác"', async () => {
    const code = freshCode('N');
    const r = await s.post('/people', {
      full_name: 'Lý Thị Ngọc Ánh', code, gender: 'female', birth_date: '07/08/1996', employment: 'public_employee',
      start_date: '01/03/2023', status: 'active', unit_id: vp, position: 'Văn thư',
    });
    assert.equal(r.status, 303, show(r.r, r.html));
    const m = /^\/people\/(\d+)$/.exec(r.location ?? '');
    assert.ok(m, `Location ${r.location}`);
    const p = await s.get(r.location);
    assert.equal(p.status, 200);
    assert.equal(textById(p.html, 'person-name'), 'Lý Thị Ngọc Ánh');
    const text = pageText(p.html);
    assert.ok(text.includes('Quá trình công tác'), 'the path card');
    for (const v of [code, 'Nữ', '07/08/1996', 'Viên chức', '01/03/2023', 'Đang công tác', 'Văn thư', AGENCY_NAME]) {
      assert.ok(text.includes(v), `the page shows ${v}`);
    }
    assert.equal(textById(p.html, 'person-unit'), 'Văn phòng');
    assert.deepEqual(listItems(p.html, 'person-path'), ['01/03/2023 – nay : Văn phòng, Văn thư']);
    // And the list finds them, accent-blind.
    const l = await s.get('/people?q=ngoc+anh');
    assert.deepEqual(tableNames(l.html), ['Lý Thị Ngọc Ánh']);
  });

  it('birth date 31/02/2024: 422, the typed values kept, "Ngày không hợp lệ" next to the birth date', async () => {
    const code = freshCode('B');
    const r = await s.post('/people', {
      full_name: 'Nông Thị Bích Ngọc', code, gender: 'female', birth_date: '31/02/2024', employment: 'civil_servant',
      start_date: '', status: 'active', unit_id: vp, position: 'Kế toán',
    });
    assert.equal(r.status, 422, show(r.r, r.html));
    const html = r.html;
    assert.ok(byId(html, 'person-form'), 'the form comes back');
    assert.equal(byId(html, 'f-full_name')?.attrs.value, 'Nông Thị Bích Ngọc', 'typed name kept');
    assert.equal(byId(html, 'f-birth_date')?.attrs.value, '31/02/2024', 'typed date kept');
    assert.ok((byId(html, 'f-birth_date')?.attrs.class ?? '').includes('is-invalid'), 'birth date marked invalid');
    assert.equal(byId(html, 'f-birth_date')?.attrs['aria-describedby'], 'e-birth_date');
    assert.ok((fieldError(html, 'birth_date') ?? '').includes('Ngày không hợp lệ'), `#e-birth_date: ${fieldError(html, 'birth_date')}`);
    // The message sits next to its field: right after the input, inside the same column.
    const i = html.indexOf('id="f-birth_date"');
    const e = html.indexOf('id="e-birth_date"');
    const nextField = html.indexOf('id="f-employment"');
    assert.ok(i > 0 && e > i && e < nextField, 'error placed between the birth date input and the next field');
    const v = formValues(html, 'person-form');
    assert.equal(v.code, code);
    assert.equal(v.gender, 'female');
    assert.equal(v.unit_id, vp);
    assert.equal(v.position, 'Kế toán');
    assert.ok(byClass(html, 'alert-danger').length > 0, 'a summary alert');
    // Nothing was saved.
    const l = await s.get(`/people?q=${code}`);
    assert.deepEqual(tableNames(l.html), []);
    // Only the wrong field is marked: the others are neither red nor captioned.
    const marked = findTags(html, (t) => /\bis-invalid\b/.test(t.attrs.class ?? '')).map((t) => t.attrs.id);
    assert.deepEqual(marked, ['f-birth_date'], 'fields marked is-invalid');
    assert.equal(fieldError(html, 'full_name'), null, 'no error under the name');
  });

  it('empty full name: 422 with "Vui lòng nhập thông tin này." under the name', async () => {
    const r = await s.post('/people', {
      full_name: '   ', code: freshCode('E'), gender: 'male', birth_date: '01/01/1990', employment: 'civil_servant',
      start_date: '', status: 'active', unit_id: vp, position: '',
    });
    assert.equal(r.status, 422, show(r.r, r.html));
    assert.equal(fieldError(r.html, 'full_name'), 'Vui lòng nhập thông tin này.');
    assert.ok((byId(r.html, 'f-full_name')?.attrs.class ?? '').includes('is-invalid'));
    assert.equal(byId(r.html, 'f-birth_date')?.attrs.value, '01/01/1990', 'the other fields kept');
  });

  it('a name typed in NFD comes back NFC in the re-shown form', async () => {
    const nfd = 'Hoàng Thị Thuỷ Tiên'.normalize('NFD');
    assert.notEqual(nfd, nfc(nfd));
    const r = await s.post('/people', {
      full_name: nfd, code: freshCode('D'), gender: 'female', birth_date: '32/01/1990', employment: 'civil_servant',
      start_date: '', status: 'active', unit_id: vp, position: '',
    });
    assert.equal(r.status, 422, show(r.r, r.html));
    const shown = byId(r.html, 'f-full_name')?.attrs.value;
    assert.equal(shown, nfc(nfd), `value sent back: ${JSON.stringify(shown)} (${shown === nfd ? 'NFD, unchanged' : 'other'})`);
  });

  it('a name typed in NFD is saved and shown NFC, and found by an NFC search', async () => {
    const nfd = 'Hoàng Thị Thuỷ Tiên'.normalize('NFD');
    const id = await createPerson(s, { full_name: nfd });
    const p = await s.get(`/people/${id}`);
    const raw = decodeEntities(innerHtml(p.html, byId(p.html, 'person-name'))).trim();
    assert.equal(raw, nfc(nfd), `#person-name raw: ${JSON.stringify(raw)}`);
    const l = await s.get(`/people?q=${encodeURIComponent(nfc('thuỷ tiên'))}`);
    assert.deepEqual(tableNames(l.html), [nfc(nfd)]);
  });

  it('a duplicate staff code: 409 "Mã cán bộ này đã được dùng", the form kept', async () => {
    const r = await s.post('/people', {
      full_name: 'Hà Thị Trùng Mã', code: 'BDT001', gender: 'female', birth_date: '01/01/1990', employment: 'civil_servant',
      start_date: '', status: 'active', unit_id: vp, position: '',
    });
    assert.equal(r.status, 409, show(r.r, r.html));
    assert.ok(pageText(r.html).includes('Mã cán bộ này đã được dùng'), pageText(r.html).slice(0, 600));
    assert.equal(byId(r.html, 'f-full_name')?.attrs.value, 'Hà Thị Trùng Mã');
    assert.equal(byId(r.html, 'f-code')?.attrs.value, 'BDT001');
    assert.ok((fieldError(r.html, 'code') ?? '').includes('Mã cán bộ này đã được dùng'), `#e-code: ${fieldError(r.html, 'code')}`);
    const l = await s.get(`/people?q=${encodeURIComponent('trùng mã')}`);
    assert.deepEqual(tableNames(l.html), [], 'not saved');
    const marked = findTags(r.html, (t) => /\bis-invalid\b/.test(t.attrs.class ?? '')).map((t) => t.attrs.id);
    assert.deepEqual(marked, ['f-code'], 'only the code is marked');
  });

  it('markup typed into a name is shown as text, never as HTML', async () => {
    const evil = '<b id="injected">Lò</b> Văn "Tiêm"';
    const id = await createPerson(s, { full_name: evil });
    const p = await s.get(`/people/${id}`);
    assert.equal(byId(p.html, 'injected'), null, 'person page');
    assert.equal(textById(p.html, 'person-name'), evil);
    const l = await s.get(`/people?q=${encodeURIComponent('tiem')}`);
    assert.equal(byId(l.html, 'injected'), null, 'people list');
    assert.deepEqual(tableNames(l.html).map(decodeEntities), [evil]);
  });

  it('a missing _csrf is refused (403) and nothing is saved', async () => {
    const r = await jarFetch(s.jar, `${rw.url}/people`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ full_name: 'Không Có Mã Biểu Mẫu', gender: 'male', employment: 'civil_servant', status: 'active' }),
    });
    const html = await r.text();
    assert.equal(r.status, 403, show(r, html));
    const l = await s.get(`/people?q=${encodeURIComponent('không có mã biểu mẫu')}`);
    assert.deepEqual(tableNames(l.html), []);
  });
});

describe('concurrent edits of a person', () => {
  let s;
  before(async () => { s = await as(rw, 'vanphong'); });

  it('two edit forms from the same version: the first saves, the second gets 409 and does not overwrite', async () => {
    const id = await createPerson(s, { full_name: 'Ma Văn Sửa', position: 'Chuyên viên' });
    const a = await s.get(`/people/${id}/edit`);
    const b = await s.get(`/people/${id}/edit`);
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    const fa = formValues(a.html, 'person-form');
    const fb = formValues(b.html, 'person-form');
    assert.ok(fa.version && fa.version !== '0', `hidden version in the edit form: ${fa.version}`);
    assert.equal(fa.version, fb.version, 'both browsers saw the same version');
    assert.equal(fa.full_name, 'Ma Văn Sửa');
    assert.equal(fa.birth_date, '15/05/1990', 'dates shown dd/mm/yyyy in the edit form');

    const first = await s.post(`/people/${id}`, { ...fa, position: 'Phó Chánh Văn phòng' });
    assert.equal(first.status, 303, show(first.r, first.html));
    assert.equal(first.location, `/people/${id}`);

    const second = await s.post(`/people/${id}`, { ...fb, full_name: 'Ma Văn Ghi Đè', position: 'Chuyên viên chính' });
    assert.equal(second.status, 409, show(second.r, second.html));
    assert.ok(pageText(second.html).includes('Bản ghi đã được người khác sửa'), pageText(second.html).slice(0, 500));
    assert.equal(byId(second.html, 'f-full_name')?.attrs.value, 'Ma Văn Ghi Đè', 'what the second user typed is kept');

    const p = await s.get(`/people/${id}`);
    assert.equal(textById(p.html, 'person-name'), 'Ma Văn Sửa', 'the second save did not go through');
    assert.ok(pageText(p.html).includes('Phó Chánh Văn phòng'), 'the first change is still there');
    assert.ok(!pageText(p.html).includes('Chuyên viên chính'));

    // Sending the stale form again is still refused (no silent overwrite on a second click).
    const again = await s.post(`/people/${id}`, formValues(second.html, 'person-form'));
    assert.equal(again.status, 409, show(again.r, again.html));
    assert.equal(textById((await s.get(`/people/${id}`)).html, 'person-name'), 'Ma Văn Sửa');

    // Checked last so that the checks above run whatever happens here.
    const marked = findTags(second.html, (t) => /\bis-invalid\b/.test(t.attrs.class ?? '')).map((t) => t.attrs.id);
    assert.deepEqual(marked, [], 'a stale edit is not a field error: no field marked red');
  });

  it('an edit with a bad date keeps the values and the version, and can then be fixed', async () => {
    const id = await createPerson(s, { full_name: 'Vi Thị Sửa Lỗi' });
    const e = await s.get(`/people/${id}/edit`);
    const f = formValues(e.html, 'person-form');
    const bad = await s.post(`/people/${id}`, { ...f, start_date: '30/13/2022' });
    assert.equal(bad.status, 422, show(bad.r, bad.html));
    assert.ok((fieldError(bad.html, 'start_date') ?? '').includes('Ngày không hợp lệ'));
    const f2 = formValues(bad.html, 'person-form');
    assert.equal(f2.version, f.version);
    const ok = await s.post(`/people/${id}`, { ...f2, start_date: '02/01/2022' });
    assert.equal(ok.status, 303, show(ok.r, ok.html));
    assert.ok(pageText((await s.get(`/people/${id}`)).html).includes('02/01/2022'));
  });
});

describe('moving a person to another unit', () => {
  let s;
  before(async () => { s = await as(rw, 'vanphong'); });

  it('the path lists both placements with their dates; the history lists person.move', async () => {
    const csdt = await unitId(s, 'Phòng Chính sách Dân tộc');
    const id = await createPerson(s, { full_name: 'Hoàng Văn Chuyển', start_date: '01/01/2022', position: 'Văn thư' });
    const r = await s.post(`/people/${id}/move`, { unit_id: csdt, position: 'Chuyên viên', date: '01/03/2024' });
    assert.equal(r.status, 303, show(r.r, r.html));
    assert.equal(r.location, `/people/${id}`);
    const p = await s.get(`/people/${id}`);
    assert.deepEqual(listItems(p.html, 'person-path'), [
      '01/01/2022 – 29/02/2024 : Văn phòng, Văn thư',
      '01/03/2024 – nay : Phòng Chính sách Dân tộc, Chuyên viên',
    ]);
    assert.equal(textById(p.html, 'person-unit'), 'Phòng Chính sách Dân tộc');
    const history = (listItems(p.html, 'person-history') ?? []).join('\n');
    assert.ok(history.includes('Chuyển đơn vị'), `history: ${history}`);
    // The unit pages agree.
    const u = await s.get(`/units/${csdt}`);
    assert.ok((listItems(u.html, 'unit-people') ?? []).some((x) => x.startsWith('Hoàng Văn Chuyển')));
  });

  it('a placement without a position shows no position (not the person’s current one)', async () => {
    const csdt = await unitId(s, 'Phòng Chính sách Dân tộc');
    const id = await createPerson(s, { full_name: 'Đinh Văn Chưa Chức', start_date: '01/01/2022', position: '' });
    const r = await s.post(`/people/${id}/move`, { unit_id: csdt, position: 'Phó Trưởng phòng', date: '01/03/2024' });
    assert.equal(r.status, 303, show(r.r, r.html));
    const p = await s.get(`/people/${id}`);
    assert.deepEqual(listItems(p.html, 'person-path'), [
      '01/01/2022 – 29/02/2024 : Văn phòng',
      '01/03/2024 – nay : Phòng Chính sách Dân tộc, Phó Trưởng phòng',
    ]);
  });

  it('a date in the future is refused with a message, and the path is unchanged', async () => {
    const ttra = await unitId(s, 'Thanh tra Ban');
    const id = await createPerson(s, { full_name: 'Nông Văn Tương Lai', start_date: '01/01/2022' });
    const future = new Date(Date.now() + 40 * 86400_000);
    const d = `${String(future.getUTCDate()).padStart(2, '0')}/${String(future.getUTCMonth() + 1).padStart(2, '0')}/${future.getUTCFullYear()}`;
    const r = await s.post(`/people/${id}/move`, { unit_id: ttra, position: '', date: d });
    assert.ok(r.status >= 400 && r.status < 500, `future move: ${show(r.r, r.html)}`);
    assert.ok(pageText(r.html).includes('Ngày này chưa tới'), pageText(r.html).slice(0, 500));
    const p = await s.get(`/people/${id}`);
    assert.equal((listItems(p.html, 'person-path') ?? []).length, 1);
    assert.equal(textById(p.html, 'person-unit'), 'Văn phòng');
  });

  it('a move dated before the current placement began is refused', async () => {
    const ttra = await unitId(s, 'Thanh tra Ban');
    const id = await createPerson(s, { full_name: 'Lý Văn Lùi Ngày', start_date: '01/06/2023' });
    const r = await s.post(`/people/${id}/move`, { unit_id: ttra, position: '', date: '01/01/2023' });
    assert.ok(r.status >= 400 && r.status < 500, show(r.r, r.html));
    assert.ok(pageText(r.html).includes('Ngày chuyển phải sau ngày bắt đầu'), pageText(r.html).slice(0, 500));
  });
});

describe('units: create, rename from a date, merge, close', () => {
  let s;
  before(async () => { s = await as(rw, 'vanphong'); });

  async function createUnit(code, name, from = '01/01/2022', kind = 'department') {
    const r = await s.post('/units', { code, name, kind, from_date: from });
    assert.equal(r.status, 303, show(r.r, r.html));
    const m = /^\/units\/(\d+)$/.exec(r.location ?? '');
    assert.ok(m, `303 to /units/{id}: ${r.location}`);
    return m[1];
  }
  async function version(id) {
    const { html } = await s.get(`/units/${id}`);
    return formValues(html, 'rename-form').version;
  }

  it('POST /units creates a unit: its page and the list show it', async () => {
    const id = await createUnit('TDL', 'Tổ Dữ liệu');
    const u = await s.get(`/units/${id}`);
    assert.equal(u.status, 200);
    assert.equal(textById(u.html, 'unit-name'), 'Tổ Dữ liệu');
    assert.deepEqual(listItems(u.html, 'unit-history'), ['01/01/2022 – nay : Tổ Dữ liệu']);
    const l = await s.get('/units');
    assert.ok(textOf(innerHtml(l.html, byId(l.html, 'units-table'))).includes('Tổ Dữ liệu'));
    // and it is offered in the people filter
    await unitId(s, 'Tổ Dữ liệu');
  });

  it('a duplicate unit code is refused with the form kept', async () => {
    const r = await s.post('/units', { code: 'VP', name: 'Văn phòng hai', kind: 'office', from_date: '' });
    assert.equal(r.status, 409, show(r.r, r.html));
    assert.ok(pageText(r.html).includes('Mã này đã được dùng'), pageText(r.html).slice(0, 400));
    assert.equal(byId(r.html, 'u-name')?.attrs.value, 'Văn phòng hai');
  });

  it('rename from a date: history has both names with dates; people keep the name true on their dates', async () => {
    const id = await createUnit('TKT', 'Tổ Kỹ thuật', '01/01/2022');
    const before = await createPerson(s, { full_name: 'Mông Văn Trước', start_date: '01/06/2022', unit_id: id });
    const r = await s.post(`/units/${id}/rename`, { name: 'Tổ Kỹ thuật và Chuyển đổi số', date: '01/01/2024', version: await version(id) });
    assert.equal(r.status, 303, show(r.r, r.html));
    const after = await createPerson(s, { full_name: 'Mông Thị Sau', start_date: '01/02/2024', unit_id: id });

    const u = await s.get(`/units/${id}`);
    assert.equal(textById(u.html, 'unit-name'), 'Tổ Kỹ thuật và Chuyển đổi số');
    assert.deepEqual(listItems(u.html, 'unit-history'), [
      '01/01/2022 – 31/12/2023 : Tổ Kỹ thuật',
      '01/01/2024 – nay : Tổ Kỹ thuật và Chuyển đổi số',
    ]);

    const pb = await s.get(`/people/${before}`);
    assert.deepEqual(listItems(pb.html, 'person-path'), ['01/06/2022 – nay : Tổ Kỹ thuật, Chuyên viên'],
      'placed before the rename: the old name, true on 01/06/2022');
    assert.equal(textById(pb.html, 'person-unit'), 'Tổ Kỹ thuật và Chuyển đổi số', 'the current unit under its name today');
    const pa = await s.get(`/people/${after}`);
    assert.deepEqual(listItems(pa.html, 'person-path'), ['01/02/2024 – nay : Tổ Kỹ thuật và Chuyển đổi số, Chuyên viên']);
  });

  it('a person moved out before a rename keeps the old name for that period', async () => {
    const id = await createUnit('TBT', 'Tổ Biên tập', '01/01/2022');
    const vp = await unitId(s, 'Văn phòng');
    const pid = await createPerson(s, { full_name: 'Bế Văn Biên', start_date: '01/02/2022', unit_id: id });
    const m = await s.post(`/people/${pid}/move`, { unit_id: vp, position: 'Chuyên viên', date: '01/06/2023' });
    assert.equal(m.status, 303, show(m.r, m.html));
    const r = await s.post(`/units/${id}/rename`, { name: 'Tổ Biên tập Thông tin', date: '01/01/2024', version: await version(id) });
    assert.equal(r.status, 303, show(r.r, r.html));
    const p = await s.get(`/people/${pid}`);
    assert.deepEqual(listItems(p.html, 'person-path'), [
      '01/02/2022 – 31/05/2023 : Tổ Biên tập, Chuyên viên',
      '01/06/2023 – nay : Văn phòng, Chuyên viên',
    ]);
  });

  it('a rename dated on or before the current name began is refused', async () => {
    const id = await createUnit('TNG', 'Tổ Ngày', '01/01/2023');
    const r = await s.post(`/units/${id}/rename`, { name: 'Tổ Ngày Sớm', date: '01/01/2022', version: await version(id) });
    assert.ok(r.status >= 400 && r.status < 500, show(r.r, r.html));
    assert.ok(pageText(r.html).includes('phải sau ngày tên hiện tại'), pageText(r.html).slice(0, 400));
    assert.equal(textById((await s.get(`/units/${id}`)).html, 'unit-name'), 'Tổ Ngày');
  });

  it('merge a unit into another: its people move there and it shows "Đã giải thể"', async () => {
    const id = await createUnit('TSN', 'Tổ Sáp nhập', '01/01/2022');
    const vp = await unitId(s, 'Văn phòng');
    const p1 = await createPerson(s, { full_name: 'Lục Thị Gộp', start_date: '01/03/2022', unit_id: id, position: 'Tổ trưởng' });
    const p2 = await createPerson(s, { full_name: 'Lục Văn Nhập', start_date: '01/03/2022', unit_id: id });
    const r = await s.post(`/units/${id}/merge`, { into: vp, date: '01/06/2024', version: await version(id) });
    assert.equal(r.status, 303, show(r.r, r.html));

    const u = await s.get(`/units/${id}`);
    assert.ok((textById(u.html, 'unit-name') ?? '').includes('Đã giải thể'), `#unit-name: ${textById(u.html, 'unit-name')}`);
    assert.deepEqual(listItems(u.html, 'unit-people') ?? [], [], 'nobody left in the merged unit');
    assert.equal(byId(u.html, 'rename-form'), null, 'no rename form on a closed unit');
    assert.deepEqual(listItems(u.html, 'unit-history'), ['01/01/2022 – 31/05/2024 : Tổ Sáp nhập']);

    for (const pid of [p1, p2]) {
      const p = await s.get(`/people/${pid}`);
      assert.equal(textById(p.html, 'person-unit'), 'Văn phòng');
      const path = listItems(p.html, 'person-path');
      assert.equal(path.length, 2, JSON.stringify(path));
      assert.ok(path[0].startsWith('01/03/2022 – 31/05/2024 : Tổ Sáp nhập'), path[0]);
      assert.ok(path[1].startsWith('01/06/2024 – nay : Văn phòng'), path[1]);
    }
    assert.ok(pageText((await s.get(`/people/${p1}`)).html).includes('Tổ trưởng'), 'position carried over');
    const vpPage = await s.get(`/units/${vp}`);
    const members = listItems(vpPage.html, 'unit-people') ?? [];
    assert.ok(members.some((x) => x.startsWith('Lục Thị Gộp')) && members.some((x) => x.startsWith('Lục Văn Nhập')), members.join(' | '));

    const open = await s.get('/units');
    assert.ok(!textOf(innerHtml(open.html, byId(open.html, 'units-table'))).includes('Tổ Sáp nhập'), 'closed unit hidden by default');
    const all = await s.get('/units?closed=1');
    const row = textOf(innerHtml(all.html, byId(all.html, 'units-table')));
    assert.match(row, /TSN Tổ Sáp nhập \S.* Đã giải thể/, row);
    const filter = await s.get('/people');
    assert.ok(!options(filter.html, 'unit').some((o) => o.text === 'Tổ Sáp nhập'), 'closed unit not offered in the filter');
  });

  it('a merge dated before a member’s placement began does not leave a path running backwards', async () => {
    const id = await createUnit('TSM', 'Tổ Sáp nhập Sớm', '01/01/2022');
    const vp = await unitId(s, 'Văn phòng');
    const pid = await createPerson(s, { full_name: 'Vi Văn Gộp Sớm', start_date: '01/03/2023', unit_id: id });
    const r = await s.post(`/units/${id}/merge`, { into: vp, date: '01/06/2022', version: await version(id) });
    assert.ok(r.status === 303 || (r.status >= 400 && r.status < 500), show(r.r, r.html));
    const p = await s.get(`/people/${pid}`);
    assertTimeline(listItems(p.html, 'person-path'), `path after merging on 01/06/2022 (answer ${r.status})`);
  });

  it('closing dated before the unit began does not leave a history running backwards', async () => {
    const id = await createUnit('TDS', 'Tổ Đóng Sớm', '01/01/2024');
    const r = await s.post(`/units/${id}/close`, { date: '01/01/2020', version: await version(id) });
    assert.ok(r.status === 303 || (r.status >= 400 && r.status < 500), show(r.r, r.html));
    const u = await s.get(`/units/${id}`);
    assertTimeline(listItems(u.html, 'unit-history'), `unit history after closing on 01/01/2020 (answer ${r.status})`);
  });

  it('closing a unit that still has people is refused: "còn cán bộ"', async () => {
    const vp = await unitId(s, 'Văn phòng');
    const r = await s.post(`/units/${vp}/close`, { date: '01/06/2024', version: await version(vp) });
    assert.ok(r.status >= 400 && r.status < 500, show(r.r, r.html));
    assert.ok(pageText(r.html).includes('còn cán bộ'), pageText(r.html).slice(0, 400));
    const u = await s.get(`/units/${vp}`);
    assert.ok(!(textById(u.html, 'unit-name') ?? '').includes('Đã giải thể'));
    assert.ok(byId(u.html, 'rename-form'), 'still active');
  });

  it('closing an empty unit works and shows "Đã giải thể"', async () => {
    const id = await createUnit('TRG', 'Tổ Rỗng', '01/01/2022');
    const r = await s.post(`/units/${id}/close`, { date: '01/06/2024', version: await version(id) });
    assert.equal(r.status, 303, show(r.r, r.html));
    assert.ok((textById((await s.get(`/units/${id}`)).html, 'unit-name') ?? '').includes('Đã giải thể'));
  });

  it('a stale unit version is refused (409)', async () => {
    const id = await createUnit('TCU', 'Tổ Cũ', '01/01/2022');
    const v = await version(id);
    const ok = await s.post(`/units/${id}/rename`, { name: 'Tổ Mới', date: '01/01/2024', version: v });
    assert.equal(ok.status, 303, show(ok.r, ok.html));
    const stale = await s.post(`/units/${id}/rename`, { name: 'Tổ Mới Hơn', date: '01/02/2024', version: v });
    assert.equal(stale.status, 409, show(stale.r, stale.html));
    assert.ok(pageText(stale.html).includes('Bản ghi đã được người khác sửa'));
    assert.equal(textById((await s.get(`/units/${id}`)).html, 'unit-name'), 'Tổ Mới');
  });
});

describe('council: terms and seats', () => {
  let s;
  before(async () => { s = await as(rw, 'vanphong'); });

  /** The section of the term called `name`: { id, html }. */
  function termSection(html, name) {
    for (const sec of findTags(html, (t) => t.name === 'section')) {
      const inner = innerHtml(html, sec);
      const h2 = findTag(inner, (t) => t.name === 'h2');
      if (h2 && textOf(innerHtml(inner, h2)).startsWith(name)) {
        const f = findTag(inner, (t) => t.name === 'form' && /^\/council\/\d+\/seats$/.test(t.attrs.action ?? ''));
        return { id: f ? /\/council\/(\d+)\//.exec(f.attrs.action)[1] : null, html: inner };
      }
    }
    return null;
  }
  const seatsOf = (sec) => {
    const t = findTag(sec.html, (x) => x.name === 'table');
    const body = (innerHtml(sec.html, t) ?? '').split(/<tbody[^>]*>/i)[1] ?? '';
    return body.split(/<tr\b[^>]*>/i).slice(1).map((tr) => tr.split(/<td\b[^>]*>/i).slice(1, 3).map((c) => textOf(c)).join(': '));
  };

  it('the demo term is listed with its chair', async () => {
    const { status, html } = await s.get('/council');
    assert.equal(status, 200);
    const sec = termSection(html, 'Hội đồng Thi đua - Khen thưởng nhiệm kỳ 2021 - 2026');
    assert.ok(sec, 'demo term');
    assert.ok(seatsOf(sec).includes('Chủ tịch Hội đồng: Nông Văn Chiến'), seatsOf(sec).join(' | '));
  });

  it('create a term, seat a chair; a second chair is refused with "chỉ có một Chủ tịch"', async () => {
    const name = 'Hội đồng Thi đua - Khen thưởng nhiệm kỳ 2026 - 2031';
    const t = await s.post('/council', { name, decision_ref: '07/QĐ-BDT', valid_from: '01/02/2026', valid_to: '' });
    assert.equal(t.status, 303, show(t.r, t.html));
    assert.equal(t.location, '/council');
    let page = await s.get('/council');
    let sec = termSection(page.html, name);
    assert.ok(sec?.id, 'the new term with its seat form');
    assert.ok(textOf(sec.html).includes('01/02/2026'), 'start date shown');
    assert.ok(textOf(sec.html).includes('07/QĐ-BDT'), 'decision shown');
    assert.deepEqual(seatsOf(sec), [], 'no seats yet');

    const ids = Object.fromEntries(tableRows((await s.get('/people')).html).map((r) => [r.cells[0], r.id]));
    const chair = await s.post(`/council/${sec.id}/seats`, { person_id: ids['Hà Văn Vui'], seat: 'chair' });
    assert.equal(chair.status, 303, show(chair.r, chair.html));
    page = await s.get('/council');
    sec = termSection(page.html, name);
    assert.deepEqual(seatsOf(sec), ['Chủ tịch Hội đồng: Hà Văn Vui']);

    const second = await s.post(`/council/${sec.id}/seats`, { person_id: ids['Nông Văn Chiến'], seat: 'chair' });
    assert.equal(second.status, 422, show(second.r, second.html));
    const alert = byClass(second.html, 'alert-danger').map((a) => a.text).join(' ');
    assert.ok(alert.includes('chỉ có một Chủ tịch'), `alert: ${alert}`);
    page = await s.get('/council');
    assert.deepEqual(seatsOf(termSection(page.html, name)), ['Chủ tịch Hội đồng: Hà Văn Vui'], 'still one chair');

    // The other seats fill normally.
    const member = await s.post(`/council/${sec.id}/seats`, { person_id: ids['Nông Văn Chiến'], seat: 'member' });
    assert.equal(member.status, 303, show(member.r, member.html));
    page = await s.get('/council');
    assert.ok(seatsOf(termSection(page.html, name)).includes('Ủy viên: Nông Văn Chiến'));
    // The demo term is untouched.
    assert.ok(seatsOf(termSection(page.html, 'Hội đồng Thi đua - Khen thưởng nhiệm kỳ 2021 - 2026')).includes('Chủ tịch Hội đồng: Nông Văn Chiến'));
  });

  it('a term without a start date is refused with the form shown again', async () => {
    const r = await s.post('/council', { name: 'Nhiệm kỳ thiếu ngày', decision_ref: '', valid_from: '', valid_to: '' });
    assert.equal(r.status, 422, show(r.r, r.html));
    assert.ok(byClass(r.html, 'alert-danger').map((a) => a.text).join(' ').includes('Ngày không hợp lệ'));
  });
});

describe('who may do what', () => {
  it('staff (canbo): GET /people works without the add button; /people/new and POST /people are 403', async () => {
    const s = await as(ro, 'canbo');
    const list = await s.get('/people');
    assert.equal(list.status, 200);
    assert.deepEqual(tableNames(list.html), DEMO_NAMES_SORTED);
    assert.equal(byId(list.html, 'add-person'), null, 'no "Thêm cán bộ" for staff');
    const p = await s.get(`/people/${tableRows(list.html)[0].id}`);
    assert.equal(p.status, 200);
    assert.equal(byId(p.html, 'edit-person'), null, 'no edit button');
    assert.equal(byId(p.html, 'move-form'), null, 'no move form');

    const nw = await s.get('/people/new');
    assert.equal(nw.status, 403, show(nw.r, nw.html));
    const post = await s.post('/people', {
      full_name: 'Cán Bộ Tự Thêm', code: 'X1', gender: 'male', birth_date: '', employment: 'civil_servant',
      start_date: '', status: 'active', unit_id: '', position: '',
    });
    assert.equal(post.status, 403, show(post.r, post.html));
    const again = await s.get('/people');
    assert.equal(tableNames(again.html).length, 12, 'nothing added');
  });

  it('staff: editing, moving, units and council changes are 403 too', async () => {
    const s = await as(ro, 'canbo');
    const list = await s.get('/people');
    const id = tableRows(list.html)[0].id;
    assert.equal((await s.get(`/people/${id}/edit`)).status, 403);
    assert.equal((await s.post(`/people/${id}`, { full_name: 'X', version: '1' })).status, 403);
    assert.equal((await s.post(`/people/${id}/move`, { unit_id: '1', date: '01/01/2024' })).status, 403);
    assert.equal((await s.post('/units', { code: 'XX', name: 'X', kind: 'department' })).status, 403);
    assert.equal((await s.post('/units/1/close', { version: '1' })).status, 403);
    assert.equal((await s.post('/council', { name: 'X', valid_from: '01/01/2024' })).status, 403);
    assert.equal((await s.post('/council/1/seats', { person_id: '6', seat: 'chair' })).status, 403);
    const units = await s.get('/units');
    assert.equal(units.status, 200);
    assert.equal(byId(units.html, 'unit-form'), null, 'no add-unit form for staff');
    const council = await s.get('/council');
    assert.equal(council.status, 200);
    assert.equal(byId(council.html, 'term-form'), null, 'no add-term form for staff');
  });

  for (const path of ['/people', '/people/new', '/people/1', '/units', '/units/1', '/council']) {
    it(`anonymous GET ${path} → 303 /login`, async () => {
      const r = await fetch(`${ro.url}${path}`, { redirect: 'manual' });
      await r.arrayBuffer();
      assert.equal(r.status, 303);
      assert.equal(locationPathname(r, ro.url), '/login');
    });
  }

  it('anonymous POST /people does not create anybody', async () => {
    const r = await fetch(`${ro.url}/people`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ full_name: 'Ẩn Danh', gender: 'male', employment: 'civil_servant', status: 'active' }),
    });
    await r.arrayBuffer();
    assert.ok([303, 401, 403].includes(r.status), `status ${r.status}`);
    const s = await as(ro, 'vanphong');
    assert.equal(tableNames((await s.get('/people')).html).length, 12);
  });
});
