"""Debian's headless Chromium driven over the DevTools protocol on a pipe
(--remote-debugging-pipe): no npm, no browser download, no WebSocket
library. Shared by the browser tests (web_app_test.py,
web_review_test.py).
"""
import base64
import fcntl
import json
import os
import subprocess
import time

CHROMIUM = "/usr/bin/chromium"
TIMEOUT_S = 60


class DevTools:
    """A Chromium child and its DevTools pipe (fd 3 in, fd 4 out)."""

    def __init__(self, profile, window=(1000, 800)):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def wire():
            # Above 4 first: a pipe's own descriptor may be 3 or 4.
            reading = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
            writing = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--hide-scrollbars",
             f"--window-size={window[0]},{window[1]}",
             f"--user-data-dir={profile}", "--remote-debugging-pipe",
             "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=wire)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        self.events = []
        self.session = None

    def _read_message(self):
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_chrome, 65536)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method, params=None, browser=False):
        """Sends a command (to the page's session unless `browser`)."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method,
                   "params": params or {}}
        if not browser and self.session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read_message()
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def open_page(self):
        target = self.send("Target.createTarget", {"url": "about:blank"},
                           browser=True)["targetId"]
        self.session = self.send(
            "Target.attachToTarget", {"targetId": target, "flatten": True},
            browser=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {
            "expression": expression, "returnByValue": True,
            "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, what):
        deadline = time.monotonic() + TIMEOUT_S
        last_error = None
        while time.monotonic() < deadline:
            try:
                if self.evaluate(expression):
                    return
            except RuntimeError as error:  # e.g. the page is still loading
                last_error = error
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}"
                             + (f" (last: {last_error})" if last_error else ""))

    def click(self, selector):
        """A real mouse click in the middle of the element."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'});"
            " const r = e.getBoundingClientRect(); return [r.x + r.width / 2,"
            " r.y + r.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {
                "type": kind, "x": box[0], "y": box[1], "button": "left",
                "clickCount": 1})

    def type_into(self, selector, text):
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.send("Input.insertText", {"text": text})

    def press(self, key):
        """One key stroke (e.g. "Enter", " " for Space, "Tab") to the
        focused element."""
        names = {"Enter": ("Enter", 13, "\r"), " ": ("Space", 32, " "),
                 "Tab": ("Tab", 9, None)}
        code, key_code, text = names[key]
        down = {"type": "keyDown", "key": key, "code": code,
                "windowsVirtualKeyCode": key_code}
        if text:
            down["text"] = text
        self.send("Input.dispatchKeyEvent", down)
        self.send("Input.dispatchKeyEvent", {
            "type": "keyUp", "key": key, "code": code,
            "windowsVirtualKeyCode": key_code})

    def select_text(self, container, phrase):
        """Selects the first occurrence of `phrase` inside one paragraph
        (an element matching `container`) with a DOM Range, as a reader's
        mouse would; returns False when no paragraph holds it."""
        return self.evaluate(f"""(() => {{
          const phrase = {json.dumps(phrase)};
          for (const para of document.querySelectorAll({json.dumps(container)})) {{
            const walker = document.createTreeWalker(para,
                NodeFilter.SHOW_TEXT);
            const nodes = [];
            let text = '';
            while (walker.nextNode()) {{
              nodes.push([walker.currentNode, text.length]);
              text += walker.currentNode.data;
            }}
            const at = text.indexOf(phrase);
            if (at < 0) continue;
            const locate = (i, isEnd) => {{
              for (const [node, start] of nodes) {{
                const end = start + node.data.length;
                if (isEnd ? i <= end : i < end) return [node, i - start];
              }}
            }};
            const range = document.createRange();
            range.setStart(...locate(at, false));
            range.setEnd(...locate(at + phrase.length, true));
            range.startContainer.parentElement.scrollIntoView(
                {{block: 'center'}});
            const selection = document.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            return true;
          }}
          return false;
        }})()""")

    def axe(self, axe_source):
        """Runs axe-core (its source injected with Runtime.evaluate, which
        the page's Content-Security-Policy does not restrict) on the page
        and returns its serious and critical violations."""
        if not self.evaluate("typeof window.axe === 'object'"):
            self.evaluate(axe_source + "\n;true")
        return self.evaluate("""axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                     'best-practice']}})
          .then((r) => r.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => ({id: v.id, impact: v.impact, help: v.help,
                          nodes: v.nodes.slice(0, 5).map((n) =>
                              n.target.join(' ') + ': ' + n.failureSummary)})))
        """)

    def screenshot(self, path, full_page=False):
        if full_page:
            # A window as tall as the page for one shot, then the window
            # as it was (captureBeyondViewport left the layout changed).
            width, height = self.evaluate(
                "[window.innerWidth, document.documentElement.scrollHeight]")
            self.send("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": 1,
                "mobile": False})
        try:
            data = self.send("Page.captureScreenshot",
                             {"format": "png"})["data"]
        finally:
            if full_page:
                self.send("Emulation.clearDeviceMetricsOverride")
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))

    def errors(self):
        """Console errors and uncaught exceptions seen so far."""
        found = []
        for event in self.events:
            method = event.get("method")
            params = event.get("params", {})
            entry = params.get("entry", {})
            # A refused call (401 before signing in) is logged by the
            # network layer; that is the API working, not the page failing.
            if method == "Log.entryAdded" and entry["level"] == "error" \
                    and entry.get("source") != "network":
                found.append(entry["text"])
            elif method == "Runtime.exceptionThrown":
                found.append(str(params["exceptionDetails"]))
        return found

    def close(self):
        self.proc.kill()
        self.proc.wait()
