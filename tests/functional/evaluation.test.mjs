// The yearly evaluation over HTTP, on the demo data (its own evaluation is of 2025; this one is
// of 2024): the Office creates a person template with
// a computed criterion (sessions) and criteria by hand, refused when it names a measure that
// does not exist; applies it to every person; a member of staff scores their own sheet (points
// above the maximum refused, nothing saved) and submits; the Office reviews it (a change needs
// its reason) and may not review its own sheet, nor may a head of another unit; the ranked
// list as JSON, XLSX, DOCX and PDF; closing stops scoring, reopening needs a reason; another
// agency's Office is told none of it exists; `thidua scores` prints the same ranking.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { as } from '../support/pages.mjs';
import { cli, show, startServer } from '../support/server.mjs';
import { readSheet } from '../support/xlsx.mjs';

let srv;
const tok = {};
let movement;
let people;
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

const fields = (res) => res.json?.error?.fields ?? {};

/** A person template of 2024: plan by hand (90), sessions computed (1 point each, up to 10),
 *  a bonus (5) and a penalty (10); bands 95 / 80 / 50. */
function personTemplate(over = {}) {
  return {
    movement_id: movement.id,
    year: 2024,
    subject: 'person',
    title: 'Bảng chấm điểm thi đua cá nhân năm 2024',
    groups: [
      {
        title: 'Thực hiện nhiệm vụ',
        criteria: [
          { title: 'Hoàn thành kế hoạch công tác năm', max_points: 90, guidance: 'Theo kết quả đánh giá công chức.' },
          { title: 'Tổ chức buổi tuyên truyền', max_points: 10, measure: 'sessions', aggregate: 'sum', mapping: 'linear', per_unit: 1 },
        ],
      },
      {
        title: 'Điểm thưởng, điểm trừ',
        criteria: [
          { title: 'Sáng kiến được công nhận', kind: 'bonus', max_points: '5' },
          { title: 'Vi phạm kỷ luật, nội quy', kind: 'penalty', max_points: 10 },
        ],
      },
    ],
    bands: [
      { code: 'excellent', name: 'Hoàn thành xuất sắc nhiệm vụ', at_least: 95 },
      { code: 'good', name: 'Hoàn thành tốt nhiệm vụ', at_least: 80 },
      { code: 'completed', name: 'Hoàn thành nhiệm vụ', at_least: '50' },
    ],
    ...over,
  };
}

/** The sheet of a person by name, from the Office's ranking (ranked or not submitted). */
async function sheetOf(name) {
  const r = await call(tok.vanphong, 'GET', `/api/v1/evaluation-templates/${ids.template}/ranking`);
  assert.equal(r.status, 200, r.why);
  const all = [...r.json.ranked, ...r.json.not_submitted];
  const s = all.find((x) => x.subject_name === name);
  assert.ok(s, `${name} in ${r.text}`);
  return s;
}

