// Movements and their plans over HTTP, on the demo data: the seed plan printed back as PDF
// reads as the seed does; drafting through the API with every refusal a user can meet;
// launch by a leader only, turning milestones and duties into tasks; copy to the next
// period; tasks; a unit's sub-plan file checked by its content; and no other agency sees any
// of it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { as } from '../support/pages.mjs';
import { show, startServer } from '../support/server.mjs';
import { unzip } from '../support/xlsx.mjs';

const SEED = new URL('../fixtures/seed-plan.txt', import.meta.url);

let srv;
const tok = {};

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

/** Text for comparing documents: markdown marks and the header/date lines' spacing removed. */
function normalise(s) {
  return s.normalize('NFC')
    .replace(/[*#]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The same, also without " - " dashes: pdftotext joins a line that ends in "-" to the next as
 * if the word were hyphenated ("2021 -⏎2025" comes out "2021 2025"), so the dash between two
 * years cannot be compared reliably across a line end.
 */
const undashed = (s) => normalise(s).replace(/(^| )- /g, '$1').replace(/ -$/, '');

before(async () => {
  srv = await startServer({
    demo: true,
    extraAgencies: [{ code: 'SKH', name: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng' }],
    users: [{ login: 'vp_khac', name: 'Văn Phòng Sở Khác', role: 'office', agency: 'SKH' }],
    tokens: [{ login: 'vanphong' }, { login: 'lanhdao' }, { login: 'truongphong' }, { login: 'canbo' },
      { login: 'vp_khac' }, { login: 'admin' }],
  });
  Object.assign(tok, srv.tokens);
});
after(async () => { await srv?.stop(); });

describe('the seed plan, entered as data by the demo', () => {
  it('is the agency\'s movement, reviewed at mid-term, with the next period copied as a draft', async () => {
    const list = await call(tok.vanphong, 'GET', '/api/v1/movements');
    assert.equal(list.status, 200, list.why);
    const rows = list.json.items.map((m) => [m.title, m.status, m.period_from, m.period_to]);
    assert.deepEqual(rows, [
      ['Cả nước chung sức xây dựng nông thôn mới', 'draft', '2026-01-01', '2030-12-31'],
      ['Cả nước chung sức xây dựng nông thôn mới', 'midterm_reviewed', '2021-01-01', '2025-12-31'],
    ]);
    const draft = list.json.items[0];
    assert.match(draft.summary, /giai đoạn 2026 - 2030$/);
    assert.equal(draft.doc_number, '');
    assert.equal(draft.doc_date, '');
  });

  it('prints as PDF reading as the seed: same headings, sentences, bases, signer and recipients', async () => {
    const vp = await as(srv, 'vanphong');
    const pdf = await vp.download('/movements/1/plan.pdf');
    assert.equal(pdf.status, 200);
    assert.equal(pdf.type, 'application/pdf');
    assert.match(pdf.disposition, /KH-BDT_2021-2025\.pdf/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-plan-'));
    try {
      const file = path.join(dir, 'plan.pdf');
      fs.writeFileSync(file, pdf.body);
      const text = undashed(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8')
        .replace(/^\s*\d+\s*$/gm, ''));  // page numbers from page 2
      const info = execFileSync('pdfinfo', [file]).toString();
      assert.match(info, /Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);
      const fonts = execFileSync('pdffonts', [file]).toString().split('\n').slice(2).filter(Boolean);
      assert.ok(fonts.length > 0);
      for (const f of fonts) assert.match(f, /LiberationSerif/, `only Liberation Serif: ${f}`);
      // Every paragraph of the seed appears, in the seed's order.
      const seed = fs.readFileSync(SEED, 'utf8').split(/\n\s*\n/).map(undashed).filter(Boolean);
      let from = 0;
      for (const para of seed) {
        // The seed writes the number line "Số: /KH-BDT" with no room for the number.
        const wanted = para === 'Số: /KH-BDT' ? 'Số:' : para;
        for (const line of wanted.split(/; (?=[A-ZĐÀ-Ỹ])/u)) {
          const at = text.indexOf(line, from);
          assert.ok(at >= 0, `the PDF lacks, after position ${from}: «${line}»\n--- PDF text near there:\n${text.slice(from, from + 400)}`);
          from = at + line.length;
        }
      }
      assert.ok(text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
      assert.ok(text.includes('Độc lập Tự do Hạnh phúc'));
      assert.ok(text.includes('UBND TỈNH CAO BẰNG'));
      assert.ok(text.includes('BAN DÂN TỘC'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('downloads as DOCX whose body holds the same text, and previews in the browser', async () => {
    const vp = await as(srv, 'vanphong');
    const docx = await vp.download('/movements/1/plan.docx');
    assert.equal(docx.status, 200);
    assert.equal(docx.type, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const parts = unzip(docx.body);
    const xml = parts.get('word/document.xml').toString('utf8');
    const text = normalise(xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '').replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'"));
    for (const s of ['KẾ HOẠCH', 'I. MỤC ĐÍCH, YÊU CẦU', 'V. TỔ CHỨC THỰC HIỆN', 'KT. TRƯỞNG BAN', 'Hà Văn Vui',
      'Nơi nhận:', '- Lưu: VT, TĐKT.']) {
      assert.ok(text.includes(s), `DOCX lacks «${s}»`);
    }
    const preview = await vp.get('/movements/1/preview');
    assert.equal(preview.status, 200);
    assert.match(preview.html, /class="vb-doc"/);
    assert.match(preview.html, /Nơi nhận:/);
    const css = await vp.download('/documents/preview.css');
    assert.equal(css.status, 200);
    assert.match(css.type, /^text\/css/);
  });

  it('made each milestone a dated task and each duty a task of its units; staff see their unit\'s', async () => {
    const m = await call(tok.vanphong, 'GET', '/api/v1/movements/1');
    assert.equal(m.status, 200, m.why);
    const tasks = m.json.tasks.map((t) => [t.unit_name || '(cơ quan)', t.due_date, t.status]);
    assert.equal(tasks.length, 9, m.why);
    assert.deepEqual(tasks[0], ['(cơ quan)', '2022-09-30', 'done']);
    assert.deepEqual(tasks[1], ['(cơ quan)', '2023-12-31', 'done']);
    // issue 7 follow-up (demo_followup): the duties were reported done in December 2025, but
    // the two departments' and the final review.
    assert.equal(tasks.filter((t) => t[2] === 'open').length, 3);
    // The period ended on 31/12/2025: every open task is overdue, the done ones are not.
    assert.deepEqual(m.json.tasks.map((t) => t.late), m.json.tasks.map((t) => t.status === 'open'));
    const vp = await as(srv, 'vanphong');
    const page = await vp.get('/movements/1');
    assert.equal((page.html.match(/text-bg-danger">Quá hạn/g) ?? []).length, 3);
    const units = m.json.tasks.filter((t) => t.unit_id).map((t) => t.unit_name).sort();
    assert.deepEqual(units, ['Công đoàn cơ sở Ban Dân tộc', 'Phòng Chính sách Dân tộc',
      'Phòng Kế hoạch - Tổng hợp và Tuyên truyền', 'Thanh tra Ban', 'Văn phòng'].sort());
    // canbo works in Phòng Chính sách Dân tộc: its home page lists that unit's task.
    const staff = await as(srv, 'canbo');
    const home = await staff.get('/');
    assert.match(home.html, /Các phòng chuyên môn quán triệt/);
    assert.doesNotMatch(home.html, /Văn phòng có trách nhiệm/);
  });
});

describe('drafting a plan through the API', () => {
  let id;
  let version;

  it('creates a draft whose header starts from the agency', async () => {
    const r = await call(tok.vanphong, 'POST', '/api/v1/movements', {
      title: 'Thi đua chuyển đổi số', kind: 'thematic', level: 'agency', period_from: '2026', period_to: '2027',
      summary: 'Thực hiện Phong trào thi đua "Chuyển đổi số" năm 2026 - 2027', place: 'Cao Bằng',
    });
    assert.equal(r.status, 201, r.why);
    assert.equal(r.json.header_name, 'BAN DÂN TỘC TỈNH CAO BẰNG');
    assert.equal(r.json.doc_symbol, 'KH-BDT');
    assert.equal(r.json.status, 'draft');
    ({ id, version } = r.json);
  });

  it('refuses bad input with the field named, in Vietnamese, writing nothing', async () => {
    const bad = await call(tok.vanphong, 'POST', `/api/v1/movements/${id}/items`,
      { version, section: 'milestone', label: 'Quý II năm 2026', ref_date: '31/02/2026', body: 'Sơ kết' });
    assert.equal(bad.status, 422, bad.why);
    assert.deepEqual(Object.keys(bad.json.error.fields), ['ref_date']);
    assert.match(bad.json.error.message, /hợp lệ/);
    const empty = await call(tok.vanphong, 'POST', `/api/v1/movements/${id}/items`, { version, section: 'content', body: '   ' });
    assert.equal(empty.status, 422, empty.why);
    const section = await call(tok.vanphong, 'POST', `/api/v1/movements/${id}/items`, { version, section: 'bogus', body: 'x' });
    assert.equal(section.status, 422, section.why);
    const period = await call(tok.vanphong, 'PUT', `/api/v1/movements/${id}`, {
      version, title: 'X', period_from: '2027', period_to: '2026', summary: 'X', place: 'Cao Bằng',
      header_name: 'BAN DÂN TỘC', doc_symbol: 'KH BDT',
    });
    assert.equal(period.status, 422, period.why);
    assert.deepEqual(Object.keys(period.json.error.fields).sort(), ['doc_symbol', 'period_to']);
    const m = await call(tok.vanphong, 'GET', `/api/v1/movements/${id}`);
    assert.equal(m.json.items.length, 0, 'nothing was added');
    assert.equal(m.json.version, version, 'nothing was changed');
    assert.equal(m.json.title, 'Thi đua chuyển đổi số');
  });

  it('adds, edits and reorders items; a stale version is a conflict, not an overwrite', async () => {
    const add = async (body) => {
      const r = await call(tok.vanphong, 'POST', `/api/v1/movements/${id}/items`, { version, ...body });
      assert.equal(r.status, 201, r.why);
      version = r.json.version;
      return r.json;
    };
    await add({ section: 'content', body: 'Nội dung thứ nhất.' });
    await add({ section: 'content', body: 'Nội dung thứ hai.' });
    const units = (await call(tok.vanphong, 'GET', '/api/v1/units')).json.items;
    const vp = units.find((u) => u.code === 'VP');
    let m = await add({ section: 'responsibility', body: 'Văn phòng theo dõi, đôn đốc.', unit_ids: [vp.id] });
    m = await add({ section: 'milestone', label: 'Quý IV năm 2026', ref_date: '31/12/2026', code: 'midterm', body: 'Sơ kết.' });
    m = await add({ section: 'recipient', body: 'Lưu: VT' });
    const second = m.items.find((i) => i.body === 'Nội dung thứ hai.');
    const stale = await call(tok.vanphong, 'PUT', `/api/v1/movements/${id}/items/${second.id}`,
      { version: version - 1, body: 'Ghi đè' });
    assert.equal(stale.status, 409, stale.why);
    const up = await call(tok.vanphong, 'POST', `/api/v1/movements/${id}/items/${second.id}/move`, { version, dir: 'up' });
    assert.equal(up.status, 200, up.why);
    version = up.json.version;
    assert.deepEqual(up.json.items.filter((i) => i.section === 'content').map((i) => i.body),
      ['Nội dung thứ hai.', 'Nội dung thứ nhất.']);
    const edit = await call(tok.vanphong, 'PUT', `/api/v1/movements/${id}/items/${second.id}`,
      { version, body: 'Nội dung thứ hai, đã sửa.' });
    assert.equal(edit.status, 200, edit.why);
    version = edit.json.version;
  });

  it('launches only by a leader, only when complete; then the plan is read-only', async () => {
    const office = await call(tok.vanphong, 'POST', `/api/v1/movements/${id}/launch`, { version });
    assert.equal(office.status, 403, office.why);
    const incomplete = await call(tok.lanhdao, 'POST', `/api/v1/movements/${id}/launch`, { version });
    assert.equal(incomplete.status, 422, incomplete.why);
    assert.deepEqual(Object.keys(incomplete.json.error.fields).sort(), ['doc_date', 'signer_name', 'signer_title']);
    const m = (await call(tok.vanphong, 'GET', `/api/v1/movements/${id}`)).json;
    const header = await call(tok.vanphong, 'PUT', `/api/v1/movements/${id}`, {
      ...m, period_from: '2026', period_to: '2027', doc_date: '15/01/2026', signer_mark: 'KT. TRƯỞNG BAN',
      signer_title: 'PHÓ TRƯỞNG BAN', signer_name: 'Hà Văn Vui',
    });
    assert.equal(header.status, 200, header.why);
    version = header.json.version;
    const ok = await call(tok.lanhdao, 'POST', `/api/v1/movements/${id}/launch`, { version });
    assert.equal(ok.status, 200, ok.why);
    assert.equal(ok.json.status, 'launched');
    assert.deepEqual(ok.json.tasks.map((t) => [t.unit_name, t.due_date]).sort(),
      [['', '2026-12-31'], ['Văn phòng', '2027-12-31']]);
    const late = await call(tok.vanphong, 'POST', `/api/v1/movements/${id}/items`,
      { version: ok.json.version, section: 'content', body: 'Thêm sau khi phát động' });
    assert.equal(late.status, 409, late.why);
    assert.equal(late.json.error.code, 'movement.not_draft');
    // A unit head may not close the agency's own task; the Office may.
    const agencyTask = ok.json.tasks.find((t) => !t.unit_id);
    const head = await call(tok.truongphong, 'PUT', `/api/v1/movements/${id}/tasks/${agencyTask.id}`,
      { version: agencyTask.version, done: true });
    assert.equal(head.status, 403, head.why);
    const done = await call(tok.vanphong, 'PUT', `/api/v1/movements/${id}/tasks/${agencyTask.id}`,
      { version: agencyTask.version, done: true, note: 'Đã sơ kết' });
    assert.equal(done.status, 200, done.why);
    assert.equal(done.json.status, 'done');
  });
});

describe('pages', () => {
  it('keep what was typed when an item is refused, and show the error next to the field', async () => {
    const vp = await as(srv, 'vanphong');
    const page = await vp.get('/movements/2');
    assert.equal(page.status, 200);
    const version = /name="version" value="(\d+)"/.exec(page.html)[1];
    const r = await vp.post('/movements/2/items', {
      version, section: 'legal_basis', label: 'Quyết định', ref_number: '99/QĐ-UBND', ref_date: '32/13/2026',
      issuer: 'UBND tỉnh Cao Bằng', body: 'về việc thử nghiệm',
    });
    assert.equal(r.status, 422);
    assert.match(r.html, /value="99\/QĐ-UBND"/);
    assert.match(r.html, /value="32\/13\/2026"/);
    assert.match(r.html, /về việc thử nghiệm/);
    assert.match(r.html, /is-invalid/);
  });

  it('take a unit\'s sub-plan file by its content, not its name', async () => {
    const vp = await as(srv, 'vanphong');
    await vp.get('/movements/1');
    const units = (await call(tok.vanphong, 'GET', '/api/v1/units')).json.items;
    const unit = units.find((u) => u.code === 'CSDT');
    const send = async (name, bytes) => {
      const fd = new FormData();
      fd.set('_csrf', vp.csrf);
      fd.set('unit_id', String(unit.id));
      fd.set('kind', 'subplan');
      fd.set('title', 'Kế hoạch của Phòng Chính sách Dân tộc');
      fd.set('file', new Blob([bytes]), name);
      const { jarFetch } = await import('../support/server.mjs');
      const r = await jarFetch(vp.jar, `${srv.url}/movements/1/unit-plans`, { method: 'POST', body: fd });
      return { status: r.status, html: await r.text() };
    };
    const fake = await send('ke-hoach.pdf', Buffer.from('MZ this is not a PDF'));
    assert.equal(fake.status, 422);
    assert.match(fake.html, /Chỉ nhận tệp PDF/);
    const real = await send('ke-hoach.pdf', Buffer.from('%PDF-1.4\n% a tiny file\n'));
    assert.equal(real.status, 303);
    const m = await call(tok.vanphong, 'GET', '/api/v1/movements/1');
    assert.equal(m.json.unit_plans.length, 1);
    const file = await vp.download(`/movements/1/unit-plans/${m.json.unit_plans[0].id}/file`);
    assert.equal(file.status, 200);
    assert.equal(file.type, 'application/pdf');
    assert.equal(file.body.toString(), '%PDF-1.4\n% a tiny file\n');
  });
});

describe('another agency', () => {
  it('sees none of it: every movement route answers as for a movement that does not exist', async () => {
    const m = (await call(tok.vanphong, 'GET', '/api/v1/movements/1')).json;
    const item = m.items[0];
    const task = m.tasks[0];
    const probes = [
      ['GET', '/api/v1/movements/1'], ['PUT', '/api/v1/movements/1', { version: m.version, title: 'Trộm' }],
      ['POST', '/api/v1/movements/1/items', { version: m.version, section: 'content', body: 'Trộm' }],
      ['PUT', `/api/v1/movements/1/items/${item.id}`, { version: m.version, body: 'Trộm' }],
      ['POST', `/api/v1/movements/1/items/${item.id}/move`, { version: m.version, dir: 'up' }],
      ['DELETE', `/api/v1/movements/1/items/${item.id}?version=${m.version}`],
      ['POST', '/api/v1/movements/1/copy', {}],
      ['PUT', `/api/v1/movements/1/tasks/${task.id}`, { version: task.version, done: true }],
    ];
    for (const [method, p, body] of probes) {
      const theirs = await call(tok.vp_khac, method, p, body);
      const none = await call(tok.vp_khac, method, p.replace('/movements/1', '/movements/987654')
        .replace(`/items/${item.id}`, '/items/987654').replace(`/tasks/${task.id}`, '/tasks/987654'), body);
      assert.ok([403, 404].includes(theirs.status), theirs.why);
      assert.equal(theirs.status, none.status, `${theirs.why}\n${none.why}`);
      assert.equal(theirs.json?.error?.code, none.json?.error?.code, `${theirs.why}\n${none.why}`);
      assert.doesNotMatch(theirs.text, /nông thôn mới|Ban Dân tộc/);
    }
    const list = await call(tok.vp_khac, 'GET', '/api/v1/movements');
    assert.equal(list.status, 200, list.why);
    assert.deepEqual(list.json.items, []);
    const page = await call(tok.vp_khac, 'GET', '/api/v1/movements?agency=1');
    assert.equal(page.status, 404, page.why);
  });
});
