#!/usr/bin/python3
"""The web app in a real browser: Debian's headless Chromium, driven over
the DevTools protocol on a pipe (devtools.py).

Starts marginalia-server with --http on a temporary database, sets up a
course, a student and her essay with the CLI, then, in the browser:
  * the sign-in page loads with no console error (a Content-Security-Policy
    violation, such as an inline script, would be one);
  * the student types her token and clicks "Sign in";
  * her submission is listed with the engine's scores per criterion;
  * the session cookie is invisible to the page's scripts (HttpOnly);
  * she pastes a second draft into the assignment's form and hands it in;
    the app opens it with what changed per criterion since the first;
  * axe-core finds no serious or critical violation on the list (with the
    hand-in form open) nor on the second draft's page;
  * "Sign out" brings the sign-in form back.
Screenshots land in the artefacts folder.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

from devtools import CHROMIUM, DevTools


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
    with open(args.axe, encoding="utf-8") as f:
        axe_source = f.read()
    violations = {}
    page.evaluate("document.querySelector('#assignments details').open = true")
    violations["list"] = page.axe(axe_source)
    page.evaluate("document.querySelector('#assignments details')"
                  ".open = false")
    # A second draft, pasted into the assignment's form: the app opens it
    # with what changed per criterion since the first.
    with open(args.essay, encoding="utf-8") as f:
        draft = f.read() + "\nA paragraph added for the second draft.\n"
    page.click("#assignments details summary")
    page.type_into("#essay-hist101", draft)
    page.click("form.hand-in[data-assignment='hist101'] button[type=submit]")
    page.wait_for("!!document.getElementById('deltas-heading')",
                  "the second draft with its changes")
    changes = page.evaluate("document.querySelector('.deltas').innerText")
    assert changes.count("→") >= 3, changes
    assert "draft 2" in page.evaluate("document.body.innerText")
    page.screenshot(os.path.join(args.artefacts, "web-student-draft-2.png"))
    violations["draft-2"] = page.axe(axe_source)
    page.click("#home-link")
    page.wait_for("document.querySelectorAll('#submission-list .card')"
                  ".length === 2", "both drafts in the list")
    page.click("#sign-out")
    page.wait_for(f"!{hidden}", "the sign-in form after signing out")
    assert page.evaluate(
        "document.querySelectorAll('script:not([src])').length") == 0
    errors = page.errors()
    assert not errors, f"console errors: {errors}"
    violations = {k: v for k, v in violations.items() if v}
    assert not violations, "axe-core: serious or critical violations:\n" + \
        json.dumps(violations, indent=2, ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--essay", required=True)
    parser.add_argument("--axe", required=True,
                        help="axe.min.js (web/node_modules/axe-core)")
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
