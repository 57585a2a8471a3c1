"""The English parser on the seed and on ITU's own Resolution 1, checked against the documents by hand."""

from conftest import clauses, resolution

from wtsa_extract.model import Block, Location
from wtsa_extract.parse.english import parse_english


def test_seed_has_26_resolutions_in_annex_order(seed_doc):
    keys = [r.key for r in seed_doc.resolutions]
    assert keys == [f"NEW-{i}" for i in range(1, 11)] + [
        "R2", "R18", "R29", "R44", "R45", "R50", "R52", "R54", "R58", "R64", "R69", "R70", "R72", "R73", "R76", "R78"]
    assert [r.number for r in seed_doc.resolutions][10:12] == [2, 18]


def test_first_new_resolution_tsb_with_other_bureaux(seed_doc):
    (c,) = clauses(resolution(seed_doc, "NEW-1"))
    assert (c.label, c.verb, c.bureaux, c.with_bureaux) == (None, "instructs", ("TSB",), ("BDT", "BR"))
    assert c.text.startswith("to take the necessary actions")


def test_resolution_69_three_bureaux(seed_doc):
    r69 = resolution(seed_doc, "R69")
    assert r69.sections[0].verb == "invites"
    assert [c.bureaux for c in clauses(r69)] == [("TSB", "BDT", "BR")]


def test_resolution_76_clause_partner(seed_doc):
    instructs = resolution(seed_doc, "R76").sections[1]
    c4 = next(c for c in instructs.clauses if c.label == "4")
    assert (c4.verb, c4.bureaux, c4.with_bureaux) == ("instructs", ("TSB",), ("BDT",))
    invites = resolution(seed_doc, "R76").sections[0]
    assert invites.assignee == "Member States; ITU-D Sector Members"


def test_resolution_50_noting_assigns_nobody(seed_doc):
    noting = resolution(seed_doc, "R50").sections[0]
    assert (noting.verb, noting.kind) == ("noting", "preambular")
    (c,) = noting.clauses
    assert (c.label, c.bureaux, c.with_bureaux, c.assignee) == ("4", (), (), None)
    c8 = resolution(seed_doc, "R50").sections[1].clauses[1]
    assert (c8.label, c8.with_bureaux) == ("8", ("BDT",))  # 'to support the BDT Director'


def test_resolution_44_title_footnote_and_sub_items(seed_doc):
    r44 = resolution(seed_doc, "R44")
    assert r44.title_en == "Bridging the standardization gap between developing and developed countries"
    assert [f.text[:20] for f in r44.footnotes] == ["These include the le"]
    resolves = r44.sections[0]
    assert [(c.label, c.parent) for c in resolves.clauses][:5] == [
        ("1", None), ("2", None), ("i)", "2"), ("ii)", "2"), ("iii)", "2")]
    further = r44.sections[1]
    assert (further.verb, further.assignee) == ("resolves further", "ITU regional offices")
    assert [s.verb for s in r44.sections] == ["resolves", "resolves further", "instructs", "further instructs", "invites"]
    assert len(r44.sections[2].clauses) == 16


def test_glued_clause_is_split(seed_doc):
    labels = [c.label for c in clauses(resolution(seed_doc, "NEW-10"))]
    assert labels == ["1", "2", "3", "4"]
    assert resolution(seed_doc, "NEW-10").sections[0].verb == "resolves to instruct"


def test_typo_phrase_maps_to_canonical(seed_doc):
    second = resolution(seed_doc, "NEW-6").sections[1]
    assert (second.heading, second.verb, second.bureaux, second.with_bureaux) == (
        "Instruct", "instructs", ("TSB",), ("BDT", "BR"))
    assert any(d.code == "phrase-normalised" for d in seed_doc.diagnostics)


def test_study_group_mandates(seed_doc):
    r2 = resolution(seed_doc, "R2")
    assert [(s.kind, s.verb, s.assignee, len(s.clauses)) for s in r2.sections] == [
        ("mandate", None, "ITU-T Study Group 13", 1), ("mandate", None, "ITU-T Study Group 20", 1)]


