import { bundleAll, functionTargets } from './bench/functions';
const outs = await bundleAll('/work/main/.bench/wb-probe', functionTargets());
const rows = outs.map((w) => { if (!w.ok) throw new Error(w.error); return [w.id, w.ownBytes] as const; }).sort((a, b) => b[1] - a[1]);
console.log(rows.slice(0, 6).map(([id, b]) => `${id} ${(b / 1024).toFixed(1)}`).join('\n'));
