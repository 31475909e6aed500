// Sums a WASM file's code by the Rust crate (or crate::module) that owns each function, from
// the function names rustc leaves in the un-optimized bundle (target/front/.../frontend.wasm).
// A rough twiggy: `node scripts/lib/wasm-sizes.js FILE [depth]`.
const fs = require('fs');
const [file, depthArg] = process.argv.slice(2);
const depth = Number(depthArg ?? 1);
const b = fs.readFileSync(file);
let i = 8;
const leb = () => { let r = 0, s = 0, x; do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
let imports = 0;
const bodies = [];
const names = new Map();
while (i < b.length) {
  const id = b[i++];
  const len = leb();
  const end = i + len;
  if (id === 2) {
    // Function imports come first in the function index space.
    const n = leb();
    for (let k = 0; k < n; k++) {
      i += leb(); i += leb(); // module, field
      const kind = b[i++];
      if (kind === 0) { leb(); imports++; }
      else if (kind === 1) { i++; const f = b[i++]; leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = b[i++]; leb(); if (f & 1) leb(); }
      else if (kind === 3) { i += 2; }
      else if (kind === 4) { i++; leb(); }
    }
  } else if (id === 10) {
    const n = leb();
    for (let k = 0; k < n; k++) { const sz = leb(); bodies.push(sz); i += sz; }
  } else if (id === 0) {
    const nl = leb();
    const name = b.slice(i, i + nl).toString();
    i += nl;
    if (name === 'name') {
      while (i < end) {
        const sub = b[i++]; const sl = leb(); const se = i + sl;
        if (sub === 1) {
          const n = leb();
          for (let k = 0; k < n; k++) { const idx = leb(); const l = leb(); names.set(idx, b.slice(i, i + l).toString()); i += l; }
        }
        i = se;
      }
    }
  }
  i = end;
}
const owner = (n) => {
  if (!n) return '(unnamed)';
  // Legacy mangling: _ZN<len><ident><len><ident>...E; generic impls start with _ZN..._$LT$.
  let parts = [];
  const m = n.match(/^_ZN(.*)E$/);
  if (m) {
    let s = m[1];
    while (s.length && /^\d/.test(s)) { const l = parseInt(s, 10); const d = String(l).length; parts.push(s.slice(d, d + l)); s = s.slice(d + l); }
    parts = parts.map((p) => p.replace(/^_\$LT\$/, '').replace(/\$LT\$.*/, '').replace(/\.\./g, '::').split('::')[0] === p ? p : p.replace(/^_\$LT\$/, '').replace(/\.\./g, '::'));
    const flat = parts.join('::').split('::').filter((x) => x && !x.startsWith('h') || x.length !== 17);
    return flat.slice(0, depth).join('::');
  }
  return n.split('::').slice(0, depth).join('::');
};
const totals = new Map();
let all = 0;
bodies.forEach((sz, k) => { const o = owner(names.get(k + imports)); totals.set(o, (totals.get(o) ?? 0) + sz); all += sz; });
const rows = [...totals].sort((a, c) => c[1] - a[1]).slice(0, 40);
console.log(`code: ${all} bytes in ${bodies.length} functions`);
for (const [o, sz] of rows) console.log(`${String(sz).padStart(9)}  ${(100 * sz / all).toFixed(1).padStart(5)}%  ${o}`);
