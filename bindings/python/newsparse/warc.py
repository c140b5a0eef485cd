"""WARC input for the Python binding (standard library only): the pages of
a WARC or WARC.gz file, parsed as `newsparse parse FILE` parses them.

    import newsparse.warc
    for line in newsparse.warc.parse_file("crawl.warc.gz"):
        print(line)                    # the command's JSON Lines, one per page

records() gives the pages themselves (the HTTP body decoded, the record's
URL, date, ID and HTTP charset) for other uses. Only `response` records
whose payload is HTML are pages; other record types are skipped; a record
that cannot be read gives an error record (as the command's, though its
message may be worded differently) and reading goes on at the next record.

One gzip member is held in memory at a time: one record in a WARC.gz made
per record (as Common Crawl's are), the whole file in one gzipped whole.
"""

import io
import json
import re
import zlib

from . import Error, Parser

__all__ = ["Record", "records", "parse_file", "is_warc"]

NP_EINVAL = "NP_EINVAL"
NP_EPARSE = "NP_EPARSE"
NP_ELIMIT = "NP_ELIMIT"

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
_HTTP_SLACK = 1024 * 1024
_MAX_HEADER = 64 * 1024
# the messages of a record the end of its bytes cut
_CUT = ("the record ends before", "a WARC header cut short")


class Record:
    """A page (ok: payload set) or a bad record (ok False: code, message)."""

    __slots__ = ("target_uri", "date", "record_id", "payload", "charset",
                 "code", "message")

    def __init__(self):
        self.target_uri = self.date = self.record_id = None
        self.payload = self.charset = self.code = self.message = None

    @property
    def ok(self):
        return self.payload is not None

    def warc_member(self):
        """The "warc" member of the command's JSON."""
        return {"target_uri": _header_text(self.target_uri),
                "date": _header_text(self.date),
                "record_id": _header_text(self.record_id)}


def _header_text(b):
    """A header value for JSON: UTF-8 as it is, else bytes over 0x7F as %XX
    (as the command writes them)."""
    if b is None:
        return None
    b = b.split(b"\0", 1)[0]
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(chr(c) if c < 0x80 else "%%%02X" % c for c in b)


def _json_string(s):
    """A JSON string as jansson (and so the library) writes it."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif o < 0x20:
            out.append({8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r"}.get(
                o, "\\u%04X" % o))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _member_json(warc, pretty=False):
    if not pretty:
        return '"warc":{' + ",".join(
            '"%s":%s' % (k, "null" if v is None else _json_string(v))
            for k, v in warc.items()) + "}"
    return '\n  "warc": {\n' + ",\n".join(
        '    "%s": %s' % (k, "null" if v is None else _json_string(v))
        for k, v in warc.items()) + "\n  }"


def add_warc_member(text, warc):
    """The library's JSON record (compact) with the "warc" member last."""
    cut = text.rindex("}")
    return text[:cut] + "," + _member_json(warc) + "}"


def error_record(source, code, message, warc=None):
    """The command's error record, compact."""
    rec = {"schema": 1, "source": source, "error": {"code": code, "message": message}}
    if warc is not None:
        rec["warc"] = warc
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------- bytes


class _Stream:
    """Bytes with lines, reads and bytes given back (after a bad record)."""

    def __init__(self, f):
        self.f = f
        self.back = b""

    def readline(self, limit):
        if self.back:
            i = self.back.find(b"\n", 0, limit)
            if i >= 0:
                line, self.back = self.back[:i + 1], self.back[i + 1:]
                return line
            line, self.back = self.back[:limit], self.back[limit:]
            if len(line) < limit:
                line += self.f.readline(limit - len(line))
            return line
        return self.f.readline(limit)

    def read(self, n):
        if self.back:
            part, self.back = self.back[:n], self.back[n:]
            if len(part) < n:
                part += self.f.read(n - len(part))
            return part
        return self.f.read(n)

    def skip(self, n):
        got = 0
        while got < n:
            k = len(self.read(min(n - got, 1 << 16)))
            got += k
            if not k:
                break
        return got

    def give_back(self, b):
        self.back = b + self.back


