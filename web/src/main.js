// parley workbench page: dyad time series (uPlot), period event lists, explain box.
// Talks only to the JSON API of `parley serve` (README.md, "Analyst workbench").
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './style.css';

const QUADS = [
  { name: 'verbal cooperation', color: '#8cc97a' },
  { name: 'material cooperation', color: '#2e8b3e' },
  { name: 'verbal conflict', color: '#f0a050' },
  { name: 'material conflict', color: '#c8321e' },
];

const $ = (id) => document.getElementById(id);
let chart = null;
let current = null; // the last /api/dyad answer

async function api(path, options) {
  const res = await fetch(path, options);
  const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw new Error(body.error || `HTTP ${res.status}`);
  return body;
}

function showError(message) {
  $('error').textContent = message || '';
  $('error').hidden = !message;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

// Goldstein -10 (conflict, red) .. +10 (cooperation, green) as a background colour.
export function goldsteinColor(g) {
  const t = Math.max(-1, Math.min(1, g / 10));
  const hue = 60 + 60 * t; // 0 red .. 60 yellow .. 120 green
  return `hsl(${hue}, 70%, ${85 - 15 * Math.abs(t)}%)`;
}

const fmt = (x) => (Math.round(x * 100) / 100).toFixed(2);

// ---- Dyad series

async function loadDyad() {
  const params = new URLSearchParams({
    a: $('actor-a').value.trim().toUpperCase(),
    b: $('actor-b').value.trim().toUpperCase(),
    interval: $('interval').value,
  });
  if ($('from').value) params.set('from', $('from').value);
  if ($('to').value) params.set('to', $('to').value);
  if ($('directed').checked) params.set('directed', 'true');
  showError('');
  try {
    current = await api(`/api/dyad?${params}`);
  } catch (e) {
    showError(e.message);
    return;
  }
  renderSeries(current);
  $('events').hidden = true;
}

function renderSeries(d) {
  $('series').hidden = false;
  const t = d.total;
  const arrow = d.directed ? '→' : '↔';
  $('summary').textContent =
    `${d.a} ${arrow} ${d.b}: ${t.count} events (` +
    QUADS.map((q, i) => `${q.name} ${t.quad[i]}`).join(', ') +
    `), mean Goldstein ${fmt(t.goldstein_mean)}` +
    (d.undated.count ? `; ${d.undated.count} undated` : '');
  $('summary').dataset.count = t.count;
  renderTable(d);
  renderChart(d);
}

function renderTable(d) {
  const body = $('periods').querySelector('tbody');
  body.replaceChildren();
  // The chart shows every period; the table only those with events (and the undated).
  const rows = d.periods.map((p, i) => [p, i]).filter(([p]) => p.count > 0);
  if (d.undated.count) rows.push([d.undated, -1]);
  rows.forEach(([p, i]) => {
    const gs = el('td', { class: 'gs-mean' }, p.count ? fmt(p.goldstein_mean) : '');
    if (p.count) gs.style.background = goldsteinColor(p.goldstein_mean);
    const tr = el('tr', { dataset: { period: p.period, count: p.count, index: i } },
      el('td', {}, p.period), el('td', { class: 'count' }, p.count),
      ...p.quad.map((n) => el('td', { class: 'quad' }, n)), gs,
      el('td', {}, fmt(p.goldstein_sum)));
    if (p.start) tr.addEventListener('click', () => selectPeriod(i));
    else tr.classList.add('undated');
    body.append(tr);
  });
}

function renderChart(d) {
  const n = d.periods.length;
  const xs = d.periods.map((_, i) => i);
  // Stacked bars: series k holds quads 1..k summed and is drawn over the taller ones.
  const stacks = [0, 1, 2, 3].map((k) => d.periods.map((p) => p.quad.slice(0, k + 1).reduce((a, b) => a + b, 0)));
  const means = d.periods.map((p) => (p.count ? p.goldstein_mean : null));
  const bars = uPlot.paths.bars({ size: [0.7, 60] });
  const series = [{ label: 'period', value: (u, i) => (i == null ? '' : d.periods[i]?.period ?? '') }];
  for (let k = 3; k >= 0; k--) {
    series.push({
      label: QUADS[k].name,
      fill: QUADS[k].color,
      stroke: QUADS[k].color,
      paths: bars,
      points: { show: false },
      value: (u, v, si, i) => (i == null ? '' : d.periods[i].quad[k]),
    });
  }
  series.push({
    label: 'mean Goldstein', scale: 'g', stroke: '#333', width: 2,
    points: { show: true, size: 7, fill: '#333' },
    value: (u, v) => (v == null ? '' : fmt(v)),
  });
  const opts = {
    width: Math.min(1050, $('series').clientWidth || 900),
    height: 300,
    scales: { x: { time: false, range: [-0.5, Math.max(0.5, n - 0.5)] }, y: { range: (u, lo, hi) => [0, Math.max(1, hi)] }, g: { range: [-10, 10] } },
    axes: [
      { values: (u, ticks) => ticks.map((t) => (Number.isInteger(t) && d.periods[t] ? d.periods[t].period : '')) },
      { label: 'events' },
      { scale: 'g', side: 1, label: 'Goldstein', grid: { show: false } },
    ],
    series,
    legend: { live: true },
  };
  const data = [xs, stacks[3], stacks[2], stacks[1], stacks[0], means];
  if (chart) chart.destroy();
  chart = new uPlot(opts, data, $('chart'));
  chart.over.addEventListener('click', () => {
    const i = chart.cursor.idx;
    if (i != null && i >= 0) selectPeriod(i);
  });
  $('chart').dataset.periods = n;
}

// ---- Events of a period

async function selectPeriod(i) {
  const p = current.periods[i];
  if (!p) return;
  document.querySelectorAll('#periods tbody tr').forEach((tr) => tr.classList.toggle('selected', tr.dataset.index === String(i)));
  const params = new URLSearchParams({ dyad: `${current.a}-${current.b}`, from: p.start, to: p.end, limit: '1000' });
  if (current.directed) params.set('directed', 'true');
  let list;
  try {
    list = await api(`/api/events?${params}`);
  } catch (e) {
    showError(e.message);
    return;
  }
  $('events').hidden = false;
  $('events-title').textContent = `${p.period}: ${list.total} events`;
  $('event-list').replaceChildren(...list.events.map(renderEvent));
  $('event-list').dataset.total = list.total;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// The sentence with source, target and verb spans (UTF-8 byte offsets) in <mark>s.
export function highlight(sentence, spans) {
  const bytes = encoder.encode(sentence);
  const marks = spans
    .filter((s) => s.start != null && s.end != null && s.start < s.end && s.end <= bytes.length)
    .sort((a, b) => a.start - b.start);
  const out = [];
  let pos = 0;
  for (const m of marks) {
    if (m.start < pos) continue; // overlapping spans stay unmarked
    out.push(decoder.decode(bytes.subarray(pos, m.start)));
    out.push(el('mark', { class: m.kind, title: m.title }, decoder.decode(bytes.subarray(m.start, m.end))));
    pos = m.end;
  }
  out.push(decoder.decode(bytes.subarray(pos)));
  return out;
}

function renderEvent(e) {
  const spans = [
    { ...e.source, kind: 'source', title: `source ${e.source.code}` },
    { ...e.target, kind: 'target', title: `target ${e.target.code}` },
    { ...e.verb, kind: 'verb', title: `verb (${e.rule})` },
  ];
  const link = /^https?:\/\//.test(e.url)
    ? el('a', { href: e.url, target: '_blank', rel: 'noopener' }, e.title || e.url)
    : el('span', {}, e.doc_id);
  return el('li', { class: 'event', dataset: { code: e.code, source: e.source.code, target: e.target.code } },
    el('div', { class: `event-head q${e.quad_class}` },
      `${e.date ?? 'undated'}  ${e.source.code || '—'} → ${e.target.code || '—'}  ${e.code} ${e.code_name} (${e.goldstein > 0 ? '+' : ''}${e.goldstein})`),
    el('p', { class: 'sentence' }, ...highlight(e.sentence, spans)),
    el('div', { class: 'meta' }, 'source: ', link,
      e.news_source ? ` (${e.news_source})` : '',
      e.num_mentions > 1 ? ` · ${e.num_mentions} mentions` : ''));
}

// ---- Actor look-up

let lookupTimer = 0;
function lookupActors(ev) {
  clearTimeout(lookupTimer);
  const q = ev.target.value.trim();
  lookupTimer = setTimeout(async () => {
    try {
      const { actors } = await api(`/api/actors?${new URLSearchParams({ q, limit: '20' })}`);
      $('actor-list').replaceChildren(...actors.map((a) =>
        el('option', { value: a.code }, `${a.code} — ${a.names.join(', ')} (${a.events})`)));
    } catch { /* look-up is a convenience; errors show on Show */ }
  }, 150);
}

// ---- Explain

async function explain(ev) {
  ev.preventDefault();
  const text = $('explain-text').value;
  const out = $('explain-result');
  out.replaceChildren();
  try {
    const body = { text };
    if ($('explain-date').value) body.date = $('explain-date').value;
    const result = await api('/api/explain', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    out.replaceChildren(...result.sentences.map(renderExplained));
  } catch (e) {
    out.replaceChildren(el('p', { class: 'why' }, e.message));
  }
}

function renderExplained(s) {
  const list = (title, items, render) => el('div', {}, el('strong', {}, `${title}: `),
    items.length ? el('ul', {}, ...items.map((x) => el('li', {}, ...render(x)))) : 'none');
  return el('div', { class: 'explained' },
    el('p', {}, s.text),
    el('p', { class: 'tokens' }, ...s.tokens.map((t) => el('code', {}, t))),
    list('actors', s.actors, (a) => [el('b', {}, a.code), ` ${a.text} `, el('span', { class: 'meta' }, a.rule)]),
    list('verbs', s.verbs, (v) => [el('b', {}, v.text), ' ', el('span', { class: 'meta' }, v.rule)]),
    list('patterns', s.patterns, (p) => [el('span', { class: `pattern ${p.matched ? 'fired' : 'tried'}` },
      `${p.matched ? 'fired' : 'tried'} ${p.pattern || ''} `), el('span', { class: 'meta' }, p.rule)]),
    list('events', s.events, (e) => [el('b', {}, `${e.source.code} → ${e.target.code} ${e.code}`), ` ${e.code_name} `,
      ...highlight(e.sentence, [
        { ...e.source, kind: 'source' }, { ...e.target, kind: 'target' }, { ...e.verb, kind: 'verb' }])]),
    el('p', { class: s.why_not ? 'why' : 'outcome' }, `outcome: ${s.outcome}${s.why_not ? ` — ${s.why_not}` : ''}`));
}

// ---- Wiring

$('dyad-form').addEventListener('submit', (ev) => { ev.preventDefault(); loadDyad(); });
$('actor-a').addEventListener('input', lookupActors);
$('actor-b').addEventListener('input', lookupActors);
$('explain-form').addEventListener('submit', explain);
const initial = new URLSearchParams(location.search);
if (initial.get('a')) $('actor-a').value = initial.get('a');
if (initial.get('b')) $('actor-b').value = initial.get('b');
document.body.dataset.ready = 'true';
