#!/usr/bin/env node
/*
 * Readability.js over a list of HTML files, on linkedom or on jsdom: the
 * peers that tests/bench/run.py times beside newsparse.
 *
 *   node readability.cjs --modules DIR --dom linkedom|jsdom \
 *        --files-from LIST --out PREDICTIONS.json
 *
 * DIR is the folder holding node_modules (the benchmark's cache). Writes
 * {"<file name>": {"articleBody": "..."}} (the format score-body.py reads)
 * and, on standard error, one line:
 *   readability dom <name> pages <n> failed <k> loop_seconds <s>
 * where loop_seconds leaves out Node's start-up and module loading.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");

function arg(name, fallback) {
    const i = process.argv.indexOf(name);
    return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const modules = arg("--modules");
const dom = arg("--dom", "linkedom");
const list = arg("--files-from");
const out = arg("--out");
if (!modules || !list || !out || (dom !== "linkedom" && dom !== "jsdom")) {
    process.stderr.write("usage: readability.cjs --modules DIR --dom linkedom|jsdom " +
                         "--files-from LIST --out FILE.json\n");
    process.exit(2);
}

const req = createRequire(path.join(path.resolve(modules), "package.json"));
const { Readability } = req("@mozilla/readability");

let makeDocument, release;
if (dom === "linkedom") {
    const { parseHTML } = req("linkedom");
    makeDocument = (html) => parseHTML(html).document;
    release = () => {};
} else {
    const { JSDOM, VirtualConsole } = req("jsdom");
    const quiet = new VirtualConsole();
    let current = null;
    makeDocument = (html, url) => {
        current = new JSDOM(html, { url, virtualConsole: quiet });
        return current.window.document;
    };
    release = () => {
        if (current) current.window.close();
        current = null;
    };
}

const files = fs.readFileSync(list, "utf8").split("\n").filter((s) => s.length);
const result = {};
let failed = 0;
const t0 = process.hrtime.bigint();
for (const file of files) {
    const html = fs.readFileSync(file, "utf8");
    let body = "";
    try {
        const doc = makeDocument(html, "https://example.org/" + path.basename(file));
        const article = new Readability(doc).parse();
        body = article && article.textContent ? article.textContent : "";
    } catch (e) {
        failed++;
    }
    release();
    result[path.basename(file)] = { articleBody: body };
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
fs.writeFileSync(out, JSON.stringify(result));
process.stderr.write(`readability dom ${dom} pages ${files.length} failed ${failed} ` +
                     `loop_seconds ${seconds.toFixed(6)}\n`);
