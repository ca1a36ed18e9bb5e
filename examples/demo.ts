/**
 * `npm run demo`: a short customer-centric report on the bundled sample shop
 * (examples/data/sample-shop.ts, generated with a fixed seed).
 *
 * Each area contributes one section, in examples/demo/<area>.ts, listed below in report order.
 */
import { generateSampleShop } from './data/sample-shop.js';
import { clvSection } from './demo/clv.js';
import { clvModelsSection } from './demo/clvModels.js';
import { contractualSection } from './demo/contractual.js';
import { demoReport } from './demo/report.js';
import { economicsSection } from './demo/economics.js';
import { npsSection } from './demo/nps.js';
import { paretoNbdSection } from './demo/paretoNbd.js';
import { retentionSection } from './demo/retention.js';
import { segmentationSection } from './demo/segmentation.js';
import { stagesSection } from './demo/stages.js';

const shop = generateSampleShop();
const sections: ((data: typeof shop) => string[])[] = [npsSection, retentionSection, segmentationSection, stagesSection, clvSection, clvModelsSection, paretoNbdSection, contractualSection, economicsSection];

const lines: string[] = [
  '# Customer-centric report: Lotus Coffee Co. (sample data)',
  '',
  `${shop.customers.length} customers, ${shop.transactions.length} transactions, ${shop.npsResponses.length} survey responses, observed to ${shop.observationEnd.toISOString().slice(0, 10)}.`,
];
for (const section of sections) lines.push('', ...section(shop));
console.log(lines.join('\n'));

// The report tool (report/, `customer-metrics-report`) on the same shop: the shop written as CSV
// files, then one self-contained HTML report per language. examples/report/ is git-ignored.
const written = await demoReport(shop, new URL('./report/', import.meta.url).pathname);
console.log(`\nHTML report from the CSV files in ${written.csv.transactions.replace(/[^/]+$/, '')}: ${written.en} (Tiếng Việt: ${written.vi})`);
