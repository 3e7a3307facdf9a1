// Statutory statistics and the province mode over HTTP and the command line (issue 7, part
// h7sf), on the demo (Ban Dân tộc and Sở Văn hóa, Thể thao và Du lịch under Sở Nội vụ): the form
// as JSON for the Office (nulls where the register records nothing), refused for another
// agency's Office as "not found" and for a bad year with a Vietnamese message; the province
// totals for the authority only (403 for an agency's Office, on the page and the API); the pages
// and their XLSX/PDF downloads; `thidua statistics` writing a valid XLSX and a PDF whose text
// carries the form code and the Vietnamese headings.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { as } from '../support/pages.mjs';
import { cli, show, startServer } from '../support/server.mjs';
import { readSheet, unzip } from '../support/xlsx.mjs';

let srv;
const tok = {};

async function call(token, p) {
  const headers = { accept: 'application/json', 'accept-language': 'vi' };
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await fetch(`${srv.url}${p}`, { headers, redirect: 'manual' });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, json, text, why: `GET ${p}\n${show(r, text)}` };
}
const out = (r) => `exit ${r.status ?? r.signal}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
const pdfText = (file) => execFileSync('pdftotext', ['-layout', file, '-']).toString();

before(async () => {
  srv = await startServer({
    demo: true,
    extraAgencies: [{ code: 'SKH', name: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng' }],
    users: [{ login: 'vp_khac', name: 'Văn Phòng Sở Khác', role: 'office', agency: 'SKH' }],
    tokens: [{ login: 'vanphong' }, { login: 'tinh' }, { login: 'vp_khac' }, { login: 'canbo' }],
  });
  Object.assign(tok, srv.tokens);
});
after(async () => { await srv?.dispose(); });

describe('GET /api/v1/statistics/{form}', () => {
  it('gives the Office form 0602 of 2025 with its units, period and due date; unrecorded columns are null', async () => {
    const res = await call(tok.vanphong, '/api/v1/statistics/0602?year=2025');
    assert.equal(res.status, 200, res.why);
    const f = res.json;
    assert.equal(f.form_code, '0602.N/BNV-TĐKT');
    assert.equal(f.reporting_unit, 'Ban Dân tộc tỉnh Cao Bằng');
    assert.equal(f.receiving_unit, 'Sở Nội vụ tỉnh Cao Bằng');
    assert.equal(f.period_from, '2024-12-15');
    assert.equal(f.period_to, '2025-12-14');
    assert.equal(f.due, '15/12/2025');
    const total = f.rows.find((r) => r.code === '01');
    assert.equal(total.values.length, f.columns.length);
    assert.equal(total.values[3], null, 'leaders and managers are not recorded');
    assert.equal(total.values[5], null, 'ethnic minorities are not recorded');
    assert.ok(total.values[0] >= total.values[1] + total.values[6], res.why);
    assert.ok(f.unverified.length > 0);
  });

  it('is "not found" for another agency\'s Office and for a member of staff; a bad year is 422 in Vietnamese', async () => {
    const bdt = (await call(tok.vanphong, '/api/v1/statistics/0601?year=2025')).json.agencies[0].id;
    const other = await call(tok.vp_khac, `/api/v1/statistics/0601?year=2025&agency=${bdt}`);
    assert.equal(other.status, 404, other.why);
    const staff = await call(tok.canbo, '/api/v1/statistics/0601?year=2025');
    assert.equal(staff.status, 404, staff.why);
    const bad = await call(tok.vanphong, '/api/v1/statistics/0601?year=1800');
    assert.equal(bad.status, 422, bad.why);
    assert.match(bad.text, /Năm thống kê phải từ 2000 đến 2100/);
    const unknown = await call(tok.vanphong, '/api/v1/statistics/0699?year=2025');
    assert.equal(unknown.status, 404, unknown.why);
  });
});

describe('GET /api/v1/province/totals', () => {
  it('gives the authority the totals of its agencies, and refuses an agency\'s Office', async () => {
    const res = await call(tok.tinh, '/api/v1/province/totals?year=2025');
    assert.equal(res.status, 200, res.why);
    const codes = res.json.agencies.map((a) => a.agency.code);
    assert.ok(codes.includes('BDT') && codes.includes('SVHTTDL'), res.why);
    assert.ok(!codes.includes('SKH'), 'an agency outside the authority is not counted');
    const sum = (k) => res.json.agencies.reduce((s, a) => s + a[k], 0);
    for (const k of ['movements', 'verified_achievements', 'cash_vnd', 'awards']) assert.equal(res.json.total[k], sum(k), k);
    assert.ok(res.json.total.awards > 0);
    const office = await call(tok.vanphong, '/api/v1/province/totals?year=2025');
    assert.equal(office.status, 403, office.why);
  });
});

describe('the pages', () => {
  it('the Office sees /statistics and downloads XLSX and PDF; /province is 403 for it', async () => {
    const office = await as(srv, 'vanphong');
    const page = await office.get('/statistics?form=0601&year=2025');
    assert.equal(page.status, 200);
    assert.match(page.html, /0601\.N\/BNV-TĐKT/);
    assert.match(page.html, /Sở Nội vụ tỉnh Cao Bằng/);
    const x = await office.download('/statistics/export?form=0601&year=2025&format=xlsx');
    assert.equal(x.status, 200);
    assert.equal(x.body.subarray(0, 2).toString(), 'PK');
    const p = await office.download('/statistics/export?form=0603&year=2025&format=pdf');
    assert.equal(p.status, 200);
    assert.equal(p.body.subarray(0, 5).toString(), '%PDF-');
    assert.match(p.disposition, /bieu-0603-2025-BDT\.pdf/);
    assert.equal((await office.get('/province')).status, 403);
  });

  it('the authority sees /province with the total row, and downloads the totals XLSX', async () => {
    const tinh = await as(srv, 'tinh');
    const page = await tinh.get('/province?year=2025');
    assert.equal(page.status, 200);
    assert.match(page.html, /id="province-total-row"/);
    assert.match(page.html, /Sở Văn hóa, Thể thao và Du lịch tỉnh Cao Bằng/);
    const x = await tinh.download('/province/totals.xlsx?year=2025');
    assert.equal(x.status, 200);
    const names = [...unzip(x.body).keys()].filter((n) => n.startsWith('xl/worksheets/sheet'));
    assert.equal(names.length, 5, 'per agency, awards by form and the three forms');
    const rows = readSheet(x.body).rows.map((r) => r.join('|'));
    assert.ok(rows.some((r) => r.includes('Tổng cộng')), 'a total row');
  });
});

describe('thidua statistics', () => {
  it('writes a valid XLSX and a PDF with the form code and Vietnamese headings', () => {
    const x = path.join(srv.dir, 'bieu-0602.xlsx');
    const w = cli(['statistics', '--db', srv.dbUrl, '--agency', 'BDT', '--form', '0602', '--year', '2025', '--format', 'xlsx', '--out', x]);
    assert.equal(w.status, 0, out(w));
    assert.equal(fs.readFileSync(x).subarray(0, 2).toString(), 'PK');
    const p = path.join(srv.dir, 'bieu-0601.pdf');
    const r = cli(['statistics', '--db', srv.dbUrl, '--agency', 'SVHTTDL', '--form', '0601', '--year', '2025', '--format', 'pdf', '--out', p]);
    assert.equal(r.status, 0, out(r));
    assert.equal(fs.readFileSync(p).subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(p).normalize('NFC');
    assert.match(text, /0601\.N\/BNV-TĐKT/);
    assert.match(text, /SỐ PHONG TRÀO THI ĐUA/);
    assert.match(text, /Đơn vị báo cáo: Sở Văn hóa, Thể thao và Du lịch/);
    assert.match(text, /Đơn vị nhận báo cáo: Sở Nội vụ tỉnh Cao Bằng/);
    assert.match(text, /Do tỉnh phát động/);
    const bad = cli(['statistics', '--db', srv.dbUrl, '--agency', 'BDT', '--form', '0609', '--year', '2025', '--out', p]);
    assert.notEqual(bad.status, 0);
  });
});
