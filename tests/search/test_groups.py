"""Terms grouped and ranked (reform_archive.search.groups): the orders a build updates from the
last one's are the orders a sort gives, and the ranking is the one shards were cut by
before it could be updated (the folded term first only where its group has one)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from reform_archive.search.groups import Groups, key_of
from reform_archive.search.jsorder import js_order

# syllables with and without marks, đ, a character past U+FFFF (JavaScript orders those
# by UTF-16 code units), Greek (whose marked letters sort before their folded ones:
# "ά" is U+03AC, "α" U+03B1), and bigrams ("_" + two syllables)
SYLLABLES = [
    "hoa",
    "hòa",
    "hoà",
    "hóa",
    "chinh",
    "chính",
    "chỉnh",
    "da",
    "đa",
    "dá",
    "ủy",
    "uy",
    "tinh",
    "tỉnh",
    "tính",
    "an",
    "ân",
    "ấn",
    "z",
    "\U0001d518x",
    "\uffef",
    "a\u00e0",
    "ά",
    "α",
    "άλ",
    "ὰλ",
    "αλ",
]
TERMS = st.one_of(
    st.sampled_from(SYLLABLES),
    st.tuples(st.sampled_from(SYLLABLES), st.sampled_from(SYLLABLES)).map(lambda p: f"_{p[0]} {p[1]}"),
)


def reference(terms: list[str]) -> tuple[list[int], list[int], list[int]]:
    """by_rank, position order and head_of as the split computed them before."""
    keys = [key_of(t) for t in terms]
    heads = {t: i for i, (t, k) in enumerate(zip(terms, keys, strict=True)) if t == k}
    head_of = [heads.get(k, i) for i, k in enumerate(keys)]
    by_rank = sorted(range(len(terms)), key=lambda i: (js_order(keys[i]), head_of[i] != i, js_order(terms[i])))
    by_position = sorted(range(len(terms)), key=lambda i: js_order(terms[i]))
    return by_rank, by_position, head_of


def sizes(terms: list[str]) -> np.ndarray:
    return np.array([len(t.encode()) for t in terms], dtype=np.int32)


@settings(max_examples=300, deadline=None)
@given(st.lists(TERMS, unique=True, max_size=40), st.lists(TERMS, unique=True, max_size=8), st.data())
def test_updated_orders_are_the_sorted_ones(before, added, data):
    kept = data.draw(st.lists(st.booleans(), min_size=len(before), max_size=len(before)))
    previous = Groups.of(before, sizes(before))
    terms = [t for t, keep in zip(before, kept, strict=True) if keep]
    carried = [i for i, keep in enumerate(kept) if keep]
    new = [t for t in added if t not in before]
    terms += new
    carried += [-1] * len(new)
    fresh = Groups.of(terms, sizes(terms))
    # every share of new terms updates here (the build sorts again past UPDATED_UP_TO)
    import reform_archive.search.groups as groups

    groups_limit, groups.UPDATED_UP_TO = groups.UPDATED_UP_TO, 1.0
    try:
        updated = Groups.of(terms, sizes(terms), np.array(carried, dtype=np.int32), previous.order())
    finally:
        groups.UPDATED_UP_TO = groups_limit
    by_rank, by_position, head_of = reference(terms)
    for made in (fresh, updated):
        assert made.by_rank == by_rank
        assert made.by_position.tolist() == by_position
        assert made.head_of.tolist() == head_of
        assert made.keys == [key_of(t) for t in terms]
        keys_by_rank = [made.keys[i] for i in by_rank]
        assert made.starts.tolist() == [r == 0 or keys_by_rank[r] != keys_by_rank[r - 1] for r in range(len(terms))]


def test_an_order_that_does_not_fit_is_not_updated():
    terms = ["hoa", "hòa", "_hoa hòa"]
    order = Groups.of(terms, sizes(terms)).order()
    broken = type(order)(order.by_rank[:2], order.by_position, order.keys)  # an id missing
    assert not broken.consistent() and order.consistent()
    made = Groups.of(terms, sizes(terms), np.arange(3, dtype=np.int32), broken)  # sorted again
    assert made.by_rank == reference(terms)[0]


def test_every_syllable_and_bigram_ranks_as_before():
    terms = SYLLABLES + [f"_{a} {b}" for a in SYLLABLES for b in SYLLABLES[:6]]
    made = Groups.of(terms, sizes(terms))
    by_rank, by_position, head_of = reference(terms)
    assert (made.by_rank, made.by_position.tolist(), made.head_of.tolist()) == (by_rank, by_position, head_of)
