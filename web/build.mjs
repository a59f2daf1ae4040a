// Copies the pages and the front-end dependencies npm installed into the jar's resources (target/classes/web):
// the platform serves them under /pages/. No bundler: the pages are plain ES modules.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'target', 'classes', 'web');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'vendor'), { recursive: true });
cpSync(join(here, 'src'), out, { recursive: true });
for (const [from, to] of [
  ['node_modules/echarts/dist/echarts.min.js', 'vendor/echarts.min.js'],
  ['node_modules/echarts/LICENSE', 'vendor/echarts.LICENSE'],
]) {
  cpSync(join(here, from), join(out, to));
}
console.log(`pages built into ${out}`);
