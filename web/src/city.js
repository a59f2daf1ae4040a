// City overview, the regulators' big screen: KPIs against targets, districts coloured by risk and overdue work, live
// rescue cases with running clocks, and the warning feed from the server-sent-event stream. Each panel asks the API
// with the viewer's token, so it shows the viewer's scope (a district's regulator: its district) or says it cannot.
import { api, chart, clock, el, page, showError, t, time, token } from './common.js';

const REFRESH_MS = 10_000;
let viewer;
let rescues = { items: [], receivedAt: Date.now() };
const warnings = [];

/** The KPI scope the viewer may read: its district for a district's regulator, the city otherwise. */
function area(p) {
  return p.scope && p.scope.district ? `scope=district&id=${encodeURIComponent(p.scope.district)}` : 'scope=city';
}

async function drawKpis() {
  const box = document.getElementById('kpis');
  try {
    const answer = await api(`/api/v1/kpis?${area(viewer)}`);
    document.getElementById('kpi-scope').textContent = `${answer.scope}${answer.id ? ' ' + answer.id : ''} · ${answer.month}`;
    box.innerHTML = '';
    for (const k of answer.kpis) {
      const card = el('div', null, `card ${k.met === true ? 'met' : k.met === false ? 'missed' : ''}`);
      card.dataset.kpi = k.kind;
      card.append(el('div', document.documentElement.lang === 'en' ? k.kind.toLowerCase().replaceAll('_', ' ') : k.nameZh, 'name'));
      const isRate = !k.kind.includes('MIN');
      const value = k.value == null ? '–' : isRate ? `${(k.value * 100).toFixed(2)} %` : k.value.toFixed(1);
      card.append(el('div', value, 'value'));
      const target = isRate ? `${(k.target * 100).toFixed(1)} %` : `${k.target} min`;
      const verdict = k.met == null ? t('noEvents') : k.met ? t('met') : t('notMet');
      card.append(el('div', `${t('target')} ${k.comparison === 'BELOW' || k.comparison === 'AT_MOST' ? '≤' : '≥'} ${target} · ${verdict}`, 'target'));
      card.title = k.definition;
      box.append(card);
    }
  } catch (error) {
    showError(box, error);
  }
}

async function drawDistricts() {
  try {
    const answer = await api('/api/v1/fleet/aggregates?groupBy=district');
    const groups = answer.groups;
    const maxRisk = Math.max(0.02, ...groups.map((g) => g.meanFaultRisk || 0));
    chart('district-map').setOption({
      tooltip: {
        formatter: (info) => {
          const g = info.data.group;
          return `<b>${echarts.format.encodeHTML(g.key)}</b><br>${t('elevator')}: ${g.elevators}<br>${t('fault30d')}: ${((g.meanFaultRisk || 0) * 100).toFixed(2)} %`
            + `<br>${t('maintenanceOverdue')}: ${g.maintenanceOverdue}<br>${t('inspectionOverdue')}: ${g.inspectionOverdue}`
            + `<br>${t('openFaults')}: ${g.withOpenFaults}<br>${t('openEntrapments')}: ${g.withOpenEntrapment}`;
        },
      },
      visualMap: { min: 0, max: maxRisk, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#2fbf71', '#f5a524', '#e5484d'] }, textStyle: { color: '#e6eef7' },
        formatter: (v) => `${(v * 100).toFixed(1)} %`, dimension: 1 },
      series: [{
        type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false }, bottom: 50,
        label: { lineHeight: 18, fontSize: 13, formatter: (info) => {
          const g = info.data.group;
          const overdue = g.maintenanceOverdue + g.inspectionOverdue;
          return `${g.key}\n${g.elevators} · ${((g.meanFaultRisk || 0) * 100).toFixed(1)} %${overdue ? `\n⚠ ${overdue}` : ''}`;
        } },
        data: groups.map((g) => ({ name: g.key, value: [g.elevators, g.meanFaultRisk || 0], group: g })),
      }],
    }, true);
    const bands = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL', 'UNASSESSED'];
    const colours = { LOW: '#2fbf71', MEDIUM: '#f5a524', HIGH: '#f0703a', CRITICAL: '#e5484d', UNASSESSED: '#666' };
    chart('bands').setOption({
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['40%', '70%'], label: { color: '#e6eef7' },
        data: bands.map((b) => ({ name: b, value: groups.reduce((n, g) => n + (g.bands[b] || 0), 0),
          itemStyle: { color: colours[b] } })).filter((d) => d.value > 0) }],
    }, true);
    const series = [['maintenanceOverdue', '#f5a524'], ['inspectionOverdue', '#e5484d'], ['withOpenFaults', '#3da9fc'],
      ['withOpenEntrapment', '#b14bff']];
    const names = { maintenanceOverdue: 'maintenanceOverdue', inspectionOverdue: 'inspectionOverdue',
      withOpenFaults: 'openFaults', withOpenEntrapment: 'openEntrapments' };
    chart('overdue').setOption({
      tooltip: { trigger: 'axis' }, legend: {},
      grid: { left: 40, right: 10, bottom: 30, top: 40 },
      xAxis: { type: 'category', data: groups.map((g) => g.key) },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map(([field, colour]) => ({ name: t(names[field]), type: 'bar', stack: 'work',
        itemStyle: { color: colour }, data: groups.map((g) => g[field]) })),
    }, true);
  } catch (error) {
    for (const id of ['district-map', 'bands', 'overdue']) showError(document.getElementById(id), error);
  }
}

