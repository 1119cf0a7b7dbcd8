// Browser test of the workbench page: codes the seed articles into a fresh store, starts
// `parley serve` on a free port, drives headless Debian chromium with playwright-core,
// chooses RUS and KOR and checks that the chart, the period table and the event list show
// what the API and the CLI report. Saves a screenshot.
//
//   node tests/page.test.mjs <parley binary> <built web dir> <output dir>
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const parley = resolve(process.argv[2] || join(here, '../../build/release/parley'));
const webDir = resolve(process.argv[3] || join(here, '../dist'));
const outDir = resolve(process.argv[4] || join(here, 'output'));
const seeds = resolve(here, '../../../shared/seeds');
const chromiumPath = process.env.PARLEY_CHROMIUM || '/usr/bin/chromium';

const work = mkdtempSync(join(tmpdir(), 'parley-page-'));
const db = join(work, 'seeds.sqlite');
mkdirSync(outDir, { recursive: true });

let server = null;
let browser = null;

function startServer() {
  return new Promise((resolveStart, rejectStart) => {
    const proc = spawn(parley, ['serve', '--db', db, '--port', '0', '--web', webDir],
      { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => rejectStart(new Error(`serve did not start: ${stderr}`)), 30000);
    proc.stderr.on('data', (chunk) => {
      stderr += chunk;
      const m = stderr.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); resolveStart({ proc, base: `http://127.0.0.1:${m[1]}` }); }
    });
    proc.on('exit', (code) => rejectStart(new Error(`serve exited ${code}: ${stderr}`)));
  });
}

async function main() {
  execFileSync(parley, ['code', seeds, '--db', db, '-q'], { stdio: 'inherit' });
  const cli = JSON.parse(execFileSync(parley, ['dyad', 'RUS', 'KOR', '--db', db, '--json']).toString());
  server = await startServer();
  const { base } = server;
  const api = JSON.parse(await (await fetch(`${base}/api/dyad?a=RUS&b=KOR&interval=month`)).text());
  assert.deepEqual(api, cli, 'the API and `parley dyad --json` agree');
  assert.ok(api.total.count > 0, 'the seed store has RUS-KOR events');
  const dated = api.periods.filter((p) => p.count > 0);
  assert.ok(dated.length > 0, 'some RUS-KOR events are dated');

  // A fresh profile per run (playwright passes it to chromium as --user-data-dir).
  browser = await chromium.launchPersistentContext(join(work, 'chromium-profile'), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1200, height: 1100 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.fill('#actor-a', 'RUS');
  await page.fill('#actor-b', 'KOR');
  await page.selectOption('#interval', 'month');
  await page.click('#show');
  await page.waitForSelector('#series:not([hidden]) #chart canvas');

  // The summary and the table carry the API's numbers.
  assert.equal(await page.getAttribute('#summary', 'data-count'), String(api.total.count));
  const rows = await page.$$eval('#periods tbody tr', (trs) => trs.map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  const expectedRows = [...api.periods.filter((p) => p.count > 0), ...(api.undated.count ? [api.undated] : [])];
  assert.equal(rows.length, expectedRows.length, 'one table row per period with events');
  expectedRows.forEach((p, i) => {
    assert.equal(rows[i][0], p.period);
    assert.equal(Number(rows[i][1]), p.count, `${p.period} count`);
    assert.deepEqual(rows[i].slice(2, 6).map(Number), p.quad, `${p.period} by QuadClass`);
    if (p.count) assert.equal(Number(rows[i][6]).toFixed(2), p.goldstein_mean.toFixed(2));
  });
  assert.equal(await page.getAttribute('#chart', 'data-periods'), String(api.periods.length));

  // Click the period of the February 2023 interviews, then check the listed events.
  const first = api.periods.findIndex((p) => p.start <= '2023-02-10' && '2023-02-10' <= p.end);
  assert.ok(first >= 0 && api.periods[first].count > 0, 'February 2023 has RUS-KOR events');
  await page.click(`#periods tbody tr[data-index="${first}"]`);
  await page.waitForSelector('#events:not([hidden]) #event-list li');
  const p = api.periods[first];
  const list = JSON.parse(await (await fetch(
    `${base}/api/events?dyad=RUS-KOR&from=${p.start}&to=${p.end}&limit=1000`)).text());
  assert.equal(list.total, p.count, 'the period lists as many events as the series counts');
  const shown = await page.$$eval('#event-list li', (lis) => lis.map((li) => ({
    code: li.dataset.code, source: li.dataset.source, target: li.dataset.target,
    marks: li.querySelectorAll('mark').length, text: li.textContent,
  })));
  assert.equal(shown.length, list.total, 'every event of the period is listed');
  assert.ok(shown.every((e) => e.marks >= 2), 'actor and verb spans are highlighted');
  assert.ok(shown.some((e) => e.code === '163' && e.source.startsWith('KOR') && e.target.startsWith('RUS')),
    'the 2023 sanctions (163, KOR -> RUS) are listed');
  assert.ok(shown.some((e) => e.code.startsWith('03') && e.source.startsWith('RUS')),
    'the 2023 offer of dialogue (03x, RUS -> KOR) is listed');

  // Clicking a bar on the chart selects its period and lists its events too.
  const last = api.periods.length - 1;
  const over = await page.$('#chart .u-over');
  await over.scrollIntoViewIfNeeded();
  const box = await over.boundingBox();
  await page.mouse.click(box.x + box.width * ((last + 0.5) / api.periods.length), box.y + box.height - 5);
  await page.waitForSelector(`#periods tbody tr[data-index="${last}"].selected`);
  await page.waitForFunction((n) => document.querySelector('#event-list').dataset.total === String(n),
    api.periods[last].count);

  // The explain box.
  await page.fill('#explain-text', 'Seoul joined the sanctions against Moscow.');
  await page.fill('#explain-date', '2023-03-01');
  await page.click('#explain-button');
  await page.waitForSelector('#explain-result .explained');
  const explained = await page.textContent('#explain-result');
  assert.match(explained, /KOR → RUS 163/);
  assert.match(explained, /outcome: coded/);

  await page.screenshot({ path: join(outDir, 'workbench.png'), fullPage: true });
  assert.deepEqual(pageErrors, [], 'no script errors on the page');
  console.log(`page test passed: ${api.total.count} RUS-KOR events, ${dated.length} dated periods; ` +
    `screenshot ${join(outDir, 'workbench.png')}`);
}

try {
  await main();
} catch (e) {
  console.error(`page test FAILED: ${e.stack || e.message}`);
  process.exitCode = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server) server.proc.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
