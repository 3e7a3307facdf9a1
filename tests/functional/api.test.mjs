// The JSON API: /api/v1/me with a bearer token or a session cookie, and /api/v1/users (admin
// only; duplicate → 409; invalid fields → 422; CSRF header for cookie-authenticated writes).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  AGENCY_CODE, AGENCY_NAME, DEFAULT_PASSWORD, login, pageCsrf, roleNames, show, startServer,
} from '../support/server.mjs';

const PW = DEFAULT_PASSWORD;
let srv;
let adminToken;
let officeToken;

before(async () => {
  srv = await startServer({
    users: [
      { login: 'quantri', name: 'Quản Trị Viên', role: 'admin' },
      { login: 'hoa', name: 'Nông Thị Hoa', role: 'office', agency: AGENCY_CODE },
      { login: 'lanhdao', name: 'Hoàng Văn Lãnh', roles: ['leader', 'council'], agency: AGENCY_CODE },
    ],
    tokens: [{ login: 'quantri', name: 'test' }, { login: 'hoa', name: 'test' }],
  });
  adminToken = srv.tokens.quantri;
  officeToken = srv.tokens.hoa;
  assert.ok(adminToken && adminToken.length >= 16, `admin token printed by "user token": ${adminToken}`);
});

after(async () => {
  await srv?.dispose();
});

