// HTTP basics: ping, security headers on every kind of response, the anonymous redirect, the
// login page's shape, 404s in HTML and JSON (Vietnamese and English), static files with ETag,
// 304 and gzip.

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';

import {
  AGENCY_CODE, DEFAULT_PASSWORD, byId, findTag, htmlLang, innerHtml, locationPathname, login, parseSetCookies,
  show, startServer, tags, textOf,
} from '../support/server.mjs';

let srv;
let cookie;

before(async () => {
  srv = await startServer({
    users: [{ login: 'hoa', name: 'Nông Thị Hoa', role: 'office', agency: AGENCY_CODE }],
  });
  cookie = await login(srv.url, 'hoa', DEFAULT_PASSWORD);
});

after(async () => {
  await srv?.dispose();
});

function assertSecurityHeaders(r, what) {
  const csp = r.headers.get('content-security-policy');
  assert.ok(csp, `${what}: no Content-Security-Policy header`);
  for (const d of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"]) {
    assert.ok(csp.includes(d), `${what}: Content-Security-Policy lacks ${d}: ${csp}`);
  }
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff', `${what}: X-Content-Type-Options`);
  assert.equal(r.headers.get('referrer-policy'), 'same-origin', `${what}: Referrer-Policy`);
  assert.equal(r.headers.get('x-frame-options'), 'DENY', `${what}: X-Frame-Options`);
  const rid = r.headers.get('x-request-id');
  assert.ok(rid && rid.trim().length > 0, `${what}: X-Request-Id missing or empty`);
}

function assertJsonError(r, body, code) {
  assert.match(r.headers.get('content-type') ?? '', /^application\/json/, 'JSON error content type');
  const j = JSON.parse(body);
  assert.equal(typeof j.error, 'object', `error object: ${body}`);
  assert.equal(typeof j.error.code, 'string', `error.code: ${body}`);
  assert.equal(typeof j.error.message, 'string', `error.message: ${body}`);
  assert.ok(j.error.message.length > 0, `error.message empty: ${body}`);
  assert.ok(j.error.fields !== null && typeof j.error.fields === 'object' && !Array.isArray(j.error.fields), `error.fields must be an object: ${body}`);
  if (code) assert.equal(j.error.code, code);
  return j.error;
}

const get = (p, headers = {}) => fetch(`${srv.url}${p}`, { headers, redirect: 'manual' });

describe('ping', () => {
  it('GET /api/v1/ping answers 200 {"status":"ok"} as JSON', async () => {
    const r = await get('/api/v1/ping');
    const body = await r.text();
    assert.equal(r.status, 200, show(r, body));
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(JSON.parse(body).status, 'ok');
  });
});

describe('security headers on every response', () => {
  const cases = [
    ['GET /api/v1/ping', () => get('/api/v1/ping')],
    ['GET / (anonymous redirect)', () => get('/')],
    ['GET /login', () => get('/login')],
    ['GET / (logged in)', () => get('/', { cookie })],
    ['GET /khong-co (404 HTML)', () => get('/khong-co')],
    ['GET /api/v1/khong-co (404 JSON)', () => get('/api/v1/khong-co')],
    ['GET /api/v1/me (401 JSON)', () => get('/api/v1/me')],
    ['GET /static/app.css', () => get('/static/app.css')],
    ['POST /login without token (403)', () => fetch(`${srv.url}/login`, {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'login=a&password=b',
    })],
  ];
  for (const [what, fn] of cases) {
    it(what, async () => {
      const r = await fn();
      await r.arrayBuffer();
      assertSecurityHeaders(r, what);
    });
  }

  it('a 304 Not Modified carries them too', async () => {
    const r1 = await get('/static/app.css');
    await r1.arrayBuffer();
    const etag = r1.headers.get('etag');
    assert.ok(etag, 'app.css has an ETag');
    const r2 = await get('/static/app.css', { 'if-none-match': etag });
    await r2.arrayBuffer();
    assert.equal(r2.status, 304);
    assertSecurityHeaders(r2, '304 /static/app.css');
  });

  it('X-Request-Id differs between two requests', async () => {
    const a = await get('/api/v1/ping');
    const b = await get('/api/v1/ping');
    await a.arrayBuffer();
    await b.arrayBuffer();
    assert.notEqual(a.headers.get('x-request-id'), b.headers.get('x-request-id'));
  });
});

