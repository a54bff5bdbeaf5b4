// SPDX-License-Identifier: MIT
//
// Speed baseline: Mozilla Readability on jsdom over the shared corpus's AEB pages.
//
//   node packaging/readability-bench.mjs [NODE_MODULES_DIR] [CORPUS_DIR] [MIN_SECONDS]
//
// NODE_MODULES_DIR (or $LEDE_NODE_MODULES) is a node_modules directory holding @mozilla/readability and jsdom
// (`npm install --prefix DIR @mozilla/readability jsdom` makes DIR/node_modules). CORPUS_DIR defaults to
// $LEDE_SHARED/corpus, else ../shared/corpus next to the checkout. Every page is gunzipped first; then whole
// passes of `new Readability(new JSDOM(html, {url}).window.document).parse()` are timed until MIN_SECONDS
// (default 10) have passed. Prints readability.pages_per_s and readability.ms_per_page.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const modules = process.argv[2] || process.env.LEDE_NODE_MODULES;
if (!modules) {
    console.error('readability-bench: pass the node_modules directory as the first argument or in LEDE_NODE_MODULES');
    process.exit(2);
}
const require = createRequire(path.join(path.resolve(modules), 'package.json'));
const resolveIn = (name) => require.resolve(name, { paths: [path.resolve(modules)] });
const { Readability } = require(resolveIn('@mozilla/readability'));
const { JSDOM, VirtualConsole } = require(resolveIn('jsdom'));

const corpus = process.argv[3]
    || (process.env.LEDE_SHARED ? path.join(process.env.LEDE_SHARED, 'corpus') : path.join(here, '..', '..', 'shared', 'corpus'));
const minSeconds = Number(process.argv[4] || 10);
const aeb = path.join(corpus, 'extraction-aeb');
const truth = JSON.parse(fs.readFileSync(path.join(aeb, 'ground-truth.json'), 'utf8'));
const pages = fs.readdirSync(path.join(aeb, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
        const id = f.slice(0, -'.html.gz'.length);
        const html = zlib.gunzipSync(fs.readFileSync(path.join(aeb, 'html', f))).toString('utf8');
        return { id, html, url: (truth[id] && truth[id].url) || 'https://example.com/' };
    });
if (pages.length === 0) {
    console.error(`readability-bench: no pages in ${aeb}`);
    process.exit(2);
}

const virtualConsole = new VirtualConsole(); // silence CSS and script noise from jsdom
let done = 0;
let chars = 0;
const start = process.hrtime.bigint();
let elapsed = 0;
do {
    for (const page of pages) {
        const dom = new JSDOM(page.html, { url: page.url, virtualConsole });
        const article = new Readability(dom.window.document).parse();
        chars += article && article.textContent ? article.textContent.length : 0;
        dom.window.close();
        ++done;
    }
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
} while (elapsed < minSeconds);

console.log(`readability.pages: ${pages.length}`);
console.log(`readability.passes: ${done / pages.length}`);
console.log(`readability.pages_per_s: ${(done / elapsed).toFixed(2)}`);
console.log(`readability.ms_per_page: ${((1000 * elapsed) / done).toFixed(1)}`);
if (chars === 0) process.exit(1);
