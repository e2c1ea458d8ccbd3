"""Reading the answering sentence: the clause naming the paper is not what to find in it,
a sentence that points back at the one before completes it, a thing asked for by a name
that ends in what it is ("which model") needs such a name, and "since when" needs a
beginning. Passages are worded as real council papers word them (a reserves policy, an
integrated care strategy report, county council minutes)."""

from __future__ import annotations

from assistant.answering.asked_source import without_source
from assistant.answering.asked_value import ValueKind, asked_value, states_value
from assistant.answering.evidence import asks_money
from assistant.answering.two_part import parts
from assistant.answering.understand import Intent, understand
from indexing.model import DocumentKind, PlanDocument

from .plans import fact_answer_from, prose_paper


def paper(title: str, *texts: str, kind: DocumentKind = DocumentKind.report) -> PlanDocument:
    return prose_paper(title, *texts, kind=kind)


ask = fact_answer_from


def test_the_clause_naming_the_paper_is_left_out_of_the_sentence_choice() -> None:
    assert (
        without_source(
            "which model for the wider determinants of health has kent adopted, according to "
            "the ics delivery plan paper?"
        )
        == "which model for the wider determinants of health has kent adopted"
    )
    assert (
        without_source(
            "according to the s25 assurance statement, on what date was quarter 3 reported?"
        )
        == "on what date was quarter 3 reported?"
    )
    assert without_source("how many live births in 2005 (education commissioning plan report)") == (
        "how many live births in 2005"
    )
    # a person, not a paper: the words stay
    kept = "how much do savings come to, per the s151 officer"
    assert without_source(kept) == kept
    assert without_source("per the minutes?") == "per the minutes?"  # nothing would be left

    doc = paper(
        "Integrated Care Strategy Delivery Plan",
        "Subject: Integrated Care Strategy Delivery Plan",
        "Locally the Robert Wood Johnson model has been adopted to illustrate the full range "
        "of factors that impact on health.",
    )
    answer = ask(
        "which model for the wider determinants of health has the council adopted, according "
        "to the integrated care strategy delivery plan paper?",
        doc,
    )
    assert answer.answered
    assert "Robert Wood Johnson" in answer.answer


def test_a_thing_named_by_what_it_is_needs_such_a_name() -> None:
    assert asked_value("which model for the wider determinants has kent adopted") == (
        ValueKind.titled
    )
    assert asked_value("what legislation says the partnership must produce a strategy") == (
        ValueKind.titled
    )
    assert asked_value("which act set up the power of call-in?") == ValueKind.titled
    assert asked_value("which councils act first?") is None  # a verb, not an Act
    assert asked_value("which free schools waves did promoters bid into") is None  # waves
    q = "which model for the wider determinants has kent adopted"
    assert states_value(ValueKind.titled, "the Robert Wood Johnson model has been adopted", q)
    assert not states_value(ValueKind.titled, "We must focus on the Wider Determinants.", q)
    law = "which bit of law is behind the arrears declaration"
    assert states_value(
        ValueKind.titled, "Section 106 of the Local Government Finance Act 1992 applies", law
    )


def test_a_sentence_that_points_back_completes_the_one_before() -> None:
    doc = paper(
        "Reserves Policy",
        "A de-minimis limit has been set to avoid small funds being set up which could be "
        "managed within existing budgets. This has been set at £250k. Reserves are reviewed "
        "each year.",
    )
    answer = ask("whats the de minimis limit below which we shouldnt set up a new reserve?", doc)
    assert answer.answered
    assert "£250k" in answer.answer
    assert "reviewed each year" not in answer.answer  # only the sentence pointing back


def test_since_when_is_answered_by_when_it_began() -> None:
    doc = paper(
        "Minutes",
        "Mr Hook said county council elections were needed in May 2025 along with transparency.",
        "Mr Hook explained that the County Council had existed since 1889 during which time it had "
        "gained and lost powers.",
        kind=DocumentKind.minutes,
    )
    answer = ask("mr hook said the county council has been around since when?", doc)
    assert answer.answered
    assert "1889" in answer.answer
    assert "May 2025" not in answer.answer