def test_clause_level_addressees(seed_doc):
    c1, c2 = clauses(resolution(seed_doc, "R18"))
    assert (c1.assignee, c1.bureaux) == ("RAG; TSAG; TDAG", ())
    assert (c2.bureaux, c2.assignee) == (("TSB", "BDT", "BR"), "ISC TF")
    sg17 = resolution(seed_doc, "R52").sections[1].clauses[0]
    assert sg17.assignee == "ITU-T Study Group 17"


def test_phrase_extensions(seed_doc):
    r72 = resolution(seed_doc, "R72").sections[0]
    assert (r72.verb, r72.assignee) == ("resolves to invite", "ITU-T Study Group 5")
    r52 = resolution(seed_doc, "R52").sections[0]
    assert (r52.verb, r52.assignee) == ("resolves to instruct", "relevant ITU-T study groups")


def test_space_separated_and_roman_labels(seed_doc):
    assert [c.label for c in clauses(resolution(seed_doc, "R58"))] == ["1", "2", "3", "4", "5"]
    assert [c.label for c in clauses(resolution(seed_doc, "R45"))] == [None, "V)"]


def test_intro_partners_carry_to_items(seed_doc):
    calls = resolution(seed_doc, "R54").sections[1]
    assert calls.verb == "calls upon"
    assert [(c.label, c.with_bureaux) for c in calls.clauses] == [
        (None, ("BDT",)), ("i)", ("BDT",)), ("ii)", ("BDT",)), ("iii)", ("BDT",))]


def test_itu_resolution_1(itu_doc):
    assert len(itu_doc.resolutions) == 1
    (r1,) = itu_doc.resolutions
    assert (r1.key, r1.number) == ("R1", 1)
    assert r1.title_en == "Rules of procedure of the ITU Telecommunication Standardization Sector"
    considering = r1.sections[0]
    assert considering.verb == "considering"
    assert [c.label for c in considering.clauses] == ["a)", "b)", "b)bis", "c)", "d)", "e)", "f)", "g)", "h)", "i)"]
    resolves = r1.sections[1]
    assert resolves.verb == "resolves" and len(resolves.clauses) == 1
    assert resolves.clauses[0].text.startswith("that the provisions referred to in considering")
    assert "ITU\u2011T" in considering.clauses[0].text
    assert all(s.kind == "provisions" for s in r1.sections[2:])
    assert r1.sections[2].heading == "SECTION\u00a01 – World Telecommunication Standardization Assembly"


def B(text, line):
    return Block(text, Location(line=line))


def test_missing_title_and_empty_section_are_reported():
    result = parse_english([B("RESOLUTION 9", 1), B("instructs", 2)])
    (r,) = result.value
    assert r.title_en is None
    assert {m.code for m in result.messages} >= {"missing-title", "empty-section"}


def test_duplicate_numbers_get_distinct_keys():
    blocks = [B("RESOLUTION 9", 1), B("A", 2), B("resolves", 3), B("1\tthat x", 4),
              B("RESOLUTION 9", 5), B("B", 6), B("resolves", 7), B("1\tthat y", 8)]
    result = parse_english(blocks)
    assert [r.key for r in result.value] == ["R9", "R9-2"]
    assert "duplicate-number" in {m.code for m in result.messages}


def test_a_table_of_contents_entry_is_not_a_resolution():
    blocks = [B("RESOLUTION 9 (Rev. Busan, 2014)", 1), B("Title A", 2), B("RESOLUTION 12", 3), B("Title B", 4),
              B("RESOLUTION 9 (Rev. Busan, 2014)", 5), B("Title A", 6), B("resolves", 7), B("1\tthat x", 8),
              B("RESOLUTION 12", 9), B("Title B", 10), B("resolves", 11), B("1\tthat y", 12)]
    result = parse_english(blocks)
    assert [(r.key, r.loc.line) for r in result.value] == [("R9", 5), ("R12", 9)]
    assert [m.loc.line for m in result.messages if m.code == "toc-entry"] == [1, 3]


def test_no_resolution_is_an_error():
    result = parse_english([B("hello", 1)])
    assert result.value == []
    assert [m.code for m in result.messages if m.level == "error"] == ["no-resolutions"]


