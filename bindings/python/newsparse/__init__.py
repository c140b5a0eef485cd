"""Python binding of the newsparse library (ctypes, standard library only).

    import newsparse
    doc = newsparse.parse_html(open("page.html", "rb").read())
    print(doc.title, doc.authors)
    for q in doc.quotes:
        print(q.speaker, q.text, doc.body[q.start_char:q.end_char])

The library is found by the path given to load(), else $NEWSPARSE_LIBRARY,
else the library directory of the prefix this package was installed with,
else the system's search path (ctypes.util.find_library).
"""

import bisect
import ctypes
import ctypes.util
import json
import os
import re
import threading
from dataclasses import dataclass
from typing import Optional, Tuple

__all__ = [
    "Error", "Parser", "Document", "Block", "Image", "Entity", "Mention",
    "Quote", "Fix", "Cleaned", "load", "library_version", "parse_html",
    "parse_text", "parse", "parse_to_json", "clean",
    "PARSE_NO_CLEAN", "PARSE_NO_ENTITIES", "PARSE_NO_QUOTES",
    "PARSE_NO_METADATA", "PARSE_TRUNCATE", "PARSE_KEEP_ALL",
    "JSON_PRETTY", "JSON_NO_BLOCKS", "JSON_NO_IMAGES", "JSON_NO_SOURCES",
]

# ------------------------------------------------------ the C declarations
#
# Functions, structs and constants come from one table shared with the
# Node binding, ../newsparse.ffi (installed beside this file): C
# declarations copied from the headers, checked against them by the test
# `ffi`. Each NP_X constant is exported here as X (NP_PARSE_NO_CLEAN:
# PARSE_NO_CLEAN).

def _table_path():
    here = os.path.dirname(os.path.abspath(__file__))
    for cand in (os.path.join(here, "newsparse.ffi"),
                 os.path.join(here, "..", "..", "newsparse.ffi")):
        if os.path.exists(cand):
            return cand
    raise ImportError("newsparse: newsparse.ffi (the table of the C API) "
                      "is missing beside %s" % here)


