#!/usr/bin/python3
"""Issue 5's review scenario done entirely in the web app, in Debian's
headless Chromium (devtools.py), with axe-core checking every page.

The server starts with --http on a temporary database; through the JSON
API the administrator sets up a course with a tutor and four students, who
submit the sample essay and are allocated peer reviews (k = 2); the peers
do their reviews through the API except one of ben's. Then, in the browser:
  * the tutor signs in, opens amy's essay from the assignment's list,
    selects a passage with the mouse (a DOM Range), comments on it for the
    student, comments staff-only on another with the keyboard alone (typing
    the words to find them), overrides a criterion with a reason and
    releases the feedback;
  * amy signs in and sees the tutor's comment highlighted on exactly the
    words the tutor selected, the released grade (not the engine's total),
    the peers' reviews without their names, and not the staff-only note;
    she replies to the comment, and the reply is threaded under it;
  * ben signs in, opens his remaining review task, sees the rubric's level
    descriptors, comments on a selected passage, picks a level per
    criterion (one with the keyboard) and submits with the Enter key;
  * the tutor releases every essay's feedback from the assignment's list
    and opens the cohort overview, whose essays table sorts by a column.
The API (as staff, with a bearer token) then confirms what was stored: the
comments anchored at the UTF-8 byte offsets of the selected words (the
passages follow multi-byte characters, and hold some), the override with
its reason, the release, ben's review with his scores and his comment's
span. axe-core (web/node_modules, installed by `npm ci` from
web/package-lock.json) must find no serious or critical violation on any
page of the scenario. Screenshots of every step land in the artefacts
folder.
"""
import argparse
import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

from devtools import CHROMIUM, DevTools

TUTOR_PASSAGE = "a chronicle of “revisionist” degeneracy"
TUTOR_COMMENT = "Good: name who called it revisionist, and when."
STAFF_PASSAGE = "Stalin’s methodology"
STAFF_COMMENT = "Check this phrasing against last year's essays."
OVERRIDE_REASON = "The roadmap is explicit and followed."
STUDENT_REPLY = "Thank you: it was Mao, from 1960 on."
PEER_PASSAGE = "China’s condition and the First Five Year Plan"
PEER_COMMENT = "This roadmap helps me follow the essay."
STUDENTS = ("amy", "ben", "cat", "dan")