def test_plain_text_layout_without_tables():
    from wtsa_extract.readers.text import blocks_from_text

    text = ("RESOLUTION 50 (Rev. Hammamet, 2016)\nCybersecurity\nresolves to instruct the relevant study groups\n"
            "1\tto continue;\ninstructs\nthe Director of the Telecommunication Standardization Bureau, "
            "in cooperation with BR and BDT\n1 to maintain an inventory;\n2 to support the BDT Director;\n")
    result = parse_english(blocks_from_text(text))
    (r,) = result.value
    assert (r.key, r.number, r.title_en) == ("R50", 50, "Cybersecurity")
    first, second = r.sections
    assert (first.verb, first.assignee, [c.label for c in first.clauses]) == (
        "resolves to instruct", "relevant ITU-T study groups", ["1"])
    assert (second.bureaux, second.with_bureaux) == (("TSB",), ("BDT", "BR"))
    assert [(c.label, c.text) for c in second.clauses] == [("1", "to maintain an inventory;"),
                                                           ("2", "to support the BDT Director;")]
    assert [c.loc.line for c in second.clauses] == [7, 8]


def _lines(text: str):
    return [B(line, n) for n, line in enumerate(text.split("\n"), start=1)]


def test_proposal_apparatus_is_never_a_clause():
    result = parse_english(_lines("MOD\tACP/64A1/1\nRESOLUTION 2 (Rev. Dubai, 2018)\nForum\nresolves\n1\tthat x;\n"
                                  "Reasons:\tTo update the forum.\nADD\tACP/64A1/2\nDRAFT NEW RESOLUTION [ACP-2]\nT\n"
                                  "instructs the Secretary-General\n1\tto act"))
    assert [(r.key, [c.text for s in r.sections for c in s.clauses]) for r in result.value] == [
        ("R2", ["that x;"]), ("NEW-ACP-2", ["to act"])]
    assert sorted(m.code for m in result.messages if m.code.startswith("proposal")) == [
        "proposal-mark", "proposal-mark", "proposal-reasons"]


def test_a_phrase_outside_the_vocabulary_starts_a_section_with_a_warning():
    result = parse_english(_lines("RESOLUTION 3\nT\ninstructs the Director of BDT\n1\tto act;\n"
                                  "solemnly proclaims\n1\tthat y"))
    (r,) = result.value
    assert [(s.verb, s.kind, len(s.clauses)) for s in r.sections] == [("instructs", "operative", 1), (None, "unknown", 1)]
    assert "unknown-phrase" in {m.code for m in result.messages}


def test_an_addressee_outside_the_vocabulary_still_starts_a_section():
    result = parse_english(_lines("RESOLUTION 3\nT\ninstructs the Director of BDT\n1\tto act;\n"
                                  "invites the Arab Group\n1\tto consider"))
    (r,) = result.value
    assert [(s.verb, s.addressee) for s in r.sections] == [("instructs", "the Director of BDT"),
                                                           ("invites", "the Arab Group")]
    assert r.sections[1].clauses[0].bureaux == ()
    assert "addressee-unresolved" in {m.code for m in result.messages}


def test_an_unreadable_header_keeps_what_follows_apart():
    result = parse_english(_lines("RESOLUTION 3\nT\nresolves\n1\tthat a\nRESOLUTION 7O (Rev. Geneva, 2022)\nU\n"
                                  "resolves\n1\tthat b"))
    assert [r.key for r in result.value] == ["R3", "UNREAD-1"]
    assert result.value[1].sections[0].clauses[0].text == "that b"
    assert "header-unreadable" in {m.code for m in result.messages}


def test_running_headers_go_but_repeated_content_stays():
    one = "RESOLUTION {n}\nSame title\nresolves\n1\tthat x;\n- {p} -\nPP-22 – Resolution {n}\n2\tthat y"
    text = "\n".join(one.format(n=n, p=10 + n) for n in range(1, 5))
    result = parse_english(_lines(text))
    assert [r.title_en for r in result.value] == ["Same title"] * 4
    assert all([c.text for s in r.sections for c in s.clauses] == ["that x;", "that y"] for r in result.value)


def _sections(text: str):
    result = parse_english(_lines(text))
    return result, [(r.key, [(s.kind, s.verb, s.addressee, [(c.label, c.text, c.bureaux, c.assignee) for c in s.clauses])
                              for s in r.sections]) for r in result.value]


