// An insurer's book: exposure, premium, claims, loss ratio, the distribution of rate changes, the riskiest covered
// elevators, and the book's ordered Lorenz curve (the pricing report's measure: policies ordered by premium rate,
// cumulative premium against cumulative losses), drawn from the bordereau. An insurer sees its own book only.
// Beside it, the pricing report's own curves (GET /api/v1/pricing-report): a simulated city's year 2 at a time.
import { api, chart, el, money, page, percent, showError, t } from './common.js';

const REFRESH_MS = 10_000;
let insurer = new URLSearchParams(location.search).get('insurer');
let timer = null;
let pricingReport = null;

/** RFC 4180 CSV into objects keyed by the header row. */
function csv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

async function insurers(p) {
  const select = document.getElementById('insurer');
  if (p.role === 'insurer') {
    insurer = p.scope.insurer;
    select.replaceChildren(el('option', insurer));
    select.disabled = true;
    return;
  }
  const groups = (await api('/api/v1/fleet/aggregates?groupBy=insurer')).groups.map((g) => g.key).filter(Boolean);
  insurer = insurer || groups[0];
  select.replaceChildren(...groups.map((g) => { const o = el('option', g); o.value = g; return o; }));
  select.value = insurer;
  select.onchange = () => {
    insurer = select.value;
    history.replaceState(null, '', `?insurer=${encodeURIComponent(insurer)}`);
    draw();
  };
}

async function drawFigures() {
  const box = document.getElementById('figures');
  const book = `/api/v1/insurers/${encodeURIComponent(insurer)}`;
  const p = await api(`${book}/portfolio`);
  document.getElementById('window').textContent = `${p.from.slice(0, 10)} – ${p.to.slice(0, 10)}`;
  const figures = [
    ['elevatorsCovered', p.elevatorsCovered], ['policies', Object.values(p.policies).reduce((a, b) => a + b, 0)],
    ['premiumInForce', money(p.annualPremiumInForce)], ['writtenPremium', money(p.writtenPremium)],
    ['earnedPremium', money(p.earnedPremium)], ['exposure', Number(p.exposureYears).toFixed(2)],
    ['claims', p.claims], ['incurred', money(p.incurredClaims)],
    ['lossRatio', p.lossRatio == null ? '–' : percent(p.lossRatio)],
    ['expectedLossRatio', p.expectedLossRatio == null ? '–' : percent(p.expectedLossRatio)],
  ];
  box.innerHTML = '';
  for (const [key, value] of figures) {
    const card = el('div', null, 'card');
    card.dataset.figure = key;
    card.append(el('div', t(key), 'name'), el('div', String(value), 'value'));
    box.append(card);
  }
  const buckets = Object.keys(p.rateChanges);
  chart('rate-changes').setOption({
    tooltip: {}, grid: { left: 40, right: 10, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: buckets, axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t('count'), type: 'bar', data: buckets.map((b) => p.rateChanges[b]), itemStyle: { color: '#3da9fc' } }],
  }, true);
  const rows = el('table');
  const head = el('tr');
  for (const k of ['elevator', 'district', 'band', 'fault30d', 'entrapment30d', 'premium']) head.append(el('th', t(k)));
  rows.append(head);
  for (const r of p.riskiestElevators) {
    const tr = el('tr');
    const link = el('a', r.elevatorId);
    link.href = `/pages/twin.html?id=${encodeURIComponent(r.elevatorId)}`;
    const first = el('td');
    first.append(link);
    const band = el('td');
    band.append(el('span', r.band, `band ${r.band}`));
    tr.append(first, el('td', r.district), band, el('td', percent(r.faultProbability30d, 2), 'num'),
      el('td', percent(r.entrapmentProbability30d, 2), 'num'), el('td', money(r.annualPremium), 'num'));
    rows.append(tr);
  }
  const riskiest = document.getElementById('riskiest');
  riskiest.replaceChildren(rows);

  const [policies, claims] = await Promise.all([
    api(`${book}/bordereau?kind=policies`, { headers: { Accept: 'text/csv' } }),
    api(`${book}/bordereau?kind=claims`, { headers: { Accept: 'text/csv' } })]);
  drawLorenz(csv(policies), csv(claims));
}

