// The communes an agency supports, over HTTP: the catalogue imported through its page (a file
// with problems refused row by row, then the good one previewed and committed) and exported to
// Excel; assignments and assessments through the API with every refusal (422 naming the
// field, 409 for the same date or a stale edit, 404 for another agency); the overview, a
// commune's page with its chart and the merger's history, the assessment form refused and
// kept as typed, withdrawal; every list as XLSX.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { as, formValues } from '../support/pages.mjs';
import { DEFAULT_PASSWORD, byId, jarFetch, show, startServer, textById } from '../support/server.mjs';
import { readSheet } from '../support/xlsx.mjs';

let srv;
const tok = {};
const ctx = {};

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

function assert422(res, field) {
  assert.equal(res.status, 422, res.why);
  assert.ok(Object.hasOwn(res.json.error.fields, field), `error names ${field}: ${res.why}`);
}

/** The text of the element with `id`, white space collapsed ("" when there is none). */
const tid = (html, id) => (textById(html, id) ?? '').replace(/\s+/g, ' ').trim();

/** Posts a file to a multipart form of the signed-in browser `b`. */
async function upload(b, path, name, bytes) {
  const fd = new FormData();
  fd.set('_csrf', b.csrf);
  fd.set('file', new Blob([bytes]), name);
  const r = await jarFetch(b.jar, `${srv.url}${path}`, { method: 'POST', body: fd });
  return { status: r.status, html: await r.text() };
}

before(async () => {
  srv = await startServer({
    agencies: [{ code: 'BDT', name: 'Ban Dân tộc tỉnh Cao Bằng' }, { code: 'SKH', name: 'Sở Khoa học và Công nghệ' }],
    users: [
      { login: 'quantri', name: 'Quản Trị Viên', role: 'admin' },
      { login: 'vanphong', name: 'Nông Thị Hoa', role: 'office', agency: 'BDT' },
      { login: 'lanhdao', name: 'Hà Văn Vui', role: 'leader', agency: 'BDT' },
      { login: 'vp_khac', name: 'Văn Phòng Sở Khác', role: 'office', agency: 'SKH' },
    ],
    tokens: [{ login: 'quantri' }, { login: 'vanphong' }, { login: 'lanhdao' }, { login: 'vp_khac' }],
    demoPassword: DEFAULT_PASSWORD,
  });
  Object.assign(tok, srv.tokens);
});
after(async () => { await srv?.stop(); });