def test_an_annex_without_an_id_is_a_rules_section_not_clauses_of_the_last_phrase():
    _, got = _sections("RESOLUTION 76\nT\ninstructs the Director of TSB\n1\tto act.\nANNEX\n(to Resolution 76)\n"
                       "The plan has four pillars.\nAnnex to Resolution 76 (Rev. Geneva, 2022)\nMore text.")
    kinds = [s[0] for s in got[0][1]]
    assert kinds == ["operative", "provisions", "provisions"]
    assert got[0][1][0][3] == [("1", "to act.", ("TSB",), None)]


def test_a_decision_ends_the_resolution_before_it():
    result, got = _sections("RESOLUTION 215\nT\ninstructs the Secretary-General\n1\tto report.\n"
                            "DECISION 5 (Rev. Bucharest, 2022)\nIncome\nThe Plenipotentiary Conference,\n"
                            "instructs the Council\n1\tto act.")
    assert got == [("R215", [("operative", "instructs", "the Secretary-General",
                              [("1", "to report.", (), "Secretary-General")])])]
    assert "not-a-resolution" in {m.code for m in result.messages}


def test_a_that_clause_with_a_verb_is_a_clause_not_an_addressee():
    _, got = _sections("RESOLUTION 65\nT\nresolves\nthat ITU-T Study Group 2 shall continue its studies,")
    assert got[0][1][0][3] == [(None, "that ITU-T Study Group 2 shall continue its studies,", (), None)]


def test_un_numbered_operative_paragraphs_are_sections():
    _, got = _sections("RESOLUTION 70\nT\nRecalling its resolution 70/1,\n1.\tDecides to continue;\n"
                       "2.\tRequests the Secretary-General to report;\n3.\tStresses the importance of training;")
    assert [(s[1], s[3][0][0]) for s in got[0][1]] == [("recalling", None), ("decides", "1"), ("requests", "2"),
                                                         ("stresses", "3")]
    assert got[0][1][2][3][0][3] == "Secretary-General"


def test_an_addressee_over_two_paragraphs_and_a_possessive_clause():
    _, got = _sections("RESOLUTION 9\nT\ninvites Member States,\nSector Members and Academia\nto contribute,\n"
                       "instructs the Director of TSB\n1\tMember States' contributions to be compiled;")
    invites, instructs = got[0][1]
    assert invites[2] == "Member States, Sector Members and Academia"
    assert invites[3] == [(None, "to contribute,", (), "Member States; Sector Members; Academia")]
    assert instructs[3][0][2:] == (("TSB",), None)


def test_a_bare_number_is_a_label_only_in_sequence():
    _, got = _sections("RESOLUTION 9\nT\nresolves\n1 that a;\n2 that b;\n12 study groups exist;")
    assert [c[0] for c in got[0][1][0][3]] == ["1", "2", None]


def test_editions_in_capitals_and_two_digit_years():
    from wtsa_extract.parse.identity import read_header

    assert read_header("RESOLUTION 76 (REV. GENEVA, 2022)").edition == ("WTSA", "GENEVA", 2022, True)
    assert read_header("RESOLUTION 12 (Rev.WRC-97)").edition.year == 1997
    assert read_header("Resolution") is None


def test_a_header_names_its_assembly_by_where_and_when_it_met():
    """identity.json's events: a header alone (no preamble line) tells the assembly; a place and year
    where two bodies met tells none."""
    from wtsa_extract.parse.identity import read_header

    assert read_header("RESOLUTION 99 (Rev. New Delhi, 2024)").edition.assembly == "WTSA"
    assert read_header("RESOLUTION 37 (Rev. Baku, 2025)").edition.assembly == "WTDC"
    assert read_header("RESOLUTION 130 (Rev. Doha, 2026)").edition.assembly == "PP"
    assert read_header("RESOLUTION 34 (Rev. Doha, 2006)").edition.assembly == "WTDC"
    assert read_header("RESOLUTION 64 (Yasmine Hammamet, 2016)").edition.assembly == "WTSA"
    assert read_header("RESOLUTION 7 (Geneva, 2003)").edition.assembly is None  # RA-03 and WRC-03
    assert read_header("RESOLUTION 7 (Lyon, 2024)").edition.assembly is None


