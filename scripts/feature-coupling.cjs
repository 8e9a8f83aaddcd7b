// Counts the pairs of feature folders under src/ that import each other: `node scripts/feature-coupling.cjs [-v]`.
const fs = require('node:fs');
const path = require('node:path');

const src = path.resolve(__dirname, '..', 'src');
const files = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts') ? [path.join(dir, d.name)] : []));
const folderOf = (file) => path.relative(src, file).split(path.sep)[0];

const edges = new Set();
for (const file of files(src)) {
  const from = folderOf(file);
  for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
    const to = folderOf(path.resolve(path.dirname(file), spec));
    if (to !== from && !to.endsWith('.ts') && !to.startsWith('..')) edges.add(`${from} ${to}`);
  }
}
const pairs = [...edges].map((e) => e.split(' ')).filter(([a, b]) => a < b && edges.has(`${b} ${a}`)).map(([a, b]) => `${a} <-> ${b}`);
if (process.argv.includes('-v')) console.log(pairs.sort().join('\n'));
console.log(`${pairs.length} pairs of feature folders import each other`);
