// Shared helpers for the black-box tests: start a real `thidua` binary on a throw-away SQLite
// database, log in over HTTP, keep cookies, run CLI commands, and read bits of HTML.
//
// The binary comes from THIDUA_BIN. Nothing here knows how the server is built.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const AGENCY_CODE = 'BDT';
export const AGENCY_NAME = 'Ban Dân tộc tỉnh Cao Bằng';
export const DEFAULT_PASSWORD = 'Mat-khau-thu-2024!';
const STDERR_CAP = 256 * 1024;

/** The binary under test; throws a clear error when THIDUA_BIN is not set or not executable. */
export function thiduaBin() {
  const bin = process.env.THIDUA_BIN;
  if (!bin) {
    throw new Error('THIDUA_BIN is not set: run the tests as `THIDUA_BIN=/path/to/thidua node --test tests/functional/`');
  }
  try {
    fs.accessSync(bin, fs.constants.X_OK);
  } catch {
    throw new Error(`THIDUA_BIN=${bin} does not exist or is not executable`);
  }
  return path.resolve(bin);
}

// Children still alive when the test process exits (a crashed test, a failed `after`) are killed
// so that no stray server keeps a port or a temp dir busy.
const live = new Set();
process.on('exit', () => {
  for (const p of live) {
    try { p.kill('SIGKILL'); } catch { /* already gone */ }
  }
});

/**
 * Runs `thidua ARGS...` synchronously. Returns { status, signal, stdout, stderr }.
 * `input` goes to stdin; `env` is added to the current environment.
 */
