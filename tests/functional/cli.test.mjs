// The command line: routes, migrate, THIDUA_DB, user add/passwd/disable/token, audit verify
// (intact and tampered copies), backup while the server runs, and the demo data.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  AGENCY_CODE, AGENCY_NAME, CookieJar, DEFAULT_PASSWORD, cli, getLoginPage, jarFetch, lastLine, login, postLogin,
  roleNames, startServer, textById,
} from '../support/server.mjs';

const PW = DEFAULT_PASSWORD;
let srv;
let adminToken;

before(async () => {
  srv = await startServer({
    users: [
      { login: 'quantri', name: 'Quản Trị Viên', role: 'admin' },
      { login: 'hoa', name: 'Nông Thị Hoa', role: 'office', agency: AGENCY_CODE },
    ],
    tokens: [{ login: 'quantri', name: 'cli-test' }],
  });
  adminToken = srv.tokens.quantri;
});

after(async () => {
  await srv?.dispose();
});

const out = (r) => `exit ${r.status ?? r.signal}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;

function sqlite(file, sql) {
  const r = spawnSync('sqlite3', [file, sql], { encoding: 'utf8' });
  assert.equal(r.status, 0, `sqlite3 ${file} "${sql}": ${r.stderr}`);
  return r.stdout.trim();
}

async function me(token) {
  const r = await fetch(`${srv.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  const text = await r.text();
  return { status: r.status, json: r.status === 200 ? JSON.parse(text) : null, text };
}

async function tryLogin(loginName, password) {
  const jar = new CookieJar();
  const page = await getLoginPage(srv.url, jar);
  const r = await postLogin(srv.url, jar, loginName, password, page.csrf);
  await r.arrayBuffer();
  return r.status;
}

function addUser(args, input) {
  return cli(['user', 'add', '--db', srv.dbUrl, ...args], input === undefined ? {} : { input });
}

