// Web sign-in: the login form (success, wrong password, CSRF, throttling), the home page of a
// signed-in user, the language switch, logout, and idle session expiry.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import {
  AGENCY_CODE, AGENCY_NAME, CookieJar, DEFAULT_PASSWORD, byClass, byId, findTag, findTags, form, getLoginPage,
  htmlLang, innerHtml, jarFetch, locationPath, locationPathname, login, nfc, parseSetCookies, postLogin, show, startServer, textById,
  textOf,
} from '../support/server.mjs';

const PW = DEFAULT_PASSWORD;
let srv;

before(async () => {
  srv = await startServer({
    users: [
      { login: 'hoa', name: 'Nông Thị Hoa', role: 'office', agency: AGENCY_CODE },
      { login: 'quantri', name: 'Quản Trị Viên', role: 'admin', agency: AGENCY_CODE },
      { login: 'canbo', name: 'Lục Văn Bình', role: 'staff', agency: AGENCY_CODE },
      { login: 'khoa', name: 'Hà Thị Khoa', role: 'office', agency: AGENCY_CODE },
      { login: 'thoat', name: 'Đàm Văn Thoát', role: 'office', agency: AGENCY_CODE },
      { login: 'sai', name: 'Bế Văn Sai', role: 'office', agency: AGENCY_CODE },
    ],
  });
});

after(async () => {
  await srv?.dispose();
});

const sessionCookieOf = (r) => parseSetCookies(r.headers).find((c) => c.name === 'thidua_session');

function alertText(html, cls) {
  return byClass(html, cls).map((a) => a.text).join(' | ');
}

/** The form element (tag + inner html + hidden fields) that contains the element with `id`. */
function formAround(html, id) {
  for (const f of findTags(html, (t) => t.name === 'form')) {
    const inner = innerHtml(html, f);
    if (byId(inner, id)) {
      const fields = {};
      for (const i of findTags(inner, (t) => t.name === 'input' && t.attrs.name)) fields[i.attrs.name] = i.attrs.value ?? '';
      return { tag: f, inner, fields };
    }
  }
  return null;
}

