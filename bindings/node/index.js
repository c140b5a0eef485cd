'use strict';
/**
 * Node binding of the newsparse C library, over koffi.
 *
 *   const newsparse = require('newsparse');
 *   const doc = newsparse.parseHtml(fs.readFileSync('page.html'));
 *   console.log(doc.title, doc.authors);
 *   for (const q of doc.quotes)
 *     console.log(q.speaker, doc.body.slice(q.startUtf16, q.endUtf16));
 *
 * The library is found by the path given to load(), else
 * $NEWSPARSE_LIBRARY, else the library directory of the prefix this
 * package was installed into by CMake, else the system's search path.
 * Functions, structs and constants are declared from newsparse.ffi, the
 * table of the C API shared with the Python binding.
 */

const fs = require('fs');
const path = require('path');

// ------------------------------------------------------ the C declarations

function tablePath() {
  for (const cand of [path.join(__dirname, 'newsparse.ffi'),
    path.join(__dirname, '..', 'newsparse.ffi')]) {
    if (fs.existsSync(cand)) return cand;
  }
  throw new Error(`newsparse: newsparse.ffi (the table of the C API) is missing beside ${__dirname}`);
}

function splitDecl(decl) {
  // "const char **value" -> ["const char **", "value"]
  const m = /^\s*(.*?[\s*])(\w+)\s*$/.exec(decl);
  const type = m[1].replace(/\*/g, ' * ').split(/\s+/).filter(Boolean).join(' ')
    .replace(/\* \*/g, '**');
  return [type, m[2]];
}

function readTable(file) {
  const defines = {}; const structs = {}; const functions = {};
  for (let line of fs.readFileSync(file, 'utf8').split('\n')) {
    line = line.trim();
    let m = /^#define (NP_\w+) (?:(-?\d+)|\(1u << (\d+)\))$/.exec(line);
    if (m) {
      defines[m[1]] = m[2] !== undefined ? Number(m[2]) : 2 ** Number(m[3]);
      continue;
    }
    if (!line || line.startsWith('#')) continue;
    m = /^typedef struct (\w+) \{(.*)\} \1;$/.exec(line);
    if (m) {
      structs[m[1]] = m[2].split(';').filter((d) => d.trim()).map(splitDecl);
      continue;
    }
    m = /^(.*?)\b(np_\w+)\((.*)\);$/.exec(line);
    if (!m) throw new Error(`newsparse: bad line in ${file}: ${line}`);
    const params = m[3] === 'void' ? [] : m[3].split(',').map(splitDecl);
    functions[m[2]] = [m[1].trim(), params];
  }
  return { defines, structs, functions };
}

const TABLE = readTable(tablePath());

/** NP_X constants of the headers, as X (NP_PARSE_NO_CLEAN: PARSE_NO_CLEAN). */
const constants = {};
for (const [k, v] of Object.entries(TABLE.defines)) constants[k.slice(3)] = v;

// A string returned with its length (an out parameter `len` or a function
// NAME_len) is read with that length, not up to a NUL.
function returnsBytes(name, ret, params) {
  return ret === 'const char *' &&
    (params.some(([t, n]) => t === 'size_t *' && n === 'len') ||
     (name + '_len') in TABLE.functions);
}

// The koffi type of a C type of the table. Handles are plain pointers
// (BigInt); out parameters are one-element arrays.
function koffiType(t, next) {
  const bare = t.replace(/^const /, '').replace(/ ?\*+$/, '');
  if (bare in TABLE.structs) return t.startsWith('const ') ? `const ${bare} *` : `_Out_ ${bare} *`;
  switch (t) {
    case 'void': case 'int': case 'unsigned int': case 'uint32_t': case 'size_t':
    case 'double':
      return t;
    case 'const char *':   // text, or bytes when a length follows
      return next && next[0] === 'size_t' ? 'const void *' : 'const char *';
    case 'char *': case 'void *':
      return 'void *';
    case 'size_t *':
      return '_Out_ size_t *';
    case 'const char **':
      return '_Out_ const char **';
    case 'char **':        // an owned string handed over (np_free)
      return '_Out_ void **';
    default:
      if (/^(const )?np_\w+ \*$/.test(t)) return 'void *';
      if (/^np_\w+ \*\*$/.test(t)) return '_Out_ void **';
      throw new Error(`newsparse: no koffi type for ${t}`);
  }
}

// ---------------------------------------------------------------- loading

let koffi = null;
let lib = null;
let structTypes = null;

