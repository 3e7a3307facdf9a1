// Durability and shutdown: kill -9 in the middle of a stream of writes loses none that were
// acknowledged, and the audit chain stays intact; SIGTERM lets in-flight requests finish and the
// process exits 0 within a few seconds.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { AGENCY_CODE, cli, startServer } from '../support/server.mjs';

let srv;
let token;

before(async () => {
  srv = await startServer({
    users: [{ login: 'quantri', name: 'Quản Trị Viên', role: 'admin', agency: AGENCY_CODE }],
    tokens: [{ login: 'quantri', name: 'durability' }],
  });
  token = srv.tokens.quantri;
});

after(async () => {
  await srv?.dispose();
});

function createUser(baseUrl, login) {
  return fetch(`${baseUrl}/api/v1/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ login, display_name: `Cán bộ ${login}`, password: 'Mat-khau-2024!', roles: ['staff'], agency: AGENCY_CODE }),
    signal: AbortSignal.timeout(20_000),
  });
}

async function listedLogins() {
  const r = await fetch(`${srv.url}/api/v1/users`, { headers: { authorization: `Bearer ${token}` } });
  const text = await r.text();
  assert.equal(r.status, 200, text.slice(0, 300));
  return new Set(JSON.parse(text).items.map((u) => u.login));
}

/** Logins in the database file itself, for telling a lost write from an incomplete listing. */
function loginsInDb() {
  const r = spawnSync('sqlite3', [srv.dbPath, 'select login from user_account'], { encoding: 'utf8' });
  return r.status === 0 ? new Set(r.stdout.split('\n').filter(Boolean)) : null;
}

describe('kill -9 during writes', () => {
  it('every acknowledged POST /api/v1/users survives, and the audit chain verifies', async (t) => {
    const total = 200;
    const concurrency = 8;
    const acked = [];
    const failedOther = [];
    let next = 0;
    let killed = false;
    const baseUrl = srv.url;

    async function worker() {
      while (!killed && next < total) {
        const login = `bench${String(next++).padStart(3, '0')}`;
        try {
          const r = await createUser(baseUrl, login);
          const body = await r.text();
          if (r.status === 201) acked.push(login);
          else if (!killed) failedOther.push(`${login}: ${r.status} ${body.slice(0, 200)}`);
        } catch {
          // connection refused or reset by the kill: not acknowledged
        }
      }
    }

    const workers = Array.from({ length: concurrency }, worker);
    // Kill after about a second, once a few writes have been acknowledged (a slow build may need
    // longer), and well before the stream ends.
    const t0 = Date.now();
    while ((Date.now() - t0 < 1000 || acked.length < 3) && Date.now() - t0 < 15_000 && next < total - concurrency) {
      await sleep(25);
    }
    const startedAtKill = next;
    const ackedAtKill = acked.length;
    killed = true;
    const sig = await srv.kill9();
    await Promise.all(workers);

    assert.equal(sig, 'SIGKILL');
    assert.deepEqual(failedOther, [], 'writes before the kill all succeeded');
    assert.ok(ackedAtKill > 0, `some writes were acknowledged in the first second (got ${ackedAtKill})`);
    assert.ok(startedAtKill > ackedAtKill, 'writes were in flight at the kill');

    t.diagnostic(`requests started before the kill: ${startedAtKill}, acknowledged: ${acked.length}`);
    await srv.restart();
    const listed = await listedLogins();
    const missing = acked.filter((l) => !listed.has(l));
    if (missing.length) {
      const inDb = loginsInDb();
      const lost = inDb ? missing.filter((l) => !inDb.has(l)) : missing;
      assert.fail(`${missing.length} of ${acked.length} acknowledged users are not listed by GET /api/v1/users `
        + `(${lost.length} of them are not in the database file either): ${missing.slice(0, 20).join(', ')}`);
    }

    const v = cli(['audit', 'verify', '--db', srv.dbUrl]);
    assert.equal(v.status, 0, `audit verify after kill -9: ${v.stdout}${v.stderr}`);
    assert.match(v.stdout, /^OK/m);
  });
});

describe('SIGTERM', () => {
  it('lets in-flight requests finish and exits 0 within 5 s, even with an idle keep-alive connection open', async (t) => {
    assert.ok(srv.alive(), 'server running (restarted by the previous test)');

    // A browser-like idle keep-alive connection: one request answered, then silence.
    const idle = net.connect(srv.port, '127.0.0.1');
    await new Promise((resolve, reject) => {
      idle.once('error', reject);
      idle.once('connect', () => idle.write(`GET /api/v1/ping HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\n\r\n`));
      idle.once('data', () => resolve());
    });
    idle.on('error', () => {});

    const logins = Array.from({ length: 8 }, (_, i) => `tat${i}`);
    const pending = logins.map((l) => createUser(srv.url, l).then(async (r) => ({ status: r.status, body: await r.text() })));
    // Once one answer is back and a moment has passed, the server has read every request and is
    // busy with the rest (hashing is bounded to 2 at a time): those are in flight.
    await Promise.race(pending);
    await sleep(100);
    assert.ok(srv.alive());
    const t0 = Date.now();
    srv.proc.kill('SIGTERM');
    const results = await Promise.allSettled(pending);
    const code = await srv.waitExit(10_000);
    const elapsed = Date.now() - t0;
    idle.destroy();
    t.diagnostic(`exit ${code} ${elapsed} ms after SIGTERM; in-flight: ${results.map((x) => (x.status === 'fulfilled' ? x.value.status : 'error')).join(',')}`);

    const outcome = results.map((x, i) => `${logins[i]}: ${x.status === 'fulfilled' ? x.value.status : x.reason?.cause?.code ?? x.reason}`);
    assert.ok(results.every((x) => x.status === 'fulfilled' && x.value.status === 201), `in-flight requests: ${outcome.join('; ')}`);
    assert.notEqual(code, null, `still running 10 s after SIGTERM; stderr:\n${srv.stderr().slice(-2000)}`);
    assert.equal(code, 0, `exit status after SIGTERM; stderr:\n${srv.stderr().slice(-2000)}`);
    assert.ok(elapsed < 5000, `took ${elapsed} ms to exit`);

    await srv.restart();
    const listed = await listedLogins();
    for (const l of logins) assert.ok(listed.has(l), `${l} kept after the graceful stop`);
    const v = cli(['audit', 'verify', '--db', srv.dbUrl]);
    assert.equal(v.status, 0, `audit verify: ${v.stdout}${v.stderr}`);
  });
});
