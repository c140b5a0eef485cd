'use strict';
// Tests of the Node binding against the built library and command. Run by
// CTest (NEWSPARSE_LIBRARY, NP_CLI, NP_SOURCE_DIR, NP_SHARED_DIR set), or
// by hand from bindings/node after `npm ci`:
//   NEWSPARSE_LIBRARY=../../build/libnewsparse.so.0 \
//   NP_CLI=../../build/examples/newsparse node --test test/

const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const koffi = require('koffi');
const newsparse = require('..');

const SRC = process.env.NP_SOURCE_DIR || path.resolve(__dirname, '..', '..', '..');
const CLI = process.env.NP_CLI || path.join(SRC, 'build', 'examples', 'newsparse');
const SHARED = process.env.NP_SHARED_DIR || path.join(SRC, '..', 'shared');
const ARTICLE_HTML = path.join(SRC, 'examples', 'data', 'article.html');
const ARTICLE_TXT = path.join(SRC, 'examples', 'data', 'article.txt');
const DEV = path.join(SHARED, 'bench', 'extraction', 'dev');

function cli(args, input) {
  const r = spawnSync(CLI, args, { input, maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout };
}

function utf8(s) {
  return Buffer.from(s, 'utf8');
}

test('the struct layouts are the library\'s', () => {
  // np_parse_options_init() writes the whole struct of its version: as
  // many bytes as koffi's declaration from the table has
  const lib = koffi.load(newsparse.load().file);
  for (const [fn, ver, type] of [
    ['np_parse_options_init', newsparse.PARSE_OPTIONS_VERSION, 'np_parse_options'],
    ['np_clean_options_init', newsparse.CLEAN_OPTIONS_VERSION, 'np_clean_options']]) {
    const init = lib.func(`int ${fn}(void *opts, unsigned int version)`);
    const buf = Buffer.alloc(512, 0xab);
    assert.equal(init(buf, ver), 0);
    let n = 512;
    while (n > 0 && buf[n - 1] === 0xab) n--;
    assert.equal(n, koffi.sizeof(type), type);
  }
});

test('constants come from the headers\' table', () => {
  assert.equal(newsparse.OK, 0);
  assert.equal(newsparse.EINVAL, -3);
  assert.equal(newsparse.ELIMIT, -7);
  assert.equal(newsparse.PARSE_NO_CLEAN, 1);
  assert.equal(newsparse.PARSE_KEEP_ALL, 32);
  assert.equal(newsparse.JSON_PRETTY, 1);
  assert.equal(newsparse.CLEAN_NO_APOSTROPHES, 64);
  assert.match(newsparse.libraryVersion(), /^\d+\.\d+\.\d+$/);
});

test('options are used: flags and limits bite', () => {
  const html = fs.readFileSync(ARTICLE_HTML);
  assert.throws(() => newsparse.parseHtml(html, null, { maxBytes: 100 }),
    (e) => e instanceof newsparse.NewsparseError && e.codeName === 'NP_ELIMIT' &&
      e.code === newsparse.ELIMIT);
  const plain = newsparse.parseHtml(html);
  const noq = newsparse.parseHtml(html, null, { flags: newsparse.PARSE_NO_QUOTES });
  assert.ok(plain.quotes.length > 0);
  assert.equal(noq.quotes.length, 0);
  const trunc = newsparse.parseHtml(html, null, {
    flags: newsparse.PARSE_TRUNCATE, maxBlocks: 2,
  });
  assert.equal(trunc.truncated, true);
  assert.ok(trunc.blocks.length <= 2);
  assert.throws(() => new newsparse.Parser({ nope: 1 }), TypeError);
  assert.throws(() => new newsparse.Parser({ flags: 1 << 30 }),
    (e) => e.codeName === 'NP_EINVAL');
});

test('the document\'s fields', () => {
  const doc = newsparse.parseHtml(fs.readFileSync(ARTICLE_HTML), 'https://example.org/a');
  const rec = doc.toObject();
  assert.equal(doc.title, rec.title);
  assert.equal(doc.published, rec.published);
  assert.equal(doc.siteName, rec.site_name);
  assert.equal(doc.language, rec.language);
  assert.equal(doc.url, rec.url);
  assert.deepEqual([...doc.authors], rec.authors);
  assert.deepEqual(doc.sources, rec.sources);
  assert.equal(doc.wordCount, rec.word_count);
  assert.equal(doc.body, rec.body);
  assert.equal(doc.isArticle, true);
  assert.equal(doc.blocks.length, rec.blocks.length);
  assert.equal(doc.entities.length, rec.entities.length);
  assert.equal(doc.quotes.length, rec.quotes.length);
  assert.equal(doc.fixes.length, rec.fixes.length);
  assert.deepEqual(JSON.parse(JSON.stringify(doc)), rec);
  doc.close();
  doc.close(); // twice is fine
  assert.equal(doc.title, rec.title); // read before: kept
  assert.throws(() => doc.toJSONString(), /closed/);
});

test('offsets in bytes and in UTF-16 units index the body', () => {
  const doc = newsparse.parseHtml(fs.readFileSync(ARTICLE_HTML));
  const body = doc.body;
  const bytes = doc.bodyBytes;
  assert.ok(bytes.length > body.length, 'the article has non-ASCII text');
  assert.ok(doc.quotes.length >= 7);
  for (const q of doc.quotes) {
    assert.equal(body.slice(q.startUtf16, q.endUtf16), q.text);
    assert.equal(bytes.subarray(q.start, q.end).toString('utf8'), q.text);
  }
  for (const b of doc.blocks) {
    assert.equal(body.slice(b.startUtf16, b.endUtf16), b.text);
    assert.equal(bytes.subarray(b.start, b.end).toString('utf8'), b.text);
  }
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      assert.equal(body.slice(m.startUtf16, m.endUtf16),
        bytes.subarray(m.start, m.end).toString('utf8'));
    }
  }
  for (const f of doc.fixes) assert.equal(body.slice(f.startUtf16, f.endUtf16), f.after);
  // astral characters count two UTF-16 units and four bytes
  const t = newsparse.parseText('Emoji \u{1F600} first.\n\n"We are ready," said Jane Doe.\n');
  const q = t.quotes[0];
  assert.ok(q, 'a quote');
  assert.equal(t.body.slice(q.startUtf16, q.endUtf16), q.text);
  assert.equal(Buffer.from(t.body).subarray(q.start, q.end).toString(), q.text);
});