def test_what_something_is_worth_asks_for_a_sum() -> None:
    assert asks_money("what's the textiles recycling contract worth a year?")
    query = understand("what's the textiles recycling contract worth a year?", [])
    assert query.intent == Intent.figure
    doc = paper(
        "Minutes",
        "The council has secured a new two-year textiles and shoe recycling contract.",
        kind=DocumentKind.minutes,
    )
    assert not ask("what's the textiles recycling contract worth a year?", doc).answered


def test_the_topic_before_a_two_part_question_travels_with_both_parts() -> None:
    first, second = parts("the music bursary 2025 allocation, who proposed and who seconded it?")
    assert first == "The music bursary 2025 allocation, who proposed"
    assert second == "Who seconded it — The music bursary 2025 allocation"


def test_an_irregular_past_form_meets_its_verb() -> None:
    from assistant.answering import sentence_fit as fit
    from indexing.terms import content_stems

    wanted = content_stems("who did mr watkins write to")
    held = fit.stems("Mr Watkins wrote to the Minister of State for Care.")
    assert "write" in {w for w in fit.matched(wanted, held)}
    assert fit.matched(content_stems("how much was spent"), fit.stems("we spend £2m")) == {"spent"}
    assert not fit.matched(content_stems("who was held"), fit.stems("they were taught"))


def test_a_sentence_in_the_past_covers_a_question_in_the_present() -> None:
    from assistant.answering.word_forms import base_forms
    from indexing.terms import content_stems

    assert base_forms(content_stems("Mr Watkins wrote to the Minister")) == (
        content_stems("Mr Watkins write to the Minister")
    )
    assert base_forms(content_stems("the meeting was held")) == content_stems("hold the meeting")


def test_a_long_cell_keeps_the_part_of_its_sentence_that_holds_the_asked_words() -> None:
    from assistant.answering.compose import clip_to_asked

    cause = (
        "A number of the council's household waste recycling centres are life expired and "
        "require significant repair or replacement. In addition to this, local plan targets "
        "mean additional houses, and increasing population presents a capacity issue for the "
        "service. Council tax allows price inflation and legislative changes to be taken into "
        "account, but does not allow for renewing or adding new infrastructure. The "
        "introduction of new legislation (Simpler Recycling, Extended Producer Responsibility) "
        "brings with it additional requirements and costs on how certain materials can be "
        "segregated, disposed of and new levies (Emissions Trading Scheme (ETS) - Jan 28) will "
        "further add to the cost of disposal (estimated £12m-17m) for all tonnes disposed."
    )
    question = "the waste risk mentions the emissions trading scheme - when does that kick in?"
    clipped = clip_to_asked(cause, 400, question)
    assert "Jan 28" in clipped
    assert "… …" not in clipped
    assert clipped.startswith("A number of the council's household waste")


def test_a_line_broken_hyphen_still_names_the_body() -> None:
    from assistant.answering.meetings_held import _joined

    assert _joined("represented the Leader at the UK- France local government forum") == (
        "represented the Leader at the UK-France local government forum"
    )
    assert _joined("item 3 - minutes of 2024 - 25") == "item 3 - minutes of 2024 - 25"


def test_who_someone_would_write_to_is_answered_by_whom_they_wrote_to() -> None:
    doc = paper(
        "Minutes",
        "Before Christmas, the care alliance and Mr Watkins wrote to the Minister of State for "
        "Care, Stephen Kinnock, regarding concerns with the autumn budget. Concerns remained "
        "high regarding the changes to employer national insurance contributions, which hit "
        "care providers hardest.",
        "The Leader confirmed that the gifts presented to him on his visit had been declared.",
        kind=DocumentKind.minutes,
    )
    answer = ask(
        "who did mr watkins write to about the national insurance rise hitting care providers?",
        doc,
    )
    assert answer.answered
    assert "Stephen Kinnock" in answer.answer


