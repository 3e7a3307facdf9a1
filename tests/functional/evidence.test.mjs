// Uploads streamed to disk and evidence files served back, over HTTP on the demo data: a
// 10 MB file through a stream_upload route (the unit plans of a movement) comes back byte for
// byte with its type; a body over the route's limit is 413 (by Content-Length and chunked),
// malformed multipart is 400 in Vietnamese, a form without its CSRF token 403 — and none of
// them leaves a temporary file behind. Evidence of records (/evidence/{id}, its thumbnail)
// goes to those who may read the record only; another agency gets 404 as for an id that does
// not exist.

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { as } from '../support/pages.mjs';
import { jarFetch, pingOk, rawRequest, show, startServer } from '../support/server.mjs';

const MiB = 1024 * 1024;
let srv;
let token;

async function api(method, p) {
  const r = await fetch(`${srv.url}${p}`, { method, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  const text = await r.text();
  return { status: r.status, json: JSON.parse(text), why: show(r, text) };
}

/** Files left in the server's upload folder (none, once every request has ended). */
function leftovers() {
  const dir = path.join(srv.dir, 'data', 'tmp');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

/** A multipart body with text fields and one file part. */
function multipart(boundary, fields, file) {
  const parts = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
      `Content-Type: ${file.type}\r\n\r\n`));
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(parts);
}

before(async () => {
  srv = await startServer({
    demo: true,
    extraAgencies: [{ code: 'SKH', name: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng' }],
    users: [{ login: 'vp_khac', name: 'Văn Phòng Sở Khác', role: 'office', agency: 'SKH' }],
    tokens: [{ login: 'vanphong' }],
  });
  token = srv.tokens.vanphong;
});

after(async () => {
  await srv?.dispose();
});

describe('a streamed upload', () => {
  let vp;
  let unitId;
  before(async () => {
    vp = await as(srv, 'vanphong');
    await vp.get('/movements/1');
    unitId = (await api('GET', '/api/v1/units')).json.items.find((u) => u.code === 'CSDT').id;
  });

  it('takes a 10 MB file to disk and serves it back byte for byte, with its type', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(10 * MiB - 9)]);
    const fd = new FormData();
    fd.set('_csrf', vp.csrf);
    fd.set('unit_id', String(unitId));
    fd.set('kind', 'subplan');
    fd.set('title', 'Kế hoạch 10 MB của Phòng Chính sách Dân tộc');
    fd.set('file', new Blob([bytes]), 'kế hoạch.jpg');
    const r = await jarFetch(vp.jar, `${srv.url}/movements/1/unit-plans`, { method: 'POST', body: fd });
    const html = await r.text();
    assert.equal(r.status, 303, show(r, html));
    const plans = (await api('GET', '/api/v1/movements/1')).json.unit_plans;
    const plan = plans.find((p) => p.title === 'Kế hoạch 10 MB của Phòng Chính sách Dân tộc');
    assert.ok(plan, JSON.stringify(plans));
    const file = await vp.download(`/movements/1/unit-plans/${plan.id}/file`);
    assert.equal(file.status, 200);
    assert.equal(file.type, 'application/pdf');  // by its bytes, though named .jpg
    assert.equal(file.body.length, bytes.length);
    assert.ok(file.body.equals(bytes), 'the file comes back byte for byte');
    // Kept under its SHA-256 in the data folder; the temporary file is gone.
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    assert.ok(fs.existsSync(path.join(srv.dir, 'data', 'files', sha.slice(0, 2), sha)));
    assert.deepEqual(leftovers(), []);
  });

  it('answers 413 over the route\'s limit, by Content-Length or as chunks arrive, and keeps nothing', async () => {
    const boundary = 'b0undary';
    const body = multipart(boundary, { _csrf: vp.csrf, unit_id: unitId, kind: 'subplan', title: 'Quá lớn' },
      { name: 'lon.pdf', type: 'application/pdf', bytes: Buffer.alloc(22 * MiB, 'x') });
    const head = (extra) => `POST /movements/1/unit-plans HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\n` +
      `Cookie: ${vp.jar.header()}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\n${extra}\r\n`;
    const byLength = await rawRequest(srv.port, [head(`Content-Length: ${body.length}\r\n`), 300, body], { timeoutMs: 20_000 });
    assert.equal(byLength.status, 413, byLength.head);
    assert.match(byLength.body.toString('utf8'), /quá lớn/);
    // Chunked: the limit is found only after 21 MiB have been written to disk.
    const chunks = [head('Transfer-Encoding: chunked\r\n')];
    for (let i = 0; i < body.length; i += MiB) {
      const c = body.subarray(i, i + MiB);
      chunks.push(Buffer.concat([Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n')]));
    }
    chunks.push('0\r\n\r\n');
    const chunked = await rawRequest(srv.port, chunks, { timeoutMs: 20_000 });
    assert.equal(chunked.status, 413, chunked.head);
    await pingOk(srv.url);
    assert.deepEqual(leftovers(), []);
  });

  it('tells a client that asks first (Expect: 100-continue) to go on, or refuses at once when too large', async () => {
    const head = (length) => `POST /movements/1/unit-plans HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\n` +
      `Cookie: ${vp.jar.header()}\r\nContent-Type: multipart/form-data; boundary=b\r\n` +
      `Content-Length: ${length}\r\nExpect: 100-continue\r\n\r\n`;
    const ask = await rawRequest(srv.port, [head(5 * MiB)], { timeoutMs: 1500 });
    assert.match(ask.head, /^HTTP\/1\.1 100 Continue/, ask.head);
    const big = await rawRequest(srv.port, [head(30 * MiB)], { timeoutMs: 5000 });
    assert.equal(big.status, 413, big.head);
    assert.deepEqual(leftovers(), []);
  });

  it('sends an upload without credentials to sign in, keeping none of it', async () => {
    const body = multipart('b0undary', { title: 'Ẩn danh' },
      { name: 'a.pdf', type: 'application/pdf', bytes: Buffer.alloc(5 * MiB, 'a') });
    const r = await fetch(`${srv.url}/movements/1/unit-plans`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'multipart/form-data; boundary=b0undary' }, body,
    });
    await r.arrayBuffer();
    assert.equal(r.status, 303);
    assert.match(r.headers.get('location'), /^\/login/);
    assert.deepEqual(leftovers(), []);
  });

  it('answers 400 in Vietnamese to a broken body and 403 without the form\'s token, keeping no file', async () => {
    const boundary = 'b0undary';
    const good = multipart(boundary, { _csrf: vp.csrf, unit_id: unitId, kind: 'subplan', title: 'Hỏng' },
      { name: 'a.pdf', type: 'application/pdf', bytes: Buffer.alloc(3 * MiB, 'p') });
    const send = (body) => jarFetch(vp.jar, `${srv.url}/movements/1/unit-plans`, {
      method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body,
    });
    const cut = await send(good.subarray(0, good.length - 20));  // the closing delimiter never comes
    const cutHtml = await cut.text();
    assert.equal(cut.status, 400, show(cut, cutHtml));
    assert.match(cutHtml, /Tệp gửi lên không hợp lệ/);
    const noToken = multipart(boundary, { unit_id: unitId, kind: 'subplan', title: 'Không có mã' },
      { name: 'a.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n') });
    const forbidden = await send(noToken);
    await forbidden.text();
    assert.equal(forbidden.status, 403);
    assert.deepEqual(leftovers(), []);
  });
});

