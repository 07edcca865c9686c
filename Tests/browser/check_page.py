#!/usr/bin/env python3
"""Loads relgraph's web page in headless Chromium, as a person would, and fails on anything wrong.

Usage: check_page.py RELGRAPH_BINARY SEEDS_DIR SCREENSHOT.png

It ingests the seeds into a fresh store, starts `relgraph serve` on a free loopback port, opens the page through the
Chrome DevTools Protocol, waits for the diagram, steps to the previous era, clicks the top entity of the centrality
table, checks that its evidence appears and that the URL carries the view (era, entity), takes a screenshot, and
fails on any console error, uncaught exception or page without a diagram. Exit 0 when all is well; 77 when Chromium
or the websocket-client module is missing (the caller reports a skip).
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

try:
    import websocket  # websocket-client
except ImportError:
    print("skip: python module websocket-client is not installed", file=sys.stderr)
    sys.exit(77)

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
if CHROMIUM is None:
    print("skip: no chromium on PATH", file=sys.stderr)
    sys.exit(77)


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


class Page:
    """A minimal DevTools client: commands by id, events kept for inspection."""

    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=30)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    fail(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            fail(f"evaluating {expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, what, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            # While the page loads, the elements may not exist yet: that is "not yet", not a failure.
            if self.evaluate(f"(() => {{ try {{ return Boolean({expression}); }} catch (_) {{ return false; }} }})()"):
                return
            time.sleep(0.2)
        status = self.evaluate("document.getElementById('status').textContent")
        fail(f"timed out waiting for {what} (page status: {status!r}; errors: {self.errors()})")

    def errors(self):
        found = []
        for e in self.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append("console: " + " ".join(str(a.get("value", a.get("description"))) for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                found.append("exception: " + json.dumps(params.get("exceptionDetails", {}))[:400])
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                found.append("log: " + params["entry"].get("text", ""))
        return found


def main():
    binary, seeds, screenshot = sys.argv[1:4]
    work = tempfile.mkdtemp(prefix="relgraph-page-")
    db = os.path.join(work, "store.sqlite")
    ingest = subprocess.run([binary, "ingest", seeds, "--db", db], capture_output=True, text=True)
    if ingest.returncode != 0:
        fail("ingest: " + ingest.stderr)
    server = subprocess.Popen([binary, "serve", "--db", db, "--port", "0"], stderr=subprocess.PIPE, text=True)
    browser = None
    try:
        seen = []
        while True:
            line = server.stderr.readline()
            if not line:
                fail("serve did not start:\n" + "".join(seen))
            seen.append(line)
            if line.startswith("relgraph serve: listening on "):
                break
        base = line.strip().rsplit(" ", 1)[-1]
        profile = os.path.join(work, "profile")
        browser = subprocess.Popen(
            [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--remote-debugging-port=0", f"--user-data-dir={profile}", "--window-size=1500,1000", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(profile, "DevToolsActivePort")
        deadline = time.time() + 30
        while not os.path.exists(port_file) or not open(port_file).read().strip():
            if time.time() > deadline:
                fail("chromium did not open its debugging port")
            time.sleep(0.1)
        port = open(port_file).read().split()[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
        page = Page(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
        for domain in ("Runtime", "Log", "Page"):
            page.call(f"{domain}.enable")
        page.call("Page.navigate", url=base + "/")
        page.wait_for("document.querySelector('#diagram svg g.node') !== null", "the first era's diagram")
        first_era = page.evaluate("document.getElementById('era').value")
        first_caption = page.evaluate("document.getElementById('main-caption').textContent")
        # An era change, as a person makes it: the "previous era" button.
        page.evaluate("document.getElementById('prev').click(), true")
        page.wait_for(f"document.getElementById('era').value !== {json.dumps(first_era)} && "
                      f"document.getElementById('main-caption').textContent !== {json.dumps(first_caption)} && "
                      "document.querySelector('#diagram svg g.node') !== null", "the previous era's diagram")
        era = page.evaluate("document.getElementById('era').value")
        shown = page.evaluate("document.getElementById('era').selectedOptions[0].textContent")
        caption = page.evaluate("document.getElementById('main-caption').textContent")
        if shown != caption or "object" in shown:
            fail(f"the era menu shows {shown!r} while the diagram is {caption!r}")
        page.wait_for("document.querySelectorAll('#centrality tbody tr').length > 0", "the centrality table")
        # An entity: the top row of the centrality table.
        entity = page.evaluate("document.querySelector('#centrality tbody tr').title")
        page.evaluate("document.querySelector('#centrality tbody tr').click(), true")
        page.wait_for("!document.getElementById('evidence').hidden && document.querySelectorAll('#evidence blockquote').length > 0",
                      "the entity's evidence sentences")
        url = page.evaluate("location.href")
        if f"era={era}" not in url or "entity=" not in url:
            fail(f"the URL does not carry the view: {url}")
        # The permalink, opened afresh, shows the same view.
        page.call("Page.navigate", url=url)
        page.wait_for(f"document.getElementById('era').value === {json.dumps(era)} && "
                      "!document.getElementById('evidence').hidden && document.querySelector('#diagram svg') !== null",
                      "the permalinked view")
        shot = page.call("Page.captureScreenshot", format="png")
        with open(screenshot, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        errors = page.errors()
        if errors:
            fail("the page reported errors:\n  " + "\n  ".join(errors))
        quotes = page.evaluate("document.querySelectorAll('#evidence blockquote').length")
        print(f"ok: era {first_era} -> {era}, entity {entity} with {quotes} evidence sentences, screenshot {screenshot}")
    finally:
        if browser:
            browser.kill()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