def test_a_part_asking_what_was_decided_borrows_the_decision_asked_about() -> None:
    first, second = parts("who took decision 24/00120 and what was decided?")
    assert first == "Who took decision 24/00120"
    assert second == "What was decided — took decision 24/00120"


def test_two_things_asked_together_are_answered_by_the_sentences_of_both() -> None:
    doc = paper(
        "Council Covering Report",
        "(l) The Minimum Revenue Provision (MRP) Statement as set out in appendix P of the "
        "final draft report. (m) The Flexible Use of Capital Receipts Strategy as set out in "
        "appendix Q of the final draft report. (n) The Treasury Management Strategy.",
        "The final draft report holds the appendices listed below.",
        "The Council agreed the budget for the year at its meeting in February.",
    )
    answer = ask(
        "which appendices of the final draft report hold the MRP statement and the flexible "
        "use of capital receipts strategy?",
        doc,
    )
    assert answer.answered
    assert "appendix P" in answer.answer and "appendix Q" in answer.answer
    assert "Treasury" not in answer.answer


def test_how_often_is_answered_by_a_frequency_not_a_count() -> None:
    assert asked_value("access officers - how often do they meet up?") == ValueKind.frequency
    asked = "how often do the access officers meet?"
    assert states_value(ValueKind.frequency, "The group meet on a monthly basis.", asked)
    assert states_value(ValueKind.frequency, "It meets twice a year.", asked)
    assert not states_value(ValueKind.frequency, "Three access officers met in 2023.", asked)
    doc = paper(
        "Minutes",
        "The council has three access officers, each in a part-time capacity.",
        "The access officers meet on a monthly basis to review access issues and are drafting an "
        "Accessibility Strategy for the wider organisation.",
        "The access officers were appointed in 2023.",
        kind=DocumentKind.minutes,
    )
    answer = ask("how often do the access officers meet?", doc)
    assert answer.answered
    assert "monthly" in answer.answer


def test_the_sentence_telling_who_did_what_is_asked_is_the_other_half() -> None:
    """ "… who hosted it and on what dates": the sentence giving the dates leads, and the
    one after it that tells who hosted is quoted beside it, though it shares only that word."""
    doc = paper(
        "Minutes",
        "(j) On 12th and 13th December, Mr Murphy represented the Leader at the UK-France "
        "local government forum. The 2024 forum, hosted by Leeds and Bradford, saw over 100 "
        "delegates from UK and French governments.",
        "The Leader thanked officers for their work on the budget.",
        kind=DocumentKind.minutes,
    )
    answer = ask(
        "the uk-france local government forum murphy went to on the leader's behalf - who "
        "hosted it and on what dates?",
        doc,
    )
    assert answer.answered
    assert "13th December" in answer.answer and "Leeds and Bradford" in answer.answer


def test_a_kind_of_thing_counted_keeps_its_words_in_ing() -> None:
    """ "how many fly tipping incidents": incidents are counted, of fly tipping; "how many
    people attending the meeting" counts people."""
    assert understand(
        "how many fly tipping incidents were reported in 2022-23?", []
    ).counted_words == [
        "fly",
        "tipping",
        "incidents",
    ]
    assert understand("how many people attending the meeting?", []).counted_words == ["people"]
    doc = paper(
        "Minutes",
        "Fly tipping in Kent was reported to have increased by 10% with 27,000 incidents "
        "reported in 2022-23 there is no reason to believe that it is not continuing to rise.",
        "The Chairman thanked Members.",
        kind=DocumentKind.minutes,
    )
    answer = ask("how many fly tipping incidents were reported in 2022-23?", doc)
    assert answer.answered
    assert "27,000" in answer.answer