def _members(data):
    """(member bytes, error) for each gzip member of data: error is None, or
    what is wrong with a corrupt or truncated member, whose bytes are then
    those inflated before the fault; after one, the next gzip header after
    the bad member's start is looked for."""
    view = memoryview(data)
    pos = 0
    n = len(data)
    while pos < n:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = []
        p = pos
        try:
            while not d.eof and p < n:
                chunk = view[p:p + 65536]
                saved = d.copy()
                try:
                    out.append(d.decompress(chunk))
                except zlib.error:
                    # again byte by byte, to keep all that comes before the
                    # fault (as zlib's inflate() gives it to the command)
                    d = saved
                    for k in range(len(chunk)):
                        out.append(d.decompress(chunk[k:k + 1]))
                    raise
                p += len(chunk)
            if not d.eof:
                raise zlib.error("the file ends inside it")
        except zlib.error as e:
            nxt = data.find(b"\x1f\x8b\x08", pos + 1)
            yield b"".join(out), "corrupt or truncated gzip member at offset %d: %s" % (pos, e)
            if nxt < 0:
                return
            pos = nxt
            continue
        yield b"".join(out), None
        pos = p - len(d.unused_data)


# ---------------------------------------------------------------- records


def _header_value(line, name):
    k = line.find(b":")
    if k < 0 or line[:k].lower() != name:
        return None
    return line[k + 1:].strip(b" \t\r\n")


def _media_type(v):
    """(type, charset) of a Content-Type value."""
    parts = v.split(b";")
    mime = re.sub(rb"\s", b"", parts[0]).lower().decode("latin-1")
    charset = None
    for p in parts[1:]:
        name, eq, val = p.lstrip(b" \t").partition(b"=")
        if eq and name.lower() == b"charset" and charset is None:
            if val.startswith(b'"'):
                val = val[1:]
            val = re.split(rb'[;" \t]', val)[0]
            if 0 < len(val) < 64:
                charset = val.decode("latin-1")
    return mime, charset


def _unchunk(b):
    out = []
    i = 0
    while True:
        m = re.match(rb"[0-9A-Fa-f]+", b[i:i + 32])
        if not m:
            raise ValueError
        size = int(m.group(0), 16)
        nl = b.find(b"\n", i)
        if nl < 0:
            raise ValueError
        i = nl + 1
        if size == 0:
            return b"".join(out)
        if size > len(b) - i:
            raise ValueError
        out.append(b[i:i + size])
        i += size
        if b[i:i + 1] == b"\r":
            i += 1
        if b[i:i + 1] == b"\n":
            i += 1


def _inflate(b, max_bytes):
    for wbits in (32 + zlib.MAX_WBITS, -zlib.MAX_WBITS):
        d = zlib.decompressobj(wbits)
        try:
            out = d.decompress(b, max_bytes + 1)
        except zlib.error:
            continue
        if d.eof or len(out) > max_bytes:
            return out
    raise ValueError


def _payload(rec, ctype, block, max_bytes, looks_like_html):
    """Fills rec from a response record's block."""
    mime = ""
    chunked = encoded = False
    if ctype and ctype[:16].lower() == b"application/http":
        if not block.startswith(b"HTTP/"):
            rec.code, rec.message = NP_EPARSE, "response record without an HTTP status line"
            return
        m = re.search(rb"\n\r?\n", block[:_MAX_HEADER + 2])
        if not m:
            rec.code, rec.message = NP_EPARSE, "response record without the end of its HTTP headers"
            return
        head, body = block[:m.start() + 1], block[m.end():]
        for line in head.split(b"\n")[1:]:
            v = _header_value(line, b"content-type")
            if v is not None and not mime:
                mime, rec.charset = _media_type(v)
                continue
            v = _header_value(line, b"transfer-encoding")
            if v is not None:
                chunked = v.lower().endswith(b"chunked")
                continue
            v = _header_value(line, b"content-encoding")
            if v is not None:
                if v.lower() in (b"gzip", b"x-gzip", b"deflate"):
                    encoded = True
                elif v.lower() != b"identity":
                    rec.code = NP_EINVAL
                    rec.message = "unsupported Content-Encoding: %s" % v[:40].decode("latin-1")
                    return
    else:
        if ctype:
            mime, rec.charset = _media_type(ctype)
        body = block
    try:
        if chunked:
            body = _unchunk(body)
    except ValueError:
        rec.code, rec.message = NP_EPARSE, "malformed chunked transfer encoding"
        return
    if encoded:
        try:
            body = _inflate(body, max_bytes)
        except ValueError:
            rec.code = NP_EPARSE
            rec.message = "the compressed payload (Content-Encoding) is corrupt"
            return
    if mime:
        html = mime in ("text/html", "application/xhtml+xml")
    else:
        html = looks_like_html(body)
    if not html:
        rec.code = NP_EINVAL
        rec.message = "the payload is %s, not HTML" % (
            mime or "not HTML either by its type or its content")
        rec.charset = None
        return
    rec.payload = body