describe('anonymous access', () => {
  it('GET / redirects with 303 to /login', async () => {
    const r = await get('/');
    await r.arrayBuffer();
    assert.equal(r.status, 303);
    assert.equal(locationPathname(r, srv.url), '/login', `Location: ${r.headers.get('location')}`);
  });

  it('GET /login is the Vietnamese login form with a double-submit CSRF token', async () => {
    const r = await get('/login');
    const html = await r.text();
    assert.equal(r.status, 200, show(r, html));
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(htmlLang(html), 'vi');

    const formTag = byId(html, 'login-form');
    assert.ok(formTag, 'form#login-form');
    assert.equal(formTag.name, 'form');
    assert.equal((formTag.attrs.method ?? '').toLowerCase(), 'post');
    assert.equal(formTag.attrs.action, '/login');
    const inner = innerHtml(html, formTag);

    const loginInput = byId(inner, 'login');
    assert.ok(loginInput && loginInput.name === 'input', 'input#login inside the form');
    assert.equal(loginInput.attrs.name, 'login');
    const pw = byId(inner, 'password');
    assert.ok(pw && pw.name === 'input', 'input#password inside the form');
    assert.equal(pw.attrs.name, 'password');
    assert.equal(pw.attrs.type, 'password');
    const hidden = findTag(inner, (t) => t.name === 'input' && t.attrs.name === '_csrf');
    assert.ok(hidden, 'hidden _csrf input inside the form');
    assert.equal(hidden.attrs.type, 'hidden');
    assert.ok(hidden.attrs.value && hidden.attrs.value.length >= 16, `_csrf value looks too short: ${hidden.attrs.value}`);
    const submit = byId(inner, 'login-submit');
    assert.ok(submit, '#login-submit inside the form');
    assert.ok(submit.name === 'button' || submit.name === 'input', 'submit is a button or input');
    if (submit.name === 'input' || submit.attrs.type !== undefined) assert.equal(submit.attrs.type, 'submit');

    const c = parseSetCookies(r.headers).find((x) => x.name === 'thidua_csrf');
    assert.ok(c, `thidua_csrf cookie set; Set-Cookie: ${JSON.stringify(r.headers.getSetCookie())}`);
    assert.equal(c.value, hidden.attrs.value, 'cookie value equals the hidden _csrf');
    assert.ok(c.attrs.httponly, 'thidua_csrf is HttpOnly');
    assert.equal(String(c.attrs.samesite).toLowerCase(), 'lax', 'thidua_csrf is SameSite=Lax');
  });

  it('two visitors get different CSRF tokens', async () => {
    const a = await get('/login');
    const b = await get('/login');
    await a.arrayBuffer();
    await b.arrayBuffer();
    const ca = parseSetCookies(a.headers).find((x) => x.name === 'thidua_csrf');
    const cb = parseSetCookies(b.headers).find((x) => x.name === 'thidua_csrf');
    assert.ok(ca && cb);
    assert.notEqual(ca.value, cb.value);
  });
});

describe('not found', () => {
  it('GET /khong-co is a 404 HTML page "Không tìm thấy trang"', async () => {
    const r = await get('/khong-co');
    const html = await r.text();
    assert.equal(r.status, 404, show(r, html));
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
    assert.ok(textOf(html).includes('Không tìm thấy trang'), `404 page text: ${textOf(html).slice(0, 300)}`);
  });

  let viMessage;
  it('GET /api/v1/khong-co is a 404 JSON error http.not_found in Vietnamese', async () => {
    const r = await get('/api/v1/khong-co');
    const body = await r.text();
    assert.equal(r.status, 404, show(r, body));
    const e = assertJsonError(r, body, 'http.not_found');
    assert.deepEqual(e.fields, {});
    assert.match(e.message, /[^\x00-\x7f]/, `Vietnamese message expected (with diacritics): ${e.message}`);
    viMessage = e.message;
  });

  it('Accept-Language: en gives the English message', async () => {
    const r = await get('/api/v1/khong-co', { 'accept-language': 'en' });
    const body = await r.text();
    assert.equal(r.status, 404, show(r, body));
    const e = assertJsonError(r, body, 'http.not_found');
    assert.notEqual(e.message, viMessage, 'message should change with Accept-Language: en');
    assert.match(e.message, /^[\x00-\x7f]+$/, `English message should be plain ASCII: ${e.message}`);
  });

  it('cookie thidua_lang=en gives the English message', async () => {
    const r = await get('/api/v1/khong-co', { cookie: 'thidua_lang=en' });
    const body = await r.text();
    assert.equal(r.status, 404, show(r, body));
    const e = assertJsonError(r, body, 'http.not_found');
    assert.notEqual(e.message, viMessage);
    assert.match(e.message, /^[\x00-\x7f]+$/, `English message should be plain ASCII: ${e.message}`);
  });
});

