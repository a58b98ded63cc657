"""The Python API: Checker, Report contract, context, routing, masking, fixes, streaming."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postcheck import Checker, Post, Recipient, Severity, Verdict
from postcheck.models import Context

CONTRACT_REPORT = {"id", "verdict", "severity", "routing", "findings", "ruleset"}
CONTRACT_FINDING = {
    "rule", "category", "severity", "start", "end", "excerpt", "message", "suggestion",
    "policy", "routing",
}  # fmt: skip


def test_report_json_follows_the_machine_contract(checker: Checker) -> None:
    text = "Mr Davies is a thief, ring 07700 900123"
    data = json.loads(checker.check(text, id="p1").model_dump_json())
    assert data.keys() >= CONTRACT_REPORT
    assert data["id"] == "p1"
    assert data["verdict"] == "escalate"
    assert data["severity"] == "high"
    assert set(data["ruleset"]) == {"version", "sha256"}
    assert len(data["ruleset"]["sha256"]) == 64
    for finding in data["findings"]:
        assert finding.keys() >= CONTRACT_FINDING
    rules = {f["rule"] for f in data["findings"]}
    assert {"DEF-ALLEGATION", "DP-PHONE"} <= rules


def test_clean_post_passes_with_severity_none(checker: Checker) -> None:
    report = checker.check("Open evening is on Thursday from 5pm. Everyone welcome!")
    assert report.verdict is Verdict.PASS
    assert report.severity == "none"
    assert report.findings == [] and report.routing == []


def test_personal_data_is_masked_unless_show_pii() -> None:
    text = "Text Jo on 07700 900123"
    masked = Checker.default().check(text).findings[0]
    assert "900123" not in masked.excerpt and "900123" not in masked.explanation
    assert text[masked.start : masked.end] == "07700 900123"
    shown = Checker.default(show_pii=True).check(text).findings[0]
    assert shown.excerpt == "07700 900123"


def test_college_public_number_and_role_mailbox_are_not_personal_data(checker: Checker) -> None:
    report = checker.check("Call 01632 960000 or email admissions@bsfc.ac.uk")
    assert report.findings == []


def test_disclaimer_depends_on_account_and_bio(checker: Checker) -> None:
    text = "Proud of our students at BSFC today"
    assert checker.check(text, account="official").findings == []
    personal = checker.check(text, account="personal")
    assert [f.rule for f in personal.findings] == ["DISC-MISSING"]
    with_bio = checker.check(text, account="personal", bio="Maths teacher. Views my own.")
    assert with_bio.findings == []


def test_one_click_disclaimer_fix_clears_the_finding(checker: Checker) -> None:
    text = "Proud of our students at BSFC today"
    finding = checker.check(text, account="personal").findings[0]
    assert finding.fix is not None
    fixed = finding.fix.apply(text)
    assert fixed.startswith(text) and "views expressed here are my own" in fixed
    assert checker.check(fixed, account="personal").verdict is Verdict.PASS


def test_mask_fix_removes_the_number(checker: Checker) -> None:
    text = "Text Jo on 07700 900123 tonight"
    finding = checker.check(text).findings[0]
    assert finding.fix is not None
    fixed = finding.fix.apply(text)
    assert "900123" not in fixed and fixed.endswith(" tonight")
    assert checker.check(fixed).findings == []


def test_received_content_routes_to_it_services_before_any_reply(checker: Checker) -> None:
    report = checker.check("you're a pathetic loser", direction="received")
    recipients = {e.recipient for e in report.routing}
    assert Recipient.IT_SERVICES in recipients
    reasons = " ".join(e.reason for e in report.routing)
    assert "before any response" in reasons


def test_offensive_content_received_by_staff_goes_to_line_manager(checker: Checker) -> None:
    report = checker.check("you absolute wanker", direction="received", author_role="staff")
    assert Recipient.LINE_MANAGER in {e.recipient for e in report.routing}


def test_threat_routes_to_police(checker: Checker) -> None:
    report = checker.check("I know where you live, watch your back")
    assert report.severity == "critical"
    assert {Recipient.POLICE, Recipient.PRINCIPAL} <= {e.recipient for e in report.routing}


def test_check_many_streams_in_input_order(checker: Checker) -> None:
    posts = [Post(id=str(i), text=t) for i, t in enumerate(["hello", "what the fuck", "hi"] * 20)]
    reports = list(checker.check_many(iter(posts)))
    assert [r.id for r in reports] == [p.id for p in posts]
    assert [r.verdict for r in reports[:3]] == [Verdict.PASS, Verdict.REVISE, Verdict.PASS]


def test_check_many_with_two_processes_matches_one(checker: Checker) -> None:
    texts = ["Mr Davies is a thief", "lovely day", "Great day at BSFC", "sh1t"] * 10
    posts = [Post(id=str(i), text=t, context=Context(account="personal")) for i, t in
             enumerate(texts)]  # fmt: skip
    one = [r.model_dump_json() for r in checker.check_many(posts)]
    two = [r.model_dump_json() for r in checker.check_many(posts, n_process=2, batch_size=8)]
    assert two == one


def test_disable_and_severity_overrides_do_not_touch_the_pack() -> None:
    text = "bloody hell that was close"
    assert Checker.default(disable=["OFF-PROFANITY-MILD"]).check(text).findings == []
    raised = Checker.default(severity={"OFF-PROFANITY-MILD": Severity.HIGH}).check(text)
    assert raised.severity == "high" and raised.verdict is Verdict.ESCALATE
    assert Checker.default().check(text).severity == "low"


def test_own_profile_changes_what_names_the_college(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text(
        "name: Wallasey Academy\naliases: [WA Sixth]\ndomains: [wallasey.example]\n"
        "disclaimers: [views are my own]\ndisclaimer_text: My views, not Wallasey Academy's.\n"
    )
    checker = Checker.default(profile=profile)
    report = checker.check("Brilliant results at Wallasey Academy", account="personal")
    assert [f.rule for f in report.findings] == ["DISC-MISSING"]
    assert "not Wallasey Academy's" in report.findings[0].suggestion
    assert checker.check("Great day at BSFC", account="personal").findings == []


@pytest.mark.parametrize(
    ("text", "names_it"),
    [
        ("Sign up at https://www.wallasey.example/alumni?from=fb", True),  # a link into the site
        ("Sign up at wallasey.example/events.", True),
        ("mail jo@wallasey.example", True),
        ("Sign up at notwallasey.example/events", False),  # another site whose name contains it
    ],
)
def test_a_link_or_address_at_the_organisations_domain_names_it(
    tmp_path: Path, text: str, names_it: bool
) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text(
        "name: Wallasey Academy\ndomains: [wallasey.example]\n"
        "disclaimers: [views are my own]\ndisclaimer_text: My views.\n"
    )
    checker = Checker.default(profile=profile)
    rules = [f.rule for f in checker.check(text, account="personal").findings]
    assert ("DISC-MISSING" in rules) is names_it


def test_extra_rule_folder_adds_rules(tmp_path: Path) -> None:
    (tmp_path / "extra.yaml").write_text(
        """