async function api(method, p, { token, cookie, csrf, body, rawBody, headers = {} } = {}) {
  const h = { accept: 'application/json', ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (cookie) h.cookie = cookie;
  if (csrf) h['x-csrf-token'] = csrf;
  let payload;
  if (rawBody !== undefined) {
    payload = rawBody;
    h['content-type'] = 'application/json';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    h['content-type'] = 'application/json';
  }
  const r = await fetch(`${srv.url}${p}`, { method, headers: h, body: payload, redirect: 'manual' });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { r, status: r.status, text, json, why: show(r, text) };
}

function assertJsonError(res, status, code) {
  assert.equal(res.status, status, res.why);
  assert.match(res.r.headers.get('content-type') ?? '', /^application\/json/, res.why);
  const e = res.json?.error;
  assert.ok(e && typeof e === 'object', `error object: ${res.text}`);
  assert.equal(typeof e.code, 'string', res.text);
  assert.ok(e.code.length > 0, res.text);
  assert.equal(typeof e.message, 'string', res.text);
  assert.ok(e.message.length > 0, res.text);
  assert.ok(e.fields !== null && typeof e.fields === 'object' && !Array.isArray(e.fields), `fields must be an object: ${res.text}`);
  if (code) assert.equal(e.code, code);
  return e;
}

const newUser = (login, extra = {}) => ({
  login, display_name: `Người dùng ${login}`, password: 'Mat-khau-moi-2024!', roles: ['staff'], agency: AGENCY_CODE, ...extra,
});

describe('GET /api/v1/me', () => {
  it('without credentials: 401 JSON error', async () => {
    assertJsonError(await api('GET', '/api/v1/me'), 401);
  });

  it('with a bad bearer token: 401', async () => {
    assertJsonError(await api('GET', '/api/v1/me', { token: 'khong-phai-token' }), 401);
    assertJsonError(await api('GET', '/api/v1/me', { token: `${adminToken}x` }), 401);
    assertJsonError(await api('GET', '/api/v1/me', { headers: { authorization: 'Basic cXVhbnRyaTp4' } }), 401);
  });

  it('with the admin bearer token: the admin, no agency', async () => {
    const res = await api('GET', '/api/v1/me', { token: adminToken });
    assert.equal(res.status, 200, res.why);
    assert.match(res.r.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(res.json.login, 'quantri');
    assert.equal(res.json.display_name, 'Quản Trị Viên');
    assert.deepEqual(roleNames(res.json.roles), ['admin']);
    assert.equal(res.json.agency, null);
  });

  it('with the office bearer token: roles and agency', async () => {
    const res = await api('GET', '/api/v1/me', { token: officeToken });
    assert.equal(res.status, 200, res.why);
    assert.equal(res.json.login, 'hoa');
    assert.equal(res.json.display_name, 'Nông Thị Hoa');
    assert.deepEqual(roleNames(res.json.roles), ['office']);
    assert.ok(res.json.agency && typeof res.json.agency === 'object', `agency object: ${res.text}`);
    const a = JSON.stringify(res.json.agency);
    assert.ok(a.includes(AGENCY_CODE) || a.includes(AGENCY_NAME), `agency names BDT: ${a}`);
  });

  it('with a session cookie: the signed-in user, with several roles', async () => {
    const cookie = await login(srv.url, 'lanhdao', PW);
    const res = await api('GET', '/api/v1/me', { cookie });
    assert.equal(res.status, 200, res.why);
    assert.equal(res.json.login, 'lanhdao');
    assert.deepEqual(roleNames(res.json.roles).sort(), ['council', 'leader']);
  });
});

describe('POST /api/v1/users', () => {
  it('admin bearer token, no CSRF header: 201 with the user, who can then sign in', async () => {
    const res = await api('POST', '/api/v1/users', { token: adminToken, body: newUser('moi1', { display_name: 'Triệu Thị Mới' }) });
    assert.equal(res.status, 201, res.why);
    assert.equal(res.json.login, 'moi1');
    assert.equal(res.json.display_name, 'Triệu Thị Mới');
    assert.deepEqual(roleNames(res.json.roles), ['staff']);
    assert.ok(!('password' in res.json) && !('password_hash' in res.json), `no password in the answer: ${res.text}`);
    assert.ok(!res.text.includes('Mat-khau-moi-2024!'), 'the password is not echoed');
    assert.ok(!res.text.includes('$argon2'), 'the hash is not exposed');

    const cookie = await login(srv.url, 'moi1', 'Mat-khau-moi-2024!');
    const me = await api('GET', '/api/v1/me', { cookie });
    assert.equal(me.status, 200, me.why);
    assert.equal(me.json.display_name, 'Triệu Thị Mới');
  });

  it('a duplicate login: 409', async () => {
    const first = await api('POST', '/api/v1/users', { token: adminToken, body: newUser('trung') });
    assert.equal(first.status, 201, first.why);
    assertJsonError(await api('POST', '/api/v1/users', { token: adminToken, body: newUser('trung') }), 409);
  });

  it('an invalid login: 422 naming login', async () => {
    const res = await api('POST', '/api/v1/users', { token: adminToken, body: newUser('') });
    const e = assertJsonError(res, 422);
    assert.ok('login' in e.fields, `fields names login: ${res.text}`);
  });

  it('an invalid role: 422 naming roles', async () => {
    const res = await api('POST', '/api/v1/users', { token: adminToken, body: newUser('vaitro', { roles: ['vua'] }) });
    const e = assertJsonError(res, 422);
    assert.ok('roles' in e.fields, `fields names roles: ${res.text}`);
  });

  it('several invalid fields: 422 naming every one of them', async () => {
    const res = await api('POST', '/api/v1/users', { token: adminToken, body: newUser('', { roles: ['vua'] }) });
    const e = assertJsonError(res, 422);
    assert.ok('login' in e.fields && 'roles' in e.fields, `fields names both login and roles: ${res.text}`);
  });

  it('an unknown agency: 422 on agency', async () => {
    const res = await api('POST', '/api/v1/users', { token: adminToken, body: newUser('lac', { agency: 'KHONGCO' }) });
    const e = assertJsonError(res, 422);
    assert.ok('agency' in e.fields, `fields names agency: ${res.text}`);
  });

  it('a body that is not JSON: 400 JSON error', async () => {
    assertJsonError(await api('POST', '/api/v1/users', { token: adminToken, rawBody: '{"login": "x",' }), 400);
  });

  it('a non-admin: 403', async () => {
    assertJsonError(await api('POST', '/api/v1/users', { token: officeToken, body: newUser('khongduoc') }), 403);
    const list = await api('GET', '/api/v1/users', { token: adminToken });
    assert.ok(!list.json.items.some((u) => u.login === 'khongduoc'), 'the refused user was not created');
  });

  it('without credentials: 401', async () => {
    assertJsonError(await api('POST', '/api/v1/users', { body: newUser('vodanh') }), 401);
  });

  describe('with a session cookie', () => {
    let cookie;
    let csrf;
    before(async () => {
      cookie = await login(srv.url, 'quantri', PW);
      csrf = await pageCsrf(srv.url, cookie);
    });

    it('no X-CSRF-Token: 403', async () => {
      assertJsonError(await api('POST', '/api/v1/users', { cookie, body: newUser('csrf1') }), 403);
    });

    it('a wrong X-CSRF-Token: 403', async () => {
      assertJsonError(await api('POST', '/api/v1/users', { cookie, csrf: 'sai-token', body: newUser('csrf2') }), 403);
    });

    it("the page's csrf-token: 201", async () => {
      const res = await api('POST', '/api/v1/users', { cookie, csrf, body: newUser('csrf3') });
      assert.equal(res.status, 201, res.why);
      const list = await api('GET', '/api/v1/users', { cookie });
      const logins = list.json.items.map((u) => u.login);
      assert.ok(logins.includes('csrf3'));
      assert.ok(!logins.includes('csrf1') && !logins.includes('csrf2'), 'refused requests created nothing');
    });
  });
});

describe('GET /api/v1/users', () => {
  it('admin: 200 {"items":[...]} with every user', async () => {
    const res = await api('GET', '/api/v1/users', { token: adminToken });
    assert.equal(res.status, 200, res.why);
    assert.ok(Array.isArray(res.json.items), res.text.slice(0, 300));
    const logins = res.json.items.map((u) => u.login);
    for (const l of ['quantri', 'hoa', 'lanhdao', 'moi1']) assert.ok(logins.includes(l), `${l} listed: ${logins}`);
    assert.ok(!res.text.includes('$argon2'), 'no password hashes in the list');
  });

  it('non-admin: 403; anonymous: 401', async () => {
    assertJsonError(await api('GET', '/api/v1/users', { token: officeToken }), 403);
    assertJsonError(await api('GET', '/api/v1/users'), 401);
  });
});
