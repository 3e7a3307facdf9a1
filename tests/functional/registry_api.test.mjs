// The registry over the JSON API: people (create, read, update with a version, move; their
// path keeps a unit's old name), search that ignores diacritics and case and sorts the
// Vietnamese way, bad input, and — in province mode — that no route hands one agency's
// records to another agency's users. The list of routes to probe comes from `thidua routes`,
// so a route added later with an {id} is probed too, or the test says what it needs.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { cli, cliOk, lastLine, show, startServer } from '../support/server.mjs';
import { as } from '../support/pages.mjs';

// Agencies: P is the authority above A; B is a sibling A must never see into.
const P = { code: 'SNV', name: 'Sở Nội vụ tỉnh Cao Bằng' };
const A = { code: 'STP', name: 'Sở Tư pháp tỉnh Cao Bằng' };
const B = { code: 'BDT', name: 'Ban Dân tộc tỉnh Cao Bằng' };
// Every name of B's records contains this marker, so one search of a body finds any leak.
const SECRET = 'Bí Mật';
const B_NAMES = {
  person: 'Lục Thị Bí Mật',
  unit: 'Phòng Bí Mật Bê',
  term: 'Hội đồng Thi đua Bí Mật Bê',
  cluster: 'Khối thi đua Bí Mật Bê',
  movement: 'Phong trào Bí Mật Bê',
  user: 'Văn Phòng Bí Mật Bê',
};
const LEAK_MARKERS = [SECRET, B.name, 'B-SECRET', 'KBMB', 'PBMB'];
const NO_SUCH_ID = 987654;
const YEAR = new Date().getFullYear();

// Probes that fail today because of a service bug (reported, not fixed here). Each runs as a
// `todo` test at the very end of this file, so the rest of the suite stays meaningful and its
// side effects touch nothing else. Delete the entry once the service is fixed.
const KNOWN_BUGS = {};

let srv;
const tok = {}; // login → API token
// Records of agency B (made by B's Office) and of A, to aim at them.
const b = {};
const a = {};

before(async () => {
  srv = await startServer({
    agencies: [P, B],
    users: [
      { login: 'quantri', name: 'Quản Trị Viên', role: 'admin' },
      { login: 'vp_b', name: B_NAMES.user, role: 'office', agency: B.code },
      { login: 'sonoivu', name: 'Thanh Tra Sở Nội Vụ', role: 'authority', agency: P.code },
    ],
    tokens: [{ login: 'quantri' }, { login: 'vp_b' }, { login: 'sonoivu' }],
  });
  Object.assign(tok, srv.tokens);
  // The parent of an agency is set when it is created: A comes from the API, as the
  // installation administrator, under P.
  const a = await call(tok.quantri, 'POST', '/api/v1/agencies', {
    code: A.code, name: A.name, kind: 'agency', parent_code: P.code, address: '1 Hoàng Đình Giong',
  });
  assert.equal(a.status, 201, a.why);
  assert.equal(a.json.parent_id, (await agencyByCode(tok.quantri, P.code)).id, a.why);
  A.id = a.json.id;
  B.id = (await agencyByCode(tok.quantri, B.code)).id;
  P.id = (await agencyByCode(tok.quantri, P.code)).id;
  // A's Office account, added while the server runs, with a token.
  cliOk(['user', 'add', '--db', srv.dbUrl, '--login', 'vp_a', '--name', 'Văn Phòng Sở Tư Pháp', '--role', 'office',
    '--agency', A.code, '--password-stdin'], { input: 'Mat-khau-thu-2024!\n' });
  tok.vp_a = lastLine(cliOk(['user', 'token', '--db', srv.dbUrl, '--login', 'vp_a', '--name', 'test']).stdout);
  assert.ok(tok.vp_a.length >= 16, `token for vp_a: ${tok.vp_a}`);
});

after(async () => {
  await srv?.dispose();
});

// ---- helpers --------------------------------------------------------------------------------

