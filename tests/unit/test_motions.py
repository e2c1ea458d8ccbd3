"""Motions and recorded votes read from printed minutes (``motions``) and the motion a
question asks about (``motion_answer._asked``), on the real text of Kent County Council's
minutes of 13 February 2025 and Limerick City and County Council's of 31 March 2025."""

from __future__ import annotations

from assistant.answering.motion_answer import _asked, _member, _side
from assistant.answering.motions import proposals
from indexing.model import PlanDocument

from .plans import minutes_doc

# Real passages of the County Council minutes of 13 February 2025 (pp. 2-3, 11-13),
# the lists of names shortened.
KENT = [
    (
        "290. Section 25 Report",
        "(2) Mr Oakford proposed, and Mr Gough seconded the motion that:\n"
        "“Pursuant to section 25 of the Local Government Act, County Council is asked to "
        "consider and note this report and agree to have due regard to the contents when "
        "making decisions about the proposed budget.”",
    ),
    (
        "290. Section 25 Report",
        "(3) The Chairman put the motion set out in paragraph 2 to the vote and the voting "
        "was as follows:\nFor (57)\nMr Baker, Mr Baldock, Sir Paul Carter, CBE, Mr Wright\n"
        "Against (0)\nAbstain (2)\nMr B Lewis, Mr D Ross\nMotion carried.",
    ),
    (
        "291. Capital Programme 2025-35 and Revenue Budget 2025-26",
        "(4) Mr Oakford proposed and Mr Gough Seconded the following motion:\n"
        "“County Council, having given due regard to the s25 Report, is asked to agree the "
        "following: The net revenue budget requirement of £1,530.9m for 2025-26.”",
    ),
    (
        "Corporate Functions",
        "(24) Mr Lehmann proposed, and Mr Hood seconded the following amendment:\n"
        "Proposed Purpose:\n“Reverse the proposed £1.75m cut to the grant paid to districts "
        "for Council Tax Reduction Scheme (CTRS) support for the 2025-26 financial year”\n"
        "Proposed Amount:\n“£1,750k”\nProposed Funding Source:",
    ),
    (
        "Corporate Functions",
        "(25) Following the debate, the Chairman put to the vote the amendment set out in "
        "paragraph 24 above and the voting was as follows:\nFor (15)\nMr Brady, Mr Campkin\n"
        "Against (43)\nMr Baker, Mr Bartlett\nAbstain (1)\nMr Shonk\nAmendment lost.",
    ),
    (
        "Corporate Functions",
        "(26) Mr Gough and Mr Oakford summarised the debate. As all the amendments had either "
        "been determined or withdrawn, the Chairman put to the vote the substantive motion as "
        "set out in Item 6, paragraph 4 above and the voting was as follows:\nFor (41)\n"
        "Mr Baker, Mr Bartlett\nAgainst (10)\nMr Campkin, Mr Chittenden\nAbstain (7)\n"
        "Mr Brady, Ms Constantine\nSubstantive Motion Carried.",
    ),
]
LIMERICK = [
    (
        "Corporate Services",
        "Circulated, report of the Senior Executive Officer dated 10th March, 2025, together "
        "with copy of Audit and Risk Committee Work Programme 2025.\nProposed by Councillor "
        "Sheahan;\nSeconded by Councillor Collins (M);\nAnd Resolved:\n“That, the Audit and "
        "Risk Committee Work Programme 2025, as circulated, be and is hereby adopted.”",
    ),
    (
        "Limerick Civic Trust – Vacancy",
        "The Meetings Administrator advised that the Council was required to consider the "
        "filling of vacancy on Limerick Civic Trust.\nProposed by Councillor Slattery;\n"
        "Seconded by Councillor Collins (M);\n“That, Councillor Bridie Collins be appointed to "
        "fill the vacancy on Limerick Civic Trust.”",
    ),
    (
        "Notices of Motion",
        "I will move at the next Meeting that the Council call for Government intervention to "
        "start the process of upgrading Newcastle West Sewerage Scheme immediately.\nThe Motion "
        "was proposed by Councillor Ruddle and seconded by Councillor Galvin.",
    ),
]


def _doc(doc_id: str, texts: list[tuple[str, str]]) -> PlanDocument:
    return minutes_doc(doc_id, texts)


def test_each_vote_goes_to_the_proposal_it_decides() -> None:
    found = proposals(_doc("kent", KENT))
    assert [(p.mover, p.seconder, p.kind, p.paragraph) for p in found] == [
        ("Mr Oakford", "Mr Gough", "motion", "2"),
        ("Mr Oakford", "Mr Gough", "motion", "4"),
        ("Mr Lehmann", "Mr Hood", "amendment", "24"),
    ]
    s25, budget, ctrs = found
    assert s25.counts == {"For": 57, "Against": 0, "Abstain": 2} and s25.outcome == "carried"
    assert s25.voters["Abstain"] == ["Mr B Lewis", "Mr D Ross"]
    assert "Sir Paul Carter, CBE" in s25.voters["For"]
    assert ctrs.counts == {"For": 15, "Against": 43, "Abstain": 1} and ctrs.outcome == "lost"
    assert ctrs.amount == "£1,750k" and not s25.amount
    # the substantive motion's vote comes after the amendments, and is still its own
    assert budget.counts == {"For": 41, "Against": 10, "Abstain": 7}
    assert budget.outcome == "carried" and budget.voters["Against"][0] == "Mr Campkin"
    assert "substantive motion" in budget.vote_put


