// One elevator's twin: live state (polled), risk with its factors, condition-signal trends (persisted history plus
// live readings), the life-cycle timeline, open faults and rescue cases, and its policy's premium history with the
// reason for each change. What the viewer's scope does not cover answers 403/404 and the panel says so.
import { ApiError, api, chart, el, money, page, percent, showError, t, time } from './common.js';

const LIVE_MS = 3000;
const SIGNALS = ['vibrationMps2', 'doorCloseTimeS', 'levellingErrorMm', 'brakeCurrentA', 'brakeTemperatureC'];
let id = new URLSearchParams(location.search).get('id');
let trend = new Map(); // signal -> [[time, value]]
let lastReading = null;
let timer = null;

function kv(box, pairs) {
  box.innerHTML = '';
  for (const [k, v] of pairs) box.append(el('dt', k), el('dd', v == null ? '–' : String(v)));
}

function circuit(closed) {
  return closed == null ? '–' : closed ? t('closed') : t('openCircuit');
}

function addReading(r) {
  if (!r || !r.condition || !r.timestamp) return;
  const at = new Date(r.timestamp).getTime();
  for (const s of SIGNALS) {
    if (r.condition[s] == null) continue;
    const points = trend.get(s) || [];
    if (points.length === 0 || points[points.length - 1][0] < at) points.push([at, r.condition[s]]);
    trend.set(s, points.slice(-2000));
  }
}

function drawTrends() {
  chart('trends').setOption({
    tooltip: { trigger: 'axis' }, legend: {},
    grid: { left: 45, right: 45, top: 40, bottom: 30 },
    xAxis: { type: 'time' },
    // brake temperature (°C) is an order of magnitude above the others: its own axis on the right
    yAxis: [{ type: 'value', scale: true }, { type: 'value', scale: true, name: '°C', splitLine: { show: false } }],
    series: SIGNALS.map((s) => ({ name: s, type: 'line', showSymbol: false, data: trend.get(s) || [],
      yAxisIndex: s === 'brakeTemperatureC' ? 1 : 0 })),
  });
}

async function drawLive() {
  const twin = await api(`/api/v1/elevators/${encodeURIComponent(id)}`);
  const r = twin.live || {};
  kv(document.getElementById('live'), [
    [t('floor'), r.floor], [t('direction'), r.direction], [t('door'), r.doorState], [t('mode'), r.runningMode],
    [t('safetyCircuit'), circuit(r.safetyCircuitClosed)], [t('doorLock'), circuit(r.doorLockCircuitClosed)],
    [t('load'), r.loadKg == null ? null : `${r.loadKg} kg`], [t('speed'), r.speedMps == null ? null : `${r.speedMps} m/s`],
  ]);
  document.getElementById('live-updated').textContent = `${t('updated')} ${time(twin.lastUpdate)}`;
  document.getElementById('live-updated').dataset.at = twin.lastUpdate || '';
  if (r.timestamp !== lastReading) {
    lastReading = r.timestamp;
    addReading(r);
    drawTrends();
  }
  drawRisk(twin.risk);
  drawRecordedRisk(twin.recordedRisk);
  drawOpen(twin);
  const cover = twin.cover;
  document.getElementById('cover').textContent = cover
    ? `${cover.insurer} · ${cover.product} · ${money(cover.annualPremium)}` : t('noCover');
  kv(document.getElementById('register'), Object.entries(twin.register || {}));
  return twin;
}

function drawRisk(risk) {
  const band = document.getElementById('risk-band');
  band.innerHTML = '';
  if (!risk) return;
  band.append(el('span', risk.band, `band ${risk.band}`), el('span', ` ${risk.modelVersion || ''}`));
  const value = risk.faultProbability30d * 100;
  const max = Math.max(10, Math.ceil(value / 10) * 10); // the scale grows with the risk: 0-10 %, 0-20 %, ...
  chart('risk-gauge').setOption({
    series: [{ type: 'gauge', min: 0, max, splitNumber: 5, radius: '95%',
      axisLine: { lineStyle: { width: 12, color: [[1 / max, '#2fbf71'], [3 / max, '#f5a524'], [1, '#e5484d']] } },
      axisLabel: { color: '#8ea6bf', formatter: (v) => `${v}%` },
      detail: { formatter: (v) => `${v.toFixed(2)} %`, color: '#e6eef7', fontSize: 20, offsetCenter: [0, '35%'] },
      title: { color: '#8ea6bf', fontSize: 11, lineHeight: 15, offsetCenter: [0, '78%'] },
      data: [{ value, name: `${t('fault30d')}\n${t('entrapment30d')}: ${percent(risk.entrapmentProbability30d, 2)}` }] }],
  });
  const factors = (risk.topFactors || []).slice().reverse();
  chart('factors').setOption({
    tooltip: {}, grid: { left: 150, right: 20, top: 10, bottom: 25 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: factors.map((f) => `${f.feature} = ${Number(f.value).toFixed(2)}`) },
    series: [{ type: 'bar', data: factors.map((f) => ({ value: f.contribution,
      itemStyle: { color: f.contribution > 0 ? '#e5484d' : '#2fbf71' } })) }],
  });
}

