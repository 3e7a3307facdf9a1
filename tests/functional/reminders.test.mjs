// Reminders (issue 7) over HTTP on the demo data, with the scheduler inside `thidua serve` on
// a one-second interval and a tiny SMTP server of our own on loopback (no TLS): the demo's late
// tasks reach the unit head's notifications (API), the e-mail arrives once with its Vietnamese
// subject, and with SMTP off nothing is sent; SIGTERM still stops the server at once.

import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';

import { as } from '../support/pages.mjs';
import { byId, cli, show, startServer, textById } from '../support/server.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Just enough SMTP (RFC 5321) to take messages: no TLS, no AUTH. */
function fakeSmtp() {
  const messages = [];
  const server = net.createServer((sock) => {
    sock.setEncoding('utf8');
    let buf = '';
    let data = false;
    let msg = null;
    sock.write('220 fake.smtp.test ESMTP\r\n');
    sock.on('data', (chunk) => {
      buf += chunk;
      for (;;) {
        if (data) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          msg.data = buf.slice(0, end);
          buf = buf.slice(end + 5);
          data = false;
          messages.push(msg);
          sock.write('250 2.0.0 queued\r\n');
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO') sock.write('250 fake.smtp.test\r\n');
        else if (cmd === 'MAIL') { msg = { from: line, rcpt: [] }; sock.write('250 2.1.0 ok\r\n'); }
        else if (cmd === 'RCPT') { msg.rcpt.push(line.replace(/^RCPT TO:\s*/i, '')); sock.write('250 2.1.5 ok\r\n'); }
        else if (cmd === 'DATA') { data = true; sock.write('354 go ahead\r\n'); }
        else if (cmd === 'QUIT') { sock.end('221 bye\r\n'); return; }
        else if (cmd === 'RSET' || cmd === 'NOOP') sock.write('250 ok\r\n');
        else sock.write('502 not implemented\r\n');
      }
    });
    sock.on('error', () => {});
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, messages, port: server.address().port })));
}

/** The Subject header decoded from RFC 2047 "B" words. */
function subjectOf(data) {
  const head = data.split('\r\n\r\n')[0].replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => /^Subject:/i.test(l)) ?? '';
  return line.replace(/^Subject:\s*/i, '').split(' ').map((w) => {
    const m = /^=\?UTF-8\?B\?([^?]*)\?=$/i.exec(w);
    return m ? Buffer.from(m[1], 'base64').toString('utf8') : ` ${w}`;
  }).join('').trim();
}

function bodyOf(data) {
  return Buffer.from(data.split('\r\n\r\n').slice(1).join('').replace(/\s+/g, ''), 'base64').toString('utf8');
}