/** Ordered Lorenz curve: policies by premium per elevator (relative to a flat rate), shares of premium and loss. */
function drawLorenz(policies, claims) {
  const loss = new Map();
  for (const c of claims) loss.set(c.policy_id, (loss.get(c.policy_id) || 0) + Number(c.amount || 0));
  const ordered = policies.filter((p) => Number(p.annual_premium) > 0)
    .map((p) => ({ premium: Number(p.annual_premium), rate: Number(p.annual_premium) / Math.max(1, Number(p.elevators)),
      loss: loss.get(p.policy_id) || 0 }))
    .sort((a, b) => a.rate - b.rate);
  const totalPremium = ordered.reduce((s, p) => s + p.premium, 0);
  const totalLoss = ordered.reduce((s, p) => s + p.loss, 0);
  const points = [[0, 0]];
  let premium = 0;
  let lost = 0;
  for (const p of ordered) {
    premium += p.premium;
    lost += p.loss;
    points.push([premium / totalPremium, totalLoss > 0 ? lost / totalLoss : null]);
  }
  document.getElementById('lorenz-note').textContent = totalLoss > 0 ? t('lorenzHelp') : t('noClaimsYet');
  lorenzChart('lorenz', [{ name: t('book'), type: 'line', data: totalLoss > 0 ? points : [] }]);
}

/** A Lorenz chart: shares of premium and of losses, the line of equality and {@code curves}. */
function lorenzChart(id, curves) {
  chart(id).setOption({
    tooltip: { trigger: 'axis' }, legend: { top: 0 },
    grid: { left: 50, right: 15, top: 60, bottom: 45 },
    xAxis: { type: 'value', min: 0, max: 1, name: t('premiumShare'), nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', min: 0, max: 1, name: t('lossShare') },
    series: [
      { name: t('equality'), type: 'line', showSymbol: false, data: [[0, 0], [1, 1]], lineStyle: { type: 'dashed' } },
      ...curves,
    ],
  }, true);
}

/** The pricing validation's ordered Lorenz curves of one simulated city: LiftGuard and age band against flat. */
async function drawPricingReport() {
  pricingReport = pricingReport || await api('/api/v1/pricing-report');
  const select = document.getElementById('pricing-city');
  const chosen = select.value || pricingReport.cities[0].city;
  select.replaceChildren(...pricingReport.cities.map((c) => {
    const o = el('option', t(`city:${c.city}`));
    o.value = c.city;
    return o;
  }));
  select.value = chosen;
  select.onchange = drawPricingReport;
  const city = pricingReport.cities.find((c) => c.city === chosen);
  const curve = (pricing) => city.curves.find((c) => c.pricing === pricing);
  const line = (label, c) => ({ name: `${label} (Gini ${c.gini.toFixed(3)})`, type: 'line', showSymbol: false,
    data: c.points });
  lorenzChart('pricing-lorenz', [line(t('ageBand'), curve('ageBand')), line('LiftGuard', curve('liftguard'))]);
  document.getElementById('pricing-note').textContent = `${t('pricingLorenzHelp')} `
    + `${pricingReport.producedBy} → ${pricingReport.report}`;
}

async function draw() {
  try {
    await drawFigures();
  } catch (error) {
    showError(document.getElementById('figures'), error);
  }
}

page(async (p) => {
  try {
    await insurers(p);
  } catch (error) {
    showError(document.getElementById('figures'), error);
    return;
  }
  draw();
  // Drawn once per language, not with the book: the validation does not change while the page is open.
  drawPricingReport().catch((error) => showError(document.getElementById('pricing-note'), error));
  clearInterval(timer);
  timer = setInterval(draw, REFRESH_MS);
});
