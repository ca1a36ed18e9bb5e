// @ts-nocheck
import { seededRandom } from './bench/harness.js';
const N = 3_000_000, C = 300_000, DAY = 86_400_000, start = Date.UTC(2023,0,1);
const random = seededRandom(1);
const log: any[] = new Array(N);
for (let i = 0; i < N; i++) log[i] = { customerId: Math.floor(random()*C), date: start + Math.floor(random()*760)*DAY, amount: Math.round(random()*20000)/100 };
const cpu = () => process.cpuUsage().user/1000;
function readOnly(log: any[]) { let s = 0; for (let i = 0; i < log.length; i++) { const t = log[i]; s += t.customerId + t.date + t.amount; } return s; }
function withTable(log: any[]) { const table = new Int32Array(C); const counts = new Int32Array(C); const per = new Int32Array(log.length); const cents = new Float64Array(log.length); let k = 0;
  for (let i = 0; i < log.length; i++) { const t = log[i]; const id = t.customerId; let c = table[id] - 1; if (c < 0) { c = k++; table[id] = c + 1; } counts[c]++; per[i] = Math.floor(t.date / DAY); const a = t.amount; const c100 = Math.round(a * 100); cents[i] = c100 / 100 === a ? c100 : NaN; } return k; }
for (let k=0;k<3;k++){
let t=cpu(); readOnly(log); const a=cpu()-t;
t=cpu(); withTable(log); const b=cpu()-t;
console.log({readOnly:a.toFixed(0), withTable:b.toFixed(0)});
}
