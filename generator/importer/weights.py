"""Weights of the title and date evidence (see :mod:`generator.importer.evidence`).

Written by ``scripts/fit_importer.py`` from the fit split of tests/importer/corpus/;
edit by refitting, not by hand.
"""

TITLE = {
    "k_crumb": -0.5, "k_prefix": 0.3, "k_field": 2.0, "k_hint": 1.0, "k_inferred": -1.5, "no_lines": 3.0,
    "rank_bottom": -1.0, "last": 0.8, "gap_to_lead": -1.0, "before_dateline": 1.5, "after_dateline": 0.5,
    "hint_match": 4.0, "w_1_3": -2.5, "w_4_7": -0.5, "w_8_30": 1.0, "w_long": -1.0, "too_long": -2.0,
    "all_caps": -0.3, "lower_start": -1.5, "end_colon": -1.5, "end_period": -1.0, "digits": -1.0, "phone": -3.0,
    "chrome_words": -2.5, "organisation": -2.0, "category": -2.0, "byline": -2.0, "caption": -1.5, "chrome": -3.0,
    "not_title_like": -2.0, "body_overlap": 3.0, "lead_overlap": 1.5, "url_overlap": 3.0, "pipes": -2.0,
    "repeated": 0.3,
}

DATE = {
    "k_field": 2.0, "k_lead": -1.0, "k_url": 0.5, "k_hint": 3.0, "k_title_period": -0.5, "k_title_year": -2.0,
    "k_text_year": -3.0, "z_header": 1.0, "z_body": -1.5, "z_footer": 0.3, "dateline": 2.5, "field": 1.0,
    "above_title": -0.5, "near_title": 1.5, "far_from_title": -1.0, "lead": 0.5, "lead_start": 1.0,
    "chrome_line": -0.5, "cue_published": 2.0, "cue_updated": -0.3, "cue_today": -4.0, "cue_document": -3.0,
    "cue_weekday": 0.3, "has_time": 0.5, "other_words": -2.0, "latest": -0.3, "repeated": 0.3, "agrees_url": 1.5,
    "precision_day": 0.5,
}