def test_a_note_mark_after_the_header():
    """A footnote mark on the header line, as text dumps and web pages carry it, leaves it readable."""
    from wtsa_extract.parse.identity import read_header

    for mark in ("*", "¹", "1", "12"):
        header = read_header(f"RESOLUTION 2 (Rev. Geneva, 2022){mark}")
        assert (header.number, header.edition.year) == (2, 2022), mark
    assert read_header("RESOLUTION 2 (Rev. Geneva, 2022)123") is None  # a number, not a mark
    assert read_header("RESOLUTION 2 (Rev. Geneva, 2022) 1") is None


def test_a_suppression_proposal_is_a_resolution_not_a_table_row():
    """SUP ACP/45A3/2 + header + title + Reasons: nothing under the header, and another header follows
    in the same table cell, which alone reads as a row of a table of resolutions; the proposal's mark
    says it is one (blind2_proposals_pp26 lost it)."""
    from wtsa_extract.pipeline import extract_bytes

    body = ("RESOLUTION 177 (Rev. Bucharest, 2022)\nConformance and interoperability\nReasons:\tNo longer needed.\n"
            "ADD\tACP/45A3/3\nDRAFT NEW RESOLUTION [ACP-1]\nSubmarine cables\n"
            "The Plenipotentiary Conference of the International Telecommunication Union (Doha, 2026),\n"
            "resolves\n1\tthat the resilience of cables shall be studied;\n")
    doc = extract_bytes(f"\tSUP\tACP/45A3/2\n{body}".encode(), "p.txt")
    assert [(r.key, len(r.sections)) for r in doc.resolutions] == [("R177", 0), ("NEW-ACP-1", 1)]
    assert [d.resolution for d in doc.diagnostics if d.code == "no-sections"] == ["R177"]
    unmarked = extract_bytes(f"\tProposals\n{body}".encode(), "p.txt")  # the same without its mark
    assert [r.key for r in unmarked.resolutions] == ["NEW-ACP-1"]
    assert [d.code for d in unmarked.diagnostics if d.code == "toc-entry"] == ["toc-entry"]


def test_a_summary_of_proposals_before_them_is_a_table_of_contents():
    """Marks and headers listed before the proposals (a summary) come again later: contents entries,
    even with their marks; the proposals themselves keep their keys (R130, not R130-2)."""
    from pathlib import Path

    from wtsa_extract.pipeline import extract_bytes

    text = (Path(__file__).parent / "corpus" / "blind2_proposals_pp26.txt").read_text(encoding="utf-8")
    summary = "Summary of proposals\nMOD\tACP/45A3/1\nRESOLUTION 130 (REV. BUCHAREST, 2022)\nSUP\tACP/45A3/2\n" \
              "RESOLUTION 177 (REV. BUCHAREST, 2022)\n"
    at = text.index("Proposals\n")
    doc = extract_bytes((text[:at] + summary + text[at:]).encode(), "p.txt")
    assert [r.key for r in doc.resolutions] == ["R130", "R177", "NEW-ACP-1"]
    assert sum(d.code == "toc-entry" for d in doc.diagnostics) == 2


def test_an_extracts_omission_marks_are_no_clauses():
    """'…', '...', '[...]' alone on a line, where an extract leaves text out (ITU's overviews quote the
    relevant clauses only): noted as omissions, never clauses (each was a clause of its section)."""
    from wtsa_extract.pipeline import extract_bytes

    text = ("RESOLUTION 50 (Rev. New Delhi, 2024)\nCybersecurity\n...\nresolves\n1\tto give this work priority;\n…\n"
            "4\tthat ITU-T shall continue its studies,\n[...]\ninstructs the Director of the Telecommunication "
            "Standardization Bureau\n…\n2\tto cooperate with the Director of BDT;\n")
    doc = extract_bytes(text.encode("utf-8"), "x.txt")
    assert [(s.verb, [c.label for c in s.clauses]) for r in doc.resolutions for s in r.sections] == \
        [("resolves", ["1", "4"]), ("instructs", ["2"])]
    assert sum(d.code == "omission" for d in doc.diagnostics) == 4
    assert doc.coverage.ratio == 1.0 and doc.coverage.in_diagnostics == 10