before(async () => {
  srv = await startServer({
    demo: true,
    extraAgencies: [{ code: 'SKH', name: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng' }],
    users: [{ login: 'vp_khac', name: 'Văn Phòng Sở Khác', role: 'office', agency: 'SKH' }],
    tokens: [{ login: 'vanphong' }, { login: 'canbo' }, { login: 'truongphong' }, { login: 'lanhdao' },
      { login: 'vp_khac' }],
  });
  Object.assign(tok, srv.tokens);
  const m = await call(tok.vanphong, 'GET', '/api/v1/movements');
  movement = m.json.items.find((x) => x.status !== 'draft') ?? m.json.items[0];
  people = Object.fromEntries((await call(tok.vanphong, 'GET', '/api/v1/people?per_page=100')).json.items
    .map((p) => [p.full_name, p]));
});
after(async () => { await srv?.dispose(); });

describe('templates', () => {
  it('refuses a formula over a measure that does not exist, naming the field; nothing is saved', async () => {
    const bad = personTemplate();
    bad.groups[0].criteria[1].measure = 'khong_co';
    const res = await call(tok.vanphong, 'POST', '/api/v1/evaluation-templates', bad);
    assert.equal(res.status, 422, res.why);
    assert.ok(Object.keys(fields(res)).some((f) => f.startsWith('groups.0.criteria.1')), res.why);
  });

  it('staff may not create a template', async () => {
    const res = await call(tok.canbo, 'POST', '/api/v1/evaluation-templates', personTemplate());
    assert.equal(res.status, 403, res.why);
  });

  it('the Office creates it, reads it with its evaluation, and applies it to every person', async () => {
    const res = await call(tok.vanphong, 'POST', '/api/v1/evaluation-templates', personTemplate());
    assert.equal(res.status, 201, res.why);
    assert.match(res.r.headers.get('location'), /^\/api\/v1\/evaluation-templates\/\d+$/);
    ids.template = res.json.id;
    ids.hand = res.json.groups[0].criteria[0].id;
    ids.computed = res.json.groups[0].criteria[1].id;
    ids.bonus = res.json.groups[1].criteria[0].id;
    assert.equal(res.json.potential, 100);
    assert.equal(res.json.groups[0].criteria[1].formula.measure, 'sessions');
    assert.equal(res.json.evaluation.status, 'open');
    ids.evaluation = res.json.evaluation.id;
    const got = await call(tok.canbo, 'GET', `/api/v1/evaluation-templates/${ids.template}`);
    assert.equal(got.status, 200, got.why);
    assert.equal(got.json.title, 'Bảng chấm điểm thi đua cá nhân năm 2024');
    const applied = await call(tok.vanphong, 'POST', `/api/v1/evaluation-templates/${ids.template}/apply`, {});
    assert.equal(applied.status, 200, applied.why);
    assert.ok(applied.json.sheets_created >= 10, applied.why);
    const again = await call(tok.vanphong, 'POST', `/api/v1/evaluation-templates/${ids.template}/apply`, {});
    assert.equal(again.json.sheets_created, 0, again.why);
  });
});

describe('sheets', () => {
  it('self-assessment: points above the maximum are refused and nothing is saved', async () => {
    const s = await sheetOf('Đàm Văn Đức');
    ids.duc = s.id;
    const res = await call(tok.canbo, 'PUT', `/api/v1/score-sheets/${s.id}/self`, {
      version: s.version, entries: [{ criterion_id: ids.hand, points: 91 }, { criterion_id: ids.bonus, points: '2' }],
    });
    assert.equal(res.status, 422, res.why);
    // The field's message names the maximum.
    assert.match(fields(res)['entries.0.points'], /tối đa.*90/, res.why);
    const negative = await call(tok.canbo, 'PUT', `/api/v1/score-sheets/${s.id}/self`, {
      version: s.version, entries: [{ criterion_id: ids.hand, points: -1 }],
    });
    assert.equal(negative.status, 422, negative.why);
    const sheet = await call(tok.canbo, 'GET', `/api/v1/score-sheets/${s.id}`);
    assert.equal(sheet.status, 200, sheet.why);
    assert.equal(sheet.json.entries.length, 0);
  });

  it('self-assessment saved with a decimal comma, then submitted', async () => {
    const res = await call(tok.canbo, 'PUT', `/api/v1/score-sheets/${ids.duc}/self`, {
      version: 1, entries: [{ criterion_id: ids.hand, points: '60,5', comment: 'Hoàn thành 100% kế hoạch' }, { criterion_id: ids.bonus, points: 2 }],
    });
    assert.equal(res.status, 200, res.why);
    assert.equal(res.json.current[ids.hand], 60.5);
    assert.equal(res.json.can_self_assess, true);
    const stale = await call(tok.canbo, 'POST', `/api/v1/score-sheets/${ids.duc}/submit`, { version: 1 });
    assert.equal(stale.status, 409, stale.why);
    const sent = await call(tok.canbo, 'POST', `/api/v1/score-sheets/${ids.duc}/submit`, { version: res.json.version });
    assert.equal(sent.status, 200, sent.why);
    assert.equal(sent.json.status, 'submitted');
    ids.ducVersion = sent.json.version;
  });

  it('a reviewer never reviews their own sheet, nor a head another unit\'s people', async () => {
    const own = await sheetOf('Nông Thị Hoa');
    const res = await call(tok.vanphong, 'POST', `/api/v1/score-sheets/${own.id}/review`, {
      version: own.version, entries: [{ criterion_id: ids.hand, points: 80, reason: 'Tự chấm' }],
    });
    assert.equal(res.status, 403, res.why);
    assert.equal(res.json.error.code, 'evaluation.own_sheet', res.why);
    // Hoàng Thị Lan heads KHTH; Đức is in CSDT.
    const other = await call(tok.truongphong, 'POST', `/api/v1/score-sheets/${ids.duc}/review`, {
      version: ids.ducVersion, entries: [{ criterion_id: ids.hand, points: 50, reason: 'Thử' }],
    });
    assert.ok([403, 404].includes(other.status), other.why);
  });

  it('the Office reviews: a changed score needs its reason; both scores are kept', async () => {
    const noReason = await call(tok.vanphong, 'POST', `/api/v1/score-sheets/${ids.duc}/review`, {
      version: ids.ducVersion, entries: [{ criterion_id: ids.hand, points: 62 }],
    });
    assert.equal(noReason.status, 422, noReason.why);
    assert.ok(fields(noReason)['entries.0.reason'], noReason.why);
    const res = await call(tok.vanphong, 'POST', `/api/v1/score-sheets/${ids.duc}/review`, {
      version: ids.ducVersion, entries: [{ criterion_id: ids.hand, points: 62, reason: 'Có thêm kết quả quý IV' }],
    });
    assert.equal(res.status, 200, res.why);
    assert.equal(res.json.status, 'reviewed');
    const hand = res.json.entries.filter((e) => e.criterion_id === ids.hand).map((e) => [e.round, e.points]);
    assert.deepEqual(hand, [['self', 60.5], ['office_review', 62]]);
  });
});

describe('ranking', () => {
  it('ranks the reviewed sheet with its band and lists who has not submitted', async () => {
    const r = await call(tok.lanhdao, 'GET', `/api/v1/evaluation-templates/${ids.template}/ranking`);
    assert.equal(r.status, 200, r.why);
    assert.equal(r.json.ranked.length, 1, r.why);
    const row = r.json.ranked[0];
    assert.equal(row.subject_name, 'Đàm Văn Đức');
    assert.equal(row.rank, 1);
    assert.ok(row.points.total >= 64, r.why);  // 62 + 2 bonus + verified sessions, if any
    assert.equal(row.points.bonus, 2);
    assert.equal(row.group_points.length, 2);
    assert.equal(row.band.code, 'completed');
    assert.ok(r.json.not_submitted.some((s) => s.subject_name === 'Nông Thị Hoa'));
    const staff = await call(tok.canbo, 'GET', `/api/v1/evaluation-templates/${ids.template}/ranking`);
    assert.equal(staff.status, 403, staff.why);
    const bad = await call(tok.vanphong, 'GET', `/api/v1/evaluation-templates/${ids.template}/ranking?unit=abc`);
    assert.equal(bad.status, 422, bad.why);
  });

  it('downloads the list as XLSX and the minutes annex as DOCX and PDF', async () => {
    const office = await as(srv, 'vanphong');
    const x = await office.download(`/evaluations/templates/${ids.template}/ranking.xlsx`);
    assert.equal(x.status, 200);
    assert.match(x.disposition, /attachment; filename="BXT_2024_ca-nhan_\d+\.xlsx"/);
    const sheet = readSheet(x.body);
    assert.equal(sheet.rows[2][1], 'Đàm Văn Đức');
    assert.equal(sheet.rows[2][8], 'Hoàn thành nhiệm vụ');
    const d = await office.download(`/evaluations/templates/${ids.template}/ranking.docx`);
    assert.equal(d.status, 200);
    assert.equal(d.body.subarray(0, 2).toString(), 'PK');
    const p = await office.download(`/evaluations/templates/${ids.template}/ranking.pdf?unit=${people['Đàm Văn Đức'].unit_id ?? ''}`);
    assert.equal(p.status, 200);
    assert.equal(p.body.subarray(0, 5).toString(), '%PDF-');
    assert.match(p.type, /application\/pdf/);
    const stranger = await as(srv, 'vp_khac');
    const none = await stranger.download(`/evaluations/templates/${ids.template}/ranking.pdf`);
    assert.equal(none.status, 404);
  });
});

describe('close and reopen', () => {
  it('closing stops scoring; reopening needs a reason', async () => {
    const noReason = await call(tok.vanphong, 'POST', `/api/v1/evaluations/${ids.evaluation}/close`, { version: 1 });
    assert.equal(noReason.status, 422, noReason.why);
    const closed = await call(tok.vanphong, 'POST', `/api/v1/evaluations/${ids.evaluation}/close`,
      { version: 1, reason: 'Hội đồng đã họp bình xét' });
    assert.equal(closed.status, 200, closed.why);
    assert.equal(closed.json.status, 'closed');
    const lan = await sheetOf('Hoàng Thị Lan');
    const late = await call(tok.truongphong, 'PUT', `/api/v1/score-sheets/${lan.id}/self`, {
      version: lan.version, entries: [{ criterion_id: ids.hand, points: 65 }],
    });
    assert.equal(late.status, 409, late.why);
    assert.equal(late.json.error.code, 'evaluation.closed');
    const staffReopen = await call(tok.canbo, 'POST', `/api/v1/evaluations/${ids.evaluation}/reopen`,
      { version: closed.json.version, reason: 'Xin chấm lại' });
    assert.equal(staffReopen.status, 403, staffReopen.why);
    const blank = await call(tok.vanphong, 'POST', `/api/v1/evaluations/${ids.evaluation}/reopen`,
      { version: closed.json.version, reason: '  ' });
    assert.equal(blank.status, 422, blank.why);
    const reopened = await call(tok.vanphong, 'POST', `/api/v1/evaluations/${ids.evaluation}/reopen`,
      { version: closed.json.version, reason: 'Bổ sung kết quả của phòng Kế hoạch' });
    assert.equal(reopened.status, 200, reopened.why);
    assert.equal(reopened.json.status, 'open');
  });
});

describe('another agency', () => {
  it('sees none of it: every id is not found', async () => {
    for (const [method, p, body] of [
      ['GET', `/api/v1/evaluation-templates/${ids.template}`],
      ['POST', `/api/v1/evaluation-templates/${ids.template}/apply`, {}],
      ['GET', `/api/v1/evaluation-templates/${ids.template}/ranking`],
      ['GET', `/api/v1/score-sheets/${ids.duc}`],
      ['PUT', `/api/v1/score-sheets/${ids.duc}/self`, { version: 1, entries: [{ criterion_id: ids.hand, points: 1 }] }],
      ['POST', `/api/v1/score-sheets/${ids.duc}/submit`, { version: 1 }],
      ['POST', `/api/v1/score-sheets/${ids.duc}/review`, { version: 1, entries: [{ criterion_id: ids.hand, points: 1, reason: 'x' }] }],
      ['POST', `/api/v1/evaluations/${ids.evaluation}/close`, { version: 1, reason: 'x' }],
      ['POST', `/api/v1/evaluations/${ids.evaluation}/reopen`, { version: 1, reason: 'x' }],
    ]) {
      const res = await call(tok.vp_khac, method, p, body);
      assert.equal(res.status, 404, res.why);
    }
    const theirs = await call(tok.vp_khac, 'POST', '/api/v1/evaluation-templates', personTemplate());
    assert.equal(theirs.status, 404, theirs.why);
  });
});

describe('thidua scores', () => {
  const out = (r) => `exit ${r.status ?? r.signal}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;

  it('prints every template of the evaluation, ranked, as JSON', () => {
    const r = cli(['scores', '--db', srv.dbUrl, '--agency', 'BDT', '--movement', 'latest', '--year', '2024']);
    assert.equal(r.status, 0, out(r));
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.year, 2024);
    assert.equal(doc.movement_id, movement.id);
    const t = doc.templates.find((x) => x.template_id === ids.template);
    assert.ok(t, out(r));
    assert.equal(t.ranked[0].subject_name, 'Đàm Văn Đức');
    assert.ok(t.not_submitted.length >= 9);
    const byId = cli(['scores', '--db', srv.dbUrl, '--agency', 'BDT', '--movement', String(movement.id), '--year', '2024']);
    assert.equal(JSON.parse(byId.stdout).templates.length, doc.templates.length, out(byId));
  });

  it('writes XLSX to --out, and refuses XLSX without it, an unknown agency or movement', () => {
    const file = path.join(srv.dir, 'scores.xlsx');
    const r = cli(['scores', '--db', srv.dbUrl, '--agency', 'BDT', '--year', '2024', '--format', 'xlsx', '--out', file]);
    assert.equal(r.status, 0, out(r));
    const sheet = readSheet(fs.readFileSync(file));
    assert.equal(sheet.rows[2][1], 'Đàm Văn Đức');
    const noOut = cli(['scores', '--db', srv.dbUrl, '--agency', 'BDT', '--year', '2024', '--format', 'xlsx']);
    assert.notEqual(noOut.status, 0, out(noOut));
    const agency = cli(['scores', '--db', srv.dbUrl, '--agency', 'KHONGCO', '--year', '2024']);
    assert.notEqual(agency.status, 0, out(agency));
    const m = cli(['scores', '--db', srv.dbUrl, '--agency', 'BDT', '--movement', '99999', '--year', '2024']);
    assert.notEqual(m.status, 0, out(m));
    const format = cli(['scores', '--db', srv.dbUrl, '--agency', 'BDT', '--year', '2024', '--format', 'csv']);
    assert.notEqual(format.status, 0, out(format));
  });
});