describe('POST /login', () => {
  it('right password: 303 to / with an HttpOnly SameSite=Lax session cookie on Path=/', async () => {
    const jar = new CookieJar();
    const page = await getLoginPage(srv.url, jar);
    assert.equal(page.status, 200);
    const r = await postLogin(srv.url, jar, 'hoa', PW, page.csrf);
    const body = await r.text();
    assert.equal(r.status, 303, show(r, body));
    assert.equal(locationPath(r, srv.url), '/');
    const c = sessionCookieOf(r);
    assert.ok(c, `thidua_session set; Set-Cookie: ${JSON.stringify(r.headers.getSetCookie())}`);
    assert.ok(c.value.length >= 16, 'session token has some length');
    assert.equal(c.attrs.path, '/');
    assert.ok(c.attrs.httponly, 'HttpOnly');
    assert.equal(String(c.attrs.samesite).toLowerCase(), 'lax');
    assert.notEqual(c.value, page.csrf, 'session token is not the pre-login CSRF token');

    // The session cookie alone opens the home page.
    const home = await fetch(`${srv.url}/`, { headers: { cookie: `thidua_session=${c.value}` }, redirect: 'manual' });
    await home.arrayBuffer();
    assert.equal(home.status, 200);
  });

  it('each login gets a new session token', async () => {
    const a = new CookieJar();
    const b = new CookieJar();
    await login(srv.url, 'hoa', PW, a);
    await login(srv.url, 'hoa', PW, b);
    assert.notEqual(a.get('thidua_session'), b.get('thidua_session'));
  });

  it('wrong password: 401, the form again with the login kept and a Vietnamese .alert-danger', async () => {
    const jar = new CookieJar();
    const page = await getLoginPage(srv.url, jar);
    const r = await postLogin(srv.url, jar, 'sai', 'not-the-password', page.csrf);
    const html = await r.text();
    assert.equal(r.status, 401, show(r, html));
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(sessionCookieOf(r)?.value ? 'set' : 'unset', 'unset', 'no session cookie on failure');
    assert.equal(htmlLang(html), 'vi');
    assert.ok(byId(html, 'login-form'), 'the form is shown again');
    assert.equal(byId(html, 'login')?.attrs.value, 'sai', 'typed login kept in #login');
    assert.ok(!byId(html, 'password')?.attrs.value, 'the password is not echoed back');
    const alerts = byClass(html, 'alert-danger');
    assert.ok(alerts.length > 0, '.alert-danger present');
    assert.equal(alerts[0].tag.attrs.role, 'alert', '.alert-danger has role="alert"');
    assert.ok(alertText(html, 'alert-danger').includes('Tên đăng nhập hoặc mật khẩu không đúng.'), alertText(html, 'alert-danger'));

    // The page carries a usable form token: retrying with the right password works.
    const csrf = findTag(innerHtml(html, byId(html, 'login-form')), (t) => t.name === 'input' && t.attrs.name === '_csrf')?.attrs.value;
    assert.ok(csrf, 'hidden _csrf in the re-shown form');
    const r2 = await postLogin(srv.url, jar, 'sai', PW, csrf);
    await r2.arrayBuffer();
    assert.equal(r2.status, 303, 'retry after a typo succeeds');
  });

  it('an unknown login is answered exactly like a wrong password', async () => {
    const jar = new CookieJar();
    const page = await getLoginPage(srv.url, jar);
    const r = await postLogin(srv.url, jar, 'khong-ton-tai', 'whatever', page.csrf);
    const html = await r.text();
    assert.equal(r.status, 401, show(r, html));
    assert.ok(alertText(html, 'alert-danger').includes('Tên đăng nhập hoặc mật khẩu không đúng.'));
  });

  it('wrong password in English: "Wrong login or password."', async () => {
    const jar = new CookieJar({ thidua_lang: 'en' });
    const page = await getLoginPage(srv.url, jar);
    assert.equal(htmlLang(page.html), 'en', 'login page in English with thidua_lang=en');
    const r = await postLogin(srv.url, jar, 'sai', 'still-wrong', page.csrf);
    const html = await r.text();
    assert.equal(r.status, 401, show(r, html));
    assert.ok(alertText(html, 'alert-danger').includes('Wrong login or password.'), alertText(html, 'alert-danger'));
  });

  it('the kept login is HTML-escaped', async () => {
    const jar = new CookieJar();
    const page = await getLoginPage(srv.url, jar);
    const evil = 'x"><b id="injected">y';
    const r = await postLogin(srv.url, jar, evil, 'wrong', page.csrf);
    const html = await r.text();
    assert.equal(r.status, 401, show(r, html));
    assert.equal(byId(html, 'injected'), null, 'markup from the login field was injected into the page');
    assert.equal(byId(html, 'login')?.attrs.value, evil);
  });

  it('missing _csrf: 403 "Phiên làm việc của biểu mẫu đã hết hạn", no session', async () => {
    const jar = new CookieJar();
    await getLoginPage(srv.url, jar);
    const r = await jarFetch(jar, `${srv.url}/login`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ login: 'hoa', password: PW }),
    });
    const html = await r.text();
    assert.equal(r.status, 403, show(r, html));
    assert.ok(textOf(html).includes('Phiên làm việc của biểu mẫu đã hết hạn'), textOf(html).slice(0, 400));
    assert.equal(sessionCookieOf(r), undefined, 'no session cookie');
  });

  it('wrong _csrf (cookie present): 403, no session', async () => {
    const jar = new CookieJar();
    await getLoginPage(srv.url, jar);
    const r = await postLogin(srv.url, jar, 'hoa', PW, 'A'.repeat(43));
    const html = await r.text();
    assert.equal(r.status, 403, show(r, html));
    assert.ok(textOf(html).includes('Phiên làm việc của biểu mẫu đã hết hạn'));
    assert.equal(sessionCookieOf(r), undefined, 'no session cookie');
  });

  it('a _csrf field without the thidua_csrf cookie: 403', async () => {
    const page = await getLoginPage(srv.url, new CookieJar());
    const r = await postLogin(srv.url, new CookieJar(), 'hoa', PW, page.csrf);
    const html = await r.text();
    assert.equal(r.status, 403, show(r, html));
    assert.equal(sessionCookieOf(r), undefined, 'no session cookie');
  });

  it('form token expired, in English: "The form has expired"', async () => {
    const jar = new CookieJar({ thidua_lang: 'en' });
    await getLoginPage(srv.url, jar);
    const r = await postLogin(srv.url, jar, 'hoa', PW, 'wrong-token');
    const html = await r.text();
    assert.equal(r.status, 403, show(r, html));
    assert.ok(textOf(html).includes('The form has expired'), textOf(html).slice(0, 400));
  });

  it('after 5 failures for one login: 429 "quá nhiều lần", even with the right password; other logins unaffected', async () => {
    const jar = new CookieJar();
    for (let i = 1; i <= 5; i++) {
      const page = await getLoginPage(srv.url, jar);
      const r = await postLogin(srv.url, jar, 'khoa', `wrong-${i}`, page.csrf);
      const html = await r.text();
      assert.equal(r.status, 401, `attempt ${i}: ${show(r, html)}`);
    }
    const page = await getLoginPage(srv.url, jar);
    const r = await postLogin(srv.url, jar, 'khoa', PW, page.csrf);
    const html = await r.text();
    assert.equal(r.status, 429, `6th attempt (right password): ${show(r, html)}`);
    assert.ok(textOf(html).includes('quá nhiều lần'), textOf(html).slice(0, 400));
    assert.equal(sessionCookieOf(r), undefined, 'no session while throttled');

    // Someone else from the same address still signs in.
    await login(srv.url, 'canbo', PW);
  });
});