rules:
  - id: LOCAL-CODENAME
    name: Internal project codename
    category: confidentiality
    severity: medium
    policy: {clause: "§3", quote: "confidentiality"}
    message: Internal codename.
    suggestion: Do not name internal projects.
    match: {phrases: {terms: [project bluebird]}}
    examples: {flag: ["Project Bluebird launches soon"], pass: ["A bluebird sang"]}
"""
    )
    checker = Checker.from_paths(tmp_path)
    assert [f.rule for f in checker.check("project bluebird is go").findings] == ["LOCAL-CODENAME"]
    assert checker.pack.sha256 != Checker.default().pack.sha256


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Mr Davies is not a thief", None),
        ("According to the Echo, Mr Davies is a thief", None),
        ("Is Mr Davies a thief?", None),
        ("Mr Davies is a thief", "DEF-ALLEGATION"),
    ],
)
def test_allegations_respect_negation_hedges_and_questions(
    checker: Checker, text: str, rule: str | None
) -> None:
    rules = [f.rule for f in checker.check(text).findings]
    assert rules == ([rule] if rule else [])


def test_spacy_component_via_entry_point() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("postcheck")  # found through the spacy_factories entry point
    doc = nlp.make_doc("Dave on reception stole from the charity box")
    doc._.postcheck_context = {"account": "personal"}
    doc = nlp(doc)
    assert [f["rule"] for f in doc._.postcheck_findings] == ["DEF-ALLEGATION"]
    assert [s.label_ for s in doc.spans["postcheck"]] == ["DEF-ALLEGATION"]
    assert ("person", "Dave on reception") in {
        (s.label_, s.text) for s in doc.spans["postcheck_refs"]
    }


def test_words_inside_pasted_html_tags_are_checked(checker: Checker) -> None:
    text = "Great day at <b>Birkenhead Sixth Form</b>!"
    report = checker.check(text, account="personal")
    assert [text[f.start : f.end] for f in report.findings] == ["Birkenhead Sixth Form"]


def test_naming_the_bundled_pack_again_adds_nothing(checker: Checker) -> None:
    from postcheck.config.pack import bundled_pack_dir

    for extra in (bundled_pack_dir(), bundled_pack_dir() / "offensive.yaml"):
        again = Checker.from_paths(extra)  # e.g. `postcheck rules test rules/` in a checkout
        assert [r.spec.id for r in again.pack.rules] == [r.spec.id for r in checker.pack.rules]


@pytest.mark.parametrize("text", ["who the f*ck booked this room", "this f**king printer again"])
def test_a_masked_swear_word_is_read_as_the_strong_word_it_hides(
    checker: Checker, text: str
) -> None:
    # "f*ck" fits the mild "feck" too; the commonest word that fits the mask is the one a
    # reader sees, so nothing reports it as mild profanity.
    offensive = [f for f in checker.check(text).findings if f.category.value == "offensive"]
    assert offensive and all(f.severity.rank >= Severity.MEDIUM.rank for f in offensive)