def test_proposals_written_the_other_ways() -> None:
    found = proposals(_doc("limerick", LIMERICK))
    assert [(p.mover, p.seconder) for p in found] == [
        ("Councillor Sheahan", "Councillor Collins (M)"),
        ("Councillor Slattery", "Councillor Collins (M)"),
        ("Councillor Ruddle", "Councillor Galvin"),
    ]
    assert all(not p.counts for p in found)  # resolved without a count
    assert found[1].words.startswith("That, Councillor Bridie Collins be appointed")
    form = _doc(
        "form",
        [("Amendment", "Proposer: Mr Antony Hook Seconder: Mr Richard Streatfeild, MBE")],
    )
    assert [(p.mover, p.seconder) for p in proposals(form)] == [
        ("Mr Antony Hook", "Mr Richard Streatfeild")
    ]
    assert proposals(_doc("none", [("Item", "RESOLVED that Cabinet agree the plan.")])) == []
    suspended = _doc(
        "procedure",
        [
            (
                "Suspension of Standing Order No. 4",
                "The Príomh Chomhairleoir drew attention to the time which was approaching "
                "5.30 p.m. and on the proposal of Councillor Slattery, seconded by\n"
                "Councillor Stokes, Standing Order No. 4 was suspended in order to complete "
                "the agenda.",
            )
        ],
    )
    (procedure,) = proposals(suspended)
    assert (procedure.mover, procedure.seconder) == ("Councillor Slattery", "Councillor Stokes")
    assert "Standing Order No. 4 was suspended" in procedure.context


def test_question_finds_its_motion_by_subject() -> None:
    found = proposals(_doc("kent", KENT)) + proposals(_doc("limerick", LIMERICK))
    asked = _asked("who seconded the section 25 motion at full council on 13 february?", found)
    assert asked is not None and asked.paragraph == "2"
    ctrs = _asked("how did Mr Shonk vote on the CTRS amendment?", found)
    assert ctrs is not None and ctrs.mover == "Mr Lehmann"
    assert _member("how did Mr Shonk vote on the CTRS amendment?", ctrs) == ("Abstain", "Mr Shonk")
    trust = _asked("who proposed councillor bridie collins for the civic trust vacancy?", found)
    assert trust is not None and trust.mover == "Councillor Slattery"
    sewerage = _asked("who seconded the newcastle west sewerage motion?", found)
    assert sewerage is not None and sewerage.seconder == "Councillor Galvin"
    # a motion the minutes do not hold is no one's
    assert _asked("how did the vote go on the community wardens amendment?", found) is None
    assert _side("which councillors abstained?") == "Abstain"
    assert _side("who voted against it?") == "Against"


# The head of Limerick's minutes of 31 March 2025 (the Markdown file's first passages).
LIMERICK_HEAD = [
    (
        None,
        "MINUTES OF PROCEEDINGS AT MEETING OF LIMERICK CITY AND COUNTY COUNCIL HELD IN THE "
        "COUNCIL CHAMBER, DOORADOYLE, AND ONLINE, ON MONDAY, 31ST MARCH, 2025, AT 3PM.\n"
        "PRESENT IN THE CHAIR: Príomh Chomhairleoir, Councillor D. McSweeney.\nMEMBERS PRESENT:\n"
        "Mayor Moran,",
    ),
    (None, "Councillors Beasley, Benson, Butler, Ward.\nOFFICIALS IN ATTENDANCE:"),
    (None, "Director General (Dr. P. Daly), Meetings Administrator (Ms. C. Farrell).\n"),
    (None, "**Also in Attendance:** Ms. B. Quinn, Chair, Audit and Risk Committee."),
    (
        "Welcome to Visiting Councillor",
        "At the outset, the Príomh Chomhairleoir opened the Meeting",
    ),
]


def test_attendance_lists_at_the_head_of_minutes() -> None:
    from assistant.answering.minutes_attendance import _named_minutes, lists

    head = _doc("limerick-minutes", LIMERICK_HEAD)
    found = {label: listed for label, _, listed in lists(head)}
    assert found["MEMBERS PRESENT"] == "Mayor Moran, Councillors Beasley, Benson, Butler, Ward."
    assert found["OFFICIALS IN ATTENDANCE"] == (
        "Director General (Dr. P. Daly), Meetings Administrator (Ms. C. Farrell)."
    )
    assert found["Also in Attendance"] == "Ms. B. Quinn, Chair, Audit and Risk Committee."
    assert "Príomh" not in found["MEMBERS PRESENT"] and "outset" not in found["Also in Attendance"]
    kent = _doc(
        "kent",
        [
            (
                "COUNTY COUNCIL",
                "PRESENT: Mr B J Sweetland (Chairman), Mr N Baker\n"
                "IN ATTENDANCE: Mr J Cook (Democratic Services Manager)\nUNRESTRICTED ITEMS\n"
                "286. Apologies for Absence",
            )
        ],
    )
    assert [label for label, _, _ in lists(kent)] == ["PRESENT", "IN ATTENDANCE"]
    assert lists(kent)[1][2] == "Mr J Cook (Democratic Services Manager)"
    # the minutes named by the question's council and day, and none for another day's meeting
    asked = "which officials were in attendance at the limerick council meeting on 31 march 2025?"
    assert _named_minutes([kent, head], asked) is head
    assert _named_minutes([kent, head], "who was present at the cork council on 2 may?") is None


