"""Section headers and generic words never become concepts."""

from __future__ import annotations

import pytest

from medkg.nlp.normalize import Linker


@pytest.mark.parametrize("text,label", [("Allergies", "Disease"), ("PRN\nAllergies", "Disease"),
                                        ("lesion", "Disease"), ("damage", "Disease")])
def test_generic_words_stay_unlinked(text, label):
    assert Linker().link(text, label).status == "unlinked"


def test_specific_terms_still_link():
    assert Linker().link("kidney injury", "Disease").status == "linked"
    assert Linker().link("allergy", "Disease").status == "linked"