async function call(token, method, p, body) {
  const headers = { accept: 'application/json' };
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

async function agencyByCode(token, code) {
  const list = await call(token, 'GET', '/api/v1/agencies');
  assert.equal(list.status, 200, list.why);
  const found = list.json.items.find((x) => x.code === code);
  assert.ok(found, `agency ${code} in ${list.text}`);
  return found;
}

function fieldsOf(res) {
  assert.ok(res.json?.error, `an error body: ${res.why}`);
  return res.json.error.fields;
}

function assert422Naming(res, field) {
  assert.equal(res.status, 422, res.why);
  assert.ok(Object.hasOwn(fieldsOf(res), field), `error fields name ${field}: ${res.why}`);
}

/** Asserts no name, code or login of agency B's records appears in a response. */
function assertNoLeak(res, context = '') {
  const texts = [res.text, res.json === null ? '' : JSON.stringify(res.json)];
  for (const t of texts) {
    for (const m of LEAK_MARKERS) {
      assert.ok(!t.normalize('NFC').includes(m), `${context} leaks "${m}" of agency B: ${res.why}`);
    }
  }
}

const person = (extra = {}) => ({
  full_name: 'Người Thử', code: '', gender: 'male', birth_date: '15/03/1980', employment: 'civil_servant',
  start_date: '01/03/2015', status: 'active', position: 'Chuyên viên', ...extra,
});

async function createUnit(token, body) {
  const r = await call(token, 'POST', '/api/v1/units', { kind: 'department', from_date: '01/01/2010', ...body });
  assert.equal(r.status, 201, r.why);
  assert.equal(r.r.headers.get('location'), `/api/v1/units/${r.json.id}`, r.why);
  return r.json;
}

async function createPerson(token, body) {
  const r = await call(token, 'POST', '/api/v1/people', person(body));
  assert.equal(r.status, 201, r.why);
  return r.json;
}

const names = (res) => res.json.items.map((p) => p.full_name);

// ---- people: the round trip ---------------------------------------------------------------

describe('people: create, read, update, stale update, move', () => {
  let u1;
  let u2;
  let created;

  it('creates a person: 201, Location, ISO dates, the current placement', async () => {
    u1 = await createUnit(tok.vp_a, { code: 'TCCB', name: 'Phòng Tổ chức cán bộ' });
    u2 = await createUnit(tok.vp_a, { code: 'TT', name: 'Phòng Thanh tra' });
    assert.equal(u1.agency_id, A.id, 'a unit goes to the caller\'s agency by default');
    const res = await call(tok.vp_a, 'POST', '/api/v1/people',
      person({ full_name: 'Hà Văn Vui', code: 'A001', unit_id: u1.id }));
    assert.equal(res.status, 201, res.why);
    created = res.json;
    assert.equal(res.r.headers.get('location'), `/api/v1/people/${created.id}`);
    assert.equal(created.full_name, 'Hà Văn Vui');
    assert.equal(created.agency_id, A.id);
    assert.equal(created.birth_date, '1980-03-15');
    assert.equal(created.start_date, '2015-03-01');
    assert.equal(created.unit_id, u1.id);
    assert.equal(created.unit_name, 'Phòng Tổ chức cán bộ');
    assert.equal(created.version, 1);
  });

  it('reads it back at its Location, with path and history', async () => {
    const res = await call(tok.vp_a, 'GET', `/api/v1/people/${created.id}`);
    assert.equal(res.status, 200, res.why);
    assert.equal(res.json.full_name, 'Hà Văn Vui');
    assert.equal(res.json.code, 'A001');
    assert.equal(res.json.agency_name, A.name);
    assert.deepEqual(res.json.path.map((p) => [p.unit_id, p.unit_name, p.valid_from, p.valid_to]),
      [[u1.id, 'Phòng Tổ chức cán bộ', '2015-03-01', null]]);
    assert.equal(res.json.history.length, 1, res.why);
    assert.equal(res.json.history[0].action, 'person.create');
    assert.equal(res.json.history[0].actor, 'vp_a');
    assert.match(res.json.history[0].at, /^\d{4}-\d\d-\d\dT/);
  });

  it('updates with the current version; a stale version is 409 edit.stale', async () => {
    const body = person({ full_name: 'Hà Văn Vui', code: 'A001', unit_id: u1.id, birth_date: '1980-03-16', version: 1 });
    const ok = await call(tok.vp_a, 'PUT', `/api/v1/people/${created.id}`, body);
    assert.equal(ok.status, 200, ok.why);
    assert.equal(ok.json.birth_date, '1980-03-16');
    assert.equal(ok.json.version, 2);
    const stale = await call(tok.vp_a, 'PUT', `/api/v1/people/${created.id}`, { ...body, birth_date: '17/03/1980' });
    assert.equal(stale.status, 409, stale.why);
    assert.equal(stale.json.error.code, 'edit.stale');
    const again = await call(tok.vp_a, 'GET', `/api/v1/people/${created.id}`);
    assert.equal(again.json.birth_date, '1980-03-16', 'the stale update changed nothing');
    const missing = await call(tok.vp_a, 'PUT', `/api/v1/people/${created.id}`, { ...body, version: undefined });
    assert422Naming(missing, 'version');
  });

  it('moves the person; the path keeps the old unit name after a rename', async () => {
    const unit = await call(tok.vp_a, 'GET', `/api/v1/units/${u1.id}`);
    assert.equal(unit.status, 200, unit.why);
    const renamed = await call(tok.vp_a, 'POST', `/api/v1/units/${u1.id}/rename`,
      { version: unit.json.version, name: 'Phòng Nội vụ', date: '01/01/2020' });
    assert.equal(renamed.status, 200, renamed.why);
    assert.equal(renamed.json.name, 'Phòng Nội vụ');
    const staleRename = await call(tok.vp_a, 'POST', `/api/v1/units/${u1.id}/rename`,
      { version: unit.json.version, name: 'Phòng Khác', date: '01/01/2021' });
    assert.equal(staleRename.status, 409, staleRename.why);

    const moved = await call(tok.vp_a, 'POST', `/api/v1/people/${created.id}/move`,
      { unit_id: u2.id, position: 'Thanh tra viên', date: '01/06/2022' });
    assert.equal(moved.status, 200, moved.why);
    assert.equal(moved.json.unit_id, u2.id);
    assert.equal(moved.json.position, 'Thanh tra viên');

    const res = await call(tok.vp_a, 'GET', `/api/v1/people/${created.id}`);
    assert.equal(res.status, 200, res.why);
    assert.deepEqual(res.json.path.map((p) => [p.unit_id, p.unit_name, p.position, p.valid_from, p.valid_to]), [
      [u1.id, 'Phòng Tổ chức cán bộ', 'Chuyên viên', '2015-03-01', '2022-06-01'],
      [u2.id, 'Phòng Thanh tra', 'Thanh tra viên', '2022-06-01', null],
    ]);
    assert.deepEqual(res.json.history.map((h) => h.action), ['person.create', 'person.update', 'person.move']);

    const detail = await call(tok.vp_a, 'GET', `/api/v1/units/${u1.id}`);
    assert.deepEqual(detail.json.history.map((v) => [v.name, v.valid_from, v.valid_to]),
      [['Phòng Tổ chức cán bộ', '2010-01-01', '2020-01-01'], ['Phòng Nội vụ', '2020-01-01', null]]);
    assert.deepEqual(detail.json.people, [], 'nobody is left in the renamed unit');
  });

  it('a move to a unit that does not exist names unit_id; a move before the current placement names date', async () => {
    assert422Naming(await call(tok.vp_a, 'POST', `/api/v1/people/${created.id}/move`,
      { unit_id: NO_SUCH_ID, date: '01/07/2022' }), 'unit_id');
    assert422Naming(await call(tok.vp_a, 'POST', `/api/v1/people/${created.id}/move`,
      { unit_id: u1.id, date: '01/01/2021' }), 'date');
  });
});

// ---- search --------------------------------------------------------------------------------

describe('people: search and order', () => {
  let unit;

  before(async () => {
    unit = await createUnit(tok.vp_a, { code: 'KH', name: 'Phòng Kế hoạch' });
    // Created out of order: the list must come back in Vietnamese order of given names.
    for (const full_name of ['Phạm Thị Hoa', 'Lê Minh Đức', 'Nguyễn Thị Ánh', 'Vũ Văn Dũng', 'Trần Văn Bình']) {
      await createPerson(tok.vp_a, { full_name, unit_id: unit.id });
    }
  });

  for (const q of ['ha van vui', 'Hà Văn Vui', 'HA VAN VUI', 'hà văn vui', 'van vui', 'Ha\u0300 Va\u0306n Vui']) {
    it(`q=${JSON.stringify(q)} finds "Hà Văn Vui"`, async () => {
      const res = await call(tok.vp_a, 'GET', `/api/v1/people?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, res.why);
      assert.ok(names(res).includes('Hà Văn Vui'), res.why);
      assert.ok(!names(res).includes('Phạm Thị Hoa'), res.why);
    });
  }

  it('"d" matches "đ" and "Đ" matches "d" or "đ"', async () => {
    const duc = await call(tok.vp_a, 'GET', `/api/v1/people?q=${encodeURIComponent('duc')}`);
    assert.deepEqual(names(duc), ['Lê Minh Đức'], duc.why);
    const upper = await call(tok.vp_a, 'GET', `/api/v1/people?q=${encodeURIComponent('ĐỨC')}`);
    assert.deepEqual(names(upper), ['Lê Minh Đức'], upper.why);
    const dung = await call(tok.vp_a, 'GET', `/api/v1/people?q=${encodeURIComponent('đũng')}`);
    assert.deepEqual(names(dung), ['Vũ Văn Dũng'], dung.why);
  });

  it('sorts by given name in Vietnamese order: Ánh < Bình < Dũng < Đức < Hoa', async () => {
    const res = await call(tok.vp_a, 'GET', `/api/v1/people?unit=${unit.id}`);
    assert.equal(res.status, 200, res.why);
    assert.deepEqual(names(res), ['Nguyễn Thị Ánh', 'Trần Văn Bình', 'Vũ Văn Dũng', 'Lê Minh Đức', 'Phạm Thị Hoa']);
    assert.equal(res.json.total, 5);
    assert.equal(res.json.page, 1);
    assert.equal(res.json.per_page, 50);
  });

  it('pages keep the order', async () => {
    const res = await call(tok.vp_a, 'GET', `/api/v1/people?unit=${unit.id}&per_page=2&page=2`);
    assert.equal(res.status, 200, res.why);
    assert.deepEqual(names(res), ['Vũ Văn Dũng', 'Lê Minh Đức']);
    assert.equal(res.json.total, 5);
    assert.equal(res.json.page, 2);
    assert.equal(res.json.per_page, 2);
  });

  it('bad filters are 422 naming the parameter', async () => {
    assert422Naming(await call(tok.vp_a, 'GET', '/api/v1/people?unit=abc'), 'unit');
    assert422Naming(await call(tok.vp_a, 'GET', '/api/v1/people?status=dead'), 'status');
    assert422Naming(await call(tok.vp_a, 'GET', '/api/v1/people?page=x'), 'page');
  });
});

// ---- bad input ------------------------------------------------------------------------------

describe('people: bad input', () => {
  it('missing full_name: 422 naming full_name', async () => {
    const body = person();
    delete body.full_name;
    assert422Naming(await call(tok.vp_a, 'POST', '/api/v1/people', body), 'full_name');
    assert422Naming(await call(tok.vp_a, 'POST', '/api/v1/people', person({ full_name: '  \u200b ' })), 'full_name');
  });

  it('birth_date 31/02/2024: 422 naming birth_date', async () => {
    assert422Naming(await call(tok.vp_a, 'POST', '/api/v1/people', person({ birth_date: '31/02/2024' })), 'birth_date');
    assert422Naming(await call(tok.vp_a, 'POST', '/api/v1/people', person({ birth_date: '2024-02-31' })), 'birth_date');
  });

  it('an unknown unit: 422 naming unit_id', async () => {
    assert422Naming(await call(tok.vp_a, 'POST', '/api/v1/people', person({ unit_id: NO_SUCH_ID })), 'unit_id');
    assert422Naming(await call(tok.vp_a, 'POST', '/api/v1/people', person({ unit_id: 'abc' })), 'unit_id');
  });

  it('NFD input is stored as NFC', async () => {
    const nfd = 'Ha\u0300 Va\u0306n Vui';
    assert.notEqual(nfd, 'Hà Văn Vui');
    const p = await createPerson(tok.vp_a, { full_name: nfd, code: 'NFD1' });
    assert.equal(p.full_name, 'Hà Văn Vui');
    const back = await call(tok.vp_a, 'GET', `/api/v1/people/${p.id}`);
    assert.equal(back.json.full_name, 'Hà Văn Vui');
    assert.ok(!back.text.includes('\u0300'), 'no combining grave accent in the stored name');
  });

  it('zero-width characters are removed', async () => {
    const p = await createPerson(tok.vp_a, { full_name: '\ufeffNông\u200b Thị\u200d Hoa\u200c', code: 'ZW\u200b1' });
    assert.equal(p.full_name, 'Nông Thị Hoa');
    assert.equal(p.code, 'ZW1');
  });

  it('a body that is not JSON is 400; not a JSON object is 400', async () => {
    const r = await fetch(`${srv.url}/api/v1/people`, {
      method: 'POST', headers: { authorization: `Bearer ${tok.vp_a}`, 'content-type': 'application/json' }, body: '{"full_name":',
    });
    assert.equal(r.status, 400, await r.text());
    const arr = await call(tok.vp_a, 'POST', '/api/v1/people', [1, 2]);
    assert.equal(arr.status, 400, arr.why);
  });

  it('staff outside admin/Office may not write: 403', async () => {
    const res = await call(tok.sonoivu, 'POST', '/api/v1/people', person({ full_name: 'Không Được Phép', agency: A.id }));
    assert.equal(res.status, 403, res.why);
  });
});

// ---- province mode: no leaks -----------------------------------------------------------------

/** The /api/v1 routes of `thidua routes`: [{method, pattern, access}]. */
function apiRoutes() {
  return cliOk(['routes']).stdout.split('\n').filter(Boolean).map((line) => {
    const [method, pattern, access] = line.split('\t');
    return { method, pattern, access };
  }).filter((r) => r.pattern.startsWith('/api/v1/'));
}

// How to reach B through each route parameter: the value comes from the path segment before
// the parameter. A route whose parameter is not here fails the test until it is added.
const bValue = () => ({
  people: b.person.id, units: b.unit.id, council: b.term.id, seats: b.person.id, agencies: B.id,
  clusters: b.cluster.id, users: 'vp_b', movements: b.movement.id, items: b.item.id, tasks: b.task.id,
  pledges: b.pledge.id, notifications: b.notification.id, covenants: b.covenant.id, initiatives: b.initiative.id, uses: b.use.id,
  members: B.code, achievements: b.achievement.id,
  communes: b.commune.id, assessments: b.assessment.id, recognitions: b.recognition.id,
  'commune-assignments': b.assignment.id, 'criteria-sets': b.criteriaSet.id, criteria: b.criterion.id,
  indicators: b.indicator.id, evidence: b.assessmentEvidence.id,
  'evaluation-templates': b.template.id, 'score-sheets': b.sheet.id, evaluations: b.evaluation.id,
  decisions: b.decision.id,
  nominations: b.nomination.id, 'council-sessions': b.councilSession.id,
  // issue 7 review reports (h7rr)
  reports: b.report.id, 'report-sendings': b.sending.id,
  statistics: '0601',  // issue 7 (h7sf): a form code; the agency goes in the query (agencyQuery)
});
const missingValue = (k) => (k === 'users' ? 'khong-co-ai' : k === 'statistics' ? '0601' : NO_SUCH_ID);
// issue 7 (h7sf): routes whose parameter is not a record but whose agency is named in the query.
const agencyQuery = { 'GET /api/v1/statistics/{form}': (id) => `?year=2025&agency=${id}` };
// Bodies that would succeed on one's own record, so that only the agency check can stop them.
const bodies = {
  'PUT /api/v1/people/{id}': () => person({ full_name: 'Đổi Tên Trộm', unit_id: a.unit.id, version: 1 }),
  'POST /api/v1/people/{id}/move': () => ({ unit_id: a.unit.id, position: 'x', date: '01/01/2024' }),
  'POST /api/v1/units/{id}/rename': () => ({ version: 1, name: 'Đổi Tên Trộm', date: '01/01/2024' }),
  'POST /api/v1/units/{id}/merge': () => ({ version: 1, into: a.unit2.id, date: '01/01/2024' }),
  'POST /api/v1/units/{id}/close': () => ({ version: 1, date: '01/01/2024' }),
  'PUT /api/v1/council/{id}/seats/{person_id}': () => ({ seat: 'member' }),
  'PUT /api/v1/agencies/{id}': () => ({ version: 1, name: 'Đổi Tên Trộm', address: '', effective_date: '01/01/2024' }),
  'POST /api/v1/clusters/{id}/members': () => ({ agency: A.code, year: YEAR, lead: false }),
  'POST /api/v1/units/{id}/split': () => ({ version: 1, code: 'TROM', name: 'Tổ Trộm', date: '01/01/2024', people: [] }),
  'POST /api/v1/people/{id}/account': () => ({ create: true, login: 'tai-khoan-trom', roles: ['staff'] }),
  'PUT /api/v1/people/{id}/account': () => ({ roles: ['office'] }),
  'POST /api/v1/clusters/{id}/lead': () => ({ agency: A.code, year: YEAR }),
  'PUT /api/v1/movements/{id}': () => ({ ...b.movement, title: 'Đổi Tên Trộm' }),
  'POST /api/v1/movements/{id}/items': () => ({ version: b.movement.version, section: 'content', body: 'Trộm' }),
  'PUT /api/v1/movements/{id}/items/{item}': () => ({ version: b.movement.version, body: 'Trộm' }),
  'POST /api/v1/movements/{id}/items/{item}/move': () => ({ version: b.movement.version, dir: 'up' }),
  'POST /api/v1/movements/{id}/launch': () => ({ version: b.movement.version }),
  'PUT /api/v1/movements/{id}/tasks/{task}': () => ({ version: b.task.version, done: true }),
  'POST /api/v1/communes/{id}/assessments': () => ({ assessed_on: '20/06/2024', items: b.assessmentItems }),
  'POST /api/v1/communes/{id}/assessments/{assessment}/withdraw': () => ({ reason: 'Trộm' }),
  'POST /api/v1/communes/{id}/recognitions': () => ({ level: 'ntm', year: 2024, decision_ref: '9/QĐ-TROM' }),
  'POST /api/v1/communes/{id}/recognitions/{recognition}/withdraw': () => ({ reason: 'Trộm' }),
  'PUT /api/v1/commune-assignments/{id}': () => ({
    version: b.assignment.version, decision_ref: '1177/QĐ-UBND', target_level: 'ntm', valid_from: '12/09/2022',
  }),
  'POST /api/v1/commune-assignments/{id}/end': () => ({ version: b.assignment.version, end_date: '01/01/2026' }),
  'POST /api/v1/criteria-sets/{id}/criteria/{criterion}/indicators': () => ({ code: '9.9', name: 'Trộm' }),
  'POST /api/v1/communes/{id}/assessments/{assessment}/evidence/{evidence}/withdraw': () => ({ reason: 'Trộm' }),
  'PUT /api/v1/achievements/{id}': () => ({ ...b.achievementBody, title: 'Đổi Tên Trộm', version: b.achievement.version }),
  'POST /api/v1/achievements/{id}/submit': () => ({ version: b.achievement.version }),
  'POST /api/v1/achievements/{id}/verify': () => ({ version: b.achievement.version }),
  'POST /api/v1/achievements/{id}/return': () => ({ version: b.achievement.version, comment: 'Trộm' }),
  'POST /api/v1/achievements/{id}/withdraw': () => ({ version: b.achievement.version, comment: 'Trộm' }),
  'POST /api/v1/achievements/{id}/evidence/{evidence}/withdraw': () => ({ reason: 'Trộm' }),
  'PUT /api/v1/pledges/{id}': () => ({ version: b.pledge.version, note: 'Trộm', targets: [], titles: [] }),
  'POST /api/v1/pledges/{id}/submit': () => ({ version: b.pledge.version }),
  'POST /api/v1/pledges/{id}/return': () => ({ version: b.pledge.version, comment: 'Trộm' }),
  'POST /api/v1/pledges/{id}/approve': () => ({ version: b.pledge.version }),
  'POST /api/v1/pledges/{id}/withdraw': () => ({ version: b.pledge.version, comment: 'Trộm' }),
  'POST /api/v1/covenants/{id}/withdraw': () => ({ version: b.covenant.version, reason: 'Trộm' }),
  'PUT /api/v1/initiatives/{id}': () => ({
    version: b.initiative.version, title: 'Đổi Tên Trộm', authors: [{ person_id: b.person.id, share: 100 }],
  }),
  'POST /api/v1/initiatives/{id}/withdraw': () => ({ version: b.initiative.version, reason: 'Trộm' }),
  'POST /api/v1/initiatives/{id}/uses': () => ({ basis_kind: 'title', basis_ref: 'advanced_worker', year: 2025 }),
  'POST /api/v1/initiatives/{id}/uses/{use}/release': () => ({ reason: 'Trộm' }),
  'PUT /api/v1/score-sheets/{id}/self': () => ({ version: b.sheet.version, entries: [{ criterion_id: b.criterion, points: 1 }] }),
  'POST /api/v1/score-sheets/{id}/submit': () => ({ version: b.sheet.version }),
  'POST /api/v1/score-sheets/{id}/review': () => ({
    version: b.sheet.version, entries: [{ criterion_id: b.criterion, points: 1, reason: 'Trộm' }],
  }),
  'POST /api/v1/evaluations/{id}/close': () => ({ version: b.evaluation.version, reason: 'Trộm' }),
  'POST /api/v1/evaluations/{id}/reopen': () => ({ version: b.evaluation.version, reason: 'Trộm' }),
  'POST /api/v1/decisions/{id}/awardees': () => ({
    awardees: [{ subject: 'person', subject_id: b.person.id, form: 'certificate_of_merit' }],
  }),
  'POST /api/v1/decisions/{id}/issue': () => ({ version: b.decision.version }),
  'POST /api/v1/council-sessions/{id}/items/{item}/vote': () => ({ choice: 'approve' }),
  // issue 7 review reports (h7rr)
  'POST /api/v1/movements/{id}/reports': () => ({ kind: 'annual', year: 2026 }),
  'PUT /api/v1/movements/{id}/reports/{report}': () => ({ version: b.report.version, shortcomings: 'Trộm' }),
  'POST /api/v1/movements/{id}/reports/{report}/sendings': () => ({
    format: 'pdf', recipient: 'Trộm', channel: 'post', sent_on: '01/06/2026',
  }),
};

function fill(pattern, valueOf) {
  const segs = pattern.split('/');
  return segs.map((seg, i) => {
    const m = /^\{(\w+)\}$/.exec(seg);
    if (!m) return seg;
    const v = valueOf(segs[i - 1]);
    assert.ok(v !== undefined,
      `${pattern}: no value of agency B for {${m[1]}} after "${segs[i - 1]}": teach registry_api.test.mjs this route`);
    return encodeURIComponent(String(v));
  }).join('/');
}

/**
 * Calls `route` as `who` with B's ids, then with ids that do not exist: the first must be
 * 404 or 403 without B's names, and the two answers must be the same.
 */
async function probeWithBIds(who, route) {
  const key = `${route.method} ${route.pattern}`;
  const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : (bodies[key]?.() ?? {});
  const q = agencyQuery[key] ?? (() => '');
  const res = await call(tok[who], route.method, fill(route.pattern, (seg) => bValue()[seg]) + q(B.id), body);
  assert.ok([403, 404].includes(res.status), `${who}: ${key} with B's ids: ${res.why}`);
  assertNoLeak(res, `${who}: ${key}`);
  const none = await call(tok[who], route.method, fill(route.pattern, missingValue) + q(NO_SUCH_ID), body);
  assert.equal(res.status, none.status, `${key}: B's id and a missing id differ\n${res.why}\n${none.why}`);
  assert.equal(res.json?.error?.code, none.json?.error?.code, `${key}: error codes differ\n${res.why}\n${none.why}`);
}

describe('province mode: one agency never sees another', () => {
  before(async () => {
    b.unit = await createUnit(tok.vp_b, { code: 'PBMB', name: B_NAMES.unit });
    b.unit2 = await createUnit(tok.vp_b, { code: 'PBMB2', name: `${B_NAMES.unit} Hai` });
    b.person = await createPerson(tok.vp_b, { full_name: B_NAMES.person, code: 'B-SECRET', unit_id: b.unit.id });
    const term = await call(tok.vp_b, 'POST', '/api/v1/council',
      { name: B_NAMES.term, decision_ref: '12/QĐ-BDT', valid_from: '01/01/2021', valid_to: '31/12/2025' });
    assert.equal(term.status, 201, term.why);
    b.term = term.json;
    const seat = await call(tok.vp_b, 'PUT', `/api/v1/council/${b.term.id}/seats/${b.person.id}`, { seat: 'chair' });
    assert.equal(seat.status, 200, seat.why);
    assert.deepEqual(seat.json.seats.map((s) => [s.person_name, s.seat]), [[B_NAMES.person, 'chair']]);
    const cluster = await call(tok.quantri, 'POST', '/api/v1/clusters', { code: 'KBMB', name: B_NAMES.cluster });
    assert.equal(cluster.status, 201, cluster.why);
    b.cluster = cluster.json;
    const member = await call(tok.quantri, 'POST', `/api/v1/clusters/${b.cluster.id}/members`,
      { agency: B.code, year: YEAR, lead: true });
    assert.equal(member.status, 200, member.why);
    assert.deepEqual(member.json.members.map((m) => [m.code, m.lead]), [[B.code, true]]);

    // A launched movement of B, with an item and a task.
    const mv = await call(tok.vp_b, 'POST', '/api/v1/movements', {
      title: B_NAMES.movement, period_from: '2026', period_to: '2027', summary: `Kế hoạch ${B_NAMES.movement}`,
      place: 'Cao Bằng', doc_date: '02/01/2026', signer_title: 'TRƯỞNG BAN', signer_name: 'Bí Mật Ký',
    });
    assert.equal(mv.status, 201, mv.why);
    let version = mv.json.version;
    for (const item of [{ section: 'content', body: 'Nội dung Bí Mật' }, { section: 'recipient', body: 'Lưu: VT' },
      { section: 'milestone', label: 'Năm 2026', ref_date: '31/12/2026', code: 'midterm', body: 'Sơ kết Bí Mật' }]) {
      const added = await call(tok.vp_b, 'POST', `/api/v1/movements/${mv.json.id}/items`, { version, ...item });
      assert.equal(added.status, 201, added.why);
      version = added.json.version;
    }
    const launched = await call(tok.quantri, 'POST', `/api/v1/movements/${mv.json.id}/launch`, { version });
    assert.equal(launched.status, 200, launched.why);
    b.movement = launched.json;
    b.item = launched.json.items[0];
    b.task = launched.json.tasks[0];

    // A recognised initiative of B, already the basis of B's person's title.
    const ini = await call(tok.vp_b, 'POST', '/api/v1/initiatives', {
      title: `Sáng kiến ${B_NAMES.movement}`, applied_from: '01/02/2024', recognition_level: 'base',
      recognition_body: 'Ban Bí Mật', recognition_number: '9/QĐ-BM', recognition_date: '01/03/2024',
      authors: [{ person_id: b.person.id, share: 100 }],
    });
    assert.equal(ini.status, 201, ini.why);
    b.initiative = ini.json;
    const use = await call(tok.vp_b, 'POST', `/api/v1/initiatives/${b.initiative.id}/uses`,
      { person_id: b.person.id, basis_kind: 'title', basis_ref: 'grassroots_fighter', year: 2024 });
    assert.equal(use.status, 201, use.why);
    b.use = use.json;
    // An achievement of B's unit under that content item, waiting for B's Office.
    b.achievementBody = {
      movement_id: b.movement.id, item_id: b.item.id, subject: 'unit', unit_id: b.unit.id, kind: 'other',
      occurred_on: '01/06/2026', title: `Kết quả ${SECRET}`, description: `Việc ${SECRET}`,
    };
    const ach = await call(tok.vp_b, 'POST', '/api/v1/achievements', { ...b.achievementBody, submit: true });
    assert.equal(ach.status, 201, ach.why);
    b.achievement = ach.json;

    // B's scoring template of its people for 2026, applied: B's person has a sheet.
    const tpl = await call(tok.vp_b, 'POST', '/api/v1/evaluation-templates', {
      movement_id: b.movement.id, year: 2026, subject: 'person', title: `Bảng điểm ${SECRET}`,
      groups: [{ title: `Nhóm ${SECRET}`, criteria: [{ title: `Tiêu chí ${SECRET}`, max_points: 100 }] }],
      bands: [{ code: 'good', name: 'Hoàn thành tốt nhiệm vụ', at_least: 80 }],
    });
    assert.equal(tpl.status, 201, tpl.why);
    b.template = tpl.json;
    b.evaluation = tpl.json.evaluation;
    b.criterion = tpl.json.groups[0].criteria[0].id;
    const applied = await call(tok.vp_b, 'POST', `/api/v1/evaluation-templates/${b.template.id}/apply`, {});
    assert.equal(applied.status, 200, applied.why);
    const ranking = await call(tok.vp_b, 'GET', `/api/v1/evaluation-templates/${b.template.id}/ranking`);
    assert.equal(ranking.status, 200, ranking.why);
    b.sheet = ranking.json.not_submitted.find((x) => x.person_id === b.person.id);
    assert.ok(b.sheet, ranking.why);

    // B's draft award decision with B's person on it (issue 6, part D).
    const dec = await call(tok.vp_b, 'POST', '/api/v1/decisions', {
      number: 7, date: '15/06/2026', header_agency: 'SỞ B', head_title: 'GIÁM ĐỐC SỞ B', title: `Khen thưởng ${SECRET}`,
      award_year: 2026, signer_title: 'GIÁM ĐỐC', signer_name: 'Người Ký B',
    });
    assert.equal(dec.status, 201, dec.why);
    const withAwardee = await call(tok.vp_b, 'POST', `/api/v1/decisions/${dec.json.id}/awardees`, {
      awardees: [{ subject: 'person', subject_id: b.person.id, form: 'certificate_of_merit', achievement: `Việc ${SECRET}` }],
    });
    assert.equal(withAwardee.status, 200, withAwardee.why);
    b.decision = withAwardee.json;

    // issue 7 review reports (h7rr): B's final review draft, sent by post.
    const report = await call(tok.vp_b, 'POST', `/api/v1/movements/${b.movement.id}/reports`, { kind: 'final' });
    assert.equal(report.status, 201, report.why);
    b.report = report.json;
    const sending = await call(tok.vp_b, 'POST', `/api/v1/movements/${b.movement.id}/reports/${b.report.id}/sendings`, {
      format: 'pdf', recipient: `UBND tỉnh ${SECRET}`, channel: 'post', sent_on: '01/06/2026',
    });
    assert.equal(sending.status, 201, sending.why);
    b.sending = sending.json;

    // B's person gets an account and pledges; B's Office sends the pledge back, so the person is
    // told (a notification of B); B's covenant of its cluster's year.
    const acct = await call(tok.vp_b, 'POST', `/api/v1/people/${b.person.id}/account`, { create: true, login: 'canbo_b', roles: ['staff'] });
    assert.ok([200, 201].includes(acct.status), acct.why);
    tok.canbo_b = lastLine(cliOk(['user', 'token', '--db', srv.dbUrl, '--login', 'canbo_b', '--name', 'test']).stdout);
    const pl = await call(tok.canbo_b, 'POST', '/api/v1/pledges', {
      movement_id: b.movement.id, year: 2026, note: `Cam kết ${SECRET}`,
      targets: [{ item_id: b.item.id, measure: 'sessions', target: 3 }], titles: ['advanced_worker'],
    });
    assert.equal(pl.status, 201, pl.why);
    const sent = await call(tok.canbo_b, 'POST', `/api/v1/pledges/${pl.json.id}/submit`, { version: pl.json.version });
    assert.equal(sent.status, 200, sent.why);
    const back = await call(tok.vp_b, 'POST', `/api/v1/pledges/${pl.json.id}/return`, { version: sent.json.version, comment: `Bổ sung ${SECRET}` });
    assert.equal(back.status, 200, back.why);
    b.pledge = back.json;
    const told = await call(tok.canbo_b, 'GET', '/api/v1/notifications');
    assert.equal(told.status, 200, told.why);
    b.notification = told.json.items[0];
    assert.equal(b.notification.kind, 'pledge_returned', told.why);
    const cov = await call(tok.vp_b, 'POST', '/api/v1/covenants',
      { year: YEAR, title: `Giao ước ${SECRET}`, signed_on: `02/01/${YEAR}`, place: 'Cao Bằng' });
    assert.equal(cov.status, 201, cov.why);
    b.covenant = cov.json;

    // B's unit nominated and accepted, on the agenda of B's council session (issue 6, part h6c;
    // made through the pages: the API only reads nominations and takes votes).
    const web = await as(srv, 'vp_b');
    const made = await web.post('/nominations', { subject: `unit:${b.unit.id}`, form: 'advanced_collective', year: '2025' });
    assert.equal(made.status, 303, made.html.slice(0, 500));
    b.nomination = { id: Number(made.location.split('/').pop()) };
    for (const step of ['submit', 'accept']) {
      const page = await web.get(`/nominations/${b.nomination.id}`);
      const version = /name="version" value="(\d+)"/.exec(page.html)[1];
      const moved = await web.post(`/nominations/${b.nomination.id}/step`, { step, version });
      assert.equal(moved.status, 303, moved.html.slice(0, 500));
    }
    const held = await web.post('/council-sessions', { title: `Phiên họp ${SECRET}`, held_on: '01/06/2025', place: '' });
    assert.equal(held.status, 303, held.html.slice(0, 500));
    b.councilSession = { id: Number(held.location.split('/').pop()) };
    const agenda = await web.post(`/council-sessions/${b.councilSession.id}/items`, { nomination: b.nomination.id });
    assert.equal(agenda.status, 303, agenda.html.slice(0, 500));

    // A commune only B supports: the catalogue is everyone's reference data (so its name is no
    // secret), but the commune's page, assignment, assessments and recognitions are B's. An
    // indicator added by the installation administrator.
    const com = await call(tok.quantri, 'POST', '/api/v1/commune-catalogue',
      { code: '01999', name: 'Lũng Pù', kind: 'xa', district: 'Bảo Lâm', province: 'Cao Bằng' });
    assert.equal(com.status, 201, com.why);
    b.commune = com.json;
    const asg = await call(tok.vp_b, 'POST', '/api/v1/commune-assignments', {
      commune_code: '01999', decision_ref: '1177/QĐ-UBND', decision_date: '12/09/2022', target_level: 'ntm',
      target_year: 2025, note: `Phân công ${SECRET}`,
    });
    assert.equal(asg.status, 201, asg.why);
    b.assignment = asg.json;
    const sets = await call(tok.vp_b, 'GET', '/api/v1/criteria-sets?on=2024-06-20&level=ntm');
    assert.equal(sets.status, 200, sets.why);
    b.criteriaSet = sets.json.items[0];
    b.criterion = b.criteriaSet.criteria[0];
    b.assessmentItems = b.criteriaSet.criteria.map((c) => ({ criterion_id: c.id, met: c.number <= 12, note: SECRET }));
    const asm = await call(tok.vp_b, 'POST', `/api/v1/communes/${b.commune.id}/assessments`,
      { assessed_on: '20/12/2023', note: `Đánh giá ${SECRET}`, items: b.assessmentItems });
    assert.equal(asm.status, 201, asm.why);
    b.assessment = asm.json;
    const rec = await call(tok.vp_b, 'POST', `/api/v1/communes/${b.commune.id}/recognitions`,
      { level: 'ntm', year: 2025, decision_ref: '2856/QĐ-UBND', note: SECRET });
    assert.equal(rec.status, 201, rec.why);
    b.recognition = rec.json;
    const ind = await call(tok.quantri, 'POST',
      `/api/v1/criteria-sets/${b.criteriaSet.id}/criteria/${b.criterion.id}/indicators`, { code: '1.1', name: 'Có quy hoạch chung xã' });
    assert.equal(ind.status, 201, ind.why);
    b.indicator = ind.json;
    const fd = new FormData();
    fd.set('file', new Blob(['%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n']), 'bien-ban-bi-mat.pdf');
    const ev = await fetch(`${srv.url}/api/v1/communes/${b.commune.id}/assessments/${b.assessment.id}/evidence`,
      { method: 'POST', headers: { authorization: `Bearer ${tok.vp_b}`, accept: 'application/json' }, body: fd });
    const evText = await ev.text();
    assert.equal(ev.status, 201, evText);
    b.assessmentEvidence = JSON.parse(evText).evidence[0];

    a.unit = await createUnit(tok.vp_a, { code: 'VP', name: 'Văn phòng Sở' });
    a.unit2 = await createUnit(tok.vp_a, { code: 'PC', name: 'Phòng Pháp chế' });
    a.person = await createPerson(tok.vp_a, { full_name: 'Đinh Văn Thử', code: 'A-LEAK', unit_id: a.unit.id });
    const aterm = await call(tok.vp_a, 'POST', '/api/v1/council',
      { name: 'Hội đồng Thi đua Sở Tư pháp', valid_from: '01/01/2021' });
    assert.equal(aterm.status, 201, aterm.why);
    a.term = aterm.json;
  });

  it('B\'s records exist: B\'s Office and the installation administrator read them', async () => {
    for (const token of [tok.vp_b, tok.quantri]) {
      const res = await call(token, 'GET', `/api/v1/people/${b.person.id}`);
      assert.equal(res.status, 200, res.why);
      assert.equal(res.json.full_name, B_NAMES.person);
    }
    const unit = await call(tok.vp_b, 'GET', `/api/v1/units/${b.unit.id}`);
    assert.equal(unit.status, 200, unit.why);
    assert.deepEqual(unit.json.people.map((p) => p.full_name), [B_NAMES.person]);
  });

  const probed = new Set();

  for (const who of ['vp_a', 'sonoivu']) {
    it(`${who}: every route with a parameter answers 404/403 for B's ids, exactly as for ids that do not exist`,
      async () => {
        const routes = apiRoutes().filter((r) => r.pattern.includes('{'));
        assert.ok(routes.length >= 10, `routes with parameters: ${routes.map((r) => r.pattern)}`);
        for (const route of routes) {
          const key = `${route.method} ${route.pattern}`;
          probed.add(key);
          if (KNOWN_BUGS[`${who} ${key}`]) continue;  // probed by a todo test at the end
          await probeWithBIds(who, route);
        }
      });
  }

  it('every /api/v1 route with a parameter was probed', () => {
    const withParams = apiRoutes().filter((r) => r.pattern.includes('{')).map((r) => `${r.method} ${r.pattern}`);
    assert.deepEqual(withParams.filter((k) => !probed.has(k)), []);
    for (const k of ['GET /api/v1/people/{id}', 'PUT /api/v1/council/{id}/seats/{person_id}',
      'DELETE /api/v1/council/{id}/seats/{person_id}', 'POST /api/v1/clusters/{id}/members']) {
      assert.ok(probed.has(k), `${k} is routed and probed`);
    }
  });

  it('A\'s council term with B\'s person: same answer as a person who does not exist', async () => {
    for (const method of ['PUT', 'DELETE']) {
      const body = method === 'PUT' ? { seat: 'member' } : undefined;
      const res = await call(tok.vp_a, method, `/api/v1/council/${a.term.id}/seats/${b.person.id}`, body);
      const none = await call(tok.vp_a, method, `/api/v1/council/${a.term.id}/seats/${NO_SUCH_ID}`, body);
      assertNoLeak(res, `${method} seat`);
      assert.equal(res.status, none.status, `${res.why}\n${none.why}`);
      assert.deepEqual(res.json?.error, none.json?.error);
      if (method === 'PUT') assert422Naming(res, 'person_id');
    }
    const term = await call(tok.vp_a, 'GET', '/api/v1/council');
    assert.deepEqual(term.json.items.find((t) => t.id === a.term.id).seats, [], 'B\'s person was not seated in A');
  });

  it('pointing A\'s records at B\'s units is "no such unit"', async () => {
    const create = await call(tok.vp_a, 'POST', '/api/v1/people', person({ full_name: 'Lạc Đường', unit_id: b.unit.id }));
    assert422Naming(create, 'unit_id');
    assertNoLeak(create);
    const current = await call(tok.vp_a, 'GET', `/api/v1/people/${a.person.id}`);
    const update = await call(tok.vp_a, 'PUT', `/api/v1/people/${a.person.id}`,
      person({ full_name: 'Đinh Văn Thử', code: 'A-LEAK', unit_id: b.unit.id, version: current.json.version }));
    assert422Naming(update, 'unit_id');
    assertNoLeak(update);
    const move = await call(tok.vp_a, 'POST', `/api/v1/people/${a.person.id}/move`, { unit_id: b.unit.id, date: '01/01/2024' });
    assert422Naming(move, 'unit_id');
    assertNoLeak(move);
    const unit = await call(tok.vp_a, 'GET', `/api/v1/units/${a.unit2.id}`);
    const merge = await call(tok.vp_a, 'POST', `/api/v1/units/${a.unit2.id}/merge`,
      { version: unit.json.version, into: b.unit.id, date: '01/01/2024' });
    assert422Naming(merge, 'into');
    assertNoLeak(merge);
  });

  it('routes that take an agency refuse B\'s, exactly as an agency that does not exist', async () => {
    const cases = [
      ['GET', (ag) => `/api/v1/people?agency=${ag}`],
      ['GET', (ag) => `/api/v1/units?agency=${ag}`],
      ['GET', (ag) => `/api/v1/units?agency=${ag}&closed=1`],
      ['GET', (ag) => `/api/v1/council?agency=${ag}`],
      ['POST', () => '/api/v1/people', (ag) => person({ full_name: 'Người Lạ', agency: ag })],
      ['POST', () => '/api/v1/units', (ag) => ({ agency: ag, code: 'LA', kind: 'department', name: 'Phòng Lạ' })],
      ['POST', () => '/api/v1/council', (ag) => ({ agency: ag, name: 'Hội đồng Lạ', valid_from: '01/01/2024' })],
    ];
    for (const who of ['vp_a', 'sonoivu']) {
      for (const [method, url, body] of cases) {
        const res = await call(tok[who], method, url(B.id), body?.(B.id));
        assert.ok([403, 404].includes(res.status), `${who}: ${res.why}`);
        assertNoLeak(res, who);
        const none = await call(tok[who], method, url(NO_SUCH_ID), body?.(NO_SUCH_ID));
        assert.equal(res.status, none.status, `${res.why}\n${none.why}`);
        assert.equal(res.json?.error?.code, none.json?.error?.code);
      }
    }
  });

  it('every list answers A without B\'s records, with or without ?agency=B', async () => {
    const gets = apiRoutes().filter((r) => r.method === 'GET' && !r.pattern.includes('{'));
    assert.ok(gets.some((r) => r.pattern === '/api/v1/people'), 'GET /api/v1/people is routed');
    for (const who of ['vp_a', 'sonoivu']) {
      for (const r of gets) {
        for (const q of ['', `?agency=${B.id}`, `?q=${encodeURIComponent('bi mat')}`, `?unit=${b.unit.id}`, `?year=${YEAR}`]) {
          const res = await call(tok[who], 'GET', r.pattern + q);
          assert.ok([200, 403, 404].includes(res.status), `${who}: ${res.why}`);
          assertNoLeak(res, who);
        }
      }
    }
    const people = await call(tok.vp_a, 'GET', '/api/v1/people?per_page=200');
    assert.ok(people.json.items.length > 0, people.why);
    assert.deepEqual([...new Set(people.json.items.map((p) => p.agency_id))], [A.id]);
    const agencies = await call(tok.vp_a, 'GET', '/api/v1/agencies');
    assert.deepEqual(agencies.json.items.map((x) => x.code), [A.code]);
  });

  it('an authority reads the agencies under it, not their siblings', async () => {
    const people = await call(tok.sonoivu, 'GET', '/api/v1/people?per_page=200');
    assert.equal(people.status, 200, people.why);
    assert.ok(names(people).includes('Hà Văn Vui'), people.why);
    assert.ok(names(people).includes('Đinh Văn Thử'), people.why);
    assert.ok(!names(people).includes(B_NAMES.person), people.why);
    assertNoLeak(people);
    const search = await call(tok.sonoivu, 'GET', `/api/v1/people?q=${encodeURIComponent('bí mật')}`);
    assert.deepEqual(names(search), []);
    const ofA = await call(tok.sonoivu, 'GET', `/api/v1/people?agency=${A.id}&q=vui`);
    assert.equal(ofA.status, 200, ofA.why);
    assert.ok(names(ofA).includes('Hà Văn Vui'), ofA.why);
    const one = await call(tok.sonoivu, 'GET', `/api/v1/people/${a.person.id}`);
    assert.equal(one.status, 200, one.why);
    assert.equal(one.json.can_edit, false, 'an authority reads but does not edit an agency\'s people');
    const units = await call(tok.sonoivu, 'GET', `/api/v1/units?agency=${A.id}`);
    assert.equal(units.status, 200, units.why);
    assert.ok(units.json.items.some((u) => u.id === a.unit.id), units.why);
    const agencies = await call(tok.sonoivu, 'GET', '/api/v1/agencies');
    assert.deepEqual(agencies.json.items.map((x) => x.code).sort(), [P.code, A.code].sort());
    for (const id of [A.id, P.id]) {
      const ag = await call(tok.sonoivu, 'GET', `/api/v1/agencies/${id}`);
      assert.equal(ag.status, 200, ag.why);
    }
  });

  it('B\'s records are unchanged after every probe', async () => {
    const p = await call(tok.vp_b, 'GET', `/api/v1/people/${b.person.id}`);
    assert.equal(p.json.full_name, B_NAMES.person);
    assert.equal(p.json.version, 1);
    assert.equal(p.json.unit_id, b.unit.id);
    assert.deepEqual([...new Set(p.json.history.map((h) => h.actor))], ['vp_b'], 'nobody else touched B\'s person');
    const u = await call(tok.vp_b, 'GET', `/api/v1/units/${b.unit.id}`);
    assert.equal(u.json.name, B_NAMES.unit);
    assert.equal(u.json.active, true);
    assert.equal(u.json.version, 1);
    const u2 = await call(tok.vp_b, 'GET', `/api/v1/units/${b.unit2.id}`);
    assert.equal(u2.json.active, true);
    const t = await call(tok.vp_b, 'GET', '/api/v1/council');
    assert.deepEqual(t.json.items.find((x) => x.id === b.term.id).seats.map((s) => [s.person_id, s.seat]),
      [[b.person.id, 'chair']]);
    const ag = await call(tok.vp_b, 'GET', `/api/v1/agencies/${B.id}`);
    assert.equal(ag.json.name, B.name);
    const cl = await call(tok.quantri, 'GET', `/api/v1/clusters?year=${YEAR}`);
    assert.deepEqual(cl.json.items.find((c) => c.id === b.cluster.id).members.map((m) => m.code), [B.code]);
    const list = await call(tok.vp_b, 'GET', `/api/v1/people?agency=${B.id}`);
    assert.deepEqual(names(list), [B_NAMES.person], 'nobody was registered in B by A');
    const dec = await call(tok.vp_b, 'GET', `/api/v1/decisions/${b.decision.id}`);
    assert.equal(dec.json.status, 'draft', 'nobody issued B\'s decision');
    assert.equal(dec.json.version, b.decision.version);
    assert.equal(dec.json.awardees.length, 1);
  });
});

// ---- units, council, agencies, clusters: the happy paths ---------------------------------------

describe('units, council, agencies and clusters', () => {
  it('a unit can be closed once empty, and then shows only with closed=1', async () => {
    const u = await createUnit(tok.vp_a, { code: 'TAM', name: 'Tổ tạm thời' });
    const closed = await call(tok.vp_a, 'POST', `/api/v1/units/${u.id}/close`, { version: u.version, date: '01/01/2024' });
    assert.equal(closed.status, 200, closed.why);
    assert.equal(closed.json.active, false);
    const open = await call(tok.vp_a, 'GET', '/api/v1/units');
    assert.ok(!open.json.items.some((x) => x.id === u.id), open.why);
    const all = await call(tok.vp_a, 'GET', '/api/v1/units?closed=1');
    assert.ok(all.json.items.some((x) => x.id === u.id), all.why);
  });

  it('an agency rename keeps the old name in its history', async () => {
    const before = await call(tok.quantri, 'GET', `/api/v1/agencies/${A.id}`);
    assert.equal(before.status, 200, before.why);
    const res = await call(tok.quantri, 'PUT', `/api/v1/agencies/${A.id}`,
      {
        version: before.json.version, name: 'Sở Tư pháp tỉnh Cao Bằng (mới)', address: '2 Hoàng Đình Giong',
        effective_date: '01/01/2024',
      });
    assert.equal(res.status, 200, res.why);
    assert.equal(res.json.name, 'Sở Tư pháp tỉnh Cao Bằng (mới)');
    const after = await call(tok.quantri, 'GET', `/api/v1/agencies/${A.id}`);
    assert.deepEqual(after.json.history.map((v) => [v.name, v.valid_to]),
      [[A.name, '2024-01-01'], ['Sở Tư pháp tỉnh Cao Bằng (mới)', null]]);
    const stale = await call(tok.quantri, 'PUT', `/api/v1/agencies/${A.id}`, { version: before.json.version, name: 'X' });
    assert.equal(stale.status, 409, stale.why);
  });

  it('only the installation administrator creates agencies', async () => {
    const res = await call(tok.sonoivu, 'POST', '/api/v1/agencies', { code: 'SXD', name: 'Sở Xây dựng', parent_code: P.code });
    assert.equal(res.status, 403, res.why);
    const bad = await call(tok.quantri, 'POST', '/api/v1/agencies', { code: 'bad code!', name: '' });
    assert422Naming(bad, 'code');
    assert.ok(Object.hasOwn(fieldsOf(bad), 'name'), bad.why);
  });

  it('an authority creates a cluster of its agencies; the agency sees it', async () => {
    const c = await call(tok.sonoivu, 'POST', '/api/v1/clusters', { code: 'KSNV', name: 'Khối các sở' });
    assert.equal(c.status, 201, c.why);
    assert.equal(c.json.authority_id, P.id);
    const m = await call(tok.sonoivu, 'POST', `/api/v1/clusters/${c.json.id}/members`, { agency: A.code, year: YEAR, lead: true });
    assert.equal(m.status, 200, m.why);
    const seen = await call(tok.vp_a, 'GET', '/api/v1/clusters');
    assert.equal(seen.json.year, YEAR);
    assert.deepEqual(seen.json.items.map((x) => x.code), ['KSNV'], seen.why);
    const other = await call(tok.sonoivu, 'POST', `/api/v1/clusters/${c.json.id}/members`, { agency: B.code, year: YEAR });
    assert422Naming(other, 'agency');
    assert422Naming(await call(tok.sonoivu, 'POST', `/api/v1/clusters/${c.json.id}/members`, { agency: A.code }), 'year');
  });
});

// ---- service bugs found by this file, now fixed: kept as regressions --------------------------

describe('fixed service bugs', () => {
  for (const [probe, bug] of Object.entries(KNOWN_BUGS)) {
    const [who, method, pattern] = probe.split(' ');
    it(`${probe}: B's ids are 404/403`, { todo: bug }, async () => {
      await probeWithBIds(who, { method, pattern });
    });
  }

  it('adding an agency to a cluster that does not exist is 404', async () => {
    const res = await call(tok.quantri, 'POST', `/api/v1/clusters/${NO_SUCH_ID}/members`, { agency: A.code, year: YEAR });
    assert.equal(res.status, 404, res.why);
  });

  it('an update based on the version read before a move is stale (409), not a silent move back', async () => {
    const u = await createUnit(tok.vp_a, { code: 'MV1', name: 'Phòng Trước' });
    const u2 = await createUnit(tok.vp_a, { code: 'MV2', name: 'Phòng Sau' });
    const p = await createPerson(tok.vp_a, { full_name: 'Cù Văn Chuyển', unit_id: u.id });
    const moved = await call(tok.vp_a, 'POST', `/api/v1/people/${p.id}/move`, { unit_id: u2.id, date: '01/01/2024' });
    assert.equal(moved.status, 200, moved.why);
    const stale = await call(tok.vp_a, 'PUT', `/api/v1/people/${p.id}`,
      person({ full_name: 'Cù Văn Chuyển', unit_id: u.id, code: 'CHUYEN', version: p.version }));
    assert.equal(stale.status, 409, stale.why);
  });
});

// ---- split, a person's account, agency changes, cluster leads ---------------------------------

describe('split a unit, a person\'s account, agency changes, cluster leads', () => {
  it('a split makes a unit of the same agency with the people sent; bad input writes nothing', async () => {
    const u = await createUnit(tok.vp_a, { code: 'GOC', name: 'Phòng Gốc' });
    const p1 = await createPerson(tok.vp_a, { full_name: 'Nông Văn Tách', unit_id: u.id, start_date: '01/01/2015' });
    const p2 = await createPerson(tok.vp_a, { full_name: 'Nông Văn Ở Lại', unit_id: u.id, start_date: '01/01/2015' });
    const before = await call(tok.vp_a, 'GET', '/api/v1/units?closed=1');
    const noName = await call(tok.vp_a, 'POST', `/api/v1/units/${u.id}/split`,
      { version: u.version, code: 'TACH', name: '', date: '01/01/2024', people: [p1.id] });
    assert422Naming(noName, 'name');
    assert.equal(noName.json.error.fields.name, 'Vui lòng nhập thông tin này.');
    assert.equal(noName.json.error.message, 'Dữ liệu chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.');
    assert422Naming(await call(tok.vp_a, 'POST', `/api/v1/units/${u.id}/split`, { code: 'TACH', name: 'Tổ Tách' }), 'version');
    assert422Naming(await call(tok.vp_a, 'POST', `/api/v1/units/${u.id}/split`,
      { version: u.version, code: 'TACH', name: 'Tổ Tách', people: 'p1' }), 'people');
    const stranger = await call(tok.vp_a, 'POST', `/api/v1/units/${u.id}/split`,
      { version: u.version, code: 'TACH', name: 'Tổ Tách', date: '01/01/2024', people: [p1.id, b.person.id] });
    assert422Naming(stranger, 'people');
    assertNoLeak(stranger);
    const after = await call(tok.vp_a, 'GET', '/api/v1/units?closed=1');
    assert.equal(after.json.items.length, before.json.items.length, 'no unit was made by the refused splits');

    const res = await call(tok.vp_a, 'POST', `/api/v1/units/${u.id}/split`,
      { version: u.version, code: 'TACH', name: 'Tổ Tách', kind: 'office', date: '01/01/2024', people: [p1.id] });
    assert.equal(res.status, 201, res.why);
    assert.equal(res.r.headers.get('location'), `/api/v1/units/${res.json.id}`);
    assert.deepEqual([res.json.code, res.json.name, res.json.kind, res.json.agency_id], ['TACH', 'Tổ Tách', 'office', A.id]);
    const detail = await call(tok.vp_a, 'GET', `/api/v1/units/${res.json.id}`);
    assert.deepEqual(detail.json.people.map((p) => p.full_name), ['Nông Văn Tách']);
    const moved = await call(tok.vp_a, 'GET', `/api/v1/people/${p1.id}`);
    assert.deepEqual(moved.json.path.map((p) => [p.unit_name, p.valid_from, p.valid_to]),
      [['Phòng Gốc', '2015-01-01', '2024-01-01'], ['Tổ Tách', '2024-01-01', null]]);
    const stayed = await call(tok.vp_a, 'GET', `/api/v1/people/${p2.id}`);
    assert.equal(stayed.json.unit_id, u.id);
  });

  it('a person gets a new account (the password in the answer, once) and roles; a second is 409', async () => {
    const p = await createPerson(tok.vp_a, { full_name: 'Hoàng Thị Tài Khoản' });
    const bad = await call(tok.vp_a, 'POST', `/api/v1/people/${p.id}/account`, { create: true, login: 'x', roles: ['admin'] });
    assert422Naming(bad, 'login');
    assert.equal(bad.json.error.fields.roles, 'Bạn không được cấp vai trò này.');
    const res = await call(tok.vp_a, 'POST', `/api/v1/people/${p.id}/account`,
      { create: true, login: 'HT.TaiKhoan', roles: ['staff', 'council'] });
    assert.equal(res.status, 201, res.why);
    assert.equal(res.json.login, 'ht.taikhoan');
    assert.equal(res.json.display_name, 'Hoàng Thị Tài Khoản');
    assert.deepEqual(res.json.roles, ['council', 'staff']);
    assert.equal(res.json.agency, A.code);
    assert.match(res.json.password, /^\S{10,}$/);
    const person = await call(tok.vp_a, 'GET', `/api/v1/people/${p.id}`);
    assert.equal(person.json.login, 'ht.taikhoan');
    assert.equal(person.json.linked_account, true);
    const twice = await call(tok.vp_a, 'POST', `/api/v1/people/${p.id}/account`, { create: true, login: 'khac', roles: ['staff'] });
    assert.equal(twice.status, 409, twice.why);
    assert.equal(twice.json.error.code, 'account_link.person_linked');
    const roles = await call(tok.vp_a, 'PUT', `/api/v1/people/${p.id}/account`, { roles: ['leader'] });
    assert.equal(roles.status, 200, roles.why);
    assert.deepEqual(roles.json.roles, ['leader']);
    assert422Naming(await call(tok.vp_a, 'PUT', `/api/v1/people/${p.id}/account`, { roles: ['authority'] }), 'roles');
    assert422Naming(await call(tok.vp_a, 'PUT', `/api/v1/people/${p.id}/account`, { roles: [] }), 'roles');
  });

  it('an existing account of the agency is linked; another agency\'s is unknown, like one that does not exist', async () => {
    cliOk(['user', 'add', '--db', srv.dbUrl, '--login', 'a.san', '--name', 'Tài Khoản Sẵn', '--role', 'staff',
      '--agency', A.code, '--password-stdin'], { input: 'Mat-khau-thu-2024!\n' });
    const p = await createPerson(tok.vp_a, { full_name: 'Lý Văn Gắn' });
    const theirs = await call(tok.vp_a, 'POST', `/api/v1/people/${p.id}/account`, { login: 'vp_b' });
    const none = await call(tok.vp_a, 'POST', `/api/v1/people/${p.id}/account`, { login: 'khong-co-ai' });
    assert422Naming(theirs, 'login');
    assert.deepEqual(theirs.json.error, none.json.error);
    assertNoLeak(theirs);
    const res = await call(tok.vp_a, 'POST', `/api/v1/people/${p.id}/account`, { login: 'A.SAN' });
    assert.equal(res.status, 200, res.why);
    assert.deepEqual([res.json.login, res.json.roles], ['a.san', ['staff']]);
    const other = await createPerson(tok.vp_a, { full_name: 'Lý Văn Gắn Sau' });
    const taken = await call(tok.vp_a, 'POST', `/api/v1/people/${other.id}/account`, { login: 'a.san' });
    assert.equal(taken.status, 409, taken.why);
    assert.equal(taken.json.error.fields.login, 'Tài khoản này đã gắn với một cán bộ khác.');
  });

  it('an agency\'s code, authority and cluster change; fields left out stay as they were', async () => {
    const c = await call(tok.quantri, 'POST', '/api/v1/clusters', { code: 'KTP', name: 'Khối Tư pháp' });
    assert.equal(c.status, 201, c.why);
    const before = await call(tok.quantri, 'GET', `/api/v1/agencies/${A.id}`);
    const notAuthority = await call(tok.quantri, 'PUT', `/api/v1/agencies/${A.id}`,
      { version: before.json.version, name: before.json.name, parent_code: B.code });
    assert422Naming(notAuthority, 'parent_code');
    const taken = await call(tok.quantri, 'PUT', `/api/v1/agencies/${A.id}`,
      { version: before.json.version, name: before.json.name, code: P.code });
    assert.equal(taken.status, 409, taken.why);
    assert.equal(taken.json.error.fields.code, 'Mã cơ quan này đã có.');
    const res = await call(tok.quantri, 'PUT', `/api/v1/agencies/${A.id}`,
      { version: before.json.version, name: before.json.name, code: 'STP2', cluster: 'KTP', cluster_year: YEAR });
    assert.equal(res.status, 200, res.why);
    assert.equal(res.json.code, 'STP2');
    assert.equal(res.json.address, before.json.address, 'the address was not sent and stays');
    assert.equal(res.json.parent_id, P.id, 'the authority was not sent and stays');
    const cl = await call(tok.quantri, 'GET', `/api/v1/clusters?year=${YEAR}`);
    assert.deepEqual(cl.json.items.find((x) => x.code === 'KTP').members.map((m) => m.code), ['STP2']);
    assert.deepEqual(cl.json.items.find((x) => x.code === 'KSNV').members, [],
      'one cluster a year: it left the other cluster the administrator oversees');
    const back = await call(tok.quantri, 'PUT', `/api/v1/agencies/${A.id}`,
      { version: res.json.version, name: res.json.name, code: A.code });
    assert.equal(back.status, 200, back.why);
    // The authority above A may edit it, but not move it away from under itself.
    const away = await call(tok.sonoivu, 'PUT', `/api/v1/agencies/${A.id}`,
      { version: back.json.version, name: back.json.name, parent_code: null });
    assert422Naming(away, 'parent_code');
    assert.equal((await call(tok.vp_a, 'PUT', `/api/v1/agencies/${A.id}`,
      { version: back.json.version, name: 'Tự Đổi Tên' })).status, 403);
  });

  it('the lead of a cluster changes hands; a member leaves; not a member is 422', async () => {
    const list = await call(tok.sonoivu, 'GET', `/api/v1/clusters?year=${YEAR}`);
    const c = list.json.items.find((x) => x.code === 'KSNV');
    assert.ok(c, list.why);
    assert.equal(c.can_edit, true);
    const join = await call(tok.sonoivu, 'POST', `/api/v1/clusters/${c.id}/members`, { agency: A.code, year: YEAR });
    assert.equal(join.status, 200, join.why);
    assert.deepEqual(join.json.members.map((m) => [m.code, m.lead]), [[A.code, false]]);
    const lead = await call(tok.sonoivu, 'POST', `/api/v1/clusters/${c.id}/lead`, { agency: A.code, year: YEAR });
    assert.equal(lead.status, 200, lead.why);
    assert.deepEqual(lead.json.members.map((m) => [m.code, m.lead]), [[A.code, true]]);
    const gone = await call(tok.sonoivu, 'DELETE', `/api/v1/clusters/${c.id}/members/${A.code}?year=${YEAR}`);
    assert.ok([200, 204].includes(gone.status), gone.why);
    const again = await call(tok.sonoivu, 'DELETE', `/api/v1/clusters/${c.id}/members/${A.code}?year=${YEAR}`);
    assert422Naming(again, 'agency');
    assert422Naming(await call(tok.sonoivu, 'DELETE', `/api/v1/clusters/${c.id}/members/${A.code}`), 'year');
    assert422Naming(await call(tok.sonoivu, 'POST', `/api/v1/clusters/${c.id}/lead`, { agency: A.code, year: YEAR }), 'agency');
  });
});
