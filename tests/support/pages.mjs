// Helpers for the black-box page tests: a signed-in browser without a browser (cookies, the
// page's CSRF token, forms posted as a browser posts them), and readers for forms, selects and
// lists of the HTML that comes back.

import assert from 'node:assert/strict';

import {
  CookieJar, byId, findTag, findTags, innerHtml, jarFetch, locationPath, login, textById, textOf,
} from './server.mjs';

/**
 * A signed-in browser on `srv` as `who` (password `password`, default the demo's): its cookie
 * jar plus get/post that read the body and keep the page's CSRF token. `lang: 'en'` sets the
 * thidua_lang cookie.
 */
export async function as(srv, who, { password = srv.demoPassword, lang } = {}) {
  const jar = new CookieJar();
  await login(srv.url, who, password, jar);
  if (lang) jar.set('thidua_lang', lang);
  const s = {
    jar,
    csrf: null,
    async get(path, headers = {}) {
      const r = await jarFetch(jar, `${srv.url}${path}`, { headers });
      const html = await r.text();
      const meta = findTag(html, (t) => t.name === 'meta' && t.attrs.name === 'csrf-token');
      if (meta?.attrs.content) s.csrf = meta.attrs.content;
      return { r, html, status: r.status, location: locationPath(r, srv.url) };
    },
    /** GET of a download: { r, status, body (Buffer), type, disposition }. */
    async download(path) {
      const r = await jarFetch(jar, `${srv.url}${path}`);
      const body = Buffer.from(await r.arrayBuffer());
      return { r, status: r.status, body, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition') };
    },
    /** POSTs a form; `_csrf` is taken from the last page seen (or the home page) unless given. */
    async post(path, fields) {
      if (!s.csrf) await s.get('/');
      // An array is a repeated field (checkboxes), as a browser sends it.
      const body = new URLSearchParams();
      for (const [k, v] of fields instanceof URLSearchParams ? fields : Object.entries(fields)) {
        for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
      }
      if (!body.has('_csrf')) body.set('_csrf', s.csrf);
      const r = await jarFetch(jar, `${srv.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      });
      const html = await r.text();
      return { r, html, status: r.status, location: locationPath(r, srv.url) };
    },
  };
  return s;
}

/** Value of each named control inside the element with `id` (a form): inputs, and selects' chosen option. */
export function formValues(html, id) {
  const f = byId(html, id);
  assert.ok(f, `#${id} on the page`);
  const inner = innerHtml(html, f);
  const out = {};
  for (const t of findTags(inner, (x) => x.name === 'input' && x.attrs.name)) {
    if (t.attrs.type === 'checkbox') {
      if ('checked' in t.attrs) (out[t.attrs.name] ??= []).push(t.attrs.value);
      continue;
    }
    out[t.attrs.name] = t.attrs.value ?? '';
  }
  for (const sel of findTags(inner, (x) => x.name === 'select' && x.attrs.name)) {
    const opts = findTags(innerHtml(inner, sel), (x) => x.name === 'option');
    const chosen = opts.find((o) => 'selected' in o.attrs) ?? opts[0];
    out[sel.attrs.name] = chosen?.attrs.value ?? '';
  }
  return out;
}

/** Options of a <select id=...>: [{value, text, selected}]. */
export function options(html, selectId) {
  const sel = byId(html, selectId);
  assert.ok(sel, `#${selectId} on the page`);
  const inner = innerHtml(html, sel);
  return findTags(inner, (t) => t.name === 'option').map((o) => ({
    value: o.attrs.value, text: textOf(innerHtml(inner, o)), selected: 'selected' in o.attrs,
  }));
}

/** Items of a list element by id, as text. */
export function listItems(html, id) {
  const el = byId(html, id);
  if (!el) return null;
  const inner = innerHtml(html, el);
  return inner.split(/<li\b[^>]*>/i).slice(1).map((li) => textOf(li.replace(/<\/li>[\s\S]*$/i, '')));
}

/** The visible text of <main>. */
export const pageText = (html) => textOf(innerHtml(html, byId(html, 'main')) ?? html);

/** Visible message of the field error #e-NAME, or null. */
export const fieldError = (html, name) => textById(html, `e-${name}`);

/** Ids of the controls marked invalid (red), in page order. */
export const invalidIds = (html) => findTags(html, (t) => /\bis-invalid\b/.test(t.attrs.class ?? '')).map((t) => t.attrs.id);