export function cli(args, { input, env, timeout = 60_000 } = {}) {
  const r = spawnSync(thiduaBin(), args, {
    input: input ?? '',
    env: { ...process.env, ...(env ?? {}) },
    encoding: 'utf8',
    timeout,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Like cli() but throws (with the command's output) unless it exits 0. */
export function cliOk(args, opts) {
  const r = cli(args, opts);
  if (r.status !== 0) {
    throw new Error(`thidua ${args.join(' ')} exited ${r.status ?? r.signal}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  }
  return r;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts a server on a fresh temp database.
 *
 * opts:
 *   demo: true            run `thidua demo` (password opts.demoPassword or DEFAULT_PASSWORD)
 *   extraAgencies: [{code, name}]  with demo: agencies added after the demo's
 *   agencies: [{code,name}]   default [{code:'BDT', name:'Ban Dân tộc tỉnh Cao Bằng'}] (not with demo)
 *   users: [{login, name, role | roles, agency, password}]  created with `user add --password-stdin`
 *   tokens: [{login, name}]   created with `user token` before serving; values in srv.tokens[login]
 *   env: {NAME: value}    extra environment for `serve` (e.g. THIDUA_SESSION_IDLE_SECONDS)
 *
 * Returns { url, port, dir, dbPath, dbUrl, proc, tokens, stop(signal), kill9(), restart(), stderr(),
 *           alive(), waitExit(ms), dispose() }. restart() picks a new port and updates url/port in place.
 */
export async function startServer(opts = {}) {
  const bin = thiduaBin();
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'thidua-test-'));
  const dbPath = path.join(dir, 't.db');
  const dbUrl = `sqlite:${dbPath}`;
  const demoPassword = opts.demoPassword ?? DEFAULT_PASSWORD;
  const tokens = {};

  try {
    prepareDatabase();
  } catch (e) {
    if (!process.env.THIDUA_KEEP_TMP) await fsp.rm(dir, { recursive: true, force: true });
    throw e;
  }
  function prepareDatabase() {
    cliOk(['migrate', '--db', dbUrl]);
    if (opts.demo) {
      // The demo's evidence files go where the server will look for them.
      cliOk(['demo', '--db', dbUrl], { env: { THIDUA_DEMO_PASSWORD: demoPassword, THIDUA_DATA_DIR: path.join(dir, 'data') } });
      for (const a of opts.extraAgencies ?? []) cliOk(['agency', 'add', '--db', dbUrl, '--code', a.code, '--name', a.name]);
    } else {
      const agencies = opts.agencies ?? [{ code: AGENCY_CODE, name: AGENCY_NAME }];
      for (const a of agencies) cliOk(['agency', 'add', '--db', dbUrl, '--code', a.code, '--name', a.name]);
    }
    for (const u of opts.users ?? []) {
      const roles = u.roles ?? [u.role ?? 'staff'];
      const args = ['user', 'add', '--db', dbUrl, '--login', u.login, '--name', u.name ?? u.login];
      for (const r of roles) args.push('--role', r);
      if (u.agency) args.push('--agency', u.agency);
      args.push('--password-stdin');
      cliOk(args, { input: (u.password ?? DEFAULT_PASSWORD) + '\n' });
    }
    for (const t of opts.tokens ?? []) {
      tokens[t.login] = lastLine(cliOk(['user', 'token', '--db', dbUrl, '--login', t.login, '--name', t.name ?? 'test']).stdout);
    }
  }

  let stderrBuf = '';
  let stdoutBuf = '';
  const srv = {
    url: '', port: 0, dir, dbPath, dbUrl, proc: null, tokens, demoPassword,
    stderr: () => stderrBuf,
    stdout: () => stdoutBuf,
    alive: () => srv.proc !== null && srv.proc.exitCode === null && srv.proc.signalCode === null,
  };

  async function spawnServer() {
    const port = await freePort();
    const proc = spawn(bin, ['serve', '--db', dbUrl, '--listen', `127.0.0.1:${port}`], {
      // Uploaded files go under the test's own folder, never the working directory's data/.
      // issue 7 reminders: the scheduler is off unless a test turns it on, so that no pass writes
      // notifications (and moves the data version) while another test is looking.
      env: { ...process.env, THIDUA_DATA_DIR: path.join(dir, 'data'), THIDUA_REMINDERS_ENABLED: '0', ...(opts.env ?? {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(proc);
    proc.exited = new Promise((resolve) => proc.on('exit', (code, signal) => { live.delete(proc); resolve({ code, signal }); }));
    proc.stderr.setEncoding('utf8');
    proc.stdout.setEncoding('utf8');
    proc.stderr.on('data', (d) => { if (stderrBuf.length < STDERR_CAP) stderrBuf += d; });
    proc.stdout.on('data', (d) => { if (stdoutBuf.length < STDERR_CAP) stdoutBuf += d; });
    srv.proc = proc;
    srv.port = port;
    srv.url = `http://127.0.0.1:${port}`;

    const deadline = Date.now() + 20_000;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      if (!srv.alive()) {
        const { code, signal } = await proc.exited;
        throw new Error(`thidua serve exited (${code ?? signal}) before answering /api/v1/ping\nstderr:\n${stderrBuf}`);
      }
      try {
        const r = await fetch(`${srv.url}/api/v1/ping`, { signal: AbortSignal.timeout(2000) });
        await r.arrayBuffer();
        if (r.status === 200) return;
        last = `HTTP ${r.status}`;
      } catch (e) {
        last = String(e.cause?.code ?? e.message);
      }
      await sleep(100);
    }
    proc.kill('SIGKILL');
    await proc.exited;
    throw new Error(`thidua serve did not answer GET /api/v1/ping with 200 within 20 s (last: ${last})\nstderr:\n${stderrBuf}`);
  }

  /** Sends `signal` and waits for the exit; returns the exit code (or the signal name). */
  srv.stop = async (signal = 'SIGTERM', { timeoutMs = 15_000 } = {}) => {
    const proc = srv.proc;
    if (!proc) return null;
    if (srv.alive()) proc.kill(signal);
    const res = await Promise.race([proc.exited, sleep(timeoutMs).then(() => null)]);
    if (res === null) {
      proc.kill('SIGKILL');
      await proc.exited;
      throw new Error(`thidua serve did not exit within ${timeoutMs} ms of ${signal}\nstderr:\n${stderrBuf}`);
    }
    return res.code ?? res.signal;
  };
  /** Waits for the running process to exit (after a signal sent elsewhere); null on timeout. */
  srv.waitExit = async (timeoutMs = 15_000) => {
    const proc = srv.proc;
    if (!proc) return null;
    const res = await Promise.race([proc.exited, sleep(timeoutMs).then(() => null)]);
    return res === null ? null : (res.code ?? res.signal);
  };
  srv.kill9 = async () => {
    const proc = srv.proc;
    if (!proc) return null;
    if (srv.alive()) proc.kill('SIGKILL');
    const res = await proc.exited;
    return res.code ?? res.signal;
  };
  srv.restart = async () => {
    if (srv.alive()) await srv.stop();
    await spawnServer();
    return srv;
  };
  /** Stops the server if it runs and removes the temp dir (kept when THIDUA_KEEP_TMP is set). */
  srv.dispose = async () => {
    try {
      if (srv.alive()) await srv.stop('SIGTERM', { timeoutMs: 10_000 }).catch(() => srv.kill9());
    } finally {
      if (!process.env.THIDUA_KEEP_TMP) await fsp.rm(dir, { recursive: true, force: true });
    }
  };

  try {
    await spawnServer();
  } catch (e) {
    if (!process.env.THIDUA_KEEP_TMP) await fsp.rm(dir, { recursive: true, force: true });
    throw e;
  }
  return srv;
}

/**
 * Role names from an API "roles" array. The contract shows roles as a list; the server may give
 * plain names ("office") or grant objects ({"role":"office", ...}): both read as names here.
 */
export function roleNames(roles) {
  assert(Array.isArray(roles), `roles must be an array: ${JSON.stringify(roles)}`);
  return roles.map((r) => (typeof r === 'string' ? r : r?.role));
}

export function lastLine(s) {
  const lines = String(s).trim().split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.length ? lines[lines.length - 1] : '';
}

// ---------------------------------------------------------------------------------------------
// Cookies

/** A minimal cookie jar: one host, no domain/path matching; honours deletion by Max-Age/Expires. */
export class CookieJar {
  constructor(init = {}) {
    this.cookies = new Map(Object.entries(init));
  }
  /** Records the Set-Cookie headers of a fetch Response; returns the parsed cookies. */
  update(response) {
    const parsed = parseSetCookies(response.headers);
    for (const c of parsed) {
      if (c.deleted) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return parsed;
  }
  get(name) { return this.cookies.get(name); }
  set(name, value) { this.cookies.set(name, value); }
  delete(name) { this.cookies.delete(name); }
  header() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
}

/** Parses every Set-Cookie of a Headers object into {name, value, attrs (lower-case keys), deleted}. */
export function parseSetCookies(headers) {
  const raw = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [];
  return raw.map((line) => {
    const [pair, ...rest] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const attrs = {};
    for (const a of rest) {
      const i = a.indexOf('=');
      const k = (i < 0 ? a : a.slice(0, i)).trim().toLowerCase();
      attrs[k] = i < 0 ? true : a.slice(i + 1).trim();
    }
    let deleted = false;
    if (attrs['max-age'] !== undefined && Number(attrs['max-age']) <= 0) deleted = true;
    if (attrs.expires !== undefined && Date.parse(attrs.expires) <= Date.now()) deleted = true;
    return { name, value, attrs, deleted, raw: line };
  });
}

/** fetch() that never follows redirects and keeps cookies in `jar`. */
export async function jarFetch(jar, url, init = {}) {
  const headers = new Headers(init.headers ?? {});
  const cookie = jar.header();
  if (cookie) headers.set('cookie', cookie);
  const r = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.update(r);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Logging in

/** GET /login; returns { status, html, csrf (hidden input), csrfCookie, response }. */
export async function getLoginPage(baseUrl, jar = new CookieJar()) {
  const r = await jarFetch(jar, `${baseUrl}/login`);
  const html = await r.text();
  const input = findTag(html, (t) => t.name === 'input' && t.attrs.name === '_csrf');
  return { status: r.status, html, csrf: input?.attrs.value ?? null, csrfCookie: jar.get('thidua_csrf') ?? null, response: r, jar };
}

export function form(fields) {
  return new URLSearchParams(fields).toString();
}

/** POSTs the login form in `jar`'s session; returns the raw Response (body unread). */
export async function postLogin(baseUrl, jar, login, password, csrf) {
  return jarFetch(jar, `${baseUrl}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form({ login, password, _csrf: csrf }),
  });
}

/**
 * The whole web login flow with plain fetch. Returns the Cookie header string to reuse
 * (thidua_session and whatever else the server set). Throws unless POST /login answers 303.
 */
export async function login(baseUrl, loginName, password, jar = new CookieJar()) {
  const page = await getLoginPage(baseUrl, jar);
  if (page.status !== 200 || !page.csrf) {
    throw new Error(`GET /login: status ${page.status}, _csrf ${page.csrf ? 'present' : 'missing'}`);
  }
  const r = await postLogin(baseUrl, jar, loginName, password, page.csrf);
  if (r.status !== 303) {
    throw new Error(`POST /login for ${loginName}: expected 303, got ${r.status}: ${(await r.text()).slice(0, 500)}`);
  }
  await r.arrayBuffer();
  if (!jar.get('thidua_session')) throw new Error(`POST /login for ${loginName}: no thidua_session cookie set`);
  return jar.header();
}

/** The csrf-token meta of a logged-in page (default `/`). */
export async function pageCsrf(baseUrl, cookie, pagePath = '/') {
  const r = await fetch(`${baseUrl}${pagePath}`, { headers: { cookie }, redirect: 'manual' });
  const html = await r.text();
  const meta = findTag(html, (t) => t.name === 'meta' && t.attrs.name === 'csrf-token');
  if (r.status !== 200 || !meta?.attrs.content) {
    throw new Error(`GET ${pagePath}: status ${r.status}, csrf-token meta ${meta ? 'empty' : 'missing'}`);
  }
  return meta.attrs.content;
}

/** The path of a redirect's Location, resolved against the server (so absolute URLs work too). */
export function locationPath(response, baseUrl) {
  const loc = response.headers.get('location');
  if (loc === null) return null;
  const u = new URL(loc, baseUrl + '/');
  if (u.origin !== new URL(baseUrl).origin) return u.href;
  return u.pathname + u.search;
}

/**
 * The pathname alone of a redirect's Location (same origin), or the full URL for another origin:
 * for "303 to /login", where the server may add a query such as ?next=/.
 */
export function locationPathname(response, baseUrl) {
  const loc = response.headers.get('location');
  if (loc === null) return null;
  const u = new URL(loc, baseUrl + '/');
  if (u.origin !== new URL(baseUrl).origin) return u.href;
  return u.pathname;
}

// ---------------------------------------------------------------------------------------------
// HTML, read with regular expressions (the pages are ours and well-formed enough)

export function decodeEntities(s) {
  return String(s).replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (m, e) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    if (k === 'nbsp') return '\u00a0';
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    return String.fromCodePoint(parseInt(k.slice(1), 10));
  });
}

/** Every start tag in `html`: [{ name, attrs, index, end, raw }]. Attribute values are decoded. */
export function tags(html) {
  const out = [];
  const re = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
  let m;
  while ((m = re.exec(html)) !== null) {
    const attrs = {};
    const are = /([^\s"'>\/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
    let a;
    while ((a = are.exec(m[2])) !== null) {
      let v = a[2];
      if (v === undefined) v = '';
      else if (v[0] === '"' || v[0] === "'") v = v.slice(1, -1);
      attrs[a[1].toLowerCase()] = decodeEntities(v);
    }
    out.push({ name: m[1].toLowerCase(), attrs, index: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return out;
}

export function findTag(html, pred) {
  return tags(html).find(pred) ?? null;
}
export function findTags(html, pred) {
  return tags(html).filter(pred);
}
export function byId(html, id) {
  return findTag(html, (t) => t.attrs.id === id);
}

/** Inner HTML of a start tag found by findTag (balanced against nested tags of the same name). */
export function innerHtml(html, tag) {
  if (!tag) return null;
  const re = new RegExp(`<(/?)${tag.name}\\b[^>]*>`, 'gi');
  re.lastIndex = tag.end;
  let depth = 1;
  let m;
  while ((m = re.exec(html)) !== null) {
    if (m[1] === '/') depth -= 1;
    else if (!m[0].endsWith('/>')) depth += 1;
    if (depth === 0) return html.slice(tag.end, m.index);
  }
  return html.slice(tag.end);
}

/** Visible text of an HTML fragment: tags dropped, entities decoded, white space collapsed, NFC. */
export function textOf(fragment) {
  if (fragment === null || fragment === undefined) return null;
  return decodeEntities(String(fragment).replace(/<script[\s\S]*?<\/script>/gi, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

/** Text of the element with this id, or null when there is none. */
export function textById(html, id) {
  const t = byId(html, id);
  return t ? textOf(innerHtml(html, t)) : null;
}

/** Elements whose class list contains `cls`: [{tag, text}]. */
export function byClass(html, cls) {
  return findTags(html, (t) => (t.attrs.class ?? '').split(/\s+/).includes(cls)).map((t) => ({ tag: t, text: textOf(innerHtml(html, t)) }));
}

export function htmlLang(html) {
  return findTag(html, (t) => t.name === 'html')?.attrs.lang ?? null;
}

export function nfc(s) {
  return String(s).normalize('NFC');
}

// ---------------------------------------------------------------------------------------------
// Raw HTTP over a socket, for requests fetch will not send

/**
 * Writes `chunks` (strings or Buffers) to a new connection and collects whatever comes back until
 * the server closes or `timeoutMs` passes. Write errors (the server closing early) are ignored.
 * A number among the chunks is a pause in ms, cut short (and the rest not sent) once the server
 * has answered or closed: this lets a server that rejects on the headers alone answer first.
 * Returns { status (number|null), head, body (Buffer), raw (Buffer), closed, error }.
 */
export function rawRequest(port, chunks, { timeoutMs = 5000, endAfterWrite = false } = {}) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    const got = [];
    let closed = false;
    let error = null;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      const raw = Buffer.concat(got);
      const sep = raw.indexOf('\r\n\r\n');
      const head = sep < 0 ? raw.toString('latin1') : raw.subarray(0, sep).toString('latin1');
      let body = sep < 0 ? Buffer.alloc(0) : raw.subarray(sep + 4);
      if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) body = dechunk(body) ?? body;
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve({ status: m ? Number(m[1]) : null, head, body, raw, closed, error });
    };
    const timer = setTimeout(finish, timeoutMs);
    sock.on('data', (d) => {
      got.push(d);
      // Done as soon as one whole response (with Content-Length) is in: keep-alive needs no wait.
      const raw = Buffer.concat(got);
      const sep = raw.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const head = raw.subarray(0, sep).toString('latin1');
      const cl = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      if (cl && raw.length - sep - 4 >= Number(cl[1])) setImmediate(finish);
      else if (/\r\ntransfer-encoding:\s*chunked/i.test(head) && dechunk(raw.subarray(sep + 4)) !== null) setImmediate(finish);
      else if (/^HTTP\/1\.[01] (204|304)/.test(head)) setImmediate(finish);
    });
    sock.on('error', (e) => { error = e.code ?? e.message; });
    sock.on('close', () => { closed = true; finish(); });
    sock.on('connect', async () => {
      for (const c of [].concat(chunks)) {
        if (sock.destroyed || sock.writableEnded || done) break;
        if (typeof c === 'number') {
          // A pause between writes; stops early once the server has answered.
          const until = Date.now() + c;
          while (Date.now() < until && got.length === 0 && !closed) await sleep(10);
          if (got.length > 0 || closed) break;
          continue;
        }
        const ok = sock.write(c);
        if (!ok) await new Promise((r) => { sock.once('drain', r); sock.once('close', r); });
      }
      if (endAfterWrite && !sock.destroyed) sock.end();
    });
  });
}

/** Decodes a complete chunked body; null while it is incomplete. */
function dechunk(buf) {
  const parts = [];
  let i = 0;
  for (;;) {
    const eol = buf.indexOf('\r\n', i);
    if (eol < 0) return null;
    const n = parseInt(buf.subarray(i, eol).toString('latin1'), 16);
    if (Number.isNaN(n)) return null;
    if (n === 0) return Buffer.concat(parts);
    if (buf.length < eol + 2 + n + 2) return null;
    parts.push(buf.subarray(eol + 2, eol + 2 + n));
    i = eol + 2 + n + 2;
  }
}

/** Asserts the server still answers GET /api/v1/ping with 200 (after an abusive request). */
export async function pingOk(baseUrl) {
  const r = await fetch(`${baseUrl}/api/v1/ping`, { signal: AbortSignal.timeout(5000) });
  await r.arrayBuffer();
  if (r.status !== 200) throw new Error(`GET /api/v1/ping answered ${r.status} afterwards`);
  return true;
}

/** Response body as text, with status and headers, for assertion messages. */
export function show(r, body) {
  return `${r.status} ${r.headers.get('content-type') ?? ''}\n${String(body ?? '').slice(0, 800)}`;
}