def _resync(s, seen):
    i = seen.find(b"\nWARC/") if seen else -1
    if i >= 0:
        s.give_back(seen[i + 1:])
        return
    while True:
        line = s.readline(1 << 16)
        if not line:
            return
        if line.startswith(b"WARC/"):
            s.give_back(line)
            return


def _records_of(s, max_bytes, truncate, looks_like_html):
    """The pages and bad records of one plain stream (a file or a member)."""
    while True:
        line = s.readline(_MAX_HEADER)
        while line in (b"\r\n", b"\n", b"\r"):
            line = s.readline(_MAX_HEADER)
        if not line:
            return
        rec = Record()
        hdr = line
        if not line.startswith(b"WARC/") or not line.endswith(b"\n"):
            shown = "".join(chr(c) if 32 <= c < 127 else "?" for c in line[:24])
            rec.code, rec.message = NP_EPARSE, "not a WARC record: it starts with '%s'" % shown
            _resync(s, line)
            yield rec
            continue
        wtype = ctype = None
        clen = None
        bad = None
        while True:
            line = s.readline(_MAX_HEADER - len(hdr) + 1)
            if not line or not line.endswith(b"\n"):
                bad = ("a WARC header longer than %d bytes" % _MAX_HEADER
                       if len(hdr) + len(line) >= _MAX_HEADER else "a WARC header cut short")
                hdr += line
                break
            hdr += line
            if line in (b"\r\n", b"\n"):
                break
            for name, attr in ((b"warc-target-uri", "target_uri"), (b"warc-date", "date"),
                               (b"warc-record-id", "record_id")):
                v = _header_value(line, name)
                if v is not None and getattr(rec, attr) is None:
                    if attr == "target_uri" and len(v) >= 2 and v[:1] == b"<" and v[-1:] == b">":
                        v = v[1:-1]
                    setattr(rec, attr, v)
            v = _header_value(line, b"warc-type")
            if v is not None:
                wtype = v
            v = _header_value(line, b"content-type")
            if v is not None:
                ctype = v
            v = _header_value(line, b"content-length")
            if v is not None:
                if not re.fullmatch(rb"[0-9]{1,31}", v):
                    bad = "a bad Content-Length: '%s'" % v[:24].decode("latin-1")
                    break
                clen = int(v)
        if bad is None and clen is None:
            bad = "a WARC record without a Content-Length"
        if bad is not None:
            rec.code, rec.message = NP_EPARSE, bad
            _resync(s, hdr)
            yield rec
            continue
        response = wtype is not None and wtype.lower() == b"response"
        limit = max_bytes + _HTTP_SLACK
        if response and clen > limit and not truncate:
            rec.code = NP_ELIMIT
            rec.message = "the record is %d bytes, the limit is %d" % (clen, limit)
            response = False
        want = min(clen, limit) if response else 0
        block = s.read(want) if response else b""
        cut = len(block) < want
        if not cut and clen > want:
            cut = s.skip(clen - want) < clen - want
        if cut:
            rec.code = NP_EPARSE
            rec.message = ("the record ends before its Content-Length of %d bytes "
                           "(a wrong Content-Length, or a truncated file)" % clen)
            rec.payload = None
            _resync(s, block)
            yield rec
            continue
        trailer = s.read(4)
        if trailer != b"\r\n\r\n":
            rec.code = NP_EPARSE
            rec.message = ("the record is not followed by CRLF CRLF: its Content-Length "
                           "(%d) is wrong" % clen)
            if block:
                _resync(s, block + trailer)
            else:
                s.give_back(trailer)
                _resync(s, b"")
            yield rec
            continue
        if rec.code is not None:
            yield rec
            continue
        if not response:
            continue
        _payload(rec, ctype, block, max_bytes, looks_like_html)
        yield rec