async function loadRescues() {
  try {
    rescues = { items: (await api('/api/v1/rescues?limit=200')).items, receivedAt: Date.now() };
    drawRescues();
  } catch (error) {
    showError(document.getElementById('rescues'), error);
  }
}

function drawRescues() {
  const box = document.getElementById('rescues');
  box.innerHTML = '';
  if (rescues.items.length === 0) {
    box.append(el('p', t('noRescues'), 'muted'));
    return;
  }
  const table = el('table');
  const head = el('tr');
  for (const k of ['caseId', 'elevator', 'district', 'step', 'sinceAlarm', 'arriveBy']) head.append(el('th', t(k)));
  table.append(head);
  for (const c of rescues.items) {
    const row = el('tr');
    row.dataset.case = c.caseId;
    row.append(el('td', c.caseId));
    const link = el('a', c.elevatorId);
    link.href = `/pages/twin.html?id=${encodeURIComponent(c.elevatorId)}`;
    const cell = el('td');
    cell.append(link);
    row.append(cell, el('td', c.district), el('td', c.step));
    const running = el('td', '', 'clock');
    running.dataset.since = String(c.clocks.sinceAlarmS);
    row.append(running, el('td', time(c.deadlines.arriveBy)));
    table.append(row);
  }
  box.append(table);
  tick();
}

/** The running clocks: seconds since the alarm as the server counted them, plus the time since they arrived. */
function tick() {
  const elapsed = (Date.now() - rescues.receivedAt) / 1000;
  document.querySelectorAll('#rescues td.clock').forEach((td) => {
    const c = rescues.items.find((r) => r.caseId === td.parentElement.dataset.case);
    const seconds = Number(td.dataset.since) + elapsed;
    td.textContent = clock(seconds);
    td.classList.toggle('late', c && Date.now() > new Date(c.deadlines.arriveBy).getTime());
  });
}

function drawWarnings() {
  const list = document.getElementById('warnings');
  list.innerHTML = '';
  if (warnings.length === 0) list.append(el('li', t('noWarnings'), 'muted'));
  for (const w of warnings) {
    const li = el('li');
    li.append(el('span', w.kind, 'kind'), el('span', `${time(w.at)} · ${w.elevatorId} · ${w.title}`));
    li.title = w.detail || '';
    list.append(li);
  }
}

/**
 * The warning stream, read with fetch (EventSource cannot send the token); reconnects after an error from the last
 * id seen, so no warning is lost or shown twice.
 */
async function followWarnings() {
  const status = document.getElementById('warning-status');
  let lastId = null;
  for (;;) {
    try {
      const response = await fetch('/api/v1/warnings/stream', { headers: {
        Authorization: `Bearer ${token()}`, Accept: 'text/event-stream', ...(lastId ? { 'Last-Event-ID': lastId } : {}) } });
      if (!response.ok) {
        showError(document.getElementById('warnings'), new Error((await response.json()).message));
        status.textContent = '';
        return;
      }
      status.dataset.i18n = 'connected';
      status.textContent = t('connected');
      status.className = 'status on';
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(block.split('\n').filter((l) => l.includes(':'))
            .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
          if (fields.data) {
            lastId = fields.id || lastId;
            warnings.unshift(JSON.parse(fields.data));
            warnings.splice(50);
            drawWarnings();
          }
        }
      }
    } catch (error) {
      // the connection dropped: reconnect below
    }
    status.dataset.i18n = 'reconnecting';
    status.textContent = t('reconnecting');
    status.className = 'status';
    await new Promise((r) => setTimeout(r, 2000));
  }
}

function refresh() {
  drawKpis();
  drawDistricts();
  loadRescues();
}

let started = false;
page((p) => {
  viewer = p;
  refresh();
  drawWarnings();
  if (!started) {
    started = true;
    setInterval(refresh, REFRESH_MS);
    setInterval(tick, 1000);
    followWarnings();
  }
});