describe('home page, signed in', () => {
  let jar;
  let html;
  before(async () => {
    jar = new CookieJar();
    await login(srv.url, 'hoa', PW, jar);
    const r = await jarFetch(jar, `${srv.url}/`);
    html = await r.text();
    assert.equal(r.status, 200, show(r, html));
  });

  it('is Vietnamese and greets the user by display name', () => {
    assert.equal(htmlLang(html), 'vi');
    const g = textById(html, 'greeting');
    assert.ok(g !== null, '#greeting present');
    assert.ok(g.includes('Xin chào'), g);
    assert.ok(g.includes(nfc('Nông Thị Hoa')), g);
  });

  it('shows the agency name in #agency-name', () => {
    const a = textById(html, 'agency-name');
    assert.ok(a !== null, '#agency-name present');
    assert.ok(a.includes(AGENCY_NAME), a);
  });

  it('has a #todo section headed "Việc cần làm"', () => {
    const t = byId(html, 'todo');
    assert.ok(t, '#todo present');
    const inner = innerHtml(html, t);
    const h = findTag(inner, (x) => /^h[1-6]$/.test(x.name));
    assert.ok(h, 'a heading inside #todo');
    assert.equal(textOf(innerHtml(inner, h)), 'Việc cần làm');
  });

  it('has a nav, a logout form with _csrf and a meta csrf-token', () => {
    assert.ok(findTag(html, (t) => t.name === 'nav'), '<nav> present');
    const meta = findTag(html, (t) => t.name === 'meta' && t.attrs.name === 'csrf-token');
    assert.ok(meta?.attrs.content, 'meta csrf-token with content');
    const f = formAround(html, 'logout-button');
    assert.ok(f, '#logout-button inside a form');
    assert.equal((f.tag.attrs.method ?? '').toLowerCase(), 'post');
    assert.equal(f.tag.attrs.action, '/logout');
    assert.ok(f.fields._csrf, 'logout form has a hidden _csrf');
  });

  it('has a language switch to English (#lang-en, not #lang-vi)', () => {
    const f = formAround(html, 'lang-en');
    assert.ok(f, '#lang-en inside a form');
    assert.equal((f.tag.attrs.method ?? '').toLowerCase(), 'post');
    assert.equal(f.tag.attrs.action, '/lang');
    assert.equal(f.fields.lang, 'en');
    assert.ok(f.fields._csrf, 'hidden _csrf');
    assert.ok('next' in f.fields, 'hidden next');
    assert.equal(byId(html, 'lang-vi'), null, 'no #lang-vi on a Vietnamese page');
  });

  it('the navigation depends on the role (admin and staff see different items)', async () => {
    const navText = async (who) => {
      const j = new CookieJar();
      await login(srv.url, who, PW, j);
      const r = await jarFetch(j, `${srv.url}/`);
      const h = await r.text();
      assert.equal(r.status, 200);
      const nav = findTag(h, (t) => t.name === 'nav');
      assert.ok(nav, `<nav> for ${who}`);
      return innerHtml(h, nav);
    };
    const admin = await navText('quantri');
    const staff = await navText('canbo');
    assert.notEqual(textOf(admin), textOf(staff), `admin and staff navs are identical: ${textOf(admin)}`);
  });
});

