// Abuse and limits: oversized bodies (413), malformed requests (400), oversized header blocks
// (431/400), invalid UTF-8 in form fields (400 "không hợp lệ"). After each, the server must still
// answer a ping.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  AGENCY_CODE, CookieJar, form, getLoginPage, pingOk, rawRequest, startServer,
} from '../support/server.mjs';

const MiB = 1024 * 1024;
let srv;
let token;

before(async () => {
  srv = await startServer({
    users: [{ login: 'quantri', name: 'Quản Trị Viên', role: 'admin' }, { login: 'hoa', name: 'Nông Thị Hoa', role: 'office', agency: AGENCY_CODE }],
    tokens: [{ login: 'quantri', name: 'test' }],
  });
  token = srv.tokens.quantri;
});

after(async () => {
  await srv?.dispose();
});

const host = () => `127.0.0.1:${srv.port}`;
const why = (res) => `status ${res.status}, error ${res.error}, head: ${res.head.slice(0, 300)}`;

describe('request bodies', () => {
  it('a form body over 1 MiB (Content-Length): 413', async () => {
    const body = Buffer.alloc(MiB + 512 * 1024, 'a');
    const head = `POST /login HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`;
    const res = await rawRequest(srv.port, [head, 300, body], { timeoutMs: 10_000 });
    assert.equal(res.status, 413, why(res));
    await pingOk(srv.url);
  });

  it('a chunked body over 1 MiB: 413', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'b');
    const parts = [`POST /login HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`];
    for (let i = 0; i < 20; i++) parts.push(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]));
    parts.push('0\r\n\r\n');
    const res = await rawRequest(srv.port, parts, { timeoutMs: 10_000 });
    assert.equal(res.status, 413, why(res));
    await pingOk(srv.url);
  });

  it('a JSON API body over 1 MiB: 413 with a JSON error', async () => {
    const big = JSON.stringify({ login: 'to', display_name: 'x'.repeat(MiB + 100), password: 'Mat-khau-2024!', roles: ['staff'] });
    const head = `POST /api/v1/users HTTP/1.1\r\nHost: ${host()}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(big)}\r\n\r\n`;
    const res = await rawRequest(srv.port, [head, 300, big], { timeoutMs: 10_000 });
    assert.equal(res.status, 413, why(res));
    assert.match(res.head, /\r\ncontent-type:\s*application\/json/i, `413 from the API should be JSON: ${res.head}`);
    const e = JSON.parse(res.body.toString('utf8')).error;
    assert.equal(typeof e.code, 'string');
    assert.equal(typeof e.message, 'string');
    assert.equal(typeof e.fields, 'object');
    await pingOk(srv.url);
  });

  it('a body just under 1 MiB is not refused as too large', async () => {
    const body = 'login=' + 'a'.repeat(1_000_000);
    const head = `POST /login HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    const res = await rawRequest(srv.port, [head, body], { timeoutMs: 10_000 });
    assert.ok(res.status !== null, why(res));
    assert.notEqual(res.status, 413, why(res));
    await pingOk(srv.url);
  });
});

describe('malformed requests', () => {
  it('GARBAGE as the request line: 400', async () => {
    const res = await rawRequest(srv.port, ['GARBAGE\r\n\r\n']);
    assert.equal(res.status, 400, why(res));
    await pingOk(srv.url);
  });

  it('a header line without a colon: 400', async () => {
    const res = await rawRequest(srv.port, [`GET /api/v1/ping HTTP/1.1\r\nHost: ${host()}\r\nthis is not a header\r\n\r\n`]);
    assert.equal(res.status, 400, why(res));
    await pingOk(srv.url);
  });

  it('a Content-Length that is not a number: 400', async () => {
    const res = await rawRequest(srv.port, [`POST /login HTTP/1.1\r\nHost: ${host()}\r\nContent-Length: abc\r\n\r\nlogin=x`]);
    assert.equal(res.status, 400, why(res));
    await pingOk(srv.url);
  });

  it('binary noise: no crash', async () => {
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 256;
    const res = await rawRequest(srv.port, [noise], { timeoutMs: 3000 });
    assert.ok(res.status === null || res.status === 400, why(res));
    await pingOk(srv.url);
  });
});

describe('header limits', () => {
  it('one header over 16 KiB: 431 or 400', async () => {
    const res = await rawRequest(srv.port, [`GET /api/v1/ping HTTP/1.1\r\nHost: ${host()}\r\nX-Big: ${'a'.repeat(20 * 1024)}\r\n\r\n`]);
    assert.ok([431, 400].includes(res.status), why(res));
    await pingOk(srv.url);
  });

  it('many headers adding up to over 16 KiB: 431 or 400', async () => {
    let h = `GET /api/v1/ping HTTP/1.1\r\nHost: ${host()}\r\n`;
    for (let i = 0; i < 300; i++) h += `X-H-${i}: ${'v'.repeat(80)}\r\n`;
    const res = await rawRequest(srv.port, [h + '\r\n']);
    assert.ok([431, 400].includes(res.status), why(res));
    await pingOk(srv.url);
  });

  it('a request target over 16 KiB: 414, 431 or 400', async () => {
    const res = await rawRequest(srv.port, [`GET /${'x'.repeat(20 * 1024)} HTTP/1.1\r\nHost: ${host()}\r\n\r\n`]);
    assert.ok([414, 431, 400].includes(res.status), why(res));
    await pingOk(srv.url);
  });

  it('a 10 KiB header block (under the 16 KiB limit) is served', async () => {
    const res = await rawRequest(srv.port, [`GET /api/v1/ping HTTP/1.1\r\nHost: ${host()}\r\nCookie: x=${'c'.repeat(10 * 1024)}\r\nConnection: close\r\n\r\n`]);
    assert.equal(res.status, 200, why(res));
  });
});

describe('invalid UTF-8 in a form field', () => {
  async function post(body) {
    const jar = new CookieJar();
    const page = await getLoginPage(srv.url, jar);
    const buf = Buffer.isBuffer(body) ? Buffer.concat([body, Buffer.from(`&${form({ _csrf: page.csrf })}`)]) : `${body}&${form({ _csrf: page.csrf })}`;
    const r = await fetch(`${srv.url}/login`, {
      method: 'POST', redirect: 'manual', body: buf,
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    return { status: r.status, text: (await r.text()).normalize('NFC') };
  }

  const cases = [
    ['login=%C3%28 (truncated sequence)', 'login=%C3%28&password=x'],
    ['login=%C0%AF (overlong)', 'login=%C0%AF&password=x'],
    ['password=%ED%A0%80 (surrogate)', 'login=hoa&password=%ED%A0%80'],
    ['raw bytes C3 28 in the body', Buffer.from([...Buffer.from('login='), 0xc3, 0x28, ...Buffer.from('&password=x')])],
  ];
  for (const [what, body] of cases) {
    it(`${what}: 400 "không hợp lệ"`, async () => {
      const res = await post(body);
      assert.equal(res.status, 400, `${res.status}: ${res.text.slice(0, 400)}`);
      assert.ok(res.text.includes('không hợp lệ'), res.text.slice(0, 600));
      await pingOk(srv.url);
    });
  }
});

describe('still serving', () => {
  it('a burst of bad requests leaves the server answering', async () => {
    await Promise.all([
      rawRequest(srv.port, ['GARBAGE\r\n\r\n'], { timeoutMs: 1500 }),
      rawRequest(srv.port, [`GET / HTTP/1.1\r\nHost: x\r\nX: ${'a'.repeat(40 * 1024)}\r\n\r\n`], { timeoutMs: 1500 }),
      rawRequest(srv.port, ['\r\n\r\n\r\n'], { timeoutMs: 1500 }),
      rawRequest(srv.port, ['GET /api/v1/ping HTTP/1.1\r\n'], { timeoutMs: 500 }),
      rawRequest(srv.port, [Buffer.from([0, 1, 2, 3, 255, 254])], { timeoutMs: 1000 }),
    ]);
    await pingOk(srv.url);
    const r = await fetch(`${srv.url}/login`);
    await r.arrayBuffer();
    assert.equal(r.status, 200);
  });
});