def is_warc(head, name=""):
    """Whether a file is a WARC, by its name or its first bytes."""
    low = name.lower()
    if low.endswith(".warc") or low.endswith(".warc.gz"):
        return True
    if head.startswith(b"WARC/"):
        return True
    if head[:3] == b"\x1f\x8b\x08":
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 5) == b"WARC/"
        except zlib.error:
            return False
    return False


def records(path_or_file, max_bytes=DEFAULT_MAX_BYTES, truncate=False):
    """The pages and bad records (Record) of a WARC or WARC.gz file, in
    order."""
    from . import load
    lib = load()

    def looks_like_html(b):
        return bool(lib.np_looks_like_html(b, len(b)))

    if hasattr(path_or_file, "read"):
        data = path_or_file.read()
    else:
        with open(path_or_file, "rb") as f:
            data = f.read()
    if data[:3] != b"\x1f\x8b\x08":
        yield from _records_of(_Stream(io.BytesIO(data)), max_bytes, truncate, looks_like_html)
        return
    for member, err in _members(data):
        if err is not None:
            # the records inflated before the fault; the one it cut fails
            # with the fault's message
            recs = list(_records_of(_Stream(io.BytesIO(member)), max_bytes, truncate,
                                    looks_like_html))
            cut = recs and not recs[-1].ok and recs[-1].message.startswith(_CUT)
            for rec in recs[:-1] if cut else recs:
                yield rec
            rec = recs[-1] if cut else Record()
            rec.code, rec.message = NP_EPARSE, err
            yield rec
            continue
        yield from _records_of(_Stream(io.BytesIO(member)), max_bytes, truncate,
                               looks_like_html)


def parse_file(path, source=None, flags=0, charset=None, **limits):
    """The command's JSON Lines (str, without newlines) for the pages of a
    WARC file: `newsparse parse PATH` with the same flags and limits
    (flags: PARSE_*; charset: as --charset). source defaults to path."""
    source = path if source is None else source
    max_bytes = limits.get("max_bytes") or DEFAULT_MAX_BYTES
    from . import PARSE_TRUNCATE
    truncate = bool(flags & PARSE_TRUNCATE)
    parsers = {}

    def parser(cs):
        key = (cs or charset or "").lower() if cs else None
        p = parsers.get(key)
        if p is None:
            p = parsers[key] = Parser(flags=flags, charset=cs or charset, **limits)
        return p

    try:
        for rec in records(path, max_bytes, truncate):
            warc = rec.warc_member() if (rec.target_uri is not None or rec.date is not None
                                         or rec.record_id is not None or rec.ok) else None
            if not rec.ok:
                # an error found before the header could be read has no member
                yield error_record(source, rec.code, rec.message, warc)
                continue
            url = rec.target_uri.split(b"\0", 1)[0] if rec.target_uri is not None else None
            try:
                doc = parser(rec.charset).parse_html(rec.payload, url)
            except Error as e:
                yield error_record(source, e.name, e.message, warc)
                continue
            with doc:
                text = doc.to_json(source=source)
            yield add_warc_member(text, warc)
    finally:
        for p in parsers.values():
            p.close()


def _main(argv):
    import sys
    out = sys.stdout
    failed = False
    for path in argv:
        for line in parse_file(path):
            failed = failed or '"error":{' in line[:200]
            out.write(line + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    import sys
    sys.exit(_main(sys.argv[1:]))