describe('POST /lang', () => {
  it('switches to English and back, via the forms on the page', async () => {
    const jar = new CookieJar();
    await login(srv.url, 'hoa', PW, jar);
    let r = await jarFetch(jar, `${srv.url}/`);
    let html = await r.text();
    const f = formAround(html, 'lang-en');
    assert.ok(f, '#lang-en form');

    r = await jarFetch(jar, `${srv.url}/lang`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form(f.fields),
    });
    await r.arrayBuffer();
    assert.equal(r.status, 303);
    assert.equal(locationPath(r, srv.url), f.fields.next || '/', 'back to next');
    const lc = parseSetCookies(r.headers).find((c) => c.name === 'thidua_lang');
    assert.equal(lc?.value, 'en', 'thidua_lang=en set');

    r = await jarFetch(jar, `${srv.url}/`);
    html = await r.text();
    assert.equal(r.status, 200);
    assert.equal(htmlLang(html), 'en');
    const g = textById(html, 'greeting');
    assert.ok(g?.includes('Hello'), `greeting: ${g}`);
    assert.ok(g.includes(nfc('Nông Thị Hoa')), g);
    const todo = innerHtml(html, byId(html, 'todo'));
    assert.equal(textOf(innerHtml(todo, findTag(todo, (x) => /^h[1-6]$/.test(x.name)))), 'To do');
    assert.equal(byId(html, 'lang-en'), null, 'no #lang-en on an English page');
    const back = formAround(html, 'lang-vi');
    assert.ok(back, '#lang-vi form on the English page');
    assert.equal(back.fields.lang, 'vi');

    r = await jarFetch(jar, `${srv.url}/lang`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form(back.fields),
    });
    await r.arrayBuffer();
    assert.equal(r.status, 303);
    assert.equal(parseSetCookies(r.headers).find((c) => c.name === 'thidua_lang')?.value, 'vi');
    r = await jarFetch(jar, `${srv.url}/`);
    html = await r.text();
    assert.equal(htmlLang(html), 'vi');
    assert.ok(textById(html, 'greeting')?.includes('Xin chào'));
  });

  it('goes back only to local paths', async () => {
    const jar = new CookieJar();
    await login(srv.url, 'hoa', PW, jar);
    const r0 = await jarFetch(jar, `${srv.url}/`);
    const csrf = formAround(await r0.text(), 'lang-en').fields._csrf;
    const cases = [
      ['/login', '/login'],
      ['/khong-co?a=1', '/khong-co?a=1'],
      ['//evil.example/x', '/'],
      ['https://evil.example/', '/'],
      ['http:/evil.example', '/'],
      ['evil', '/'],
      ['', '/'],
    ];
    const wrong = [];
    for (const [next, want] of cases) {
      const r = await jarFetch(jar, `${srv.url}/lang`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form({ lang: 'vi', _csrf: csrf, next }),
      });
      await r.arrayBuffer();
      if (r.status !== 303 || locationPath(r, srv.url) !== want) {
        wrong.push(`next=${JSON.stringify(next)} → ${r.status} Location ${r.headers.get('location')} (want 303 ${want})`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('refuses a wrong _csrf with 403 and leaves the language alone', async () => {
    const jar = new CookieJar();
    await login(srv.url, 'hoa', PW, jar);
    const r = await jarFetch(jar, `${srv.url}/lang`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ lang: 'en', _csrf: 'wrong', next: '/' }),
    });
    const body = await r.text();
    assert.equal(r.status, 403, show(r, body));
    assert.equal(parseSetCookies(r.headers).find((c) => c.name === 'thidua_lang')?.value, undefined);
  });
});