test('clean(): text and fixes', () => {
  const r = newsparse.clean(Buffer.from('caf\xc3\xa9  \xe2\x80\x8bdone it\xe2\x80\x99s', 'latin1'));
  assert.equal(r.text.normalize('NFC'), r.text);
  assert.ok(r.fixes.length > 0);
  for (const f of r.fixes) assert.equal(r.text.slice(f.startUtf16, f.endUtf16), f.after);
  const ref = cli(['clean'], Buffer.from('Hello\u00a0 world  .\n'));
  assert.equal(ref.code, 0);
  assert.equal(newsparse.clean('Hello\u00a0 world  .\n').text, ref.out.toString());
  const off = newsparse.clean('a\u00a0b', { flags: newsparse.CLEAN_NO_WHITESPACE });
  assert.equal(off.text, 'a\u00a0b');
  assert.throws(() => newsparse.clean('x'.repeat(100), { maxBytes: 10 }),
    (e) => e.codeName === 'NP_ELIMIT' && e.detail.length > 0);
});

test('errors carry code, codeName and message', () => {
  const p = new newsparse.Parser({ maxBytes: 10 });
  assert.throws(() => p.parseText('far more than ten bytes of text'), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.code, newsparse.ELIMIT);
    assert.equal(e.codeName, 'NP_ELIMIT');
    assert.ok(e.message.startsWith('NP_ELIMIT: '));
    return true;
  });
  p.close();
  assert.throws(() => p.parseText('x'), /closed/);
  assert.throws(() => newsparse.parseHtml(42), TypeError);
  // lenient: empty, binary, invalid UTF-8 give documents
  for (const data of ['', Buffer.from([0, 1, 2, 255, 254]), Buffer.from('caf\xe9', 'latin1')]) {
    JSON.parse(newsparse.parseHtml(data).toJSONString());
  }
});

function checkIdentity(file, asHtml) {
  const ref = cli(['parse', file]);
  assert.equal(ref.code, 0);
  const data = fs.readFileSync(file);
  const doc = asHtml ? newsparse.parseHtml(data) : newsparse.parseText(data);
  assert.deepEqual(utf8(doc.toJSONString({ source: file }) + '\n'), ref.out);
  assert.deepEqual(doc.toObject({ source: file }), JSON.parse(ref.out));
  assert.deepEqual(utf8(newsparse.parse(data).toJSONString({ source: file }) + '\n'), ref.out);
  const one = newsparse.parseToJSON(data, { source: file });
  assert.equal(one.code, 0);
  assert.deepEqual(utf8(one.json + '\n'), ref.out);
  const pretty = cli(['parse', '--pretty', file]);
  assert.deepEqual(utf8(doc.toJSONString({ source: file, flags: newsparse.JSON_PRETTY }) + '\n'),
    pretty.out);
}

test('the bundled article: the command\'s JSON, byte for byte', () => {
  checkIdentity(ARTICLE_HTML, true);
  checkIdentity(ARTICLE_TXT, false);
});

