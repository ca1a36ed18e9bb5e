/**
 * The demo's report as a person sees it: opened in headless Chromium (Debian's `chromium`, driven
 * through the DevTools protocol by puppeteer-core; no browser download) at 1280 px and 390 px wide,
 * in English and in Vietnamese, with JavaScript off. Checks: no console errors, no failed and no
 * outside requests, every figure holds an <svg> with data marks, no horizontal overflow, the
 * locale's text present. Screenshots go to a temp folder (printed) to be looked at.
 *
 * Run by `npm run test:browser` (after scripts/install-chromium.sh in .ci/run), not by `npm test`.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleShop } from '../../examples/data/sample-shop.js';
import { demoReport } from '../../examples/demo/report.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const work = mkdtempSync(join(tmpdir(), 'cm-report-browser-'));
const shots = process.env.SCREENSHOT_DIR ?? join(work, 'screenshots');
let browser: Browser;
let reports: { en: string; vi: string };

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run scripts/install-chromium.sh (as root) first`);
  mkdirSync(shots, { recursive: true });
  reports = await demoReport(generateSampleShop(), join(work, 'demo'));
  browser = await puppeteer.launch({ executablePath: CHROMIUM, args: FLAGS, userDataDir: join(work, 'profile'), headless: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  console.log(`screenshots in ${shots}`);
  // Keep the screenshots (and the reports when KEEP_REPORTS is set); drop the browser profile.
  rmSync(join(work, 'profile'), { recursive: true, force: true });
  if (process.env.KEEP_REPORTS === undefined) rmSync(join(work, 'demo'), { recursive: true, force: true });
});

const TEXT = {
  en: ['Customer metrics report', 'Net Promoter Score', 'Churn and revenue retention', 'Subscriber survival', 'Retention by cohort', 'Value concentration and segments', 'Need levels', 'Customer lifetime value', 'Rejected rows'],
  vi: ['Báo cáo chỉ số khách hàng', 'Chỉ số NPS', 'Tỉ lệ rời bỏ', 'Thời gian sống của thuê bao', 'Giữ chân theo nhóm', 'Mức tập trung giá trị', 'Sáu cấp độ nhu cầu', 'Giá trị vòng đời khách hàng', 'Dòng bị loại'],
};

describe.each(['en', 'vi'] as const)('the demo report (%s)', (locale) => {
  it.each([1280, 390])('at %i px wide: loads cleanly, every figure has marks, nothing overflows', async (width) => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
    const consoleErrors: string[] = [];
    const failed: string[] = [];
    const outside: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) outside.push(request.url());
    });
    const url = pathToFileURL(reports[locale]).href;
    const response = await page.goto(url, { waitUntil: 'load' });
    expect(response?.ok() ?? true).toBe(true);

    const facts = await page.evaluate(() => {
      const figures = [...document.querySelectorAll('figure')];
      return {
        lang: document.documentElement.lang,
        text: document.body.innerText,
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        // Each figure holds its chart at two widths; CSS shows the one that fits the screen.
        figures: figures.map((fig) => {
          const svgs = [...fig.querySelectorAll('svg')];
          const shown = svgs.filter((svg) => svg.getBoundingClientRect().width > 0);
          return {
            id: fig.id,
            svgs: svgs.length,
            marks: svgs.map((svg) => svg.querySelectorAll('g.role-mark > *').length),
            shown: shown.length,
            width: shown[0]?.getBoundingClientRect().width ?? 0,
            // Smallest text on screen, in CSS px: legible on a phone, not a scaled-down desktop chart.
            smallestText: Math.min(...shown.flatMap((svg) => [...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height).filter((h) => h > 0))),
          };
        }),
        // Elements wider than the page (a table wrapper may scroll inside itself; nothing else may stick out).
        // (Inside an <svg>, the viewBox clips; the svg element itself is checked.)
        wide: [...document.querySelectorAll('body *')]
          .filter((el) => el.closest('.table-wrap') === null || el.classList.contains('table-wrap'))
          .filter((el) => el.tagName.toLowerCase() === 'svg' || el.closest('svg') === null)
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`)
          .slice(0, 10),
      };
    });
    await page.screenshot({ path: join(shots, `report-${locale}-${width}.png`), fullPage: true });
    await page.screenshot({ path: join(shots, `report-${locale}-${width}-top.png`) });
    await page.close();

    expect(consoleErrors).toEqual([]);
    expect(failed).toEqual([]);
    expect(outside).toEqual([]);
    expect(facts.lang).toBe(locale);
    expect(facts.figures.length).toBeGreaterThanOrEqual(10);
    for (const figure of facts.figures) {
      expect(figure.svgs, `${figure.id} has no svg`).toBeGreaterThan(0);
      for (const marks of figure.marks) expect(marks, `${figure.id} has an svg without data marks`).toBeGreaterThan(0);
      expect(figure.shown, `${figure.id} shows ${figure.shown} charts`).toBe(1);
      expect(figure.width, `${figure.id} is wider than the page`).toBeLessThanOrEqual(facts.innerWidth);
      expect(figure.smallestText, `${figure.id} has text smaller than 7 px`).toBeGreaterThanOrEqual(7);
    }
    expect(facts.scrollWidth, `horizontal overflow: ${facts.wide.join(', ')}`).toBeLessThanOrEqual(facts.innerWidth);
    expect(facts.wide).toEqual([]);
    for (const text of TEXT[locale]) expect(facts.text).toContain(text);
  });
});
