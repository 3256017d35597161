"""The search's language part alone (meetings/searchtext.py): Danish stems, the query
syntax of websearch_to_tsquery as FTS5, snippets and their HTML."""

from __future__ import annotations

from samraad.meetings.searchtext import (
    START,
    STOP,
    Phrase,
    Query,
    fts5_query,
    index_text,
    mark_all,
    parse_query,
    snippet,
    stem,
    terms,
    to_html,
)


def test_danish_forms_share_a_stem() -> None:
    assert stem("Sygefraværet") == stem("sygefravær") == "sygefravær"
    assert stem("forvaltningerne") == stem("forvaltning") == "forvaltning"
    assert stem("medarbejderne") == stem("medarbejder") == "medarbejd"


def test_stop_words_are_left_out() -> None:
    assert terms("Sygefraværet i forvaltningerne og på skolerne") == [
        "sygefravær",
        "forvaltning",
        "skol",
    ]
    assert index_text("MED-udvalget drøftede det") == "udvalg drøfted"  # "med" is a stop word


def test_query_words_phrases_alternatives_and_exclusions() -> None:
    query = parse_query('sygefraværet "lange fravær" or trivsel -corona og')
    assert query == Query(
        clauses=(
            (Phrase(("sygefravær",)),),
            (Phrase(("lang", "fravær")), Phrase(("trivsel",))),
        ),
        excluded=(Phrase(("corona",)),),
    )
    assert fts5_query(query) == '("sygefravær" AND ("lang fravær" OR "trivsel")) NOT "corona"'
    assert query.stems() == {"sygefravær", "lang", "fravær", "trivsel"}


def test_a_query_of_stop_words_or_signs_asks_nothing() -> None:
    assert parse_query("og i at").empty
    assert parse_query(' - " ,. ').empty
    assert fts5_query(parse_query("og")) == ""
    assert fts5_query(parse_query("-budget")) == ""


def test_or_at_the_start_is_a_word_of_nothing() -> None:
    assert fts5_query(parse_query("or budget")) == '"budg"'


def test_the_whole_title_is_marked() -> None:
    marked = mark_all("Sygefravær 2025 og sygefraværet i BUF", frozenset({"sygefravær"}))
    assert marked == f"{START}Sygefravær{STOP} 2025 og {START}sygefraværet{STOP} i BUF"


def test_a_snippet_is_the_words_round_the_hits() -> None:
    text = " ".join(f"ord{n}" for n in range(1, 61)) + " Sygefraværet steg. " + "slut " * 40
    got = snippet(text, frozenset({"sygefravær"}), words=9, fragments=2)
    assert got == f"… ord58 ord59 ord60 {START}Sygefraværet{STOP} steg. slut slut slut slut …"


def test_two_fragments_are_the_ones_with_most_hits() -> None:
    text = "budget a b c d e f g h i j k l m n o p budget budget q r s t u v w x y z æ ø å budget"
    got = snippet(text, frozenset({stem("budget")}), words=4, fragments=2)
    marked = f"{START}budget{STOP}"
    assert got == f"{marked} a b c … p {marked} {marked} q r …"


def test_without_a_hit_the_snippet_is_the_start() -> None:
    assert snippet("Et langt notat om trivsel og arbejdsmiljø", frozenset({"x"}), words=4) == (
        "Et langt notat om …"
    )
    assert snippet("", frozenset({"x"})) == ""


def test_html_is_escaped_and_hits_marked() -> None:
    assert to_html(f"<script>x</script> & {START}budget{STOP}") == (
        "&lt;script&gt;x&lt;/script&gt; &amp; <mark>budget</mark>"
    )
