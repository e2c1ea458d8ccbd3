"""The holder of a post a "who is the …" question asks for, named right beside the post
(``post_holder.holder_beside``), and the post a question asks for (``post_words``)."""

from __future__ import annotations

from assistant.answering.asked_terms import post_words
from assistant.answering.post_holder import asked_post, holder_beside


def test_the_post_a_question_asks_for_stops_before_its_verb() -> None:
    asked = "who was the planning inspector examining the minerals and waste local plan"
    assert post_words(asked) == ["inspector"]
    assert post_words("who is the acting director of finance?") == ["director"]


def test_a_name_right_beside_the_post_holds_it() -> None:
    assert holder_beside(
        "On 10 May, Planning Inspector Jo Burton opened the hearings.", "inspector"
    )
    assert holder_beside("Mr Hill, the Mayor, opened the meeting.", "mayor")
    assert holder_beside("Dave Shipton (Report Author) attended.", "author")


def test_a_post_spoken_of_or_a_longer_word_does_not() -> None:
    # The post's word inside another ("Mayoral Strategic Authority") is no holder.
    assert not holder_beside("elections to a new Mayoral Strategic Authority in May", "mayor")
    # The post's paper ("the Inspector’s Report") and a capitalised phrase are no holder.
    assert not holder_beside(
        "the Plan as modified by the Inspector’s Report on Kent Minerals", "inspector"
    )
    assert not holder_beside("The Leader said that an elected mayor would lead it.", "mayor")


def test_a_post_asked_for_by_what_its_holder_does() -> None:
    posts, asked = asked_post("who wrote the late changes to the budget paper?")
    assert posts == ["author"]
    assert asked == "who was the author of the late changes to the budget paper?"
    assert asked_post("who chaired the cabinet on 30 january")[0] == ["chairman"]
    assert asked_post("who was the planning inspector")[0] == ["inspector"]
    assert asked_post("who proposed the amendment") == ([], "who proposed the amendment")