describe('POST /logout', () => {
  it('ends the session: 303 to /login, cookie cleared, old token dead, flash "Bạn đã đăng xuất."', async () => {
    const jar = new CookieJar();
    const cookieBefore = await login(srv.url, 'thoat', PW, jar);
    const sessionBefore = jar.get('thidua_session');
    let r = await jarFetch(jar, `${srv.url}/`);
    const f = formAround(await r.text(), 'logout-button');
    assert.ok(f, 'logout form');

    r = await jarFetch(jar, `${srv.url}/logout`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form(f.fields),
    });
    await r.arrayBuffer();
    assert.equal(r.status, 303);
    assert.equal(locationPathname(r, srv.url), '/login', `Location: ${r.headers.get('location')}`);
    const c = sessionCookieOf(r);
    assert.ok(c && (c.deleted || c.value === ''), `session cookie cleared; Set-Cookie: ${JSON.stringify(r.headers.getSetCookie())}`);

    // The old token no longer works, even if the browser kept it.
    r = await fetch(`${srv.url}/`, { headers: { cookie: `thidua_session=${sessionBefore}` }, redirect: 'manual' });
    await r.arrayBuffer();
    assert.equal(r.status, 303);
    assert.equal(locationPathname(r, srv.url), '/login', `Location: ${r.headers.get('location')}`);
    r = await fetch(`${srv.url}/api/v1/me`, { headers: { cookie: cookieBefore } });
    await r.arrayBuffer();
    assert.equal(r.status, 401, 'API refuses the old session');

    r = await jarFetch(jar, `${srv.url}/login`);
    const html = await r.text();
    assert.equal(r.status, 200);
    assert.ok(byId(html, 'login-form'), 'login form');
    assert.ok(alertText(html, 'alert-success').includes('Bạn đã đăng xuất.'), `alert-success: ${alertText(html, 'alert-success')}`);
  });

  it('without a valid _csrf does not sign out (403)', async () => {
    const jar = new CookieJar();
    await login(srv.url, 'thoat', PW, jar);
    let r = await jarFetch(jar, `${srv.url}/logout`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form({ _csrf: 'wrong' }),
    });
    await r.arrayBuffer();
    assert.equal(r.status, 403);
    r = await jarFetch(jar, `${srv.url}/`);
    await r.arrayBuffer();
    assert.equal(r.status, 200, 'still signed in');
  });
});

describe('idle session expiry (THIDUA_SESSION_IDLE_SECONDS=2)', () => {
  let idle;
  before(async () => {
    idle = await startServer({
      users: [{ login: 'hoa', name: 'Nông Thị Hoa', role: 'office', agency: AGENCY_CODE }],
      env: { THIDUA_SESSION_IDLE_SECONDS: '2' },
    });
  });
  after(async () => {
    await idle?.dispose();
  });

  it('a session idle longer than the limit sends you to /login with a warning', async () => {
    const jar = new CookieJar();
    await login(idle.url, 'hoa', PW, jar);
    const token = jar.get('thidua_session');
    let r = await jarFetch(jar, `${idle.url}/`);
    await r.arrayBuffer();
    assert.equal(r.status, 200, 'fresh session works');

    await sleep(4000);
    r = await jarFetch(jar, `${idle.url}/`);
    await r.arrayBuffer();
    assert.equal(r.status, 303, 'idle session expired');
    assert.equal(locationPathname(r, idle.url), '/login', `Location: ${r.headers.get('location')}`);

    r = await jarFetch(jar, `${idle.url}${locationPath(r, idle.url)}`);
    const html = await r.text();
    assert.equal(r.status, 200);
    const w = alertText(html, 'alert-warning');
    assert.ok(w.includes('Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.'), `alert-warning: ${w}`);

    r = await fetch(`${idle.url}/api/v1/me`, { headers: { cookie: `thidua_session=${token}` } });
    await r.arrayBuffer();
    assert.equal(r.status, 401, 'the expired session does not open the API either');
  });
});