async function notifications(srv, token) {
  const r = await fetch(`${srv.url}/api/v1/notifications`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  const text = await r.text();
  assert.equal(r.status, 200, show(r, text));
  return JSON.parse(text);
}

async function waitFor(what, fn, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const smtpEnv = (port) => ({
  THIDUA_REMINDERS_ENABLED: '1',
  THIDUA_REMINDERS_INTERVAL_SECONDS: '1',
  THIDUA_SMTP_ENABLED: '1',
  THIDUA_SMTP_HOST: '127.0.0.1',
  THIDUA_SMTP_PORT: String(port),
  THIDUA_SMTP_TLS: 'none',
  THIDUA_SMTP_FROM: 'thidua@caobang.gov.vn',
});

describe('reminders with e-mail', () => {
  let smtp;
  let srv;
  before(async () => {
    smtp = await fakeSmtp();
    srv = await startServer({ demo: true, tokens: [{ login: 'truongphong' }, { login: 'canbo' }], env: smtpEnv(smtp.port) });
    const r = cli(['user', 'email', '--db', srv.dbUrl, '--login', 'truongphong', '--email', 'hoangthilan@caobang.gov.vn']);
    assert.equal(r.status, 0, r.stderr);
  });
  after(async () => {
    await srv?.dispose();
    smtp?.server.close();
  });

  it('writes the late task to the unit head, with its deadline', async () => {
    const list = await waitFor('a reminder', async () => {
      const l = await notifications(srv, srv.tokens.truongphong);
      return l.items.some((n) => n.kind === 'task_late') ? l : null;
    });
    const late = list.items.find((n) => n.kind === 'task_late');
    assert.equal(late.due_date, '2025-12-31');
    assert.match(late.title, /^Nhiệm vụ quá hạn: /);
    assert.match(late.link, /^\/movements\/\d+#task-\d+$/);
    assert.ok(list.unread >= 1);
    // A staff member is not reminded of his unit's tasks.
    const staff = await notifications(srv, srv.tokens.canbo);
    assert.ok(!staff.items.some((n) => n.kind.startsWith('task_')), JSON.stringify(staff.items));
  });

  it('e-mails it once, with a Vietnamese subject', async () => {
    const msg = await waitFor('an e-mail', () => smtp.messages.find((m) => m.rcpt.some((r) => r.includes('hoangthilan@caobang.gov.vn'))));
    const subject = subjectOf(msg.data);
    assert.match(subject, /^\[Thi đua\] Nhiệm vụ quá hạn: /);
    assert.equal(subject, subject.normalize('NFC'));
    const body = bodyOf(msg.data);
    assert.match(body, /Kính gửi đồng chí Hoàng Thị Lan/);
    assert.match(body, /Hạn: 31\/12\/2025/);
    await waitFor('emailed_at', async () => (await notifications(srv, srv.tokens.truongphong)).items.find((n) => n.kind === 'task_late')?.emailed_at);
    await sleep(2500);  // two more passes
    const toHer = smtp.messages.filter((m) => m.rcpt.some((r) => r.includes('hoangthilan@caobang.gov.vn')));
    assert.equal(toHer.length, 1, 'sent once');
    assert.ok(srv.alive());
    assert.match(srv.stdout() + srv.stderr(), /reminders: pass for \d{4}-\d\d-\d\d wrote \d+ notification/);
  });
});

describe('reminders with SMTP off (the default)', () => {
  let smtp;
  let srv;
  before(async () => {
    smtp = await fakeSmtp();
    const env = smtpEnv(smtp.port);
    delete env.THIDUA_SMTP_ENABLED;
    env.THIDUA_REMINDERS_INTERVAL_SECONDS = '3600';
    srv = await startServer({ demo: true, tokens: [{ login: 'truongphong' }], env });
    cli(['user', 'email', '--db', srv.dbUrl, '--login', 'truongphong', '--email', 'hoangthilan@caobang.gov.vn']);
  });
  after(async () => {
    await srv?.dispose();
    smtp?.server.close();
  });

  it('writes notifications and sends nothing', async () => {
    await waitFor('a reminder', async () => (await notifications(srv, srv.tokens.truongphong)).items.some((n) => n.kind === 'task_late'));
    await sleep(1500);
    assert.equal(smtp.messages.length, 0);
  });

  it('lets the administrator set an address on the users page (422 for a bad one)', async () => {
    const admin = await as(srv, 'admin');
    await admin.get('/admin/users');
    const bad = await admin.post('/admin/users/canbo/email', { email: 'duc at caobang' });
    assert.equal(bad.status, 422, bad.html.slice(0, 500));
    assert.equal(textById(bad.html, 'e-email-canbo'), 'Địa chỉ thư điện tử không hợp lệ.');
    assert.equal(byId(bad.html, 'email-canbo').attrs.value, 'duc at caobang');
    const ok = await admin.post('/admin/users/canbo/email', { email: 'damvanduc@caobang.gov.vn' });
    assert.equal(ok.status, 303, ok.html.slice(0, 300));
    const page = await admin.get('/admin/users');
    assert.match(page.html, /id="email-canbo" value="damvanduc@caobang.gov.vn"/);
    // Not for a unit head.
    const head = await as(srv, 'truongphong');
    await head.get('/');
    const refused = await head.post('/admin/users/canbo/email', { email: 'x@caobang.gov.vn' });
    assert.ok([403, 404].includes(refused.status), String(refused.status));
    // And at the command line, with the account.
    const added = cli(['user', 'add', '--db', srv.dbUrl, '--login', 'thuky', '--name', 'Lý Thị Thu', '--role', 'staff',
      '--agency', 'BDT', '--email', 'lythithu@caobang.gov.vn']);
    assert.equal(added.status, 0, added.stderr);
    const badCli = cli(['user', 'add', '--db', srv.dbUrl, '--login', 'thuky2', '--name', 'Lý Thị Thu', '--role', 'staff',
      '--agency', 'BDT', '--email', 'khong-hop-le']);
    assert.notEqual(badCli.status, 0);
    assert.match(badCli.stderr + badCli.stdout, /thư điện tử không hợp lệ/);
    assert.match((await admin.get('/admin/users')).html, /id="email-thuky" value="lythithu@caobang.gov.vn"/);
    assert.doesNotMatch((await admin.get('/admin/users')).html, /thuky2/);
  });

  it('stops promptly on SIGTERM while the scheduler waits', async () => {
    const t0 = Date.now();
    const code = await srv.stop('SIGTERM', { timeoutMs: 5000 });
    assert.equal(code, 0);
    assert.ok(Date.now() - t0 < 3000, `stopped in ${Date.now() - t0} ms`);
  });
});