describe('the catalogue of communes', () => {
  it('imports a file through its page: problems listed row by row, nothing written; then the good file', async () => {
    const admin = await as(srv, 'quantri');
    const form = await admin.get('/communes/catalogue/import');
    assert.equal(form.status, 200);
    const bad = 'Mã xã,Tên xã,Loại,Huyện,Tỉnh\n01294,Lý Bôn,Xã,Bảo Lâm,Cao Bằng\n01A97,Nam Cao,Xã,Bảo Lâm,Cao Bằng\n'
      + '01294,Lý Bôn,Xã,Bảo Lâm,Cao Bằng\n01348,Hồng Trị,Xóm,Bảo Lạc,Cao Bằng\n';
    const refused = await upload(admin, '/communes/catalogue/import', 'xa.csv', bad);
    assert.equal(refused.status, 422, refused.html.slice(0, 400));
    const problems = tid(refused.html, 'import-problems');
    assert.match(problems, /3 Mã xã Mã xã chỉ gồm chữ số/);
    assert.match(problems, /4 .*trùng|4 .*dòng/i);
    assert.match(problems, /5 Loại/);
    assert.equal((await call(tok.quantri, 'GET', '/api/v1/commune-catalogue')).json.total, 0, 'nothing written');

    const good = 'Mã xã;Tên xã;Loại;Huyện;Tỉnh\n01294;Lý Bôn;Xã;Bảo Lâm;Cao Bằng\n01297;Nam Cao;Xã;Bảo Lâm;Cao Bằng\n'
      + '01348;Hồng Trị;Xã;Bảo Lạc;Cao Bằng\n01327;Bảo Lạc;Thị trấn;Bảo Lạc;Cao Bằng\n';
    const preview = await upload(admin, '/communes/catalogue/import', 'xa.csv', good);
    assert.equal(preview.status, 200, preview.html.slice(0, 400));
    assert.match(tid(preview.html, 'import-summary'), /Số dòng: 4 Thêm mới: 4/);
    const token = formValues(preview.html, 'import-commit').token;
    const done = await admin.post('/communes/catalogue/import/commit', { token });
    assert.equal(done.status, 303, done.html.slice(0, 200));
    const list = await call(tok.vanphong, 'GET', '/api/v1/commune-catalogue?q=bao%20lac');
    assert.deepEqual(list.json.items.map((c) => [c.code, c.name, c.kind]), [['01327', 'Bảo Lạc', 'thi_tran']]);
    // Importing the same file again changes nothing.
    const again = await upload(admin, '/communes/catalogue/import', 'xa.csv', good);
    assert.match(tid(again.html, 'import-summary'), /Không đổi: 4/);
  });

  it('the new commune of the 2025 reorganisation is added; the Office may not change the catalogue', async () => {
    const created = await call(tok.quantri, 'POST', '/api/v1/commune-catalogue',
      { code: '01299', name: 'Nam Quang', kind: 'xa', district: '', province: 'Cao Bằng', since: '01/07/2025' });
    assert.equal(created.status, 201, created.why);
    const taken = await call(tok.quantri, 'POST', '/api/v1/commune-catalogue',
      { code: '01299', name: 'Trùng mã', province: 'Cao Bằng' });
    assert.equal(taken.status, 409, taken.why);
    assert422(await call(tok.quantri, 'POST', '/api/v1/commune-catalogue', { code: 'abc', name: '', province: 'Cao Bằng' }), 'code');
    const office = await call(tok.vanphong, 'POST', '/api/v1/commune-catalogue', { code: '09999', name: 'X', province: 'Y' });
    assert.equal(office.status, 403, office.why);
  });

  it('the catalogue exports to Excel as listed', async () => {
    const office = await as(srv, 'vanphong');
    const x = await office.download('/communes/catalogue/export.xlsx?district=B%E1%BA%A3o%20L%C3%A2m');
    assert.equal(x.status, 200);
    const { rows } = readSheet(x.body);
    assert.deepEqual(rows[0].slice(0, 5), ['Mã xã', 'Tên xã', 'Loại', 'Huyện', 'Tỉnh']);
    assert.deepEqual(rows.slice(1).map((r) => r[1]), ['Lý Bôn', 'Nam Cao']);
  });
});

