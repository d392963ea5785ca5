#!/usr/bin/env python3
"""Opens a tamis HTML report in headless Chromium through chromedriver's
WebDriver HTTP API (the standard library only) and checks it.

  report-check.py REPORT.html [--screenshot FILE.png] [--window WxH] [--scale F] [--measure]

Without --measure: loads REPORT.html#selftest, reads the page's own checks
(spans against the records, charts, search, no network, no errors), types a
search into the search box, reads the browser's console log and saves a
screenshot. Prints one line per check, "PASS name" or "FAIL name: detail";
exits 0 when all pass, 77 when Chromium or chromedriver is missing.

With --measure: prints how long the page takes to paint and to open
documents, as JSON.
"""
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

CHROMIUM = os.environ.get("TAMIS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("TAMIS_CHROMEDRIVER", "/usr/bin/chromedriver")


class Driver:
    """The few WebDriver commands the checks use."""

    def __init__(self, width, height, scale=1.0):
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.proc = subprocess.Popen([CHROMEDRIVER, "--port=%d" % self.port],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = "http://127.0.0.1:%d" % self.port
        self.session = None
        for _ in range(100):
            try:
                if self.call("GET", "/status")["value"].get("ready"):
                    break
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.1)
        caps = {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--hide-scrollbars", "--window-size=%d,%d" % (width, height),
                         "--force-device-scale-factor=%g" % scale],
            },
            "goog:loggingPrefs": {"browser": "ALL"},
        }
        value = self.call("POST", "/session", {"capabilities": {"alwaysMatch": caps}})["value"]
        self.session = value["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=300) as resp:
                return json.load(resp)
        except urllib.error.HTTPError as e:
            raise RuntimeError("%s %s: %s" % (method, path, e.read().decode(errors="replace")[:500]))

    def cmd(self, method, path, body=None):
        return self.call(method, "/session/%s%s" % (self.session, path), body)["value"]

    def script(self, code, *args):
        return self.cmd("POST", "/execute/sync", {"script": code, "args": list(args)})

    def wait(self, code, timeout=60):
        end = time.time() + timeout
        while time.time() < end:
            value = self.script(code)
            if value:
                return value
            time.sleep(0.05)
        return None

    def quit(self):
        try:
            if self.session:
                self.call("DELETE", "/session/" + self.session)
        finally:
            self.proc.terminate()
            self.proc.wait(10)


def check_report(driver, url, screenshot):
    results = []

    def record(name, ok, detail=""):
        results.append((name, bool(ok), detail))

    driver.cmd("POST", "/url", {"url": url + "#selftest"})
    state = driver.wait("return document.body && document.body.dataset.selftest")
    record("the page's self-test finishes", state is not None, str(state))
    text = driver.script("var e = document.getElementById('selftest-result'); return e ? e.textContent : ''")
    try:
        selftest = json.loads(text)
    except ValueError:
        selftest = {"checks": [{"name": "self-test output", "ok": False, "detail": text[:200]}]}
    for c in selftest["checks"]:
        record("page: " + c["name"], c["ok"], c.get("detail", ""))

    # A search typed as a user would, on the first entity of the summary.
    name = driver.script("var s = JSON.parse(document.getElementById('tamis-summary').textContent);"
                         "return s && s.entities && s.entities.length ? s.entities[0].name : null")
    if name:
        box = driver.cmd("POST", "/element", {"using": "css selector", "value": "#search"})
        element = list(box.values())[0]
        driver.cmd("POST", "/element/%s/clear" % element, {})
        driver.cmd("POST", "/element/%s/value" % element, {"text": name + "\ue007"})
        count = driver.wait("var t = document.getElementById('count').textContent;"
                            "return / of /.test(t) ? t : null", 30)
        rows = driver.script("return Array.from(document.querySelectorAll('#doc-list tbody tr'))"
                             ".map(function (r) { return r.textContent; })")
        record("typed search lists documents", count and rows and all(name in r for r in rows),
               "%r: %s, %d rows" % (name, count, len(rows or [])))
        driver.cmd("POST", "/element/%s/clear" % element, {})
        driver.script("window.tamisReport.search(''); window.scrollTo(0, 0);")
    else:
        record("typed search lists documents", False, "no entity in the summary")

    # Hovering a highlighted span shows its attributes.
    hl = driver.script("var e = document.querySelector('#doc-text .hl');"
                       "if (!e) return null; e.scrollIntoView({block: 'center'});"
                       "e.dispatchEvent(new MouseEvent('mousemove', {bubbles: true, clientX: 10, clientY: 10}));"
                       "var t = document.getElementById('tooltip'); var r = [t.hidden, t.textContent];"
                       "t.hidden = true; window.scrollTo(0, 0); return r")
    if hl is None and driver.script("return !document.getElementById('doc-note').hidden"):
        record("records without text: the note shows", True)
    else:
        record("a span's tooltip shows its attributes", hl and not hl[0] and "start" in hl[1],
               str(hl)[:200])

    try:
        logs = driver.cmd("POST", "/se/log", {"type": "browser"})
    except RuntimeError:
        logs = driver.call("POST", "/session/%s/log" % driver.session, {"type": "browser"})["value"]
    severe = [l["message"] for l in logs if l.get("level") == "SEVERE"]
    record("no console errors", not severe, " | ".join(severe)[:500])

    if screenshot:
        png = base64.b64decode(driver.cmd("GET", "/screenshot"))
        with open(screenshot, "wb") as f:
            f.write(png)
        record("screenshot saved", len(png) > 1000, screenshot)
    return results


def measure(driver, url):
    driver.cmd("POST", "/url", {"url": url})
    driver.wait("return document.readyState === 'complete'")
    out = driver.script("""
        var nav = performance.getEntriesByType('navigation')[0] || {};
        var paint = {};
        performance.getEntriesByType('paint').forEach(function (p) { paint[p.name] = p.startTime; });
        return {dom_content_loaded_ms: nav.domContentLoadedEventEnd, load_ms: nav.loadEventEnd,
                first_paint_ms: paint['first-paint'], first_contentful_paint_ms: paint['first-contentful-paint'],
                records: window.tamisReport.total};""")
    out["open_document_ms"] = driver.script("""
        var r = window.tamisReport, n = r.total, times = [];
        [Math.floor(n / 2), n - 1, 7].forEach(function (i) {
          var t = performance.now(); r.open(Math.min(i, n - 1)); times.push(performance.now() - t);
        });
        return times;""")
    out["first_search_ms"] = driver.script("""
        var t = performance.now(); window.tamisReport.search('doc'); return performance.now() - t;""")
    out["next_search_ms"] = driver.script("""
        var t = performance.now(); window.tamisReport.search('zzzz'); return performance.now() - t;""")
    return out


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    report = os.path.abspath(args[0])
    screenshot = None
    if "--screenshot" in args:
        screenshot = args[args.index("--screenshot") + 1]
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not (os.path.exists(tool) or shutil.which(tool)):
            print("SKIP %s is not installed" % tool)
            return 77
    width, height = 1280, 1000
    if "--window" in args:
        width, height = (int(x) for x in args[args.index("--window") + 1].split("x"))
    scale = float(args[args.index("--scale") + 1]) if "--scale" in args else 1.0
    url = "file://" + report
    driver = Driver(width, height, scale)
    try:
        if "--measure" in args:
            print(json.dumps(measure(driver, url), indent=1))
            return 0
        results = check_report(driver, url, screenshot)
    finally:
        driver.quit()
    for name, ok, detail in results:
        print(("PASS %s" % name) if ok else ("FAIL %s: %s" % (name, detail)))
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