describe('evidence files', () => {
  // Evidence rows come from the demo's records; read the first image and the first PDF.
  const query = (sql) => execFileSync('sqlite3', [srv.dbPath, sql], { encoding: 'utf8' }).trim();

  it('are served to the record\'s readers with their type and name, inline for images and PDF', async (t) => {
    const id = query("SELECT id FROM evidence WHERE content_type IN ('image/jpeg', 'image/png') ORDER BY id LIMIT 1");
    if (!id) return t.todo('the demo data has no image evidence yet');
    const name = query(`SELECT file_name FROM evidence WHERE id = ${id}`);
    const sha = query(`SELECT file_sha256 FROM evidence WHERE id = ${id}`);
    const vp = await as(srv, 'vanphong');
    const f = await vp.download(`/evidence/${id}`);
    assert.equal(f.status, 200);
    assert.match(f.type, /^image\/(jpeg|png)$/);
    assert.equal(f.r.headers.get('x-content-type-options'), 'nosniff');
    assert.match(f.disposition, /^inline; filename="[^"]*"; filename\*=UTF-8''/);
    assert.equal(decodeURIComponent(f.disposition.split("UTF-8''")[1]), name);
    assert.equal(crypto.createHash('sha256').update(f.body).digest('hex'), sha);
    const thumb = await vp.download(`/evidence/${id}/thumb`);
    assert.equal(thumb.status, 200);
    assert.match(thumb.type, /^image\/(jpeg|png)$/);
    assert.ok(thumb.body.length < f.body.length || f.body.length < 20000, 'a thumbnail is smaller');
  });

  it('are 404 for another agency, exactly as for an id that does not exist', async () => {
    const id = query('SELECT id FROM evidence ORDER BY id LIMIT 1') || '1';
    const other = await as(srv, 'vp_khac', { password: srv.demoPassword });
    const theirs = await other.download(`/evidence/${id}`);
    const missing = await other.download('/evidence/987654');
    assert.equal(theirs.status, 404);
    assert.equal(missing.status, 404);
    assert.equal((await other.download(`/evidence/${id}/thumb`)).status, 404);
    assert.equal((await other.download('/evidence/abc')).status, 404);
  });
});