def test_whether_a_member_attended_is_read_from_the_lists_and_apologies() -> None:
    from types import SimpleNamespace

    from assistant.answering.minutes_attendance import _ASKS_WAS, attendance_answer
    from assistant.answering.understand import Intent, Query
    from indexing.store import StoredNode

    minutes = _doc(
        "county-council-minutes",
        [
            (
                "COUNTY COUNCIL",
                "MINUTES of a meeting of the County Council held on Thursday, 9 January 2025.\n"
                "PRESENT: Mr N Baker, Mr J A Kite, MBE, Mr A J Hook\n"
                "IN ATTENDANCE: Mr J Cook (Democratic Services Manager)\nUNRESTRICTED ITEMS",
            ),
            (
                "283. Apologies for Absence",
                "The Democratic Services Manager reported apologies from Mr Beaney, Mr Ridgers, "
                "Mr Sweetland and Mr Wright.",
            ),
        ],
    )
    store = SimpleNamespace(
        read=lambda ids: [StoredNode(id=i, text="", metadata={"plan_document": "m"}) for i in ids]
    )
    scope = SimpleNamespace(documents=[minutes], store=store)

    def ask(text: str):
        return attendance_answer(scope, Query(text=text, intent=Intent.fact))  # type: ignore[arg-type]

    kite = ask("was Mr Kite present at the county council meeting on 9 january 2025?")
    assert kite is not None and kite.answered and kite.answer.startswith("Mr J A Kite is listed")
    sweetland = ask("did Mr Sweetland attend the county council meeting on 9 january 2025?")
    assert sweetland is not None and sweetland.answered
    assert sweetland.answer.startswith("Sweetland sent apologies")
    smith = ask("did Mr Smith attend the county council meeting on 9 january 2025?")
    assert smith is not None and not smith.answered  # a member the minutes do not name
    assert not _ASKS_WAS.search("was Mr Oakford's motion carried at the council meeting?")


# The County Council minutes of 9 January 2025 (pp. 3-10), shortened: the motion, the
# amendment carried without a count, and the vote on the motion as amended.
JANUARY = [
    (
        "285. English Devolution White Paper",
        "5) Mr Gough proposed, and Mr Oakford seconded the motion that\n“County Council is "
        "asked to: (1) Endorse the ongoing joint work to respond the English Devolution "
        "White Paper”",
    ),
    (
        "285. English Devolution White Paper",
        "15) Mr Streatfeild proposed and Mr Sole seconded the following amendment to the "
        "motion set out in paragraph 5:\n“(5) Expects there to be as much transparency as "
        "possible in this process.”\nAmendment carried.",
    ),
    (
        "285. English Devolution White Paper",
        "25) The Chairman put the substantive motion set out in paragraph 15 to the\nvote and "
        "the voting was as follows:\nFor (39)\nMr Baker, Mr Bartlett\nAgainst (19)\nMr Baldock\n"
        "Abstain (1)\nMs Constantine\nMotion carried.",
    ),
]


def test_a_motion_voted_on_as_amended_takes_that_vote() -> None:
    from assistant.answering.motion_answer import _amended_vote

    found = proposals(_doc("january", JANUARY))
    motion, amendment = found
    assert motion.sentence.endswith("seconded the motion that")
    assert not motion.counts and amendment.counts == {"For": 39, "Against": 19, "Abstain": 1}
    carrier = _amended_vote(motion, found)
    assert carrier is amendment
    assert _amended_vote(amendment, found) is None  # an amendment's own vote is its own


def test_the_final_vote_on_the_substantive_motion_is_the_motions() -> None:
    from assistant.answering.motion_answer import _outcome

    found = proposals(_doc("january", JANUARY))
    # the vote on "the substantive motion set out in paragraph 15" answers for the motion,
    # though the amendment of paragraph 15 made it; "final" and "one" say which vote
    asked = _asked(
        "who was the one abstention on the final (substantive) devolution motion?", found
    )
    assert asked is not None and asked.counts["Abstain"] == 1
    assert asked.voters["Abstain"] == ["Ms Constantine"]
    assert _side("who was the one abstention?") == "Abstain"  # the noun asks the side too
    assert _outcome(asked) == "Motion carried"  # as the minutes print it, not "Amendment …"
