// Review reports and the record of sending (issue 7, part h7rr) over HTTP and the command line,
// on the demo data (the mid-term review 2023 sent, the final review 2025 drafted): `thidua
// report` writes DOCX, PDF and XLSX (magic bytes; the PDF's text has the Vietnamese headings);
// the API lists drafts, saves with a version (409 when stale) and refuses bad input with 422 and
// Vietnamese messages (an unknown kind, a year outside the movement, a sending dated in the
// future); the exact file sent comes back byte for byte; another agency sees nothing.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { as, fieldError } from '../support/pages.mjs';
import { cli, jarFetch, show, startServer } from '../support/server.mjs';

let srv;
const tok = {};
let movement;

async function call(token, method, p, body) {
  const headers = { accept: 'application/json', 'accept-language': 'vi' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(`${srv.url}${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const buf = Buffer.from(await r.arrayBuffer());
  const text = buf.toString('utf8');
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { r, status: r.status, buf, text, json, why: `${method} ${p}\n${show(r, text)}` };
}

const out = (r) => `exit ${r.status ?? r.signal}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;

before(async () => {
  srv = await startServer({
    demo: true,
    extraAgencies: [{ code: 'SKH', name: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng' }],
    users: [{ login: 'vp_khac', name: 'Văn Phòng Sở Khác', role: 'office', agency: 'SKH' }],
    tokens: [{ login: 'vanphong' }, { login: 'lanhdao' }, { login: 'canbo' }, { login: 'vp_khac' }],
  });
  Object.assign(tok, srv.tokens);
  const list = await call(tok.vanphong, 'GET', '/api/v1/movements');
  assert.equal(list.status, 200, list.why);
  movement = list.json.items.find((m) => m.status !== 'draft');
  assert.ok(movement, list.why);
});
after(async () => { await srv?.dispose(); });

describe('thidua report', () => {
  it('writes the final review as PDF, DOCX and XLSX', () => {
    const dir = fs.mkdtempSync(path.join(srv.dir, 'report-'));
    for (const [format, magic] of [['pdf', '%PDF-'], ['docx', 'PK\u0003\u0004'], ['xlsx', 'PK\u0003\u0004']]) {
      const file = path.join(dir, `final.${format}`);
      const r = cli(['report', '--db', srv.dbUrl, '--agency', 'BDT', '--movement', String(movement.id), '--kind', 'final',
        '--format', format, '--out', file], { env: { THIDUA_DATA_DIR: path.join(srv.dir, 'data') } });
      assert.equal(r.status, 0, out(r));
      assert.equal(fs.readFileSync(file).subarray(0, magic.length).toString('latin1'), magic, format);
    }
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'final.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const s of ['BÁO CÁO', 'Tổng kết phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới”',
      'I. CÔNG TÁC TRIỂN KHAI, TỔ CHỨC THỰC HIỆN', 'II. KẾT QUẢ THỰC HIỆN', 'III. CÔNG TÁC KHEN THƯỞNG',
      'IV. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN', 'Biểu đồ', 'Nơi nhận:', 'Ban Thi đua Khen thưởng tỉnh, Sở Nội vụ']) {
      assert.ok(text.includes(s), `PDF lacks ${s}`);
    }
  });

  it('refuses an unknown kind and a year outside the movement, in Vietnamese', () => {
    const file = path.join(srv.dir, 'bad.pdf');
    const kind = cli(['report', '--db', srv.dbUrl, '--agency', 'BDT', '--movement', String(movement.id), '--kind', 'weekly',
      '--format', 'pdf', '--out', file]);
    assert.notEqual(kind.status, 0, out(kind));
    assert.match(kind.stderr, /Loại báo cáo không hợp lệ/);
    const year = cli(['report', '--db', srv.dbUrl, '--agency', 'BDT', '--movement', String(movement.id), '--kind', 'annual',
      '--year', '2030', '--format', 'pdf', '--out', file]);
    assert.notEqual(year.status, 0, out(year));
    assert.match(year.stderr, /phải nằm trong giai đoạn/);
    assert.ok(!fs.existsSync(file));
  });
});

describe('/api/v1/movements/{id}/reports', () => {
  it('lists the demo drafts; saves with a version and answers 409 when stale', async () => {
    const base = `/api/v1/movements/${movement.id}/reports`;
    const list = await call(tok.lanhdao, 'GET', base);
    assert.equal(list.status, 200, list.why);
    assert.deepEqual(list.json.items.map((r) => [r.kind, r.year]), [['final', 2025], ['midterm', 2023]]);
    const final = list.json.items[0];
    const saved = await call(tok.vanphong, 'PUT', `${base}/${final.id}`, { version: final.version, lessons: 'Bài học: làm sớm.' });
    assert.equal(saved.status, 200, saved.why);
    assert.equal(saved.json.version, final.version + 1);
    assert.equal(saved.json.text.lessons, 'Bài học: làm sớm.');
    const stale = await call(tok.vanphong, 'PUT', `${base}/${final.id}`, { version: final.version, lessons: 'Ghi đè' });
    assert.equal(stale.status, 409, stale.why);
    const again = await call(tok.lanhdao, 'GET', `${base}/${final.id}`);
    assert.equal(again.json.text.lessons, 'Bài học: làm sớm.');
    assert.equal(again.json.history.length, 2);
    const byLeader = await call(tok.lanhdao, 'PUT', `${base}/${final.id}`, { version: again.json.version, lessons: 'x' });
    assert.equal(byLeader.status, 403, byLeader.why);
    const other = await call(tok.vp_khac, 'GET', `${base}/${final.id}`);
    assert.equal(other.status, 404, other.why);
    const file = await call(tok.lanhdao, 'GET', `${base}/${final.id}/file?format=xlsx`);
    assert.equal(file.status, 200, file.why);
    assert.equal(file.buf.subarray(0, 2).toString('latin1'), 'PK');
  });

  it('answers 422 with Vietnamese messages for bad input, and writes nothing', async () => {
    const base = `/api/v1/movements/${movement.id}/reports`;
    const kind = await call(tok.vanphong, 'POST', base, { kind: 'weekly', year: 2024 });
    assert.equal(kind.status, 422, kind.why);
    assert.match(kind.text, /Loại báo cáo không hợp lệ/);
    const year = await call(tok.vanphong, 'POST', base, { kind: 'annual', year: 2030 });
    assert.equal(year.status, 422, year.why);
    assert.match(year.text, /phải nằm trong giai đoạn/);
    const format = await call(tok.vanphong, 'GET', `${base}/1/file?format=odt`);
    assert.ok([404, 422].includes(format.status), format.why);
    const list = await call(tok.vanphong, 'GET', base);
    assert.equal(list.json.items.length, 2);
    const mid = list.json.items.find((r) => r.kind === 'midterm');
    const future = await call(tok.vanphong, 'POST', `${base}/${mid.id}/sendings`,
      { format: 'pdf', recipient: 'UBND tỉnh', channel: 'post', sent_on: '31/12/2099' });
    assert.equal(future.status, 422, future.why);
    assert.match(future.text, /không được sau hôm nay/);
    const sent = await call(tok.vanphong, 'GET', '/api/v1/report-sendings');
    // issue 7 (h7sf): the demo also sends the statistical form 0602 of 2025; the review reports' one stays alone.
    assert.equal(sent.json.items.filter((x) => x.kind.startsWith('review_')).length, 1, sent.why);
  });
});

describe('/api/v1/report-sendings', () => {
  it('gives back exactly the file that was sent; no route changes or removes a sending', async () => {
    const list = await call(tok.lanhdao, 'GET', '/api/v1/report-sendings');
    assert.equal(list.status, 200, list.why);
    const s = list.json.items.find((x) => x.kind.startsWith('review_'));  // issue 7 (h7sf): a form is sent too
    assert.equal(s.kind, 'review_midterm');
    assert.equal(s.sent_on, '2023-12-18');
    assert.equal(s.doc_ref, '86/BC-BDT');
    const file = await call(tok.lanhdao, 'GET', `/api/v1/report-sendings/${s.id}/file`);
    assert.equal(file.status, 200, file.why);
    assert.equal(crypto.createHash('sha256').update(file.buf).digest('hex'), s.file_sha256);
    assert.equal(file.buf.subarray(0, 5).toString('latin1'), '%PDF-');
    // Immutable: the route table has no way to change or remove one, by API or page.
    const routes = cli(['routes']).stdout.split('\n').map((l) => l.split('\t'));
    const changing = routes.filter(([m, p]) => /sending|reports\/sent/.test(p ?? '') && m !== 'GET' &&
      !/\/sendings$|\/send$/.test(p));
    assert.deepEqual(changing, []);
    const del = await call(tok.vanphong, 'DELETE', `/api/v1/report-sendings/${s.id}`);
    assert.ok([404, 405].includes(del.status), del.why);
    const other = await call(tok.vp_khac, 'GET', `/api/v1/report-sendings/${s.id}/file`);
    assert.equal(other.status, 404, other.why);
    const notAuthority = await call(tok.vanphong, 'GET', '/api/v1/report-sendings/received');
    assert.equal(notAuthority.status, 403, notAuthority.why);
  });
});

describe('pages', () => {
  it('show the drafts and the sendings; re-display the form with 422 on bad input', async () => {
    const web = await as(srv, 'vanphong');
    const page = await web.get(`/movements/${movement.id}/reports`);
    assert.equal(page.status, 200);
    assert.match(page.html, /Báo cáo tổng kết 2025/);
    const bad = await web.post(`/movements/${movement.id}/reports`, { kind: 'annual', year: '2030' });
    assert.equal(bad.status, 422);
    assert.match(fieldError(bad.html, 'r-year') ?? '', /phải nằm trong giai đoạn/);
    const sent = await web.get('/reports/sent');
    assert.equal(sent.status, 200);
    assert.match(sent.html, /bao-cao-so-ket-2023\.pdf/);
    // The signed scan uploaded: kept byte for byte; a picture is refused under the file field.
    const list = await call(tok.vanphong, 'GET', `/api/v1/movements/${movement.id}/reports`);
    const final = list.json.items.find((r) => r.kind === 'final');
    await web.get(`/movements/${movement.id}/reports/${final.id}`);
    const scan = Buffer.from('%PDF-1.4\n% bản chụp đã ký\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'utf8');
    const send = async (bytes, name) => {
      const fd = new FormData();
      fd.set('_csrf', web.csrf);
      fd.set('recipient', 'UBND tỉnh');
      fd.set('channel', 'post');
      fd.set('sent_on', '23/12/2025');
      fd.set('doc_ref', '95/BC-BDT');
      fd.set('source', 'upload');
      fd.set('file', new Blob([bytes]), name);
      const r = await jarFetch(web.jar, `${srv.url}/movements/${movement.id}/reports/${final.id}/send`, { method: 'POST', body: fd });
      return { status: r.status, html: await r.text() };
    };
    const png = await send(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'anh.png');
    assert.equal(png.status, 422, png.html.slice(0, 500));
    assert.match(fieldError(png.html, 's-file') ?? '', /Chỉ nhận tệp PDF, DOCX hoặc XLSX/);
    const ok = await send(scan, 'bao-cao-da-ky.pdf');
    assert.equal(ok.status, 303, ok.html.slice(0, 500));
    const sentNow = await call(tok.lanhdao, 'GET', '/api/v1/report-sendings');
    const uploaded = sentNow.json.items.find((x) => x.file_name === 'bao-cao-da-ky.pdf');
    assert.ok(uploaded, sentNow.why);
    const back = await call(tok.lanhdao, 'GET', `/api/v1/report-sendings/${uploaded.id}/file`);
    assert.deepEqual(back.buf, scan);

    const staff = await as(srv, 'canbo');
    const denied = await staff.get(`/movements/${movement.id}/reports`);
    assert.equal(denied.status, 404);
  });
});
