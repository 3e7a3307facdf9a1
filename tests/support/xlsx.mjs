// Reads the first worksheet of an .xlsx (a zip of XML parts) into rows of cell texts, with
// Node's zlib only: enough to check what an export wrote, not a general reader.

import assert from 'node:assert/strict';
import zlib from 'node:zlib';

/** The files of a zip archive: Map name → Buffer (stored or deflated entries). */
export function unzip(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  assert.ok(eocd >= 0, 'a zip archive (end of central directory found)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = new Map();
  for (let n = 0; n < count; n++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    files.set(name, method === 8 ? zlib.inflateRawSync(raw) : raw);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const unescapeXml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  .replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');

/** Column letters of a cell reference ("AB12") → 0-based index. */
function column(ref) {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)[0]) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The first sheet as { rows: [[text…]…], dateCells: Set("r,c") of cells whose style is a date
 * format shown dd/mm/yyyy, formats: [format codes] }. Numbers stay as their text ("45292").
 */
export function readSheet(buf) {
  const files = unzip(buf);
  const strings = [];
  const sst = files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '';
  for (const si of sst.match(/<si>[\s\S]*?<\/si>/g) ?? []) {
    strings.push(unescapeXml((si.match(/<t[^>]*>([\s\S]*?)<\/t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('')));
  }
  const styles = files.get('xl/styles.xml')?.toString('utf8') ?? '';
  const formats = new Map();
  for (const m of styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)) formats.set(m[1], unescapeXml(m[2]));
  const xfs = (/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').match(/<xf [^>]*>/g) ?? [];
  const styleFormat = xfs.map((xf) => formats.get(/numFmtId="(\d+)"/.exec(xf)?.[1]) ?? '');
  const sheet = files.get('xl/worksheets/sheet1.xml')?.toString('utf8');
  assert.ok(sheet, 'xl/worksheets/sheet1.xml in the file');
  const rows = [];
  const dateCells = new Set();
  for (const row of sheet.match(/<row [^>]*>[\s\S]*?<\/row>|<row [^>]*\/>/g) ?? []) {
    const r = Number(/ r="(\d+)"/.exec(row)[1]) - 1;
    const cells = [];
    for (const c of row.match(/<c [^>]*\/>|<c [^>]*>[\s\S]*?<\/c>/g) ?? []) {
      const ref = / r="([A-Z]+\d+)"/.exec(c)[1];
      const t = / t="(\w+)"/.exec(c)?.[1];
      const s = / s="(\d+)"/.exec(c)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(c)?.[1];
      let text = '';
      if (t === 's') text = strings[Number(v)];
      else if (t === 'inlineStr') text = unescapeXml((/<t[^>]*>([\s\S]*?)<\/t>/.exec(c) ?? [])[1] ?? '');
      else if (v !== undefined) text = unescapeXml(v);
      const col = column(ref);
      while (cells.length < col) cells.push('');
      cells[col] = text;
      if (s !== undefined && v !== undefined && t === undefined && /dd\/mm\/yyyy/.test(styleFormat[Number(s)] ?? '')) {
        dateCells.add(`${r},${col}`);
      }
    }
    rows[r] = cells;
  }
  return { rows: Array.from(rows, (x) => x ?? []), dateCells, formats: [...formats.values()] };
}

/** An Excel serial day number → "dd/mm/yyyy" (the 1900 system, as libxlsxwriter writes). */
export function excelDate(serial) {
  const d = new Date(Date.UTC(1899, 11, 30) + Number(serial) * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}