// node:http rather than fetch: fetch adds its own Accept-Encoding and decompresses.
function rawGet(p, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: srv.port, path: p, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error('timeout')));
  });
}

describe('static files', () => {
  it('GET /static/app.css: 200 text/css with ETag and Cache-Control; If-None-Match gives 304', async () => {
    const r = await rawGet('/static/app.css');
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'] ?? '', /^text\/css/);
    assert.ok(r.headers.etag, 'ETag');
    assert.ok(r.headers['cache-control'], 'Cache-Control');
    assert.ok(r.body.length > 0, 'non-empty body');

    const r2 = await rawGet('/static/app.css', { 'if-none-match': r.headers.etag });
    assert.equal(r2.status, 304);
    assert.equal(r2.body.length, 0, '304 has no body');

    const r3 = await rawGet('/static/app.css', { 'if-none-match': '"not-the-etag"' });
    assert.equal(r3.status, 200, 'a different ETag gets the file');
  });

  const files = [
    ['/static/vendor/bootstrap.min.css', /^text\/css/, 'Bootstrap'],
    ['/static/vendor/htmx.min.js', /javascript/, 'htmx'],
    ['/static/app.js', /javascript/, null],
  ];
  for (const [p, type, marker] of files) {
    it(`GET ${p}: 200 ${type}`, async () => {
      const r = await rawGet(p);
      assert.equal(r.status, 200);
      assert.match(r.headers['content-type'] ?? '', type);
      assert.ok(r.body.length > 0, 'non-empty body');
      if (marker) assert.ok(r.body.toString('utf8').includes(marker), `${p} should contain "${marker}"`);
    });
  }

  for (const p of ['/static/app.css', '/static/vendor/bootstrap.min.css', '/static/vendor/htmx.min.js', '/static/app.js']) {
    it(`GET ${p} with Accept-Encoding: gzip is gzip-encoded and decodes to the same bytes`, async () => {
      const plain = await rawGet(p);
      assert.equal(plain.status, 200);
      assert.notEqual(plain.headers['content-encoding'], 'gzip', 'no gzip for a client that did not ask for it');
      const gz = await rawGet(p, { 'accept-encoding': 'gzip' });
      assert.equal(gz.status, 200);
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.deepEqual(zlib.gunzipSync(gz.body), plain.body);
    });
  }

  it('GET /static/khong-co.css is 404', async () => {
    const r = await rawGet('/static/khong-co.css');
    assert.equal(r.status, 404);
  });

  it('path traversal out of /static is refused', async () => {
    for (const p of ['/static/../../../../etc/passwd', '/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/static/..%2f..%2f..%2fetc%2fpasswd']) {
      const r = await rawGet(p);
      assert.ok([400, 403, 404].includes(r.status), `${p} answered ${r.status}`);
      assert.ok(!r.body.toString('utf8').includes('root:x:0:0'), `${p} leaked /etc/passwd`);
    }
  });
});

describe('pages reference only same-origin scripts and styles (CSP script-src self)', () => {
  it('the login page has no inline script and no inline event handlers', async () => {
    const r = await get('/login');
    const html = await r.text();
    for (const t of tags(html)) {
      if (t.name === 'script' && !(t.attrs.type && !/javascript|module/i.test(t.attrs.type))) {
        assert.ok(t.attrs.src, `inline <script> would be blocked by CSP: ${t.raw}`);
        assert.ok(t.attrs.src.startsWith('/'), `script from another origin: ${t.attrs.src}`);
      }
      for (const a of Object.keys(t.attrs)) assert.ok(!a.startsWith('on'), `inline handler ${a} in ${t.raw}`);
    }
  });
});
