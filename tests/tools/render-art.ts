/**
 * Renders the extension's icons and store artwork from docs/art/icon.svg with headless Chromium:
 * public/icon/{16,32,48,128}.png (the manifest's icons), docs/art/store-icon-128.png (96 px art with
 * 16 px transparent padding, as the Chrome Web Store asks) and docs/art/promo-440x280.png.
 * Run with `npm run art` after changing the SVG; the PNGs are committed.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../e2e/support/browser';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const svg = readFileSync(join(ROOT, 'docs/art/icon.svg'), 'utf8');
const svgUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

async function shoot(page: Page, html: string, width: number, height: number, out: string): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${html}</body></html>`);
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width, height } });
  console.log(`wrote ${out.slice(ROOT.length + 1)}`);
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  mkdirSync(join(ROOT, 'public/icon'), { recursive: true });
  for (const size of [16, 32, 48, 128]) {
    await shoot(page, `<img src="${svgUrl}" width="${size}" height="${size}" style="display:block">`, size, size, join(ROOT, `public/icon/${size}.png`));
  }
  await shoot(page, `<img src="${svgUrl}" width="96" height="96" style="display:block;margin:16px">`, 128, 128, join(ROOT, 'docs/art/store-icon-128.png'));
  await shoot(
    page,
    `<div style="width:440px;height:280px;box-sizing:border-box;padding:0 32px;display:flex;align-items:center;gap:24px;
      background:linear-gradient(135deg,#f3f8fe,#dbe9fa);font-family:'Noto Sans CJK KR','Noto Sans CJK TC',system-ui,sans-serif;color:#0d2847">
      <img src="${svgUrl}" width="120" height="120" style="flex:none">
      <div>
        <div style="font-size:30px;font-weight:700;line-height:1.15">Coupang<br>CS Lens</div>
        <div style="margin-top:12px;font-size:16px;line-height:1.45;color:#24466e">상담번호 한눈에 보기<br>諮詢編號一眼看懂<br>Inquiries at a glance</div>
      </div>
    </div>`,
    440,
    280,
    join(ROOT, 'docs/art/promo-440x280.png'),
  );
} finally {
  await browser.close();
}
