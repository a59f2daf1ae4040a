// What every page shares: the viewer's token (sessionStorage), API calls with it, the header, number formats.
import { language, setLanguage, t, translate } from './i18n.js';

const TOKEN = 'liftguard.token';
const WHO = 'liftguard.principal';

/** A token in the address's fragment (#token=...) signs in; the fragment never reaches the server. */
function tokenFromFragment() {
  const m = location.hash.match(/token=([^&]+)/);
  if (m) {
    sessionStorage.setItem(TOKEN, decodeURIComponent(m[1]));
    sessionStorage.removeItem(WHO);
    history.replaceState(null, '', location.pathname + location.search);
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(WHO);
  location.href = '/pages/';
}

/** An API error: its status and the API's error body. */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** GET {@code path} as the viewer; JSON (or text for CSV); throws ApiError; a 401 sends the viewer to sign in. */
export async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { Authorization: `Bearer ${token()}`, Accept: 'application/json', ...(options.headers || {}) },
  });
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (response.status === 401 && !document.getElementById('sign-in')) {
    signOut(); // the token expired or was replaced: sign in again
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** Who the token names ({id, role, scope}), asked once per session. */
export async function principal() {
  const cached = sessionStorage.getItem(WHO);
  if (cached) return JSON.parse(cached);
  const p = await api('/api/v1/credentials/me');
  sessionStorage.setItem(WHO, JSON.stringify(p));
  return p;
}

/** The pages each role may use, the first its home: those who oversee the city, an insurer, those who run elevators. */
const PAGES = {
  admin: ['city', 'portfolio', 'twin'],
  regulator: ['city', 'twin'],
  'rescue-centre': ['city', 'twin'],
  insurer: ['portfolio', 'twin'],
  'using-unit': ['elevators', 'twin'],
  maintainer: ['elevators', 'twin'],
  gateway: [], // a machine: it reports over the API and may read nothing, so it has no page
};

function pagesOf(p) {
  return PAGES[p.role] || [];
}

/** The page every role starts on; null for a role without pages (a gateway). */
export function home(p) {
  const pages = pagesOf(p);
  return pages.length ? `/pages/${pages[0]}.html` : null;
}

/**
 * Starts a page: signs in from the fragment, sends a viewer without a token to the sign-in page, draws the header
 * and calls {@code render(principal)} now and whenever the language is switched.
 */
export async function page(render) {
  tokenFromFragment();
  if (!token()) {
    location.href = '/pages/';
    return;
  }
  const p = await principal();
  if (!home(p)) {
    signOut();
    return;
  }
  const header = document.querySelector('header');
  header.innerHTML = `
    <a class="brand" href="/pages/" data-i18n="appName"></a>
    <nav>${pagesOf(p).map((name) => `<a href="/pages/${name}.html" data-i18n="${name === 'elevators' ? 'myElevators' : name}"></a>`).join('')}</nav>
    <span class="who"><span data-i18n="signedInAs"></span>: <b id="who"></b></span>
    <button id="lang" type="button">${language() === 'zh' ? 'EN' : '中文'}</button>
    <button id="sign-out" type="button" data-i18n="signOut"></button>`;
  header.querySelector('#who').textContent = `${p.id} (${p.role})`;
  header.querySelector('#sign-out').addEventListener('click', signOut);
  header.querySelector('#lang').addEventListener('click', (e) => {
    setLanguage(language() === 'zh' ? 'en' : 'zh');
    e.target.textContent = language() === 'zh' ? 'EN' : '中文';
    translate();
    render(p);
  });
  translate();
  render(p);
}

/** Shows {@code error} in the panel {@code el}: "not in your scope" for a 403/404, the API's message otherwise. */
export function showError(el, error) {
  const scoped = error instanceof ApiError && (error.status === 403 || error.status === 404);
  el.innerHTML = '';
  const p = document.createElement('p');
  p.className = scoped ? 'muted scope' : 'error';
  p.textContent = scoped ? `${t('notInScope')} (${error.message})` : error.message;
  el.append(p);
}

export function money(v) {
  return v == null ? '–' : Number(v).toLocaleString(language() === 'zh' ? 'zh-CN' : 'en-GB',
    { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function percent(v, digits = 1) {
  return v == null ? '–' : `${(Number(v) * 100).toFixed(digits)} %`;
}

export function time(iso) {
  return iso ? new Date(iso).toLocaleString(language() === 'zh' ? 'zh-CN' : 'en-GB') : '–';
}

/** h:mm:ss of a number of seconds. */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** A text node, so nothing from the API is ever parsed as HTML. */
export function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text != null) e.textContent = text;
  if (className) e.className = className;
  return e;
}

const axis = { axisLine: { lineStyle: { color: '#4a6a8a' } }, axisLabel: { color: '#8ea6bf' },
  splitLine: { lineStyle: { color: '#1d3652' } }, nameTextStyle: { color: '#8ea6bf' } };
const THEME = {
  backgroundColor: 'transparent',
  textStyle: { color: '#e6eef7' },
  color: ['#3da9fc', '#2fbf71', '#f5a524', '#e5484d', '#b14bff', '#7fdbda'],
  legend: { top: 0, textStyle: { color: '#e6eef7' } },
  valueAxis: axis, categoryAxis: axis, timeAxis: axis, logAxis: axis,
  tooltip: { backgroundColor: '#0b1a2b', borderColor: '#21405f', textStyle: { color: '#e6eef7' } },
};

/** An ECharts instance (the page's dark theme) on {@code id}, made once and resized with the window. */
export function chart(id) {
  const node = document.getElementById(id);
  let c = echarts.getInstanceByDom(node);
  if (!c) {
    echarts.registerTheme('liftguard', THEME); // pages with charts load ECharts; the sign-in page does not
    c = echarts.init(node, 'liftguard');
    window.addEventListener('resize', () => c.resize());
  }
  return c;
}

export { t };