describe('assignments and assessments through the API', () => {
  before(async () => {
    const list = await call(tok.vanphong, 'GET', '/api/v1/commune-catalogue?per_page=50');
    for (const c of list.json.items) ctx[c.code] = c;
  });

  it('assigns communes by Decision 1177/QĐ-UBND; refuses what is wrong', async () => {
    const bad = await call(tok.vanphong, 'POST', '/api/v1/commune-assignments',
      { commune_code: '99999', decision_ref: '', target_level: 'ntm_best', target_year: 1850, decision_date: '31/02/2022' });
    assert.equal(bad.status, 422, bad.why);
    for (const f of ['commune_code', 'decision_ref', 'target_level', 'target_year', 'decision_date']) {
      assert.ok(Object.hasOwn(bad.json.error.fields, f), `${f}: ${bad.why}`);
    }
    for (const code of ['01294', '01297', '01348']) {
      const a = await call(tok.vanphong, 'POST', '/api/v1/commune-assignments', {
        commune_code: code, decision_ref: '1177/QĐ-UBND', decision_date: '12/09/2022', target_level: 'ntm', target_year: 2025,
      });
      assert.equal(a.status, 201, a.why);
      assert.equal(a.json.valid_from, '2022-09-12');
      ctx[code].assignment = a.json;
    }
    const twice = await call(tok.vanphong, 'POST', '/api/v1/commune-assignments',
      { commune_code: '01294', decision_ref: '1177/QĐ-UBND', decision_date: '12/09/2022', target_level: 'ntm' });
    assert.equal(twice.status, 409, twice.why);
    const leader = await call(tok.lanhdao, 'POST', '/api/v1/commune-assignments',
      { commune_code: '01327', decision_ref: '1/QĐ', decision_date: '12/09/2022', target_level: 'ntm' });
    assert.equal(leader.status, 403, leader.why);
    const stale = await call(tok.vanphong, 'PUT', `/api/v1/commune-assignments/${ctx['01348'].assignment.id}`,
      { version: 0, decision_ref: '1177/QĐ-UBND', target_level: 'ntm_advanced', valid_from: '12/09/2022' });
    assert.equal(stale.status, 409, stale.why);
  });

  it('records assessments on the set in force, and refuses the wrong ones', async () => {
    const sets = await call(tok.vanphong, 'GET', '/api/v1/criteria-sets?on=2024-06-20&level=ntm');
    assert.equal(sets.status, 200, sets.why);
    assert.equal(sets.json.items.length, 1);
    const set = sets.json.items[0];
    assert.equal(set.criteria.length, 19);
    assert.match(set.citation, /318\/QĐ-TTg/);
    const later = await call(tok.vanphong, 'GET', '/api/v1/criteria-sets?on=2026-03-01&level=ntm');
    assert.equal(later.json.items[0].criteria.length, 10);
    assert.match(later.json.items[0].citation, /51\/2025\/QĐ-TTg/);
    ctx.criteria = set.criteria;
    const items = (met) => set.criteria.map((c) => ({ criterion_id: c.id, met: c.number <= met, note: c.number <= met ? '' : 'Chưa đạt' }));
    const id = ctx['01294'].id;
    const one = await call(tok.vanphong, 'POST', `/api/v1/communes/${id}/assessments`,
      { assessed_on: '20/06/2024', kind: 'half_year', items: items(12) });
    assert.equal(one.status, 201, one.why);
    assert.equal(one.json.criteria_met, 12);
    assert.equal(one.json.criteria_total, 19);
    ctx.assessment = one.json;
    const same = await call(tok.vanphong, 'POST', `/api/v1/communes/${id}/assessments`, { assessed_on: '2024-06-20', items: items(13) });
    assert.equal(same.status, 409, same.why);
    assert422(await call(tok.vanphong, 'POST', `/api/v1/communes/${id}/assessments`, { assessed_on: '01/01/2099', items: items(13) }), 'assessed_on');
    assert422(await call(tok.vanphong, 'POST', `/api/v1/communes/${id}/assessments`, { assessed_on: '01/06/2022', items: items(13) }), 'assessed_on');
    const partial = items(13).slice(1);
    assert422(await call(tok.vanphong, 'POST', `/api/v1/communes/${id}/assessments`, { assessed_on: '20/12/2024', items: partial }),
      `met_${set.criteria[0].id}`);
    const foreign = [...items(13), { criterion_id: later.json.items[0].criteria[0].id, met: true }];
    assert422(await call(tok.vanphong, 'POST', `/api/v1/communes/${id}/assessments`, { assessed_on: '20/12/2024', items: foreign }), 'items');
    const second = await call(tok.vanphong, 'POST', `/api/v1/communes/${id}/assessments`, { assessed_on: '20/12/2024', items: items(14) });
    assert.equal(second.status, 201, second.why);
    const three = await call(tok.vanphong, 'POST', `/api/v1/communes/${ctx['01348'].id}/assessments`,
      { assessed_on: '20/12/2024', items: items(16) });
    assert.equal(three.status, 201, three.why);
    const nc = await call(tok.vanphong, 'POST', `/api/v1/communes/${ctx['01297'].id}/assessments`,
      { assessed_on: '20/12/2024', items: items(11) });
    assert.equal(nc.status, 201, nc.why);
  });

  it('another agency gets 404 everywhere, exactly as for a commune that does not exist', async () => {
    const id = ctx['01294'].id;
    for (const [method, path, body] of [
      ['GET', `/api/v1/communes/${id}`],
      ['GET', `/api/v1/communes/${id}/assessments`],
      ['GET', `/api/v1/communes/${id}/assessments/${ctx.assessment.id}`],
      ['POST', `/api/v1/communes/${id}/assessments`, { assessed_on: '20/06/2025', items: [] }],
      ['POST', `/api/v1/communes/${id}/assessments/${ctx.assessment.id}/withdraw`, { reason: 'x' }],
      ['GET', `/api/v1/commune-assignments/${ctx['01294'].assignment.id}`],
    ]) {
      const res = await call(tok.vp_khac, method, path, body);
      assert.equal(res.status, 404, res.why);
      assert.ok(!res.text.includes('Lý Bôn'), res.why);
    }
    const page = await (await as(srv, 'vp_khac')).get(`/communes/${id}`);
    assert.equal(page.status, 404);
    const theirs = await call(tok.vp_khac, 'GET', '/api/v1/communes');
    assert.deepEqual(theirs.json.items, []);
  });

  it('the overview lists them with the latest assessment and the yardsticks', async () => {
    const o = await call(tok.vanphong, 'GET', '/api/v1/communes?sort=met&dir=desc');
    assert.equal(o.status, 200, o.why);
    assert.deepEqual(o.json.items.map((c) => [c.name, c.latest_assessment?.criteria_met]),
      [['Hồng Trị', 16], ['Lý Bôn', 14], ['Nam Cao', 11]]);
    assert.equal(o.json.yardsticks.reaching_min_criteria, 1);
    assert.equal(o.json.yardsticks.min_criteria, 15);
    const below = await call(tok.vanphong, 'GET', '/api/v1/communes?band=below');
    assert.deepEqual(below.json.items.map((c) => c.name).sort(), ['Lý Bôn', 'Nam Cao']);
  });

  it('the merger: the old commune keeps its records; its assignment continues on the new commune', async () => {
    const nc = ctx['01297'];
    const stale = await call(tok.quantri, 'POST', '/api/v1/commune-catalogue/changes',
      { code: '01297', version: nc.version + 5, change: 'merge', into_code: '01299', effective_date: '01/07/2025', decision_ref: 'NQ/UBTVQH15' });
    assert.equal(stale.status, 409, stale.why);
    const merged = await call(tok.quantri, 'POST', '/api/v1/commune-catalogue/changes',
      { code: '01297', version: nc.version, change: 'merge', into_code: '01299', effective_date: '01/07/2025', decision_ref: 'NQ/UBTVQH15' });
    assert.equal(merged.status, 200, merged.why);
    assert.equal(merged.json.status, 'merged');
    const old = await call(tok.vanphong, 'GET', `/api/v1/communes/${nc.id}`);
    assert.equal(old.json.latest_assessment.criteria_met, 11, 'the records stay with the old commune');
    assert.equal(old.json.assignments[0].valid_to, '2025-07-01');
    const page = await (await as(srv, 'vanphong')).get(`/communes/${nc.id}`);
    assert.match(tid(page.html, 'commune-merged'), /Sáp nhập vào xã Nam Quang từ ngày 01\/07\/2025/);
    const fresh = await call(tok.vanphong, 'GET', `/api/v1/communes/${ctx['01299'].id}`);
    assert.equal(fresh.status, 200, fresh.why);
    assert.equal(fresh.json.assignments[0].valid_from, '2025-07-01');
    assert.equal(fresh.json.lineage[0].from_name, 'Nam Cao');
  });

  it('recognitions: recorded once, a duplicate is 409', async () => {
    const id = ctx['01348'].id;
    const r = await call(tok.vanphong, 'POST', `/api/v1/communes/${id}/recognitions`,
      { level: 'ntm', year: 2025, decision_ref: '2856/QĐ-UBND', decision_date: '30/12/2025' });
    assert.equal(r.status, 201, r.why);
    assert.equal(r.json.issuer, 'UBND tỉnh Cao Bằng');
    const dup = await call(tok.vanphong, 'POST', `/api/v1/communes/${id}/recognitions`,
      { level: 'ntm', year: 2025, decision_ref: '2857/QĐ-UBND' });
    assert.equal(dup.status, 409, dup.why);
    assert422(await call(tok.vanphong, 'POST', `/api/v1/communes/${id}/recognitions`, { level: 'ntm', decision_ref: 'x' }), 'year');
  });
});