function candidates(explicit) {
  if (explicit) return [explicit];
  if (process.env.NEWSPARSE_LIBRARY) return [process.env.NEWSPARSE_LIBRARY];
  const out = [];
  let libdir = null;
  try {
    libdir = require('./_config.js').libdir;
  } catch (e) {
    libdir = null;
  }
  if (libdir) {
    for (const name of ['libnewsparse.so.0', 'libnewsparse.dylib', 'newsparse.dll']) {
      const full = path.join(libdir, name);
      if (fs.existsSync(full)) out.push(full);
    }
  }
  out.push(process.platform === 'darwin' ? 'libnewsparse.dylib'
    : process.platform === 'win32' ? 'newsparse.dll' : 'libnewsparse.so.0');
  return out;
}

/**
 * Loads the C library (once) and returns its functions, by name.
 * file: an explicit path; without it $NEWSPARSE_LIBRARY, the install
 * prefix's library directory, then the system's search path.
 */
function load(file) {
  if (lib) {
    if (file && path.resolve(file) !== lib.file) {
      throw new Error(`newsparse: ${lib.file} is already loaded`);
    }
    return lib;
  }
  if (!koffi) koffi = require('koffi');
  const tried = [];
  for (const cand of candidates(file)) {
    let handle;
    try {
      handle = koffi.load(cand);
    } catch (e) {
      tried.push(`${cand} (${e.message})`);
      continue;
    }
    if (!structTypes) {
      structTypes = {};
      for (const [name, fields] of Object.entries(TABLE.structs)) {
        const members = {};
        for (const [t, f] of fields) members[f] = t;
        structTypes[name] = koffi.struct(name, members);
      }
    }
    const fns = { file: cand.includes(path.sep) ? path.resolve(cand) : cand };
    for (const [name, [ret, params]] of Object.entries(TABLE.functions)) {
      const r = returnsBytes(name, ret, params) ? 'const void *' : koffiType(ret);
      const args = params.map(([t, n], i) => `${koffiType(t, params[i + 1])} ${n}`);
      fns[name] = handle.func(`${r} ${name}(${args.join(', ') || 'void'})`);
    }
    lib = fns;
    return lib;
  }
  throw new Error(`newsparse: the C library was not found; tried: ${tried.join(', ')}. ` +
    'Set NEWSPARSE_LIBRARY to its path.');
}

/** The C library's version, "MAJOR.MINOR.PATCH". */
function libraryVersion() {
  return load().np_version();
}

// ------------------------------------------------------------- helpers

/** A failed call: code (an NP_* number), codeName ("NP_EINVAL"), message. */
class NewsparseError extends Error {
  constructor(code, message) {
    const l = lib;
    const codeName = l ? l.np_strerror_name(code) : 'NP_UNKNOWN';
    const msg = message || (l ? l.np_strerror(code) : `error ${code}`);
    super(`${codeName}: ${msg}`);
    this.name = 'NewsparseError';
    this.code = code;
    this.codeName = codeName;
    this.detail = msg;
  }
}

function bytesIn(data) {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  throw new TypeError(`newsparse: input must be a Buffer, Uint8Array or string, not ${typeof data}`);
}

function text(ptr, n) {
  return ptr && n ? koffi.decode(ptr, 'char', n) : '';
}

/** Copies an owned string of the library and frees it (np_free). */
function takeOwned(ptr, n) {
  try {
    return text(ptr, n);
  } finally {
    if (ptr) lib.np_free(ptr);
  }
}

/** UTF-8 byte offsets of a string to its UTF-16 offsets (JS indexes). */
class Offsets {
  constructor(str) {
    this.str = str;
    this.bytes = null; // the byte offset of each UTF-16 index, and the end
  }

  utf16(b) {
    if (!this.bytes) {
      const s = this.str;
      const at = new Float64Array(s.length + 1);
      let pos = 0;
      for (let i = 0; i < s.length; i++) {
        at[i] = pos;
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d < 0xe000) { // a pair: 4 bytes, 2 units
            at[++i] = pos;
            pos += 4;
            continue;
          }
        }
        pos += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      }
      at[s.length] = pos;
      this.bytes = at;
    }
    // the first index whose byte offset is >= b
    let lo = 0; let hi = this.bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.bytes[mid] < b) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
}