def _read_table(path):
    """(defines, structs, functions) of the table: {name: int},
    {name: [(type, field)]}, {name: (ret, [(type, param)])}."""
    defines, structs, functions = {}, {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            m = re.match(r"#define (NP_\w+) (?:(-?\d+)|\(1u << (\d+)\))$", line)
            if m:
                defines[m.group(1)] = (int(m.group(2)) if m.group(2)
                                       else 1 << int(m.group(3)))
                continue
            if not line or line.startswith("#"):
                continue
            m = re.match(r"typedef struct (\w+) \{(.*)\} \1;$", line)
            if m:
                structs[m.group(1)] = [_split_decl(d) for d in
                                       m.group(2).split(";") if d.strip()]
                continue
            m = re.match(r"(.*?)\b(np_\w+)\((.*)\);$", line)
            if not m:
                raise ImportError("newsparse: bad line in %s: %s" % (path, line))
            params = [] if m.group(3) == "void" else [
                _split_decl(a) for a in m.group(3).split(",")]
            functions[m.group(2)] = (m.group(1).strip(), params)
    return defines, structs, functions


def _split_decl(decl):
    """"const char **value" -> ("const char **", "value")."""
    m = re.match(r"\s*(.*?[\s*])(\w+)\s*$", decl)
    return " ".join(m.group(1).replace("*", " * ").split()).replace("* *", "**"), m.group(2)


_DEFINES, _STRUCTS, _FUNCTIONS = _read_table(_table_path())
globals().update({k[3:]: v for k, v in _DEFINES.items()})
_INPUTS = {"auto": INPUT_AUTO, "html": INPUT_HTML, "text": INPUT_TEXT}

_SCALARS = {"void": None, "int": ctypes.c_int, "unsigned int": ctypes.c_uint,
            "uint32_t": ctypes.c_uint32, "size_t": ctypes.c_size_t,
            "double": ctypes.c_double, "const char *": ctypes.c_char_p,
            "char *": ctypes.c_char_p, "void *": ctypes.c_void_p,
            "size_t *": ctypes.POINTER(ctypes.c_size_t),
            "const char **": ctypes.POINTER(ctypes.c_char_p),
            # an owned string handed over (np_free): kept as a pointer
            "char **": ctypes.POINTER(ctypes.c_void_p)}


def _struct(name):
    return type(name, (ctypes.Structure,), {
        "_fields_": [(field, _ctype(t)) for t, field in _STRUCTS[name]],
        "__doc__": "%s (newsparse headers), field for field." % name})


def _ctype(t):
    if t in _SCALARS:
        return _SCALARS[t]
    base = t.replace("const ", "").rstrip("* ")
    if base in _STRUCT_TYPES and t.endswith("*"):
        return ctypes.POINTER(_STRUCT_TYPES[base])
    if re.match(r"(const )?np_\w+ \*$", t):      # an opaque handle
        return ctypes.c_void_p
    if re.match(r"np_\w+ \*\*$", t):            # a handle handed over
        return ctypes.POINTER(ctypes.c_void_p)
    raise ImportError("newsparse: no ctypes type for %r" % t)


def _returns_bytes(name, ret, params):
    """A string returned with its length (an out parameter `len` or a
    function NAME_len) is read as bytes of that length, not up to a NUL."""
    return ret == "const char *" and (("size_t *", "len") in params or
                                      name + "_len" in _FUNCTIONS)


_STRUCT_TYPES = {}
ParseOptions = _STRUCT_TYPES["np_parse_options"] = _struct("np_parse_options")
CleanOptions = _STRUCT_TYPES["np_clean_options"] = _struct("np_clean_options")


_LIMITS = ("max_bytes", "max_depth", "max_nodes", "max_attributes",
           "max_blocks", "max_entities", "max_quotes", "max_work")


class Error(Exception):
    """A failed call: code (an NP_* number), name ("NP_EINVAL"), message."""

    def __init__(self, code, message=None, name=None):
        lib = _lib_or_none()
        if name is None:
            name = lib.np_strerror_name(code).decode() if lib else "NP_UNKNOWN"
        if not message:
            message = lib.np_strerror(code).decode() if lib else "error %d" % code
        super().__init__("%s: %s" % (name, message))
        self.code = code
        self.name = name
        self.message = message


# ---------------------------------------------------------------- loading

_lib = None
_lib_lock = threading.Lock()

def _candidates(path):
    if path:
        yield path
        return
    env = os.environ.get("NEWSPARSE_LIBRARY")
    if env:
        yield env
        return
    try:
        from . import _config
        libdir = getattr(_config, "LIBDIR", None)
    except ImportError:
        libdir = None
    if libdir:
        for name in ("libnewsparse.so.0", "libnewsparse.dylib",
                     "newsparse.dll"):
            full = os.path.join(libdir, name)
            if os.path.exists(full):
                yield full
    found = ctypes.util.find_library("newsparse")
    if found:
        yield found


def load(path=None):
    """Loads the C library (once per process) and returns it.

    path: an explicit file name; without it $NEWSPARSE_LIBRARY, the install
    prefix's library directory, then the system's search path. A second
    call with a different path once a library is loaded is an error.
    """
    global _lib
    with _lib_lock:
        if _lib is not None:
            if path and os.path.realpath(path) != os.path.realpath(_lib._name):
                raise RuntimeError("newsparse: %s is already loaded" % _lib._name)
            return _lib
        tried = []
        for cand in _candidates(path):
            try:
                lib = ctypes.CDLL(cand)
            except OSError as e:
                tried.append("%s (%s)" % (cand, e))
                continue
            for name, (ret, params) in _FUNCTIONS.items():
                fn = getattr(lib, name)
                fn.restype = (ctypes.c_void_p if _returns_bytes(name, ret, params)
                              else _ctype(ret))
                fn.argtypes = [_ctype(t) for t, _ in params]
            _lib = lib
            return lib
        raise OSError("newsparse: the C library was not found; tried: %s. "
                      "Set NEWSPARSE_LIBRARY to its path."
                      % (", ".join(tried) or "nothing (no candidate)"))


def _lib_or_none():
    return _lib


def library_version():
    """The C library's version, "MAJOR.MINOR.PATCH"."""
    return load().np_version().decode()


def _str(b):
    return None if b is None else b.decode("utf-8", "replace")


def _bytes_in(data):
    if isinstance(data, str):
        return data.encode("utf-8", "surrogatepass")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError("newsparse: input must be bytes or str, not %s"
                    % type(data).__name__)


def _cstr(s):
    if s is None:
        return None
    if isinstance(s, bytes):
        return s
    return os.fsencode(s) if isinstance(s, os.PathLike) else str(s).encode("utf-8")


def _options(flags=0, base_url=None, charset=None, **limits):
    lib = load()
    o = ParseOptions()
    rc = lib.np_parse_options_init(ctypes.byref(o), PARSE_OPTIONS_VERSION)
    if rc != OK:
        raise Error(rc, "np_parse_options_init failed")
    o.flags = flags
    o.base_url = _cstr(base_url)
    o.charset = _cstr(charset)
    for k, v in limits.items():
        if k not in _LIMITS:
            raise TypeError("newsparse: unknown option %r" % k)
        setattr(o, k, v or 0)
    return o


def _take_owned(ptr, n):
    """Copies an owned string of the library and frees it (np_free)."""
    try:
        return ctypes.string_at(ptr.value, n.value) if ptr.value else b""
    finally:
        load().np_free(ptr)


# ------------------------------------------------------------ the objects

@dataclass(frozen=True)
class Block:
    """A body block. start/end are UTF-8 byte offsets in the body,
    start_char/end_char the same in code points (Python str indexes)."""
    kind: str
    text: str
    start: int
    end: int
    start_char: int
    end_char: int


@dataclass(frozen=True)
class Image:
    src: Optional[str]
    caption: Optional[str]
    credit: Optional[str]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    start_char: int
    end_char: int


@dataclass(frozen=True)
class Entity:
    name: str
    type: str
    role: Optional[str]
    mentions: Tuple[Mention, ...]

    @property
    def count(self):
        return len(self.mentions)


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: Optional[str]
    speaker_entity: Optional[int]
    cue: Optional[str]
    kind: str
    start: int
    end: int
    start_char: int
    end_char: int


@dataclass(frozen=True)
class Fix:
    """A cleanup edit: before/after texts, their offsets in the output
    (start/end, bytes; start_char/end_char, code points) and in the input
    of the cleanup (input_start/input_end, bytes)."""
    rule: str
    before: str
    after: str
    start: int
    end: int
    input_start: int
    input_end: int
    start_char: int
    end_char: int


class _Offsets:
    """Byte offsets of a UTF-8 text to code-point offsets."""

    def __init__(self, text):
        self._starts = None
        self._text = text

    def __call__(self, b):
        if self._starts is None:
            starts, pos = [], 0
            for ch in self._text:
                starts.append(pos)
                o = ord(ch)
                pos += 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4
            starts.append(pos)
            self._starts = starts
        return bisect.bisect_left(self._starts, b)


def _fix(lib, f, to_char):
    before = ctypes.string_at(lib.np_fix_before(f), lib.np_fix_before_len(f))
    after = ctypes.string_at(lib.np_fix_after(f), lib.np_fix_after_len(f))
    start, end = lib.np_fix_start(f), lib.np_fix_end(f)
    return Fix(_str(lib.np_fix_rule(f)), before.decode("utf-8", "replace"),
               after.decode("utf-8", "replace"), start, end,
               lib.np_fix_input_start(f), lib.np_fix_input_end(f),
               to_char(start), to_char(end))


class Document:
    """A parsed document (immutable; may be read from any thread).

    Made by Parser.parse_html()/parse_text() or the module's functions.
    Every field is read on first use and kept; the C document is freed by
    close(), at the end of a with block, or when the object is collected.
    """

    def __init__(self, handle):
        self._lib = load()
        self._h = ctypes.c_void_p(handle)
        self._cache = {}
        self._lock = threading.RLock()

    def close(self):
        with self._lock:
            if self._h is not None and self._h.value:
                self._lib.np_document_free(self._h)
            self._h = None

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _handle(self):
        if self._h is None:
            raise ValueError("newsparse: the document is closed")
        return self._h

    def _cached(self, key, make):
        try:
            return self._cache[key]
        except KeyError:
            with self._lock:
                v = make(self._handle())
            self._cache[key] = v
            return v

    def _field(self, fid):
        def make(h):
            val = ctypes.c_char_p()
            rc = self._lib.np_document_field(h, fid, ctypes.byref(val), None)
            return _str(val.value) if rc == OK else None
        return self._cached(("field", fid), make)

    title = property(lambda self: self._field(0), doc="The headline, or None.")
    description = property(lambda self: self._field(1), doc="The standfirst, or None.")
    published = property(lambda self: self._field(2), doc="ISO 8601, or None.")
    modified = property(lambda self: self._field(3), doc="ISO 8601, or None.")
    site_name = property(lambda self: self._field(4), doc="The publication, or None.")
    language = property(lambda self: self._field(5), doc="BCP 47 tag, or None.")
    url = property(lambda self: self._field(6), doc="Canonical address, or None.")
    image = property(lambda self: self._field(7), doc="Lead image, or None.")

    @property
    def authors(self):
        """The bylines, a tuple of str."""
        lib = self._lib
        return self._cached("authors", lambda h: tuple(
            _str(lib.np_document_author(h, i))
            for i in range(lib.np_document_author_count(h))))

    @property
    def sources(self):
        """Where each metadata field came from: {"title": "og:title", ...}."""
        lib = self._lib

        def make(h):
            out = {}
            for fid in range(lib.np_field_count()):
                src = ctypes.c_char_p()
                if lib.np_document_field(h, fid, None, ctypes.byref(src)) == OK:
                    out[_str(lib.np_field_name(fid))] = _str(src.value)
            return out
        return dict(self._cached("sources", make))

    @property
    def is_article(self):
        return bool(self._cached("is_article", self._lib.np_document_is_article))

    @property
    def truncated(self):
        return bool(self._cached("truncated", self._lib.np_document_truncated))

    @property
    def word_count(self):
        return self._cached("word_count", self._lib.np_document_word_count)

    @property
    def body_bytes(self):
        """The body as the library holds it (UTF-8): byte offsets index it."""
        def make(h):
            n = ctypes.c_size_t()
            p = self._lib.np_document_body(h, ctypes.byref(n))
            return ctypes.string_at(p, n.value) if n.value else b""
        return self._cached("body_bytes", make)

    @property
    def body(self):
        """The cleaned article text; *_char offsets index it."""
        return self._cached("body", lambda h: self.body_bytes.decode("utf-8"))

    def _to_char(self):
        return self._cached("offsets", lambda h: _Offsets(self.body))

    @property
    def blocks(self):
        """The body's blocks (kind, text, offsets), as in the JSON: empty
        blocks are left out."""
        lib = self._lib
        to_char = self._to_char()

        def make(h):
            out = []
            for i in range(lib.np_document_block_count(h)):
                n, start = ctypes.c_size_t(), ctypes.c_size_t()
                p = lib.np_document_block_text(h, i, ctypes.byref(n),
                                               ctypes.byref(start))
                if not p or not n.value:
                    continue
                text = ctypes.string_at(p, n.value)
                s, e = start.value, start.value + n.value
                out.append(Block(_str(lib.np_block_kind_name(
                    lib.np_document_block_kind(h, i))),
                    text.decode("utf-8"), s, e, to_char(s), to_char(e)))
            return tuple(out)
        return self._cached("blocks", make)

    @property
    def images(self):
        lib = self._lib
        return self._cached("images", lambda h: tuple(
            Image(_str(lib.np_document_image_src(h, i)),
                  _str(lib.np_document_image_caption(h, i)),
                  _str(lib.np_document_image_credit(h, i)))
            for i in range(lib.np_document_image_count(h))))

    @property
    def entities(self):
        lib = self._lib
        to_char = self._to_char()

        def make(h):
            out = []
            for i in range(lib.np_document_entity_count(h)):
                e = lib.np_document_entity(h, i)
                ms = []
                for j in range(lib.np_entity_mention_count(e)):
                    s, t = ctypes.c_size_t(), ctypes.c_size_t()
                    if lib.np_entity_mention(e, j, ctypes.byref(s),
                                             ctypes.byref(t)) == OK:
                        ms.append(Mention(s.value, t.value, to_char(s.value),
                                          to_char(t.value)))
                out.append(Entity(_str(lib.np_entity_name(e)),
                                  _str(lib.np_entity_type_name(lib.np_entity_type(e))),
                                  _str(lib.np_entity_role(e)), tuple(ms)))
            return tuple(out)
        return self._cached("entities", make)

    @property
    def quotes(self):
        lib = self._lib
        to_char = self._to_char()

        def make(h):
            out = []
            for i in range(lib.np_document_quote_count(h)):
                q = lib.np_document_quote(h, i)
                idx = ctypes.c_size_t()
                se = (idx.value if lib.np_quote_speaker_entity(
                    q, ctypes.byref(idx)) == OK else None)
                s, e = lib.np_quote_start(q), lib.np_quote_end(q)
                out.append(Quote(_str(lib.np_quote_text(q)),
                                 _str(lib.np_quote_speaker(q)), se,
                                 _str(lib.np_quote_cue(q)),
                                 "partial" if lib.np_quote_kind(q) == QUOTE_PARTIAL else "direct",
                                 s, e, to_char(s), to_char(e)))
            return tuple(out)
        return self._cached("quotes", make)

    @property
    def fixes(self):
        lib = self._lib
        to_char = self._to_char()
        return self._cached("fixes", lambda h: tuple(
            _fix(lib, lib.np_document_fix(h, i), to_char)
            for i in range(lib.np_document_fix_count(h))))

    def to_json(self, source=None, flags=0):
        """The command's JSON record of this document, as str (no final
        newline); source is the "source" field (left out when None)."""
        out, n = ctypes.c_void_p(), ctypes.c_size_t()
        with self._lock:
            rc = self._lib.np_document_to_json(self._handle(), _cstr(source),
                                               flags, ctypes.byref(out),
                                               ctypes.byref(n))
        text = _take_owned(out, n)
        if rc != OK:
            raise Error(rc)
        return text.decode("utf-8")

    def to_dict(self, source=None, flags=0):
        """The command's JSON record as a dict (np_document_to_json)."""
        return json.loads(self.to_json(source, flags))

    def __repr__(self):
        return "<newsparse.Document %r>" % (self.title,)


class Parser:
    """A reusable parser with its options.

    Parser(flags=0, base_url=None, charset=None, max_bytes=0, ...) takes the
    PARSE_* flags and the limits of np_parse_options (0: the default).
    One C parser serves one call at a time: calls from several threads on
    the same Parser wait for each other (a lock), so sharing one is safe;
    for parallel parsing give each thread its own (as parse_html() does).
    """

    def __init__(self, flags=0, base_url=None, charset=None, **limits):
        lib = self._lib = load()
        self._opts = _options(flags, base_url, charset, **limits)
        h = ctypes.c_void_p()
        rc = lib.np_parser_new(ctypes.byref(h), ctypes.byref(self._opts))
        if rc != OK:
            raise Error(rc, "cannot create a parser (bad flags or options)")
        self._h = h
        self._lock = threading.Lock()

    def close(self):
        """Frees the C parser; documents it made stay valid."""
        with self._lock:
            if self._h is not None:
                self._lib.np_parser_free(self._h)
                self._h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def _parse(self, fn, data, url):
        buf = _bytes_in(data)
        doc = ctypes.c_void_p()
        with self._lock:
            if self._h is None:
                raise ValueError("newsparse: the parser is closed")
            rc = fn(self._h, ctypes.byref(doc), buf, len(buf), _cstr(url))
            if rc != OK:
                raise Error(rc, _str(self._lib.np_parser_errmsg(self._h)))
        return Document(doc.value)

    def parse_html(self, data, url=None):
        """Parses an HTML page (bytes in any charset, or str)."""
        return self._parse(self._lib.np_parse_html, data, url)

    def parse_text(self, data, url=None):
        """Parses a plain-text article (UTF-8 bytes or str)."""
        return self._parse(self._lib.np_parse_text, data, url)

    def parse(self, data, url=None):
        """HTML or text, as the library guesses (the command's --input auto)."""
        buf = _bytes_in(data)
        if self._lib.np_looks_like_html(buf, len(buf)):
            return self.parse_html(buf, url)
        return self.parse_text(buf, url)


_local = threading.local()


def _default_parser():
    p = getattr(_local, "parser", None)
    if p is None:
        p = _local.parser = Parser()
    return p


def parse_html(data, url=None, **options):
    """Parses an HTML page. Without options, with this thread's own default
    parser; with options (flags=..., max_bytes=...), with a new one."""
    if options:
        with Parser(**options) as p:
            return p.parse_html(data, url)
    return _default_parser().parse_html(data, url)


def parse_text(data, url=None, **options):
    """Parses a plain-text article; options as parse_html()."""
    if options:
        with Parser(**options) as p:
            return p.parse_text(data, url)
    return _default_parser().parse_text(data, url)


def parse(data, url=None, **options):
    """HTML or text, as the library guesses; options as parse_html()."""
    if options:
        with Parser(**options) as p:
            return p.parse(data, url)
    return _default_parser().parse(data, url)


def parse_to_json(data, input="auto", url=None, source=None, json_flags=0,
                  **options):
    """One call (np_parse_to_json): (code, text) where text is the
    command's record for the input, the error record when code is not 0."""
    lib = load()
    buf = _bytes_in(data)
    opts = _options(**options)
    out, n = ctypes.c_void_p(), ctypes.c_size_t()
    rc = lib.np_parse_to_json(buf, len(buf), _INPUTS.get(input, input),
                              _cstr(url), _cstr(source), ctypes.byref(opts),
                              json_flags, ctypes.byref(out), ctypes.byref(n))
    text = _take_owned(out, n)
    if not text and rc != OK:
        raise Error(rc)
    return rc, text.decode("utf-8")


class Cleaned:
    """The result of clean(): text (str) and fixes (offsets in text)."""

    def __init__(self, text, fixes):
        self.text = text
        self.fixes = fixes

    def __str__(self):
        return self.text

    def __repr__(self):
        return "<newsparse.Cleaned %d fixes>" % len(self.fixes)


def clean(data, flags=0, max_bytes=0):
    """Cleans text (any bytes, or str): valid NFC text out and every edit.
    flags: CLEAN_NO_* bits turning rule families off."""
    lib = load()
    buf = _bytes_in(data)
    opts = CleanOptions(CLEAN_OPTIONS_VERSION, flags, max_bytes)
    res = ctypes.c_void_p()
    err = ctypes.create_string_buffer(256)
    rc = lib.np_clean2(ctypes.byref(res), buf, len(buf), ctypes.byref(opts),
                       err, len(err))
    if rc != OK:
        raise Error(rc, _str(err.value))
    try:
        n = ctypes.c_size_t()
        p = lib.np_clean_result_text(res, ctypes.byref(n))
        text = (ctypes.string_at(p, n.value) if n.value else b"").decode("utf-8")
        to_char = _Offsets(text)
        fixes = tuple(_fix(lib, lib.np_clean_result_fix(res, i), to_char)
                      for i in range(lib.np_clean_result_fix_count(res)))
    finally:
        lib.np_clean_result_free(res)
    return Cleaned(text, fixes)
