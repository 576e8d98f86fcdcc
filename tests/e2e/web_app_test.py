#!/usr/bin/python3
"""The web app in a real browser: Debian's headless Chromium, driven over
the DevTools protocol on a pipe (--remote-debugging-pipe; no npm, no
browser download, no WebSocket library).

Starts marginalia-server with --http on a temporary database, sets up a
course, a student and her essay with the CLI, then, in the browser:
  * the sign-in page loads with no console error (a Content-Security-Policy
    violation, such as an inline script, would be one);
  * the student types her token and clicks "Sign in";
  * her submission is listed with the engine's scores per criterion;
  * the session cookie is invisible to the page's scripts (HttpOnly);
  * "Sign out" brings the sign-in form back.
Screenshots land in the artefacts folder.
"""
import argparse
import base64
import json
import os
import subprocess
import sys
import tempfile
import time

CHROMIUM = "/usr/bin/chromium"
TIMEOUT_S = 60


class DevTools:
    """A Chromium child and its DevTools pipe (fd 3 in, fd 4 out)."""

    def __init__(self, profile):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def wire():
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--hide-scrollbars", "--window-size=1000,800",
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
        while time.monotonic() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}")

    def click(self, selector):
        """A real mouse click in the middle of the element."""
        box = self.evaluate(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
            ".getBoundingClientRect(); return [r.x + r.width / 2,"
            " r.y + r.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {
                "type": kind, "x": box[0], "y": box[1], "button": "left",
                "clickCount": 1})

    def type_into(self, selector, text):
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.send("Input.insertText", {"text": text})

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
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


def cli(args, admin_token, *arguments):
    result = subprocess.run(
        [args.cli, *arguments],
        env={**os.environ, "MARGINALIA_SERVER": args.grpc_address,
             "MARGINALIA_TOKEN": admin_token},
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{arguments}: {result.stderr}"
    return result.stdout


def set_up(args, tmp, admin):
    """A course, a student, her essay; her token."""
    cli(args, admin, "course", "create", "hist", "--title", "History")
    cli(args, admin, "user", "create", "amy", "--name", "Amy Archer")
    cli(args, admin, "enrol", "amy", "--course", "hist")
    cli(args, admin, "assignment", "create", "hist101", "--course", "hist",
        "--engine-feedback-now")
    token = json.loads(cli(args, admin, "token", "create", "--user", "amy",
                           "--format", "json"))["secret"]
    cli(args, token, "submit", args.essay, "--assignment", "hist101")
    return token


def check_app(args, page, url, token):
    page.send("Page.navigate", {"url": url})
    hidden = "(document.getElementById('sign-in') || {hidden: true}).hidden"
    page.wait_for(f"!{hidden}", "the sign-in form")
    page.screenshot(os.path.join(args.artefacts, "web-sign-in.png"))
    page.type_into("#token", token)
    page.click("#sign-in-form button[type=submit]")
    page.wait_for("document.querySelectorAll('#submission-list .card')"
                  ".length === 1", "the student's submission")
    card = page.evaluate(
        "document.querySelector('#submission-list .card').innerText")
    assert "hist101" in card, card
    assert "Engine score" in card, card
    assert page.evaluate(
        "document.querySelectorAll('.card .criteria li').length") >= 3, card
    assert "Amy Archer" in page.evaluate("document.getElementById('who')"
                                         ".innerText")
    # The session cookie is HttpOnly, and the token is gone from the form.
    assert "marginalia_session" not in page.evaluate("document.cookie")
    assert page.evaluate("document.getElementById('token').value") == ""
    page.screenshot(os.path.join(args.artefacts, "web-student-list.png"))
    page.click("#sign-out")
    page.wait_for(f"!{hidden}", "the sign-in form after signing out")
    assert page.evaluate(
        "document.querySelectorAll('script:not([src])').length") == 0
    errors = page.errors()
    assert not errors, f"console errors: {errors}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--essay", required=True)
    parser.add_argument("--artefacts", required=True)
    args = parser.parse_args()
    if not os.access(CHROMIUM, os.X_OK):
        sys.exit("chromium is not installed; scripts/install-deps --test "
                 "installs it")
    os.makedirs(args.artefacts, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        server = subprocess.Popen(
            [args.server, "--listen", "127.0.0.1:0", "--http", "127.0.0.1:0",
             "--db", os.path.join(tmp, "m.db")],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        page = None
        try:
            grpc_line = server.stdout.readline().strip()
            http_line = server.stdout.readline().strip()
            assert http_line.startswith("http on "), f"server: {http_line!r}"
            args.grpc_address = grpc_line[len("listening on "):]
            with open(os.path.join(tmp, "admin-token")) as f:
                admin = f.read().strip()
            token = set_up(args, tmp, admin)
            page = DevTools(os.path.join(tmp, "profile"))
            page.open_page()
            check_app(args, page, http_line[len("http on "):], token)
        finally:
            if page:
                page.close()
            server.terminate()
            server.wait()
    print("web app ok")


if __name__ == "__main__":
    main()
