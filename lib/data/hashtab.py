"""Open-addressing hash index over a generated table's keys.

Shared by gen_english.py, gen_apos_evidence.py and gen_ner_data.py. The lookup in
lib/data/lookup.c must hash and probe exactly as here: 32-bit FNV-1a over
the key's bytes, a power-of-two table at most half full, linear probing.
build() gives each slot the entry's index plus one (0: empty); the writers
encode that as each table needs. Keys are inserted in
table order, so the output is deterministic.
"""


def fnv1a(data):
    h = 2166136261
    for b in data:
        h ^= b
        h = (h * 16777619) & 0xFFFFFFFF
    return h


def build(keys):
    """keys: the table's keys as bytes, in table order. Returns the slots."""
    size = 1
    while size < 2 * len(keys):
        size *= 2
    slots = [0] * size
    mask = size - 1
    for i, k in enumerate(keys):
        j = fnv1a(k) & mask
        while slots[j]:
            j = (j + 1) & mask
        slots[j] = i + 1
    return slots


def write_tagged(out, name, slots, offsets, flags, keys):
    """Writes `const np__lex_slot name[]` and `name_mask`: each slot holds
    the entry's string offset, its flags and a 16-bit tag (the hash's top
    bits), so that a look-up reads one slot and, only when the tag matches,
    one string. Empty slots have the offset 0xFFFFFFFF."""
    out.write("/* Hash index: FNV-1a of the key, linear probing; {string "
              "offset, flags, tag = hash >> 16}, offset 0xFFFFFFFF = empty. */\n")
    out.write("const uint32_t %s_mask = %d;\n" % (name, len(slots) - 1))
    out.write("const np__lex_slot %s[] = {\n" % name)
    cells = []
    for s in slots:
        if s:
            i = s - 1
            cells.append("{%d,%d,%d}" % (offsets[i], flags[i],
                                         fnv1a(keys[i]) >> 16))
        else:
            cells.append("{0xFFFFFFFFu,0,0}")
    for i in range(0, len(cells), 6):
        out.write("    " + ",".join(cells[i:i + 6]) + ",\n")
    out.write("};\n")


def write_lines(out, name, keys, flags, bits=16):
    """Writes `const np__lex_line name[]` and `name_mask`: 2**bits buckets
    of one 64-byte cache line each, so that a look-up reads one line. A
    key goes to bucket fnv1a(key) & mask, or when that is full to the next
    with room (setting bit 0 of byte 0, "look on", in each bucket passed).
    Bytes 1 to 63 hold records: the key's length, its flags (two bytes,
    low first) and the key; a zero length ends them. Keys are placed in
    table order, so the output is deterministic."""
    size = 1 << bits
    mask = size - 1
    lines = [bytearray(1) for _ in range(size)]
    for k, f in zip(keys, flags):
        assert 0 < len(k) < 61 and 0 <= f < 0x10000
        rec = bytes([len(k), f & 0xFF, f >> 8]) + k
        j = fnv1a(k) & mask
        while len(lines[j]) + len(rec) > 64:
            lines[j][0] |= 1
            j = (j + 1) & mask
        lines[j] += rec

    def literal(line):
        # octal escapes of three digits for every byte but a letter or a
        # hyphen (keys hold no digit), so no escape runs into a key
        return "".join(chr(c) if (97 <= c <= 122 or c == 45) else "\\%03o" % c
                       for c in line.rstrip(b"\0"))
    out.write("/* Hash index: FNV-1a of the key picks a 64-byte line; byte 0 "
              "bit 0: look on in\n * the next line; then records {length, "
              "flags low, flags high, key}, ended\n * by a zero length. */\n")
    out.write("const uint32_t %s_mask = %d;\n" % (name, mask))
    out.write("const np__lex_line %s[] = {\n" % name)
    for line in lines:
        out.write('    {"%s"},\n' % literal(line))
    out.write("};\n")


def write_packed(out, name, slots, keys):
    """Writes `const uint32_t name[]` and `name_mask` for a table of fewer
    than 65,535 entries: each slot is (hash >> 16) << 16 | (index + 1), 0 =
    empty, so that a look-up reads an entry only when the tag matches."""
    assert len(keys) < 0xFFFF
    out.write("/* Hash index: FNV-1a of the key, linear probing; (hash >> 16) "
              "<< 16 | (index + 1), 0 = empty. */\n")
    out.write("const uint32_t %s_mask = %d;\n" % (name, len(slots) - 1))
    out.write("const uint32_t %s[] = {\n" % name)
    cells = [str((fnv1a(keys[s - 1]) >> 16) << 16 | s) if s else "0"
             for s in slots]
    for i in range(0, len(cells), 8):
        out.write("    " + ",".join(cells[i:i + 8]) + ",\n")
    out.write("};\n")


def write_strings(out, keys):
    """Writes keys (ASCII str) as the body of a C string, each followed by
    NUL, in lines of at most 78 characters; returns each key's offset."""
    line, offs, pos = '    "', [], 0
    for k in keys:
        offs.append(pos)
        pos += len(k) + 1
        piece = k + "\\0"
        if len(line) + len(piece) > 76:
            out.write(line + '"\n')
            line = '    "'
        line += piece
    out.write(line + '";\n\n')
    return offs


def write_keyed_table(out, prefix, entry_type, keys, cell, per_line,
                      keys_comment, entries_comment):
    """Writes a table looked up by probe() in lib/data/lookup.c: the keys
    (ASCII str, sorted) as `prefix_keys`, its entries as `entry_type
    prefix_entries[]`, per_line to a line, each `cell(offset, key)` (an
    entry starts with its key's offset), and the hash index
    `prefix_slots`. The comments go above the keys and the entries."""
    out.write("/* %s */\n" % keys_comment)
    out.write("const char %s_keys[] =\n" % prefix)
    offs = write_strings(out, keys)
    out.write("/* %s */\n" % entries_comment)
    out.write("const %s %s_entries[] = {\n" % (entry_type, prefix))
    cells = [cell(o, k) for o, k in zip(offs, keys)]
    for i in range(0, len(cells), per_line):
        out.write("    " + ",".join(cells[i:i + per_line]) + ",\n")
    out.write("};\n\n")
    bkeys = [k.encode("ascii") for k in keys]
    write_packed(out, prefix + "_slots", build(bkeys), bkeys)