/** The risk last recorded, beside the live one: the one the fleet lists, the portfolio and the premium use. */
function drawRecordedRisk(recorded) {
  const box = document.getElementById('recorded-risk');
  const a = recorded && recorded.assessment;
  box.textContent = a
    ? `${t('recordedRisk')}: ${a.band} ${percent(a.faultProbability30d, 2)} · ${time(recorded.recordedAt)} · ${t('recordedRiskPrices')}`
    : `${t('recordedRisk')}: ${t('none')}`;
}

async function drawOpen(twin) {
  const box = document.getElementById('open');
  box.innerHTML = '';
  const faults = twin.openFaults || [];
  const modes = twin.serviceModes || [];
  const list = el('ul', null, 'feed');
  for (const f of faults.concat(modes)) {
    list.append(el('li', `${f.eventType} · ${time(f.since)}${f.occurrences > 1 ? ` ×${f.occurrences}` : ''} ${f.detail || ''}`));
  }
  try {
    const cases = (await api('/api/v1/rescues?limit=1000')).items.filter((c) => c.elevatorId === id);
    for (const c of cases) list.append(el('li', `96333 ${c.caseId} · ${c.step} · ${time(c.alarmAt)}`));
  } catch (error) {
    if (!(error instanceof ApiError && (error.status === 403 || error.status === 404))) throw error;
  }
  if (!list.children.length) list.append(el('li', t('none'), 'muted'));
  box.append(list);
}

/** Every persisted event, oldest first, a page at a time: the timeline and the persisted readings. */
async function drawHistory() {
  const events = [];
  let from = 1;
  while (from != null) {
    const page = await api(`/api/v1/elevators/${encodeURIComponent(id)}/history?from=${from}&limit=1000`);
    events.push(...page.events);
    // Sequence numbers missing from the journal: shown in the timeline where they fall.
    for (const g of page.gaps) events.push({ sequenceNr: g.from, gap: g });
    from = page.nextFrom;
  }
  events.sort((a, b) => a.sequenceNr - b.sequenceNr);
  const list = document.getElementById('timeline');
  list.innerHTML = '';
  for (const h of events.slice().reverse()) {
    if (h.gap) {
      list.append(el('li', `${t('journalGap')} ${h.gap.from}–${h.gap.to}`, 'late'));
      continue;
    }
    const e = h.event;
    if (e.type === 'LiveStateRecorded') {
      addReading(e.live);
      continue;
    }
    const li = el('li');
    const what = e.type === 'RiskAssessed' ? `${t('recordedRisk')} ${e.risk.band} ${percent(e.risk.faultProbability30d, 2)}`
      : e.eventType || (e.visit && e.visit.kind) || (e.result && (e.result.passed ? 'passed' : 'failed')) || '';
    li.append(el('span', e.type, 'kind'), el('span', `${time(h.writtenAt)} · ${what} · ${e.recordedBy || ''}`));
    list.append(li);
  }
  drawTrends();
}

async function drawPolicy(cover) {
  const box = document.getElementById('premium-changes');
  box.innerHTML = '';
  try {
    if (!cover) {
      box.append(el('p', t('noCover'), 'muted'));
      return;
    }
    const history = await api(`/api/v1/policies/${encodeURIComponent(cover.policyId)}/premium-history`
      + `?elevatorId=${encodeURIComponent(id)}`);
    const changes = history.changes;
    chart('premium-chart').setOption({
      tooltip: { trigger: 'axis' }, grid: { left: 60, right: 15, top: 15, bottom: 30 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', scale: true },
      series: [{ name: t('premium'), type: 'line', step: 'end', data: changes.map((c) => [c.at, c.newPremium]) }],
    });
    const table = el('table');
    const head = el('tr');
    for (const k of ['at', 'reason', 'premium']) head.append(el('th', t(k)));
    table.append(head);
    for (const c of changes.slice().reverse()) {
      const row = el('tr');
      const why = (c.rating && c.rating.factors || []).map((f) => `${f.name} ${f.value}`).join(' · ');
      row.append(el('td', time(c.at)), el('td', `${c.reason}${c.bounded ? ' (bounded)' : ''}`),
        el('td', money(c.newPremium), 'num'));
      row.title = why;
      table.append(row);
    }
    box.append(table);
  } catch (error) {
    showError(box, error);
  }
}

async function open(elevator) {
  id = elevator;
  trend = new Map();
  lastReading = null;
  document.getElementById('id').value = id;
  document.getElementById('problem').textContent = '';
  clearInterval(timer);
  let twin;
  try {
    twin = await drawLive();
  } catch (error) {
    document.getElementById('problem').textContent = error instanceof ApiError && error.status !== 400
      ? `${t('notInScope')} (${error.message})` : error.message;
    return;
  }
  drawHistory().catch((error) => showError(document.getElementById('timeline'), error));
  drawPolicy(twin.cover);
  timer = setInterval(() => drawLive().catch(() => {}), LIVE_MS);
}

page(() => {
  document.getElementById('find').onsubmit = (e) => {
    e.preventDefault();
    const next = document.getElementById('id').value.trim();
    history.replaceState(null, '', `?id=${encodeURIComponent(next)}`);
    open(next);
  };
  if (id) open(id);
});
