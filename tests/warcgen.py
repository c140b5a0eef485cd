"""Writes small WARC files for the tests (standard library only).

    python3 warcgen.py OUT.warc[.gz] PAGE.html...   one response record per page

As a module: record(), http_response(), gzip_member() build the pieces,
good and bad, that the tests put together.
"""

import gzip
import io
import os
import sys
import uuid
import zlib

CRLF = b"\r\n"


def record(warc_type, block, uri=None, date="2024-03-01T12:00:00Z", record_id=None,
           content_type=None, content_length=None, extra=()):
    """One WARC/1.0 record: header, block, CRLF CRLF. content_length
    overrides the true length (to make bad records)."""
    if record_id is None:
        record_id = "<urn:uuid:%s>" % uuid.uuid4()
    lines = [b"WARC/1.0", b"WARC-Type: " + warc_type.encode()]
    if uri is not None:
        lines.append(b"WARC-Target-URI: " + uri.encode())
    if date is not None:
        lines.append(b"WARC-Date: " + date.encode())
    lines.append(b"WARC-Record-ID: " + record_id.encode())
    if content_type is not None:
        lines.append(b"Content-Type: " + content_type.encode())
    for name, value in extra:
        lines.append(name.encode() + b": " + value.encode())
    n = len(block) if content_length is None else content_length
    lines.append(b"Content-Length: " + str(n).encode())
    return CRLF.join(lines) + CRLF + CRLF + block + CRLF + CRLF


def http_response(body, content_type="text/html; charset=utf-8", status="200 OK",
                  chunked=False, encoding=None, headers=()):
    """An HTTP/1.1 response as a WARC response record's block."""
    if encoding == "gzip":
        body = gzip.compress(body, mtime=0)
    elif encoding == "deflate":
        body = zlib.compress(body)
    if chunked:
        out = b""
        for i in range(0, len(body), 700):
            part = body[i:i + 700]
            out += b"%x" % len(part) + CRLF + part + CRLF
        body = out + b"0" + CRLF + CRLF
    lines = [b"HTTP/1.1 " + status.encode()]
    if content_type is not None:
        lines.append(b"Content-Type: " + content_type.encode())
    if chunked:
        lines.append(b"Transfer-Encoding: chunked")
    if encoding:
        lines.append(b"Content-Encoding: " + encoding.encode())
    for name, value in headers:
        lines.append(name.encode() + b": " + value.encode())
    return CRLF.join(lines) + CRLF + CRLF + body


def response(body, uri, **kw):
    """A response record of an HTML page (kw: http_response's, and date,
    record_id)."""
    rec_kw = {k: kw.pop(k) for k in ("date", "record_id", "content_length") if k in kw}
    return record("response", http_response(body, **kw), uri=uri,
                  content_type="application/http; msgtype=response", **rec_kw)


def warcinfo():
    return record("warcinfo", b"software: warcgen\r\nformat: WARC File Format 1.0\r\n",
                  content_type="application/warc-fields")


def gzip_member(data):
    """One gzip member (a .warc.gz holds one per record)."""
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
        f.write(data)
    return buf.getvalue()


def page_uri(path):
    return "https://example.org/%s" % os.path.basename(path)


def pack(out, pages):
    """Writes the pages (paths) as response records, gzipped per record when
    out ends in .gz. Returns [(path, uri, record_id)]."""
    made = []
    gz = out.endswith(".gz")
    with open(out, "wb") as f:
        w = warcinfo()
        f.write(gzip_member(w) if gz else w)
        for i, path in enumerate(pages):
            with open(path, "rb") as p:
                body = p.read()
            uri = page_uri(path)
            rid = "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, uri)
            r = response(body, uri, record_id=rid,
                         date="2024-03-01T12:%02d:%02dZ" % (i // 60 % 60, i % 60))
            f.write(gzip_member(r) if gz else r)
            made.append((path, uri, rid))
    return made


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        sys.exit(2)
    pack(sys.argv[1], sys.argv[2:])
