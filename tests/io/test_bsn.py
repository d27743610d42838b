"""The BSN elfproef and masking: personal data is shown only when asked for."""

from hypothesis import given
from hypothesis import strategies as st

from banenafspraak.bsn import elfproef, is_bsn, looks_like_bsn, mask_id, mask_text

VALID = ("111222333", "123456782", "999999990")


def test_known_numbers_pass_the_elfproef() -> None:
    assert all(elfproef(number) for number in VALID)
    assert all(is_bsn(number) for number in VALID)


def test_the_weighted_sum_decides() -> None:
    # 1*9 + 2*8 + 3*7 + 4*6 + 5*5 + 6*4 + 7*3 + 8*2 - 9 = 147, not a multiple of 11
    assert not elfproef("123456789")
    assert not elfproef("000000000")
    assert not elfproef("12345678")
    assert not elfproef("12345678a")
    assert not elfproef("١٢٣٤٥٦٧٨٢")  # Arabic-Indic digits are no BSN


@given(number=st.sampled_from(VALID), position=st.integers(0, 8), shift=st.integers(1, 9))
def test_changing_one_digit_breaks_the_elfproef(number: str, position: int, shift: int) -> None:
    digit = (int(number[position]) + shift) % 10
    changed = number[:position] + str(digit) + number[position + 1 :]
    assert not elfproef(changed)


def test_nine_digit_ids_are_masked_to_their_last_four_digits() -> None:
    assert mask_id("123456782") == "*****6782"
    assert mask_id("123456789") == "*****6789"  # a mistyped BSN is personal data too
    assert mask_id("123456782", full=True) == "123456782"
    assert mask_id("P1") == "P1"
    assert mask_id("1234567820") == "1234567820"
    assert not looks_like_bsn("12345678")


def test_texts_are_masked_where_a_bsn_stands_alone() -> None:
    text = "person 123456782 in 2019; 1234567820 and 0.123456782 are numbers"
    assert mask_text(text) == "person *****6782 in 2019; 1234567820 and 0.123456782 are numbers"
    assert mask_text(text, full=True) == text
    assert mask_text("id 123456789 fails the elfproef") == "id *****6789 fails the elfproef"
    assert mask_text("person 123456782, employed.") == "person *****6782, employed."
    assert mask_text("(123456782.)") == "(*****6782.)"
    assert mask_text("1,123456782 and 123456782.5") == "1,123456782 and 123456782.5"


def test_every_nine_digit_run_in_an_id_is_masked_whatever_surrounds_it() -> None:
    """A BSN can hide in any id: a prefix, a suffix, or a mistyped number are masked alike."""
    assert mask_id("BSN111222333") == "BSN*****2333"
    assert mask_id("111222333-A") == "*****2333-A"
    assert mask_id("123456789") == "*****6789"
    assert mask_id("1234567890") == "1234567890"
    assert mask_id("BSN111222333", full=True) == "BSN111222333"


@given(hexdigits=st.text(alphabet="0123456789abcdef", min_size=55, max_size=55))
def test_a_receipts_digest_stays_whole_where_it_starts_with_nine_digits(hexdigits: str) -> None:
    """A digest names the data, not a person: its hex digits are never taken for a BSN."""
    digest = f"sha256:111222333{hexdigits}"
    text = f"parameters {digest}, person 111222333"
    assert mask_text(text) == f"parameters {digest}, person *****2333"
    assert mask_id(digest) == digest