function makeFix(l, f, off) {
  const start = l.np_fix_start(f); const end = l.np_fix_end(f);
  return Object.freeze({
    rule: l.np_fix_rule(f),
    before: text(l.np_fix_before(f), l.np_fix_before_len(f)),
    after: text(l.np_fix_after(f), l.np_fix_after_len(f)),
    start,
    end,
    inputStart: l.np_fix_input_start(f),
    inputEnd: l.np_fix_input_end(f),
    startUtf16: off.utf16(start),
    endUtf16: off.utf16(end),
  });
}

function optionsStruct(o = {}) {
  const l = load();
  const s = {};
  const rc = l.np_parse_options_init(s, constants.PARSE_OPTIONS_VERSION);
  if (rc !== constants.OK) throw new NewsparseError(rc, 'np_parse_options_init failed');
  const known = new Map(TABLE.structs.np_parse_options.map(([, f]) => [camel(f), f]));
  for (const [k, v] of Object.entries(o)) {
    const field = known.get(k);
    if (!field || field === 'version') throw new TypeError(`newsparse: unknown option ${k}`);
    s[field] = v == null ? (typeof s[field] === 'number' ? 0 : null) : v;
  }
  return s;
}

function camel(name) {
  return name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
}

// Handles freed when their object is collected, unless closed before.
const docRegistry = new FinalizationRegistry((h) => lib.np_document_free(h));
const parserRegistry = new FinalizationRegistry((h) => lib.np_parser_free(h));

// ------------------------------------------------------------ the objects

const FIELDS = ['title', 'description', 'published', 'modified', 'siteName',
  'language', 'url', 'image'];

/**
 * A parsed document (immutable). Made by Parser#parseHtml()/parseText() or
 * the module's functions. Every property is read on first use and kept;
 * the C document is freed by close() or when the object is collected.
 */
class Document {
  constructor(handle) {
    this._lib = load();
    this._h = handle;
    this._cache = new Map();
    docRegistry.register(this, handle, this);
  }

  close() {
    if (this._h) {
      docRegistry.unregister(this);
      this._lib.np_document_free(this._h);
      this._h = null;
    }
  }

  [Symbol.dispose]() { this.close(); }

  _handle() {
    if (!this._h) throw new Error('newsparse: the document is closed');
    return this._h;
  }

  _cached(key, make) {
    if (!this._cache.has(key)) this._cache.set(key, make(this._handle()));
    return this._cache.get(key);
  }

  _field(id) {
    return this._cached(`field${id}`, (h) => {
      const v = [null];
      return this._lib.np_document_field(h, id, v, null) === constants.OK ? v[0] : null;
    });
  }

  /** The bylines, an array of strings. */
  get authors() {
    const l = this._lib;
    return this._cached('authors', (h) => Object.freeze(Array.from(
      { length: l.np_document_author_count(h) }, (_, i) => l.np_document_author(h, i))));
  }

  /** Where each metadata field came from: { title: 'og:title', ... }. */
  get sources() {
    const l = this._lib;
    return { ...this._cached('sources', (h) => {
      const out = {};
      for (let id = 0; id < l.np_field_count(); id++) {
        const s = [null];
        if (l.np_document_field(h, id, null, s) === constants.OK) out[l.np_field_name(id)] = s[0];
      }
      return out;
    }) };
  }

  get isArticle() { return this._cached('isArticle', (h) => !!this._lib.np_document_is_article(h)); }

  get truncated() { return this._cached('truncated', (h) => !!this._lib.np_document_truncated(h)); }

  get wordCount() { return this._cached('wordCount', (h) => this._lib.np_document_word_count(h)); }

  /** The cleaned article text; the *Utf16 offsets index it. */
  get body() {
    return this._cached('body', (h) => {
      const n = [0];
      const p = this._lib.np_document_body(h, n);
      return text(p, n[0]);
    });
  }

  /** The body as the library holds it (UTF-8): byte offsets index it. */
  get bodyBytes() {
    return Buffer.from(this.body, 'utf8');
  }

  _offsets() {
    return this._cached('offsets', () => new Offsets(this.body));
  }

  /** The body's blocks (kind, text, offsets), as in the JSON: empty ones
   * are left out. */
  get blocks() {
    const l = this._lib; const off = this._offsets();
    return this._cached('blocks', (h) => {
      const out = [];
      for (let i = 0, n = l.np_document_block_count(h); i < n; i++) {
        const len = [0]; const start = [0];
        const p = l.np_document_block_text(h, i, len, start);
        if (!p || !len[0]) continue;
        const s = start[0]; const e = s + len[0];
        out.push(Object.freeze({
          kind: l.np_block_kind_name(l.np_document_block_kind(h, i)),
          text: text(p, len[0]),
          start: s,
          end: e,
          startUtf16: off.utf16(s),
          endUtf16: off.utf16(e),
        }));
      }
      return Object.freeze(out);
    });
  }

