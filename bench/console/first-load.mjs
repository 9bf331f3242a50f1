// The admin console's first load in Chromium: the stock theme (keycloak.v2) against the bundle's
// theme (machine-users), alternating, on one running server. Each load starts with an empty browser
// cache in a signed-in browser, from the navigation to the moment the page shows what it is for.
// Prints one JSON line per load.
import { chromium } from "playwright-core";

const [base, realm, password, roundsArg] = process.argv.slice(2);
const ROUNDS = Number(roundsArg ?? 5);
const THEMES = ["keycloak.v2", "machine-users"];
// Two pages: the realm's clients (a stock page; the stock console loads its section lazily) and,
// in the bundle's theme, the machine users (its pages load lazily).
const PAGES = [
  { page: "clients", path: "clients", ready: "table tbody tr" },
  { page: "machine-users", path: "machine-users", ready: "[data-testid='machine-users-table'] tbody tr", themes: ["machine-users"] },
];

async function adminToken() {
  const body = new URLSearchParams({ grant_type: "password", client_id: "admin-cli", username: "admin", password });
  const answer = await fetch(`${base}/realms/master/protocol/openid-connect/token`, { method: "POST", body });
  return (await answer.json()).access_token;
}

async function setTheme(theme) {
  const answer = await fetch(`${base}/admin/realms/master`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${await adminToken()}`, "Content-Type": "application/json" },
    body: JSON.stringify({ adminTheme: theme }),
  });
  if (answer.status !== 204) throw new Error(`setting the admin theme answered ${answer.status}`);
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

async function signedInPage() {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/admin/master/console/`);
  await page.fill("#username", "admin");
  await page.fill("#password", password);
  await page.click("#kc-login");
  await page.waitForSelector("#nav-item-users", { timeout: 60000 });
  return page;
}

async function load(theme, target, round) {
  const page = await signedInPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.clearBrowserCache");
  const bytes = {};
  const types = new Map();
  cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
  cdp.on("Network.loadingFinished", (e) => {
    // CDP's resource types: Document, Script, Stylesheet, Font, Fetch, XHR, Image, ...
    const type = (types.get(e.requestId) ?? "Other").toLowerCase();
    bytes[type] = (bytes[type] ?? 0) + e.encodedDataLength;
  });
  await page.goto("about:blank");
  const begin = Date.now();
  await page.goto(`${base}/admin/master/console/#/${realm}/${target.path}`);
  await page.waitForSelector("#nav-item-users", { timeout: 60000 });
  const nav = Date.now() - begin;
  await page.waitForSelector(target.ready, { timeout: 60000 });
  const ready = Date.now() - begin;
  await page.context().close();
  const total = Object.values(bytes).reduce((sum, n) => sum + n, 0);
  return { theme, page: target.page, round, navMillis: nav, readyMillis: ready, bytes: { ...bytes, total } };
}

try {
  // One load of each, not recorded: the server's own first answers (theme and template caches) are not the console's.
  for (const theme of THEMES) {
    await setTheme(theme);
    await load(theme, PAGES[0], 0);
  }
  for (let round = 1; round <= ROUNDS; round++) {
    // The side that goes first alternates, as in the other benchmarks.
    const order = round % 2 ? THEMES : [...THEMES].reverse();
    for (const theme of order) {
      await setTheme(theme);
      for (const target of PAGES.filter((p) => !p.themes || p.themes.includes(theme))) {
        console.log(JSON.stringify(await load(theme, target, round)));
      }
    }
  }
} finally {
  await setTheme("machine-users").catch(() => {});
  await browser.close();
}
