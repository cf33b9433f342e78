// Screenshots the built web page for a look: node scripts/screenshot.mjs [width] [selector] [out.png]
import puppeteer from 'puppeteer-core';
import path from 'node:path';

const [width = '1280', selector = 'body', out = '/tmp/page.png'] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
await page.setViewport({ width: Number(width), height: 900 });
await page.goto(`file://${path.resolve('dist/index.html')}`);
const element = await page.$(selector);
await (element ?? page).screenshot({ path: out, ...(element ? {} : { fullPage: true }) });
await browser.close();