  get images() {
    const l = this._lib;
    return this._cached('images', (h) => Object.freeze(Array.from(
      { length: l.np_document_image_count(h) }, (_, i) => Object.freeze({
        src: l.np_document_image_src(h, i),
        caption: l.np_document_image_caption(h, i),
        credit: l.np_document_image_credit(h, i),
      }))));
  }

  get entities() {
    const l = this._lib; const off = this._offsets();
    return this._cached('entities', (h) => {
      const out = [];
      for (let i = 0, n = l.np_document_entity_count(h); i < n; i++) {
        const e = l.np_document_entity(h, i);
        const mentions = [];
        for (let j = 0, m = l.np_entity_mention_count(e); j < m; j++) {
          const s = [0]; const t = [0];
          if (l.np_entity_mention(e, j, s, t) === constants.OK) {
            mentions.push(Object.freeze({
              start: s[0], end: t[0], startUtf16: off.utf16(s[0]), endUtf16: off.utf16(t[0]),
            }));
          }
        }
        out.push(Object.freeze({
          name: l.np_entity_name(e),
          type: l.np_entity_type_name(l.np_entity_type(e)),
          role: l.np_entity_role(e),
          count: mentions.length,
          mentions: Object.freeze(mentions),
        }));
      }
      return Object.freeze(out);
    });
  }

  get quotes() {
    const l = this._lib; const off = this._offsets();
    return this._cached('quotes', (h) => {
      const out = [];
      for (let i = 0, n = l.np_document_quote_count(h); i < n; i++) {
        const q = l.np_document_quote(h, i);
        const idx = [0];
        const s = l.np_quote_start(q); const e = l.np_quote_end(q);
        out.push(Object.freeze({
          text: l.np_quote_text(q),
          speaker: l.np_quote_speaker(q),
          speakerEntity: l.np_quote_speaker_entity(q, idx) === constants.OK ? idx[0] : null,
          cue: l.np_quote_cue(q),
          kind: l.np_quote_kind(q) === constants.QUOTE_PARTIAL ? 'partial' : 'direct',
          start: s,
          end: e,
          startUtf16: off.utf16(s),
          endUtf16: off.utf16(e),
        }));
      }
      return Object.freeze(out);
    });
  }

  /** Every edit the cleanup made to the body. */
  get fixes() {
    const l = this._lib; const off = this._offsets();
    return this._cached('fixes', (h) => Object.freeze(Array.from(
      { length: l.np_document_fix_count(h) },
      (_, i) => makeFix(l, l.np_document_fix(h, i), off))));
  }

  /**
   * The command's JSON record of this document, as a string (no final
   * newline), byte for byte: { source, flags } (source: the "source"
   * field, left out when absent; flags: JSON_* bits).
   */
  toJSONString({ source = null, flags = 0 } = {}) {
    const out = [null]; const n = [0];
    const rc = this._lib.np_document_to_json(this._handle(), source, flags, out, n);
    const s = takeOwned(out[0], n[0]);
    if (rc !== constants.OK) throw new NewsparseError(rc);
    return s;
  }

  /** The command's JSON record as a plain object. */
  toObject(options) {
    return JSON.parse(this.toJSONString(options));
  }

  /** For JSON.stringify(doc): the record, without "source". */
  toJSON() {
    return this.toObject();
  }
}
for (const [i, name] of FIELDS.entries()) {
  Object.defineProperty(Document.prototype, name, {
    get() { return this._field(i); },
    enumerable: true,
  });
}

/**
 * A reusable parser with its options: new Parser({ flags, baseUrl, charset,
 * maxBytes, maxDepth, maxNodes, maxAttributes, maxBlocks, maxEntities,
 * maxQuotes, maxWork }) (0 or absent: the default). JavaScript runs one
 * call at a time per thread, and a worker thread has its own module and
 * parsers, so a parser is never used by two threads at once.
 */
class Parser {
  constructor(options = {}) {
    const l = this._lib = load();
    this._opts = optionsStruct(options);
    const h = [null];
    const rc = l.np_parser_new(h, this._opts);
    if (rc !== constants.OK) throw new NewsparseError(rc, 'cannot create a parser (bad flags or options)');
    this._h = h[0];
    parserRegistry.register(this, this._h, this);
  }