def test_a_count_of_what_the_sentence_before_names_answers_with_that_sentence() -> None:
    """ "5,822 concerns" counts the adult safeguarding concerns the sentence before names;
    "319 primary schools" does not count special schools, whatever the sentence before
    says of special educational needs."""
    doc = paper(
        "Quarterly Performance Report",
        "Safeguarding Concerns are raised with adult social care when it is believed that an "
        "adult is at risk of abuse or neglect. In Quarter 3, the county saw the largest number "
        "of concerns received in a quarter, with 5,822 concerns being 6% higher than Quarter 2.",
        "The Special Educational Needs Coordinator conference was held on 8th October 2024. "
        "A majority of schools were represented, including 319 primary schools and 78 "
        "secondary schools.",
    )
    answer = ask("how many adult safeguarding concerns were received in quarter 3?", doc)
    assert answer.answered
    assert "5,822" in answer.answer and "adult social care" in answer.answer
    assert "319" not in ask("how many special schools went to the conference?", doc).answer


def test_of_sentences_scored_alike_the_one_with_the_questions_short_form_leads() -> None:
    """ "cype underspend at quarter 3": of two sentences scored alike, the directorate's
    underspend named by its short form leads, not the overall position that only shares
    the question's words of when; a sentence scored clearly lower does not."""
    from assistant.answering.evidence import Evidence
    from assistant.answering.facts import TIED_SENTENCES, _tie_to_subject

    from .plans import candidate, passage_node

    doc = paper("Revenue and Capital Budget Monitoring Report", "The report.")
    source = candidate(passage_node(doc.passages[0], doc), 0.6)
    overall = "The overall forecast position as at Quarter 3 of 2024-25 is an underspend of £23.3m."
    cype = "The £9.9m underspend in the Children, Young People & Education (CYPE) directorate."

    def scored(sentence: str, score: float) -> Evidence:
        return Evidence(candidate=source, sentence=sentence, score=score, has_required=True)

    asked = understand("cype underspend at quarter 3 of 2024-25?", [doc])
    tied = [scored(overall, 1.3), scored(cype, 1.3 - TIED_SENTENCES / 2)]
    assert _tie_to_subject(asked, tied)[0].sentence == cype
    apart = [scored(overall, 1.3), scored(cype, 1.0)]
    assert _tie_to_subject(asked, apart)[0].sentence == overall


def _evidence(question: str, doc: PlanDocument):
    from assistant.answering.evidence import best_evidence

    from .plans import candidate, passage_node

    found = [candidate(passage_node(p, doc), 0.6) for p in doc.passages]
    return best_evidence(understand(question, [doc]), found)


def _required(question: str, doc: PlanDocument) -> dict[str, bool]:
    """Each candidate sentence (or window) and whether it holds the kind of thing asked."""
    return {e.sentence: e.has_required for e in _evidence(question, doc)}


def test_how_many_is_not_answered_by_a_length_of_time() -> None:
    """ "how many still needed an ongoing review" is a count: "reviewed within 8 weeks"
    gives how long, not how many; "how many weeks" asks for the length."""
    doc = paper(
        "Quarterly Performance Report",
        "Once a new support plan commences it will be reviewed within 8 weeks and then "
        "annually (ongoing review). In Quarter 3, the number of people requiring an ongoing "
        "review fell to 5,236.",
    )
    held = _required("how many still needed an ongoing (annual) review?", doc)
    lengths = [s for s in held if s.startswith("Once") and "5,236" not in s]
    assert lengths and not any(held[s] for s in lengths)
    assert any(held[s] for s in held if "5,236" in s)
    weeks = _required("how many weeks until a new support plan is reviewed?", doc)
    assert any(weeks[s] for s in weeks if s.startswith("Once"))


