// Eligibility for commendation over HTTP and the command line (issue 6, part 1), on the demo
// data (ratings of 2024 and 2025, a reprimand, a maternity leave, past awards): the API's list
// for the Office, a unit head and a member of staff; another agency's Office is told nothing
// exists; bad input refused with Vietnamese messages and nothing written (a year out of range,
// an unknown rating, a person of another agency, staff posting the Office's form); the list as
// XLSX; `thidua eligibility` as JSON and XLSX; a malformed rule file stops the start naming its
// file and key.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { as } from '../support/pages.mjs';
import { cli, jarFetch, show, startServer } from '../support/server.mjs';
import { readSheet, unzip } from '../support/xlsx.mjs';

let srv;
const tok = {};
let people;

async function call(token, p) {
  const headers = { accept: 'application/json', 'accept-language': 'vi' };
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await fetch(`${srv.url}${p}`, { headers, redirect: 'manual' });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { r, status: r.status, text, json, why: `GET ${p}\n${show(r, text)}` };
}

const verdict = (list, name, form) => list.find((s) => s.name === name)?.forms.find((f) => f.form === form)?.verdict;
const out = (r) => `exit ${r.status ?? r.signal}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;

before(async () => {
  srv = await startServer({
    demo: true,
    extraAgencies: [{ code: 'SKH', name: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng' }],
    users: [{ login: 'vp_khac', name: 'Văn Phòng Sở Khác', role: 'office', agency: 'SKH' }],
    tokens: [{ login: 'vanphong' }, { login: 'canbo' }, { login: 'truongphong' }, { login: 'vp_khac' }],
  });
  Object.assign(tok, srv.tokens);
  people = Object.fromEntries((await call(tok.vanphong, '/api/v1/people?per_page=100')).json.items
    .map((p) => [p.full_name, p]));
});
after(async () => { await srv?.dispose(); });

describe('GET /api/v1/eligibility', () => {
  it('gives the Office every person and unit with verdicts, conditions and citations', async () => {
    const res = await call(tok.vanphong, '/api/v1/eligibility?year=2025');
    assert.equal(res.status, 200, res.why);
    const d = res.json;
    assert.deepEqual(d.rule_set.layers, ['national-2025-152', 'province-cao-bang-2024']);
    assert.equal(d.people.length, 12);
    assert.equal(d.units.length, 6);
    // Rated excellent: CSTĐCS without an initiative under the 2022 law.
    assert.equal(verdict(d.people, 'Nông Thị Hoa', 'grassroots_fighter'), 'eligible');
    // Reprimanded in 2025: not an Advanced Worker.
    assert.equal(verdict(d.people, 'Lục Văn Quang', 'advanced_worker'), 'not_eligible');
    // Her 2025 rating is not entered yet.
    assert.equal(verdict(d.people, 'Đinh Thị Mai', 'advanced_worker'), 'cannot_tell');
    // Six months of maternity leave count as working time.
    const anh = d.people.find((p) => p.name === 'Triệu Thị Ánh').forms.find((f) => f.form === 'advanced_worker');
    assert.equal(anh.verdict, 'eligible');
    const worked = anh.conditions.find((c) => c.type === 'worked_months_at_least');
    assert.match(worked.text, /ngày nghỉ thai sản được tính là thời gian công tác/);
    assert.equal(worked.verified, false, 'the rule is marked unverified in the rule file');
    // CSTĐCS in 2023 and 2024 (imported) and eligible in 2025: a Bằng khen.
    assert.equal(verdict(d.people, 'Lương Văn Thành', 'diploma_of_merit'), 'eligible');
    const unit = d.units.find((u) => u.name === 'Thanh tra Ban').forms.find((f) => f.form === 'advanced_collective');
    assert.equal(unit.verdict, 'not_eligible');
    assert.ok(unit.conditions.every((c) => c.citation.length > 0));
  });

  it('a unit head sees their unit; staff their own row; another agency nothing', async () => {
    const head = await call(tok.truongphong, '/api/v1/eligibility?year=2025');
    assert.equal(head.status, 200, head.why);
    assert.deepEqual(head.json.units.map((u) => u.name), ['Phòng Kế hoạch - Tổng hợp và Tuyên truyền']);
    assert.deepEqual(head.json.people.map((p) => p.name).sort(), ['Hoàng Thị Lan', 'Triệu Thị Ánh']);
    const staff = await call(tok.canbo, '/api/v1/eligibility?year=2025');
    assert.deepEqual(staff.json.people.map((p) => p.name), ['Đàm Văn Đức']);
    assert.deepEqual(staff.json.units, []);
    const bdt = head.json.agency_id;
    const other = await call(tok.vp_khac, `/api/v1/eligibility?agency=${bdt}&year=2025`);
    assert.equal(other.status, 404, other.why);
  });

  it('refuses a year out of range, in Vietnamese', async () => {
    const res = await call(tok.vanphong, '/api/v1/eligibility?year=1999');
    assert.equal(res.status, 422, res.why);
    assert.match(res.json.error.fields.year, /Năm nằm ngoài khoảng được xét/);
    const plain = await call(tok.vanphong, '/api/v1/eligibility');
    assert.equal(plain.status, 200, plain.why);
    assert.equal(plain.json.year, new Date().getUTCFullYear() - 1, 'the year just ended');
  });
});

describe('the Office\'s inputs on the page', () => {
  it('refuses an unknown rating, another agency\'s person, and staff; nothing is written', async () => {
    const office = await as(srv, 'vanphong');
    const page = await office.get('/eligibility?year=2025');
    assert.equal(page.status, 200);
    assert.match(page.html, /Xét điều kiện khen thưởng 2025/);
    const mai = people['Đinh Thị Mai'].id;
    const bad = await office.post('/eligibility/ratings', { subject: `person:${mai}`, year: '2025', rating: 'tuyệt vời' });
    assert.equal(bad.status, 422);
    assert.match(bad.html, /Mức xếp loại không hợp lệ/);
    const early = await office.post('/eligibility/ratings', { subject: `person:${mai}`, year: '1999', rating: 'good' });
    assert.equal(early.status, 422);
    const stranger = await office.post('/eligibility/ratings', { subject: 'person:999999', year: '2025', rating: 'good' });
    assert.equal(stranger.status, 404);
    const staff = await as(srv, 'canbo');
    const denied = await staff.post('/eligibility/ratings', { subject: `person:${mai}`, year: '2025', rating: 'good' });
    assert.equal(denied.status, 403);
    const still = await call(tok.vanphong, '/api/v1/eligibility?year=2025');
    assert.equal(verdict(still.json.people, 'Đinh Thị Mai', 'advanced_worker'), 'cannot_tell', 'nothing was written');
    const ok = await office.post('/eligibility/ratings', { subject: `person:${mai}`, year: '2025', rating: 'good', unit: '' });
    assert.equal(ok.status, 303, ok.html);
    const now = await call(tok.vanphong, '/api/v1/eligibility?year=2025');
    assert.equal(verdict(now.json.people, 'Đinh Thị Mai', 'advanced_worker'), 'eligible');
  });

  it('exports the list as XLSX with the reasons', async () => {
    const office = await as(srv, 'vanphong');
    const file = await office.download('/eligibility.xlsx?year=2025');
    assert.equal(file.status, 200);
    assert.match(file.type, /spreadsheetml/);
    const { rows } = readSheet(file.body);
    assert.deepEqual(rows[1].slice(0, 3), ['Đối tượng', 'Đơn vị', 'Lao động tiên tiến'], 'the people sheet');
    assert.ok(rows.some((row) => row[0] === 'Nông Thị Hoa' && row.includes('Đủ điều kiện')));
    const files = unzip(file.body);
    assert.ok(files.get('xl/worksheets/sheet3.xml'), 'people, units, and the reasons');
    assert.match(files.get('xl/sharedStrings.xml').toString('utf8'), /Điều 24 khoản 1/);
  });
});

describe('the XLSX imports', () => {
  it('the Office opens the form; a file that is not XLSX is refused; staff may not', async () => {
    const office = await as(srv, 'vanphong');
    const page = await office.get('/eligibility/import?kind=awards&year=2025');
    assert.equal(page.status, 200);
    assert.match(page.html, /Danh hiệu\/hình thức, Năm, Số quyết định/);
    const fd = new FormData();
    fd.set('_csrf', office.csrf);
    fd.set('kind', 'ratings');
    fd.set('year', '2025');
    fd.set('file', new Blob([Buffer.from('Mã,Xếp loại\nBDT011,good\n')]), 'xep-loai.xlsx');
    const r = await jarFetch(office.jar, `${srv.url}/eligibility/import`, { method: 'POST', body: fd });
    assert.equal(r.status, 422);
    assert.match(await r.text(), /id="import-error"/);
    const staff = await as(srv, 'canbo');
    assert.equal((await staff.get('/eligibility/import')).status, 403);
  });
});

describe('thidua eligibility', () => {
  it('prints the JSON of the agency and writes XLSX', () => {
    const r = cli(['eligibility', '--db', srv.dbUrl, '--agency', 'BDT', '--year', '2024']);
    assert.equal(r.status, 0, out(r));
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.year, 2024);
    assert.deepEqual(doc.rule_set.layers, ['national-2024-98', 'province-cao-bang-2024']);
    assert.equal(doc.people.length, 12);
    const x = path.join(srv.dir, 'e.xlsx');
    const w = cli(['eligibility', '--db', srv.dbUrl, '--agency', 'BDT', '--year', '2024', '--format', 'xlsx', '--out', x]);
    assert.equal(w.status, 0, out(w));
    assert.ok(fs.statSync(x).size > 1000);
    const bad = cli(['eligibility', '--db', srv.dbUrl, '--agency', 'BDT', '--year', '2017']);
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /Năm nằm ngoài khoảng được xét/);
  });

  it('a malformed rule file stops it, naming the file and the key', () => {
    const dir = path.join(srv.dir, 'bad-data');
    fs.mkdirSync(path.join(dir, 'rules', 'commendation'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'rules', 'commendation', 'province.toml'),
      'code = "province-cao-bang-2024"\nname = "Sửa"\nlayer = "province"\nscope = "cao_bang"\n' +
      'in_force_from = 2024-05-24\ncitation = "QĐ 12/2024"\n[[rule]]\nform = "golden_star"\nsubject = "person"\n' +
      'citation = "x"\n  [[rule.condition]]\n  type = "rating_at_least"\n  rating = "good"\n  citation = "x"\n');
    const r = cli(['eligibility', '--db', srv.dbUrl, '--agency', 'BDT', '--year', '2024'], { env: { THIDUA_DATA_DIR: dir } });
    assert.notEqual(r.status, 0, out(r));
    assert.match(r.stderr, /province\.toml/);
    assert.match(r.stderr, /rule\[0\]\.form/);
  });
});
