// Labels in Chinese and English; the viewer switches with the button in the header (kept in localStorage).
const LABELS = {
  appName: ['电梯安全卫士', 'LiftGuard'],
  city: ['城市总览', 'City overview'],
  twin: ['电梯数字孪生', 'Elevator twin'],
  portfolio: ['保险组合', 'Insurer portfolio'],
  signIn: ['登录', 'Sign in'],
  signOut: ['退出', 'Sign out'],
  signInHelp: ['粘贴您的访问令牌（演示城市的令牌在 data/demo-credentials.json 中）。',
    'Paste your bearer token (the demo city writes one per role to data/demo-credentials.json).'],
  token: ['访问令牌', 'Bearer token'],
  signedInAs: ['当前用户', 'Signed in as'],
  badToken: ['令牌无效或已过期', 'The token is invalid or expired'],
  notInScope: ['不在您的权限范围内', 'Not in your scope'],
  loading: ['加载中…', 'Loading…'],
  noData: ['暂无数据', 'No data yet'],
  kpis: ['关键指标（本月）', 'KPIs (this month)'],
  target: ['目标', 'target'],
  met: ['达标', 'met'],
  notMet: ['未达标', 'not met'],
  noEvents: ['本月尚无事件', 'nothing to count this month'],
  districts: ['各区风险与逾期工作', 'Districts by risk and overdue work'],
  districtHelp: ['面积：电梯数；颜色：平均已记录故障风险（30天）', 'area: elevators; colour: mean recorded fault risk (30 days)'],
  overdueWork: ['逾期工作', 'Overdue work'],
  maintenanceOverdue: ['维保逾期', 'maintenance overdue'],
  inspectionOverdue: ['检验逾期', 'inspection overdue'],
  openFaults: ['未关闭故障', 'open faults'],
  openEntrapments: ['困人未解除', 'open entrapments'],
  riskBands: ['风险等级分布', 'Risk bands'],
  rescues: ['进行中的救援（96333）', 'Live rescue cases (96333)'],
  noRescues: ['当前没有进行中的救援', 'No rescue open now'],
  caseId: ['案件', 'case'],
  elevator: ['电梯', 'elevator'],
  district: ['区', 'district'],
  step: ['环节', 'step'],
  sinceAlarm: ['报警以来', 'since alarm'],
  arriveBy: ['应到达', 'arrive by'],
  warnings: ['实时预警', 'Live warnings'],
  connected: ['已连接', 'connected'],
  reconnecting: ['重新连接中', 'reconnecting'],
  noWarnings: ['尚无预警', 'No warning yet'],
  elevatorId: ['电梯注册代码', 'Registration code'],
  open: ['打开', 'Open'],
  liveState: ['实时状态', 'Live state'],
  updated: ['更新于', 'updated'],
  floor: ['楼层', 'floor'],
  direction: ['方向', 'direction'],
  door: ['门', 'door'],
  mode: ['运行模式', 'running mode'],
  safetyCircuit: ['安全回路', 'safety circuit'],
  doorLock: ['门锁回路', 'door-lock circuit'],
  load: ['载重', 'load'],
  speed: ['速度', 'speed'],
  closed: ['闭合', 'closed'],
  openCircuit: ['断开', 'open'],
  risk: ['故障风险', 'Risk'],
  liveRisk: ['实时风险（按最新数据）', 'Live risk (from the newest reading)'],
  recordedRisk: ['已记录风险', 'Recorded risk'],
  recordedRiskPrices: ['用于定价、监管清单和保险组合', 'prices the policy; the lists and portfolio show it'],
  byRecordedRisk: ['按已记录风险', 'by recorded risk'],
  fault30d: ['30天故障概率', 'fault probability, 30 days'],
  entrapment30d: ['30天困人概率', 'entrapment probability, 30 days'],
  band: ['等级', 'band'],
  factors: ['主要因素（对数几率贡献）', 'Top factors (log-odds contribution)'],
  trends: ['状态信号趋势', 'Condition-signal trends'],
  timeline: ['生命周期记录', 'Life-cycle timeline'],
  journalGap: ['存储中缺失的事件，序号', 'Events missing from the store, sequence numbers'],
  faultsAndRescues: ['未关闭故障与救援', 'Open faults and rescue cases'],
  none: ['无', 'none'],
  policy: ['保单与保费', 'Policy and premium'],
  noCover: ['未投保', 'not insured'],
  premiumHistory: ['保费变化及原因', 'Premium history and the reason for each change'],
  reason: ['原因', 'reason'],
  premium: ['年保费（元）', 'annual premium (CNY)'],
  at: ['时间', 'at'],
  register: ['登记信息', 'Register'],
  insurer: ['保险公司', 'Insurer'],
  elevatorsCovered: ['承保电梯', 'elevators covered'],
  premiumInForce: ['有效年保费（元）', 'annual premium in force (CNY)'],
  writtenPremium: ['签单保费（元）', 'written premium (CNY)'],
  earnedPremium: ['已赚保费（元）', 'earned premium (CNY)'],
  exposure: ['风险暴露（电梯年）', 'exposure (elevator-years)'],
  claims: ['赔案', 'claims'],
  incurred: ['已发生赔款（元）', 'incurred claims (CNY)'],
  lossRatio: ['赔付率', 'loss ratio'],
  expectedLossRatio: ['预期赔付率', 'expected loss ratio'],
  rateChanges: ['费率调整分布', 'Rate-change distribution'],
  riskiest: ['风险最高的电梯', 'Riskiest elevators'],
  lorenz: ['洛伦兹曲线（按费率排序）', 'Lorenz curve (ordered by premium rate)'],
  lorenzHelp: ['横轴：累计保费占比；纵轴：累计赔款占比。曲线越低于对角线，定价越能区分风险。',
    'x: cumulative share of premium; y: cumulative share of losses. The further below the diagonal, the better the price separates risk.'],
  noClaimsYet: ['尚无赔款：曲线待赔案发生后形成', 'No losses yet: the curve forms as claims are incurred'],
  policies: ['保单', 'policies'],
  premiumShare: ['累计保费占比', 'share of premium'],
  lossShare: ['累计赔款占比', 'share of losses'],
  equality: ['均等线', 'equality'],
  book: ['本组合', 'this book'],
  count: ['数量', 'count'],
  pricingLorenz: ['定价验证：洛伦兹曲线', 'Pricing validation: Lorenz curves'],
  pricingLorenzHelp: ['模拟城市第二年：按相对费率排序，横轴为统一费率保费累计占比，纵轴为赔款累计占比；基尼系数以统一费率为基准。',
    'A simulated city\'s year 2, ordered by relativity: x is the cumulative share of flat premium, y of losses; '
    + 'Gini against flat pricing.'],
  ageBand: ['按梯龄定价', 'age band'],
  'city:default': ['基准城市', 'default city'],
  'city:older-fleet': ['老旧电梯城市', 'older fleet'],
  'city:poor-maintenance': ['维保较差城市', 'poor maintenance'],
  'city:old-drum-fleet': ['老旧鼓式制动器城市', 'old drum-brake fleet'],
  'city:one-poor-company-half': ['半数由一家差维保单位维保', 'one poor company, half the fleet'],
  'city:half-failure-rate': ['故障率减半', 'half the failure rate'],
  'city:double-failure-rate': ['故障率加倍', 'double the failure rate'],
};

const KEY = 'liftguard.lang';

export function language() {
  const saved = localStorage.getItem(KEY);
  if (saved === 'zh' || saved === 'en') return saved;
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function setLanguage(lang) {
  localStorage.setItem(KEY, lang);
}

/** The label for {@code key} in the viewer's language (the key itself if there is none). */
export function t(key) {
  const pair = LABELS[key];
  return pair ? pair[language() === 'zh' ? 0 : 1] : key;
}

/** Fills every element with data-i18n="key" under {@code root}. */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
}
