"""The open NER sets of ../shared/bench/nlp/train, read as documents and
split into a learning half and a held-out half.

Shared by the evidence generator (gen_ner_evidence.py), which learns from
the learning half only, and by tests/bench/ner_validate.py, which reports
both halves. Python 3 standard library only.

A document is a list of sentences, each a list of (token, tag). Documents
are those the sets give (wikigold's -DOCSTART-, GUM's "# doc ="); the
tweets of BTC and WNUT17 come in blocks of 40. A document's id is its set's
name and GUM's document name, or else its first sentence's tokens; its half
is fixed by sha256("newsparse-ner-open-v1:" + id): an even first byte is
the learning half, an odd one the held-out half.
"""

import hashlib

FILES = {"wikigold": "wikigold.conll", "btc": "btc.conll",
         "wnut17": "wnut17.conll", "gum": "gum-train.iob2"}
MAP = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG",
       "CORPORATION": "ORG", "LOC": "PLACE", "LOCATION": "PLACE"}


def read_conll(path, name):
    """[(doc_id, [sentence])], each sentence a list of (token, tag)."""
    docs, doc, sent = [], [], []
    docname = [None]
    block = 40 if name in ("btc", "wnut17") else None

    def end_sent():
        nonlocal sent, doc
        if sent:
            doc.append(sent)
            sent = []
            if block and len(doc) >= block:
                end_doc()

    def end_doc():
        nonlocal doc
        if doc:
            ident = docname[0] or " ".join(t for t, _ in doc[0])
            docs.append((name + ":" + ident, doc))
            doc = []

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "\t" not in line and line.startswith("# "):
                if line.startswith("# doc ="):
                    end_sent()
                    end_doc()
                    docname[0] = line[len("# doc ="):].strip()
                continue
            if not line.strip():
                end_sent()
                continue
            if "\t" in line:
                tok, tag = line.split("\t")[0], line.split("\t")[-1]
            else:
                parts = line.split(" ")
                tok, tag = parts[0], parts[-1]
            if tok == "-DOCSTART-":
                end_sent()
                end_doc()
                continue
            tag = tag.strip()
            if sent and sent[-1][0] == "@" and tok != "@":
                sent[-1] = ("@" + tok, "O")   # a handle split in two: one token
                continue
            sent.append((tok, tag))
    end_sent()
    end_doc()
    return docs


def half_of(doc_id):
    h = hashlib.sha256(("newsparse-ner-open-v1:" + doc_id).encode("utf-8")).digest()
    return "learn" if h[0] % 2 == 0 else "held"


def gold_spans(sent):
    """(start_token, end_token, type) spans; IOB1 and IOB2 both read;
    handles, hashtags and addresses left out."""
    spans = []
    cur = None
    for i, (_, tag) in enumerate(sent):
        if tag == "O" or "-" not in tag:
            if cur:
                spans.append(cur)
            cur = None
            continue
        bio, typ = tag.split("-", 1)
        typ = typ.upper()
        if bio == "B" or cur is None or cur[2] != typ:
            if cur:
                spans.append(cur)
            cur = [i, i + 1, typ]
        else:
            cur[1] = i + 1
    if cur:
        spans.append(cur)
    return [(s, e, MAP[t]) for s, e, t in spans if t in MAP
            and not sent[s][0].startswith(("@", "#", "http"))]