describe('the pages', () => {
  let office;
  before(async () => { office = await as(srv, 'vanphong'); });

  it('the overview: a table, a chart per criteria set with the yardstick, links to each commune', async () => {
    const page = await office.get('/communes');
    assert.equal(page.status, 200);
    assert.match(tid(page.html, 'communes-table'), /Xã Hồng Trị.*16\/19/);
    assert.match(page.html, /<svg[^>]*role="img"/);
    assert.match(page.html, /class="chart-yardstick"/);
    const sorted = await office.get('/communes?sort=met&dir=desc');
    assert.match(tid(sorted.html, 'communes-table'), /^.*Hồng Trị.*Lý Bôn/);
  });

  it('a commune\'s page: criteria met, the trend with its table, gaps with the latest note', async () => {
    const page = await office.get(`/communes/${ctx['01294'].id}`);
    assert.equal(page.status, 200);
    assert.match(tid(page.html, 'criteria-met'), /14\/19 tiêu chí đạt/);
    assert.match(tid(page.html, 'trend-table'), /20\/06\/2024 12\/19 20\/12\/2024 14\/19/);
    assert.match(tid(page.html, 'gaps-table'), /15 Y tế Chưa đạt/);
    assert.match(page.html, /id="commune-trend-title"/);
  });

  it('the assessment form: a criterion left blank comes back with the message and what was typed', async () => {
    const id = ctx['01294'].id;
    const form = await office.get(`/communes/${id}/assessments/new?date=01/06/2025`);
    assert.equal(form.status, 200);
    assert.ok(byId(form.html, 'as-evidence'), 'an evidence file input');
    const criteria = ctx.criteria.map((c) => String(c.id));
    // The form is multipart (it carries evidence files), as a browser sends it.
    const send = async (withFirst, file) => {
      const fd = new FormData();
      fd.set('_csrf', office.csrf);
      for (const [k, v] of Object.entries({ assessed_on: '2025-06-01', kind: 'half_year', note: 'Rà soát giữa năm' })) fd.set(k, v);
      for (const c of criteria) fd.append('criteria', c);
      for (const c of criteria.slice(1)) fd.append(`met_${c}`, '1');
      if (withFirst) fd.append(`met_${criteria[0]}`, '0');
      fd.append(`note_${criteria[0]}`, 'Chưa chọn trạng thái');
      if (file) fd.set('evidence', new Blob([file.bytes]), file.name);
      const r = await jarFetch(office.jar, `${srv.url}/communes/${id}/assessments`, { method: 'POST', body: fd });
      return { status: r.status, html: await r.text() };
    };
    const refused = await send(false);
    assert.equal(refused.status, 422, refused.html.slice(0, 300));
    assert.match(tid(refused.html, `criterion-${criteria[0]}`), /Chọn Đạt hoặc Chưa đạt/);
    assert.equal(formValues(refused.html, 'assess-form')[`note_${criteria[0]}`], 'Chưa chọn trạng thái');
    assert.equal(formValues(refused.html, 'assess-form').note, 'Rà soát giữa năm');
    // A "PDF" that is not one: refused by its content, the form as typed.
    const wrong = await send(true, { bytes: 'MZ\x90 not a pdf', name: 'bien-ban.pdf' });
    assert.equal(wrong.status, 422, wrong.html.slice(0, 300));
    assert.equal(formValues(wrong.html, 'assess-form').note, 'Rà soát giữa năm');
    const saved = await send(true, { bytes: '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', name: 'bien-ban.pdf' });
    assert.equal(saved.status, 303, saved.html.slice(0, 300));
    const api = await call(tok.vanphong, 'GET', `/api/v1/communes/${id}`);
    assert.equal(api.json.latest_assessment.assessed_on, '2025-06-01');
    assert.equal(api.json.latest_assessment.criteria_met, 18);
    const one = await call(tok.vanphong, 'GET', `/api/v1/communes/${id}/assessments/${api.json.latest_assessment.id}`);
    assert.deepEqual(one.json.evidence.map((e) => [e.file_name, e.content_type]), [['bien-ban.pdf', 'application/pdf']]);
    const page = await office.get(`/communes/${id}/assessments/${api.json.latest_assessment.id}`);
    assert.match(tid(page.html, 'assessment-evidence'), /bien-ban\.pdf/);
    const mine = await office.download(one.json.evidence[0].url);
    assert.equal(mine.status, 200);
    assert.equal(mine.type, 'application/pdf');
    const other = await (await as(srv, 'vp_khac')).get(one.json.evidence[0].url);
    assert.equal(other.status, 404, 'another agency does not get the file');
  });

  it('withdrawing an assessment needs a reason and keeps it', async () => {
    const id = ctx['01294'].id;
    const a = ctx.assessment.id;
    const refused = await office.post(`/communes/${id}/assessments/${a}/withdraw`, { reason: '' });
    assert.equal(refused.status, 422);
    assert.ok(byId(refused.html, 'withdraw-error'));
    const ok = await office.post(`/communes/${id}/assessments/${a}/withdraw`, { reason: 'Nhập nhầm tiêu chí 5' });
    assert.equal(ok.status, 303);
    const page = await office.get(`/communes/${id}/assessments/${a}`);
    assert.match(tid(page.html, 'withdrawn-reason'), /Nhập nhầm tiêu chí 5/);
    const twice = await call(tok.vanphong, 'POST', `/api/v1/communes/${id}/assessments/${a}/withdraw`, { reason: 'lần nữa' });
    assert.equal(twice.status, 409, twice.why);
  });

  it('the overview and a commune\'s assessments export to Excel', async () => {
    const list = await office.download('/communes/export.xlsx');
    assert.equal(list.status, 200);
    const { rows } = readSheet(list.body);
    const header = rows.findIndex((r) => r[0] === 'Mã xã');
    assert.ok(header >= 0, JSON.stringify(rows.slice(0, 3)));
    assert.deepEqual(rows.slice(header + 1).map((r) => r[1]).sort(), ['Hồng Trị', 'Lý Bôn', 'Nam Quang'].sort());
    const one = await office.download(`/communes/${ctx['01294'].id}/assessments.xlsx`);
    assert.equal(one.status, 200);
    const sheet = readSheet(one.body);
    const top = sheet.rows.findIndex((r) => r[0] === 'Ngày đánh giá');
    assert.deepEqual(sheet.rows.slice(top + 1).map((r) => [r[4], r[8]]),
      [['12', 'Đã rút'], ['14', 'Có hiệu lực'], ['18', 'Có hiệu lực']]);
  });

  it('the catalogue entry shows the names over time and the merger', async () => {
    const page = await office.get(`/communes/catalogue/${ctx['01297'].id}`);
    assert.equal(page.status, 200);
    assert.match(tid(page.html, 'entry-lineage'), /01\/07\/2025: Sáp nhập — Xã Nam Cao → Xã Nam Quang \(NQ\/UBTVQH15\)/);
    assert.ok(!byId(page.html, 'change-merge'), 'the Office does not edit the catalogue');
  });
});
