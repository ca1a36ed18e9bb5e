// @ts-nocheck
import { rfmSummary } from './src/clv/index.js';
import { seededRandom } from './bench/harness.js';
const N = 3_000_000, C = 300_000, DAY = 86_400_000, start = Date.UTC(2023,0,1);
const random = seededRandom(1);
const log = new Array(N);
for (let i = 0; i < N; i++) log[i] = { customerId: Math.floor(random()*C), date: start + Math.floor(random()*760)*DAY, amount: Math.round(random()*20000)/100 };
const f = new Float64Array(N); for (let i=0;i<N;i++) f[i]=random();
const cpu = () => process.cpuUsage().user/1000;
for (let k=0;k<4;k++){
let t=cpu(); f.slice().sort(); const s=cpu()-t;
t=cpu(); rfmSummary(log, { observationEnd: Date.UTC(2024,11,31), unit: 'week' }); const r=cpu()-t;
console.log({sort:s.toFixed(0), rfm:r.toFixed(0)});
}