async function apiCreate(loginName) {
  const r = await fetch(`${srv.url}/api/v1/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ login: loginName, display_name: `Cán bộ ${loginName}`, password: 'Mat-khau-2024!', roles: ['staff'], agency: AGENCY_CODE }),
  });
  const text = await r.text();
  assert.equal(r.status, 201, `POST /api/v1/users ${loginName}: ${r.status} ${text}`);
}

describe('general', () => {
  it('routes lists the HTTP routes', () => {
    const r = cli(['routes']);
    assert.equal(r.status, 0, out(r));
    for (const p of ['/api/v1/ping', '/login', '/logout', '/lang', '/api/v1/me', '/api/v1/users']) {
      assert.ok(r.stdout.includes(p), `routes lists ${p}: ${r.stdout}`);
    }
  });

  it('an unknown command fails', () => {
    const r = cli(['khong-co-lenh', '--db', srv.dbUrl]);
    assert.notEqual(r.status, 0, out(r));
  });

  it('migrate is idempotent', () => {
    const r = cli(['migrate', '--db', srv.dbUrl]);
    assert.equal(r.status, 0, out(r));
  });

  it('migrate creates the data folder of a new SQLite database (first `make run`)', () => {
    const file = path.join(srv.dir, 'fresh', 'nested', 'thidua.db');
    const r = cli(['migrate', '--db', `sqlite:${file}`]);
    assert.equal(r.status, 0, out(r));
    assert.ok(fs.existsSync(file), `${file} exists`);
  });

  it('THIDUA_DB stands in for --db', () => {
    const r = cli(['audit', 'verify'], { env: { THIDUA_DB: srv.dbUrl } });
    assert.equal(r.status, 0, out(r));
    assert.match(r.stdout, /^OK/m);
  });
});

describe('user add', () => {
  it('without --password-stdin prints a generated password that signs in', async () => {
    const r = addUser(['--login', 'sinhmk', '--name', 'Lý Văn Sinh', '--role', 'staff', '--agency', AGENCY_CODE]);
    assert.equal(r.status, 0, out(r));
    const candidates = [lastLine(r.stdout).split(/\s+/).pop(), ...r.stdout.split(/\s+/).reverse()]
      .filter((w, i, a) => w && w.length >= 8 && a.indexOf(w) === i)
      .slice(0, 3);
    assert.ok(candidates.length > 0, `no password printed: ${r.stdout}`);
    let ok = false;
    for (const c of candidates) {
      if ((await tryLogin('sinhmk', c)) === 303) { ok = true; break; }
    }
    assert.ok(ok, `none of ${JSON.stringify(candidates)} from the output signs in: ${r.stdout}`);
  });

  it('--password-stdin with two --role flags grants both', async () => {
    const r = addUser(['--login', 'hairole', '--name', 'Hai Vai Trò', '--role', 'leader', '--role', 'council', '--agency', AGENCY_CODE, '--password-stdin'], `${PW}\n`);
    assert.equal(r.status, 0, out(r));
    const t = cli(['user', 'token', '--db', srv.dbUrl, '--login', 'hairole', '--name', 't']);
    assert.equal(t.status, 0, out(t));
    const m = await me(lastLine(t.stdout));
    assert.equal(m.status, 200, m.text);
    assert.deepEqual(roleNames(m.json.roles).sort(), ['council', 'leader']);
    assert.equal(m.json.display_name, 'Hai Vai Trò');
    assert.equal(await tryLogin('hairole', PW), 303);
  });

  it('refuses a duplicate login, an unknown agency and an unknown role', () => {
    let r = addUser(['--login', 'hoa', '--name', 'X', '--role', 'staff', '--agency', AGENCY_CODE, '--password-stdin'], `${PW}\n`);
    assert.notEqual(r.status, 0, `duplicate: ${out(r)}`);
    r = addUser(['--login', 'lac', '--name', 'X', '--role', 'staff', '--agency', 'KHONGCO', '--password-stdin'], `${PW}\n`);
    assert.notEqual(r.status, 0, `unknown agency: ${out(r)}`);
    r = addUser(['--login', 'vua', '--name', 'X', '--role', 'king', '--agency', AGENCY_CODE, '--password-stdin'], `${PW}\n`);
    assert.notEqual(r.status, 0, `unknown role: ${out(r)}`);
    const n = sqlite(srv.dbPath, "select count(*) from user_account where login in ('lac','vua')");
    assert.equal(n, '0', 'nothing was created');
  });
});

describe('user passwd, disable, token', () => {
  it('user token prints a token that works while the server runs', async () => {
    const r = cli(['user', 'token', '--db', srv.dbUrl, '--login', 'hoa', '--name', 'may-in']);
    assert.equal(r.status, 0, out(r));
    const m = await me(lastLine(r.stdout));
    assert.equal(m.status, 200, m.text);
    assert.equal(m.json.login, 'hoa');
  });

  it('user passwd --password-stdin changes the password', async () => {
    const a = addUser(['--login', 'doimk', '--name', 'Đổi Mật Khẩu', '--role', 'staff', '--agency', AGENCY_CODE, '--password-stdin'], `${PW}\n`);
    assert.equal(a.status, 0, out(a));
    const r = cli(['user', 'passwd', '--db', srv.dbUrl, '--login', 'doimk', '--password-stdin'], { input: 'Mat-khau-moi-2025!\n' });
    assert.equal(r.status, 0, out(r));
    assert.equal(await tryLogin('doimk', 'Mat-khau-moi-2025!'), 303, 'new password works');
    assert.equal(await tryLogin('doimk', PW), 401, 'old password no longer works');
  });

  it('user disable stops sign-in and the user\'s API tokens', async () => {
    const a = addUser(['--login', 'khoa', '--name', 'Bị Khóa', '--role', 'staff', '--agency', AGENCY_CODE, '--password-stdin'], `${PW}\n`);
    assert.equal(a.status, 0, out(a));
    const t = cli(['user', 'token', '--db', srv.dbUrl, '--login', 'khoa', '--name', 't']);
    const token = lastLine(t.stdout);
    assert.equal((await me(token)).status, 200, 'token works before');
    const jar = new CookieJar();
    await login(srv.url, 'khoa', PW, jar);

    const r = cli(['user', 'disable', '--db', srv.dbUrl, '--login', 'khoa']);
    assert.equal(r.status, 0, out(r));
    assert.notEqual(await tryLogin('khoa', PW), 303, 'a disabled user cannot sign in');
    assert.equal((await me(token)).status, 401, 'a disabled user\'s token is refused');
    const home = await jarFetch(jar, `${srv.url}/`);
    await home.arrayBuffer();
    assert.equal(home.status, 303, 'a disabled user\'s open session ends');
  });
});

describe('audit verify', () => {
  before(async () => {
    for (const l of ['kiemtra1', 'kiemtra2', 'kiemtra3', 'kiemtra4']) await apiCreate(l);
  });

  it('an intact chain: exit 0, "OK ..."', () => {
    const r = cli(['audit', 'verify', '--db', srv.dbUrl]);
    assert.equal(r.status, 0, out(r));
    assert.match(r.stdout, /^OK/m);
  });

  function copy(name) {
    const file = path.join(srv.dir, name);
    sqlite(srv.dbPath, `.backup '${file}'`);
    return file;
  }

  it('an edited row (actor of id 1): exit 1 naming the row', () => {
    const f = copy('sua1.db');
    sqlite(f, "UPDATE audit_log SET actor='x' WHERE id=1");
    const r = cli(['audit', 'verify', '--db', `sqlite:${f}`]);
    assert.equal(r.status, 1, out(r));
    assert.doesNotMatch(r.stdout, /^OK/m);
    assert.match(r.stdout + r.stderr, /\b1\b/, `names row 1: ${out(r)}`);
  });

  it('an edited row in the middle: exit 1 naming that row', () => {
    const f = copy('sua-giua.db');
    const n = Number(sqlite(f, 'select count(*) from audit_log'));
    assert.ok(n >= 5, `enough audit rows to pick from (${n})`);
    const id = sqlite(f, `select id from audit_log order by id limit 1 offset ${Math.floor(n / 2)}`);
    sqlite(f, `UPDATE audit_log SET after_json='{"login":"gia-mao"}' WHERE id=${id}`);
    const r = cli(['audit', 'verify', '--db', `sqlite:${f}`]);
    assert.equal(r.status, 1, out(r));
    assert.match(r.stdout + r.stderr, new RegExp(`\\b${id}\\b`), `names row ${id}: ${out(r)}`);
  });

  it('the last row deleted: exit 1', () => {
    const f = copy('xoa-cuoi.db');
    sqlite(f, 'DELETE FROM audit_log WHERE id=(SELECT max(id) FROM audit_log)');
    const r = cli(['audit', 'verify', '--db', `sqlite:${f}`]);
    assert.equal(r.status, 1, out(r));
    assert.doesNotMatch(r.stdout, /^OK/m);
  });

  it('a row in the middle deleted: exit 1', () => {
    const f = copy('xoa-giua.db');
    sqlite(f, 'DELETE FROM audit_log WHERE id=(SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 2)');
    const r = cli(['audit', 'verify', '--db', `sqlite:${f}`]);
    assert.equal(r.status, 1, out(r));
  });

  it('the original is still intact', () => {
    const r = cli(['audit', 'verify', '--db', srv.dbUrl]);
    assert.equal(r.status, 0, out(r));
  });
});

describe('backup', () => {
  it('backup --out while the server runs (and writes) gives a readable, consistent SQLite file', async () => {
    const before = Number(sqlite(srv.dbPath, 'select count(*) from user_account'));
    const writes = Promise.all(['saoluu1', 'saoluu2', 'saoluu3'].map(apiCreate));
    const file = path.join(srv.dir, 'backup.db');
    const r = cli(['backup', '--db', srv.dbUrl, '--out', file]);
    await writes;
    assert.equal(r.status, 0, out(r));
    const n = Number(sqlite(file, 'select count(*) from user_account'));
    assert.ok(n >= before, `backup has ${n} users, the database had ${before} before`);
    assert.equal(sqlite(file, 'pragma integrity_check'), 'ok');
    const v = cli(['audit', 'verify', '--db', `sqlite:${file}`]);
    assert.equal(v.status, 0, `audit verify on the backup: ${out(v)}`);
  });
});

describe('demo', () => {
  let demo;
  before(async () => {
    demo = await startServer({ demo: true, demoPassword: 'Demo-mat-khau-2024!' });
  });
  after(async () => {
    await demo?.dispose();
  });

  const users = [
    ['admin', 'admin'], ['vanphong', 'office'], ['lanhdao', 'leader'], ['hoidong', 'council'],
    ['truongphong', 'unit_head'], ['canbo', 'staff'],
  ];
  for (const [who, role] of users) {
    it(`${who} signs in with THIDUA_DEMO_PASSWORD and has role ${role}`, async () => {
      const cookie = await login(demo.url, who, 'Demo-mat-khau-2024!');
      const r = await fetch(`${demo.url}/api/v1/me`, { headers: { cookie } });
      const text = await r.text();
      assert.equal(r.status, 200, text);
      const j = JSON.parse(text);
      assert.equal(j.login, who);
      assert.ok(roleNames(j.roles).includes(role), `roles of ${who}: ${JSON.stringify(j.roles)}`);
      assert.ok(j.display_name && j.display_name.length > 0);
    });
  }

  it('creates agency BDT "Ban Dân tộc tỉnh Cao Bằng", shown on the office user\'s home page', async () => {
    assert.equal(sqlite(demo.dbPath, "select name from agency where code='BDT'"), AGENCY_NAME);
    const cookie = await login(demo.url, 'vanphong', 'Demo-mat-khau-2024!');
    const r = await fetch(`${demo.url}/`, { headers: { cookie }, redirect: 'manual' });
    const html = await r.text();
    assert.equal(r.status, 200);
    assert.ok(textById(html, 'agency-name')?.includes(AGENCY_NAME), textById(html, 'agency-name'));
  });

  it('the demo database passes audit verify', () => {
    const r = cli(['audit', 'verify', '--db', demo.dbUrl]);
    assert.equal(r.status, 0, out(r));
  });
});
