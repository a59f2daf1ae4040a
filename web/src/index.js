// Sign-in: a token is checked against /api/v1/credentials/me, kept for the session, and the viewer is sent to the
// page of their role.
import { ApiError, home, principal } from './common.js';
import { language, setLanguage, t, translate } from './i18n.js';

const form = document.getElementById('sign-in');
const lang = document.getElementById('lang');

function drawLanguage() {
  lang.textContent = language() === 'zh' ? 'EN' : '中文';
  translate();
}

lang.addEventListener('click', () => {
  setLanguage(language() === 'zh' ? 'en' : 'zh');
  drawLanguage();
});

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const problem = document.getElementById('problem');
  problem.textContent = '';
  sessionStorage.setItem('liftguard.token', document.getElementById('token').value.trim());
  sessionStorage.removeItem('liftguard.principal');
  try {
    const target = home(await principal());
    if (!target) {
      sessionStorage.removeItem('liftguard.token');
      sessionStorage.removeItem('liftguard.principal');
      problem.textContent = t('noPages');
      return;
    }
    location.href = target;
  } catch (error) {
    sessionStorage.removeItem('liftguard.token');
    problem.textContent = error instanceof ApiError && error.status === 401 ? t('badToken') : error.message;
  }
});

drawLanguage();