  /** Frees the C parser; documents it made stay valid. */
  close() {
    if (this._h) {
      parserRegistry.unregister(this);
      this._lib.np_parser_free(this._h);
      this._h = null;
    }
  }

  [Symbol.dispose]() { this.close(); }

  _parse(fn, data, url) {
    if (!this._h) throw new Error('newsparse: the parser is closed');
    const buf = bytesIn(data);
    const out = [null];
    const rc = fn(this._h, out, buf, buf.length, url == null ? null : String(url));
    if (rc !== constants.OK) throw new NewsparseError(rc, this._lib.np_parser_errmsg(this._h));
    return new Document(out[0]);
  }

  /** Parses an HTML page (a Buffer in any charset, or a string). */
  parseHtml(data, url) { return this._parse(this._lib.np_parse_html, data, url); }

  /** Parses a plain-text article (UTF-8 Buffer or string). */
  parseText(data, url) { return this._parse(this._lib.np_parse_text, data, url); }

  /** HTML or text, as the library guesses (the command's --input auto). */
  parse(data, url) {
    const buf = bytesIn(data);
    return this._lib.np_looks_like_html(buf, buf.length)
      ? this.parseHtml(buf, url) : this.parseText(buf, url);
  }
}

let defaultParser = null;

function withParser(options, f) {
  if (options && Object.keys(options).length) {
    const p = new Parser(options);
    try {
      return f(p);
    } finally {
      p.close();
    }
  }
  if (!defaultParser) defaultParser = new Parser();
  return f(defaultParser);
}

/** Parses an HTML page; options as new Parser(options). */
function parseHtml(data, url, options) { return withParser(options, (p) => p.parseHtml(data, url)); }

/** Parses a plain-text article; options as new Parser(options). */
function parseText(data, url, options) { return withParser(options, (p) => p.parseText(data, url)); }

/** HTML or text, as the library guesses; options as new Parser(options). */
function parse(data, url, options) { return withParser(options, (p) => p.parse(data, url)); }

/**
 * One call (np_parse_to_json): { code, json } where json is the command's
 * record for the input, the error record when code is not 0.
 * options: { input: 'auto'|'html'|'text', url, source, jsonFlags, and the
 * Parser options }.
 */
function parseToJSON(data, { input = 'auto', url = null, source = null, jsonFlags = 0, ...options } = {}) {
  const l = load();
  const buf = bytesIn(data);
  const kinds = { auto: constants.INPUT_AUTO, html: constants.INPUT_HTML, text: constants.INPUT_TEXT };
  const out = [null]; const n = [0];
  const rc = l.np_parse_to_json(buf, buf.length, kinds[input] ?? input, url, source,
    optionsStruct(options), jsonFlags, out, n);
  const json = takeOwned(out[0], n[0]);
  if (!json && rc !== constants.OK) throw new NewsparseError(rc);
  return { code: rc, json };
}

/**
 * Cleans text (a Buffer of any bytes, or a string): { text, fixes }, valid
 * NFC text and every edit. flags: CLEAN_NO_* bits turning rule families off.
 */
function clean(data, { flags = 0, maxBytes = 0 } = {}) {
  const l = load();
  const buf = bytesIn(data);
  const opts = { version: constants.CLEAN_OPTIONS_VERSION, flags, max_bytes: maxBytes };
  const res = [null];
  const err = Buffer.alloc(256);
  const rc = l.np_clean2(res, buf, buf.length, opts, err, err.length);
  if (rc !== constants.OK) {
    throw new NewsparseError(rc, err.toString('utf8', 0, Math.max(0, err.indexOf(0))));
  }
  try {
    const n = [0];
    const str = text(l.np_clean_result_text(res[0], n), n[0]);
    const off = new Offsets(str);
    const fixes = Array.from({ length: l.np_clean_result_fix_count(res[0]) },
      (_, i) => makeFix(l, l.np_clean_result_fix(res[0], i), off));
    return { text: str, fixes: Object.freeze(fixes) };
  } finally {
    l.np_clean_result_free(res[0]);
  }
}

module.exports = {
  ...constants,
  constants,
  NewsparseError,
  Error: NewsparseError,
  Parser,
  Document,
  load,
  libraryVersion,
  parseHtml,
  parseText,
  parse,
  parseToJSON,
  clean,
};