test('an error record: the command\'s, byte for byte', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'np-node-err-'));
  try {
    const file = path.join(dir, 'bad.txt');
    fs.writeFileSync(file, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff]));
    const ref = cli(['parse', '--input', 'text', '--no-clean', file]);
    assert.notEqual(ref.code, 0);
    const r = newsparse.parseToJSON(fs.readFileSync(file), {
      input: 'text', source: file, flags: newsparse.PARSE_NO_CLEAN,
    });
    assert.equal(r.code, newsparse.EENCODING);
    assert.deepEqual(utf8(r.json + '\n'), ref.out);
    assert.equal(JSON.parse(r.json).error.code, 'NP_EENCODING');
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});

test('every dev page: the command\'s JSON, byte for byte', (t) => {
  if (!fs.existsSync(DEV)) {
    t.skip(`no dev pages at ${DEV} (../shared absent)`);
    return;
  }
  const pages = fs.readdirSync(DEV).filter((f) => /\.html(\.gz)?$/.test(f)).sort();
  assert.ok(pages.length > 50);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'np-node-dev-'));
  try {
    const files = pages.map((p) => {
      const raw = fs.readFileSync(path.join(DEV, p));
      const out = path.join(dir, p.replace(/\.gz$/, ''));
      fs.writeFileSync(out, p.endsWith('.gz') ? zlib.gunzipSync(raw) : raw);
      return out;
    });
    const ref = execFileSync(CLI, ['parse', '--files-from', '-'],
      { input: files.join('\n') + '\n', maxBuffer: 1 << 28 });
    const lines = ref.toString('latin1').split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, files.length);
    const parser = new newsparse.Parser();
    files.forEach((file, i) => {
      const data = fs.readFileSync(file);
      let mine;
      try {
        mine = parser.parse(data).toJSONString({ source: file });
      } catch (e) {
        if (!(e instanceof newsparse.NewsparseError)) throw e;
        mine = newsparse.parseToJSON(data, { source: file }).json;
      }
      assert.deepEqual(utf8(mine), Buffer.from(lines[i], 'latin1'), file);
    });
    parser.close();
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});

test('the library is found by NEWSPARSE_LIBRARY, the install prefix, or fails clearly', () => {
  const lib = newsparse.load().file;
  const run = (dir, env) => spawnSync(process.execPath, ['-e',
    'const n = require(process.argv[1]); n.libraryVersion(); console.log(n.load().file)', dir],
  { env: { ...process.env, ...env } });
  const here = path.resolve(__dirname, '..');
  let r = run(here, { NEWSPARSE_LIBRARY: '/nonexistent.so' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr.toString(), /NEWSPARSE_LIBRARY/);
  // a copy of the package whose _config.js names the library's folder
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'np-node-pkg-'));
  try {
    const pkg = path.join(tmp, 'node_modules', 'newsparse');
    fs.mkdirSync(pkg, { recursive: true });
    for (const f of ['index.js', 'package.json']) fs.copyFileSync(path.join(here, f), path.join(pkg, f));
    fs.copyFileSync(path.join(here, '..', 'newsparse.ffi'), path.join(pkg, 'newsparse.ffi'));
    fs.symlinkSync(path.join(here, 'node_modules'), path.join(pkg, 'node_modules'));
    const libdir = path.join(tmp, 'lib');
    fs.mkdirSync(libdir);
    fs.copyFileSync(lib, path.join(libdir, 'libnewsparse.so.0'));
    fs.writeFileSync(path.join(pkg, '_config.js'),
      `module.exports = { libdir: ${JSON.stringify(libdir)} };\n`);
    const env = { ...process.env };
    delete env.NEWSPARSE_LIBRARY;
    r = spawnSync(process.execPath, ['-e',
      'const n = require(process.argv[1]); n.libraryVersion(); console.log(n.load().file)', pkg],
    { env });
    assert.equal(r.status, 0, r.stderr.toString());
    assert.equal(r.stdout.toString().trim(), path.join(libdir, 'libnewsparse.so.0'));
  } finally {
    fs.rmSync(tmp, { recursive: true });
  }
});

test('worker threads each parse with their own parser', async () => {
  const { Worker } = require('node:worker_threads');
  const html = fs.readFileSync(ARTICLE_HTML);
  const ref = newsparse.parseHtml(html).toJSONString({ source: 'a' });
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const n = require(workerData.pkg);
    const out = [];
    for (let i = 0; i < 3; i++) out.push(n.parseHtml(workerData.html).toJSONString({ source: 'a' }));
    parentPort.postMessage(out);`;
  const results = await Promise.all([0, 1, 2].map(() => new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { pkg: path.resolve(__dirname, '..'), html } });
    w.once('message', resolve);
    w.once('error', reject);
  })));
  for (const out of results) for (const s of out) assert.equal(s, ref);
});