def test_why_is_answered_by_the_sentence_giving_a_reason() -> None:
    """ "why's there no due date": the sentence saying it was removed due to a delay leads
    one that shares more of the question's words but gives no reason."""
    doc = paper(
        "Corporate Risk Register",
        "The border checks action date continues to be prepared. "
        "The border checks date was removed due to the scheme being postponed by the EU.",
    )
    why = _evidence("border checks action - why is there no date any more?", doc)
    assert why[0].sentence.startswith("The border checks date was removed due to")
    what = _evidence("border checks action - what is there on its date?", doc)
    assert not what[0].sentence.startswith("The border checks date was removed due to")


def test_a_subject_named_before_a_dash_may_be_named_passages_before_the_answer() -> None:
    """ "cllr ryan's motion on backdated rent bills - when did …": the minutes name the
    motion, then the reply's paragraphs answer without its words; a subject that the
    paper does not name near the sentence is not set aside."""
    doc = paper(
        "Minutes",
        "Notice of Motion submitted by Councillor Ryan: that the Council waive backdated rent "
        "bills raised after tenancy reviews.",
        "Reply: The Director of Housing Services replied as follows.",
        "In late 2023, the Rents Unit commenced a global rent review in trying to update "
        "household composition and income details for all tenancies.",
        kind=DocumentKind.minutes,
    )
    asked = "cllr ryan's motion on backdated rent bills - when did the rents unit begin the review?"
    answer = ask(asked, doc)
    assert answer.answered and "late 2023" in answer.answer
    other = "cllr ryan's motion on hedge cutting grants - when did the rents unit begin the review?"
    assert not ask(other, doc).answered


def test_after_a_subject_named_before_a_dash_the_words_asked_pick_the_sentence() -> None:
    """The subject ("the minerals plan refresh consultation") found the paper; of its
    sentences, the one holding what is asked after the dash scores on those words too,
    not the one that only repeats the subject."""
    from assistant.answering.evidence import SENTENCE_WEIGHTS, best_evidence

    from .plans import candidate, passage_node

    doc = paper(
        "Adoption of the Minerals and Waste Local Plan",
        "The second Regulation 18 consultation on the Minerals and Waste Local Plan Refresh "
        "ran in autumn 2022. Following comments, the strategic site at Holborough was deleted.",
    )
    asked = "minerals and waste plan refresh consultation - which strategic site was deleted?"
    found = best_evidence(
        understand(asked, [doc]), [candidate(passage_node(doc.passages[0], doc), 0.6)]
    )
    said = {e.sentence: e.features["asked_after"] for e in found}
    assert said["Following comments, the strategic site at Holborough was deleted."] == 1.0
    assert said[next(s for s in said if s.startswith("The second"))] == 0.0
    assert SENTENCE_WEIGHTS["asked_after"] > 0
    plain = best_evidence(
        understand("which strategic site was deleted from the plan?", [doc]),
        [candidate(passage_node(doc.passages[0], doc), 0.6)],
    )
    assert all(e.features["asked_after"] == 0.0 for e in plain)  # no subject before a dash


def test_a_sentence_recording_what_was_tabled_loses_to_what_was_decided() -> None:
    """Minutes: "Circulated, report of …" names the plan; the sentence after it says what
    the members did with it."""
    from assistant.answering.evidence import SENTENCE_WEIGHTS, best_evidence

    from .plans import candidate, passage_node

    doc = paper(
        "Minutes",
        "Circulated, report of the Senior Executive Officer dated 26th February, 2025, "
        "enclosing the Draft Annual Service Delivery Plan 2025. The Members agreed to defer "
        "the adoption of the Annual Service Delivery Plan 2025 pending the Corporate Plan.",
        kind=DocumentKind.minutes,
    )
    asked = "did the council adopt its annual service delivery plan 2025?"
    found = best_evidence(
        understand(asked, [doc]), [candidate(passage_node(doc.passages[0], doc), 0.6)]
    )
    tabled = {e.sentence[:10]: e.features["tabled"] for e in found}
    assert tabled["Circulated"] == 1.0 and tabled["The Member"] == 0.0
    assert SENTENCE_WEIGHTS["tabled"] < 0
    assert found[0].sentence.startswith("The Members agreed to defer")