def points(value):
    """As the page writes points: one decimal, none when it is 0."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


class Scenario:
    def __init__(self, args, tmp, http_base, admin):
        self.args = args
        self.tmp = tmp
        self.base = http_base
        self.admin = admin
        self.tokens = {}
        self.page = None
        self.shot = 0
        self.violations = {}
        with open(args.axe, encoding="utf-8") as f:
            self.axe_source = f.read()

    # --- set-up, outside the browser -------------------------------------

    def api(self, token, method, body):
        """One call of the JSON API with a bearer token (no cookie, so no
        CSRF token either)."""
        request = urllib.request.Request(
            f"{self.base}/api/v1/{method}", data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json",
                     "Authorization": f"Bearer {token}"}, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            raise AssertionError(f"{method}: {error.code} "
                                 f"{error.read().decode()}") from None

    def user(self, user_id, role):
        self.api(self.admin, "AdminService/CreateUser",
                 {"user": {"id": user_id, "displayName": f"User {user_id}"}})
        self.api(self.admin, "AdminService/CreateEnrolment", {"enrolment": {
            "courseId": "hist", "userId": user_id, "role": role}})
        self.tokens[user_id] = self.api(
            self.admin, "AdminService/CreateToken",
            {"userId": user_id, "label": "web test"})["secret"]

    def set_up(self):
        """Issue 5's set-up, through the API as the administrator, the
        tutor and the students."""
        self.api(self.admin, "AdminService/CreateCourse",
                 {"course": {"id": "hist", "title": "History"}})
        self.user("tutor", "COURSE_ROLE_TUTOR")
        for student in STUDENTS:
            self.user(student, "COURSE_ROLE_STUDENT")
        self.api(self.tokens["tutor"], "AdminService/CreateAssignment", {
            "assignment": {
                "id": "hist101", "courseId": "hist",
                "title": "The Soviet model", "rubricId": "history-essay",
                "peerReview": {"reviewsPerSubmission": 2, "peerWeight": 0.2},
            }})
        with open(self.args.essay, encoding="utf-8") as f:
            essay = f.read()
        self.submission = {}
        for student in STUDENTS:
            text = essay + f"\nWritten by student {student}.\n"
            self.submission[student] = self.api(
                self.tokens[student], "SubmissionService/CreateSubmission", {
                    "assignmentId": "hist101",
                    "text": base64.b64encode(text.encode()).decode(),
                    "fileName": f"{student}.txt",
                })["submission"]["id"]
        self.api(self.tokens["tutor"], "ReviewService/AllocatePeerReviews",
                 {"assignmentId": "hist101"})
        self.rubric = self.api(self.admin, "RubricService/GetRubric",
                               {"id": "history-essay"})["rubric"]
        # Every peer reviews through the API, except one task of ben's,
        # which he does in the browser.
        self.browser_task = None
        for student in STUDENTS:
            tasks = self.api(self.tokens[student],
                             "ReviewService/ListReviewTasks", {})["tasks"]
            assert len(tasks) == 2, tasks
            for task in tasks:
                if student == "ben" and self.browser_task is None:
                    self.browser_task = task
                    continue
                self.api(self.tokens[student], "ReviewService/SubmitReview", {
                    "taskId": task["id"], "overallComment": "Clear argument.",
                    "scores": [{"criterionId": c["id"], "level": 2}
                               for c in self.rubric["criteria"]]})

    def byte_span(self, submission_id, passage):
        """Where the passage lies in the stored text, in UTF-8 bytes."""
        text = self.api(self.admin, "SubmissionService/GetSubmission", {
            "id": submission_id, "view": "SUBMISSION_VIEW_FULL"
        })["submission"]["text"].encode("utf-8")
        begin = text.find(passage.encode("utf-8"))
        assert begin > 0, passage
        assert len(text[:begin].decode("utf-8")) < begin, \
            "the passage should follow multi-byte characters"
        return {"begin": begin, "end": begin + len(passage.encode("utf-8"))}

    # --- the browser -----------------------------------------------------

    def step(self, name, check_axe=True, full_page=False):
        """A screenshot of the step and axe-core's verdict on the page."""
        self.shot += 1
        self.page.screenshot(os.path.join(
            self.args.artefacts, f"review-{self.shot:02d}-{name}.png"),
            full_page=full_page)
        if check_axe:
            found = self.page.axe(self.axe_source)
            if found:
                self.violations[name] = found

    def text_of(self, selector):
        return self.page.evaluate(
            f"(document.querySelector({json.dumps(selector)}) || "
            "{innerText: ''}).innerText")

    def sign_in(self, who):
        page = self.page
        page.wait_for("!document.getElementById('sign-in').hidden",
                      "the sign-in form")
        page.type_into("#token", self.tokens[who])
        page.click("#sign-in-form button[type=submit]")
        page.wait_for("!document.getElementById('view').hidden && "
                      "!document.getElementById('view')"
                      ".hasAttribute('aria-busy') && "
                      "document.getElementById('view').children.length > 0",
                      f"{who}'s first page")

    def sign_out(self):
        self.page.click("#sign-out")
        self.page.wait_for("!document.getElementById('sign-in').hidden",
                           "the sign-in form after signing out")

    def open_link(self, selector, ready, what):
        self.page.click(selector)
        self.page.wait_for(ready, what)

    def comment_on(self, passage, body):
        page = self.page
        assert page.select_text(".essay .para", passage), passage
        page.wait_for("document.getElementById('selected-passage')"
                      f".innerText.includes({json.dumps(passage)})",
                      "the composer to show the selected passage")
        page.type_into("#composer-body", body)
        page.click("#composer-submit")
        page.wait_for(
            "[...document.querySelectorAll('.note-comment .note-body')]"
            f".some((n) => n.innerText === {json.dumps(body)})",
            "the new comment in the margin")

    def comment_by_keyboard(self, words, passage, body):
        """Only keystrokes: type the words (straight quotes) and Enter, Tab
        to the comment, type it, Tab, Space ticks staff-only, Tab, Enter."""
        page = self.page
        page.type_into("#composer-find", words)
        page.press("Enter")
        page.wait_for("document.getElementById('selected-passage')"
                      f".innerText.includes({json.dumps(passage)})",
                      "the typed words to be selected")

        def tab_to(element_id):
            page.press("Tab")
            focused = page.evaluate("document.activeElement.id")
            assert focused == element_id, (focused, element_id)

        tab_to("composer-body")
        page.send("Input.insertText", {"text": body})
        tab_to("composer-staff")
        page.press(" ")
        assert page.evaluate("document.getElementById('composer-staff')"
                             ".checked")
        tab_to("composer-submit")
        page.press("Enter")
        page.wait_for(
            "[...document.querySelectorAll('.note-comment .note-body')]"
            f".some((n) => n.innerText === {json.dumps(body)})",
            "the comment made with the keyboard in the margin")

    def tutor(self):
        page = self.page
        amy = self.submission["amy"]
        self.sign_in("tutor")
        assert "hist101" in self.text_of("#teaching") or \
            "The Soviet model" in self.text_of("#teaching")
        self.step("tutor-list")
        self.open_link(f"tr[data-submission='{amy}'] a",
                       "!!document.getElementById('composer') && "
                       "!!document.getElementById('grade-total')",
                       "amy's essay for the tutor")
        # Engine findings are in the margin with their severity in words.
        notes = page.evaluate("[...document.querySelectorAll("
                              "'.note-finding .note-head')]"
                              ".map((n) => n.innerText)")
        assert notes and all(re.search(r"(Error|Warning|Note):", n)
                             for n in notes), notes
        self.comment_on(TUTOR_PASSAGE, TUTOR_COMMENT)
        self.comment_by_keyboard(STAFF_PASSAGE.replace("’", "'"),
                                 STAFF_PASSAGE, STAFF_COMMENT)
        staff_note = page.evaluate(
            "[...document.querySelectorAll('.note-comment')].find((n) =>"
            f" n.innerText.includes({json.dumps(STAFF_COMMENT)})).innerText")
        assert "Staff only" in staff_note, staff_note
        # Override the first criterion with a reason.
        criterion = self.rubric["criteria"][0]
        grade = self.api(self.tokens["tutor"], "GradeService/GetGrade",
                         {"submissionId": amy})["grade"]
        engine = next(c for c in grade["criteria"] if c["criterionId"] ==
                      criterion["id"]).get("engineScore", 0)
        self.override = criterion["maxScore"] if engine != \
            criterion["maxScore"] else criterion["maxScore"] - 1
        page.evaluate("document.getElementById('override-criterion').value"
                      f" = {json.dumps(criterion['id'])}")
        page.type_into("#override-score", str(self.override))
        page.type_into("#override-reason", OVERRIDE_REASON)
        page.click("#override-form button[type=submit]")
        page.wait_for("document.getElementById('grade-status').innerText"
                      " === 'Override saved.'", "the override")
        row = self.text_of(f"tr[data-criterion='{criterion['id']}']")
        assert "overridden" in row, row
        page.click("#release")
        page.wait_for("document.getElementById('release-state').innerText"
                      ".includes('Released')", "the release")
        page.evaluate("document.getElementById('audit').open = true")
        audit = self.text_of("#audit")
        assert "criterion override" in audit and OVERRIDE_REASON in audit, \
            audit
        page.evaluate("document.getElementById('grade-heading')"
                      ".scrollIntoView()")
        self.step("tutor-grade", check_axe=False)
        page.evaluate("window.scrollTo(0, 0)")
        self.step("tutor-essay")
        self.step("tutor-essay-full", check_axe=False, full_page=True)
        self.sign_out()

    def student(self):
        page = self.page
        amy = self.submission["amy"]
        grade = self.api(self.tokens["tutor"], "GradeService/GetGrade",
                         {"submissionId": amy})["grade"]
        assert grade["released"], grade
        comments = self.api(self.tokens["tutor"], "ReviewService/ListComments",
                            {"submissionId": amy})["comments"]
        tutor_comment = next(c for c in comments
                             if c["body"] == TUTOR_COMMENT)
        assert tutor_comment["anchor"]["span"] == \
            self.byte_span(amy, TUTOR_PASSAGE), tutor_comment
        staff_comment = next(c for c in comments
                             if c["body"] == STAFF_COMMENT)
        assert staff_comment["visibility"] == "COMMENT_VISIBILITY_STAFF"
        assert staff_comment["anchor"]["span"] == \
            self.byte_span(amy, STAFF_PASSAGE), staff_comment

        self.sign_in("amy")
        card = self.text_of(f".card[data-submission='{amy}']")
        total = points(grade["total"])
        assert f"Grade: {total} of" in card, (card, grade)
        # Per criterion, the released grade's scores, not the engine's.
        for criterion, scored in zip(self.rubric["criteria"],
                                     grade["criteria"]):
            assert scored["criterionId"] == criterion["id"]
            line = f"{criterion['name']}: {points(scored['effectiveScore'])}" \
                f" of {points(scored['maxScore'])}"
            assert line in card, (line, card)
        self.step("student-list")
        self.open_link(f".card[data-submission='{amy}'] a",
                       "!!document.getElementById('grade-total') && "
                       "!!document.querySelector('.essay .para')",
                       "amy's feedback")
        highlighted = page.evaluate(
            "[...document.querySelectorAll("
            f"'mark[data-comments~=\"{tutor_comment['id']}\"]')]"
            ".map((m) => m.textContent).join('')")
        assert highlighted == TUTOR_PASSAGE, highlighted
        body = page.evaluate("document.body.innerText")
        assert TUTOR_COMMENT in body
        assert STAFF_COMMENT not in body, "a staff-only note reached amy"
        shown = self.text_of("#grade-total")
        assert shown == f"Grade: {total} of {points(grade['maxScore'])}", \
            shown
        assert OVERRIDE_REASON in body
        assert "Engine" not in self.text_of(".panel"), \
            "the engine's total beside the released grade"
        reviews = self.text_of(".peer-reviews")
        assert re.search(r"^Reviewer \d$", reviews, re.M), reviews
        for peer in ("ben", "cat", "dan"):
            assert not re.search(rf"\b{peer}\b", reviews), reviews
        # amy replies to the tutor's comment: the reply is threaded under it.
        note = f"#note-{tutor_comment['id']}"
        page.click(f"{note} .reply-box summary")
        page.type_into(f"#reply-{tutor_comment['id']}", STUDENT_REPLY)
        page.click(f"{note} .reply button[type=submit]")
        page.wait_for(
            f"(document.querySelector('{note} .replies') || {{innerText: ''}})"
            f".innerText.includes({json.dumps(STUDENT_REPLY)})",
            "amy's reply under the tutor's comment")
        replies = [c for c in self.api(
            self.tokens["tutor"], "ReviewService/ListComments",
            {"submissionId": amy})["comments"] if c["body"] == STUDENT_REPLY]
        assert len(replies) == 1 and \
            replies[0]["parentId"] == tutor_comment["id"], replies
        page.evaluate("window.scrollTo(0, 0)")
        self.step("student-feedback")
        # The same page on a phone.
        page.send("Emulation.setDeviceMetricsOverride", {
            "width": 390, "height": 844, "deviceScaleFactor": 1,
            "mobile": True})
        overflow = page.evaluate(
            "document.documentElement.scrollWidth > window.innerWidth")
        self.step("student-feedback-phone")
        page.send("Emulation.clearDeviceMetricsOverride")
        assert not overflow, "the page scrolls sideways on a phone"
        self.sign_out()

    def peer(self):
        page = self.page
        task = self.browser_task
        self.sign_in("ben")
        self.step("peer-tasks")
        self.open_link(f"li[data-task='{task['id']}'] a",
                       "!!document.getElementById('review-form')",
                       "ben's review task")
        self.step("peer-review")
        form = self.text_of("#review-form")
        for criterion in self.rubric["criteria"]:
            assert criterion["name"] in form, criterion["name"]
            for level in criterion["levels"]:
                assert level["description"] in form, level["description"]
        assert "Written by student" in self.text_of(".essay")
        self.comment_on(PEER_PASSAGE, PEER_COMMENT)
        criteria = self.rubric["criteria"]
        # The first criterion with the keyboard, the others with the mouse.
        first = criteria[0]["id"]
        page.evaluate(f"document.getElementById('level-{first}-3').focus()")
        page.press(" ")
        assert page.evaluate(
            f"document.getElementById('level-{first}-3').checked")
        for criterion in criteria[1:]:
            page.click(f"#level-{criterion['id']}-3")
        page.type_into(f"#comment-{first}", "The structure is easy to follow.")
        page.type_into("#overall-comment", "A well-argued comparison.")
        self.step("peer-review-filled")
        page.evaluate("document.getElementById('submit-review').focus()")
        page.press("Enter")
        page.wait_for("document.getElementById('review-status').innerText"
                      ".startsWith('Review submitted')", "the review")
        self.step("peer-review-submitted")
        self.sign_out()

        # What the API stored: ben's review and his comment's span.
        reviewed = task["submissionId"]
        reviews = self.api(self.tokens["tutor"], "ReviewService/ListReviews",
                           {"submissionId": reviewed})["reviews"]
        review = next(r for r in reviews if r["taskId"] == task["id"])
        assert review["reviewer"] == "ben", review
        assert review["overallComment"] == "A well-argued comparison."
        levels = {s["criterionId"]: s.get("level", 0)
                  for s in review["scores"]}
        assert levels == {c["id"]: 3 for c in criteria}, levels
        comments = self.api(self.tokens["tutor"], "ReviewService/ListComments",
                            {"submissionId": reviewed})["comments"]
        mine = [c for c in comments if c["body"] == PEER_COMMENT]
        assert len(mine) == 1, comments
        assert mine[0]["anchor"]["span"] == \
            self.byte_span(reviewed, PEER_PASSAGE), mine[0]

    def release_all(self):
        """The tutor releases every submission's feedback (two clicks)."""
        page = self.page
        self.sign_in("tutor")
        page.click(".release-all button")
        assert not self.api(self.tokens["tutor"], "GradeService/GetGrade", {
            "submissionId": self.submission["ben"]})["grade"]["released"], \
            "one click released everything"
        page.click(".release-all button")
        page.wait_for("document.querySelector('.release-all').innerText"
                      ".includes('Released 3 submission')",
                      "the release of every essay")
        states = page.evaluate(
            "[...document.querySelectorAll('table.queue tbody tr')]"
            ".map((row) => row.cells[3].innerText)")
        assert states == ["✔ released"] * 4, states
        for student in STUDENTS:
            assert self.api(self.tokens["tutor"], "GradeService/GetGrade", {
                "submissionId": self.submission[student]
            })["grade"]["released"], student
        self.step("tutor-released-all")
        # The cohort overview: per-criterion columns, sortable.
        self.open_link(".cohort-link", "!!document.getElementById("
                       "'cohort-essays')", "the cohort overview")
        rows = page.evaluate("[...document.querySelectorAll("
                             "'#cohort-essays tbody tr')].length")
        assert rows == len(STUDENTS), rows
        headers = page.evaluate("[...document.querySelectorAll("
                                "'#cohort-essays thead th')]"
                                ".map((th) => th.innerText)")
        for criterion in self.rubric["criteria"]:
            assert criterion["name"] in headers, headers
        assert page.evaluate("document.querySelectorAll("
                             "'#frequent-findings li').length") > 0
        page.click("#cohort-essays thead th:nth-child(1) button")
        first = page.evaluate("document.querySelector('#cohort-essays "
                              "thead th').getAttribute('aria-sort')")
        assert first == "descending", first
        order = page.evaluate("[...document.querySelectorAll("
                              "'#cohort-essays tbody th')]"
                              ".map((th) => th.innerText)")
        assert order == sorted(STUDENTS, reverse=True), order
        self.step("tutor-cohort")
        self.sign_out()

    def run(self):
        self.set_up()
        self.page = DevTools(os.path.join(self.tmp, "profile"),
                             window=(1280, 900))
        try:
            self.page.open_page()
            self.page.send("Page.navigate", {"url": self.base})
            self.page.wait_for(
                "!document.getElementById('sign-in').hidden",
                "the sign-in form")
            self.step("sign-in")
            self.tutor()
            self.student()
            self.peer()
            self.release_all()
            errors = self.page.errors()
        finally:
            self.page.close()
        assert not errors, f"console errors: {errors}"
        assert not self.violations, "axe-core found serious or critical " \
            "violations:\n" + json.dumps(self.violations, indent=2,
                                         ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--essay", required=True)
    parser.add_argument("--axe", required=True,
                        help="axe.min.js (web/node_modules/axe-core)")
    parser.add_argument("--artefacts", required=True)
    args = parser.parse_args()
    if not os.access(CHROMIUM, os.X_OK):
        sys.exit("chromium is not installed; scripts/install-deps --test "
                 "installs it")
    if not os.path.isfile(args.axe):
        sys.exit(f"{args.axe} is missing; scripts/install-deps --test "
                 "installs axe-core from web/package-lock.json (npm ci)")
    os.makedirs(args.artefacts, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        server = subprocess.Popen(
            [args.server, "--listen", "127.0.0.1:0", "--http", "127.0.0.1:0",
             "--db", os.path.join(tmp, "m.db")],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            server.stdout.readline()  # "listening on": gRPC, unused here
            http_line = server.stdout.readline().strip()
            assert http_line.startswith("http on "), f"server: {http_line!r}"
            with open(os.path.join(tmp, "admin-token")) as f:
                admin = f.read().strip()
            Scenario(args, tmp, http_line[len("http on "):].rstrip("/"),
                     admin).run()
        finally:
            server.terminate()
            server.wait()
    print("web review scenario ok")


if __name__ == "__main__":
    main()
