"""Open-addressing hash index over a generated table's keys.

Shared by gen_english.py and gen_ner_data.py. The lookup in
lib/data/lookup.c must hash and probe exactly as here: 32-bit FNV-1a over
the key's bytes, a power-of-two table at most half full, linear probing.
Each slot holds the entry's index plus one (0: empty). Keys are inserted in
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


def write(out, name, slots):
    """Writes `const uint32_t name[]` and `const uint32_t name_mask`."""
    out.write("/* Hash index: FNV-1a of the key, linear probing; index + 1, "
              "0 = empty. */\n")
    out.write("const uint32_t %s_mask = %d;\n" % (name, len(slots) - 1))
    out.write("const uint32_t %s[] = {\n" % name)
    for i in range(0, len(slots), 12):
        out.write("    " + ",".join(str(s) for s in slots[i:i + 12]) + ",\n")
    out.write("};\n")
