"""Deterministic generator of layout-test PDFs (fictional みなと県) with ground truth.

Run from the repository root:  python -m tests.docgen OUTDIR
"""

from __future__ import annotations

from pathlib import Path

DOCS = ["guide", "slides", "faq", "minutes", "report"]
# held-out documents (another prefecture, さくら県): built only when named, never by default
FRESH = ["newsletter", "youkou"]
# second held-out set (かえで県), written blind: built only when named, never by default
BLIND = ["kaede_tebiki", "kaede_setsumeikai"]
# third held-out set (あおば県), written blind: built only when named, never by default
BLIND3 = ["aoba_gijiyoshi", "aoba_qa"]
# fourth held-out set (はるかぜ県), written blind: built only when named, never by default
BLIND4 = ["harukaze_leaflet", "harukaze_tsuchi"]
# fifth held-out set (みずほ県), written blind: built only when named, never by default
BLIND5 = ["mizuho_chousa", "mizuho_houjin"]
# sixth held-out set (ともえ県), written blind: built only when named, never by default
BLIND6 = ["tomoe_gaiyou", "tomoe_ichiran"]
# seventh held-out set (ひなた県), written blind: built only when named, never by default
BLIND7 = ["hinata_jireishu", "hinata_shiryou"]
# eighth held-out set (いずみ県), written blind: built only when named, never by default
BLIND8 = ["izumi_tebiki", "izumi_handout"]
# eleventh held-out set (北浜県), written blind: built only when named, never by default
BLIND11 = ["kitahama_kenshu", "kitahama_soukai"]
# twelfth held-out set (椿県), written blind: built only when named, never by default
BLIND12 = ["tsubaki_leaflet", "tsubaki_houkoku"]
# thirteenth held-out set (ことぶき県), written blind: built only when named, never by default
BLIND13 = ["kotobuki_shiryou", "kotobuki_youbou"]
# fourteenth held-out set (みなみ野県), written blind: built only when named, never by default
BLIND14 = ["minamino_anketo", "minamino_kouhou"]
# fifteenth held-out set (さざなみ県), written blind: built only when named, never by default
BLIND15 = ["sazanami_web", "sazanami_keikaku"]
# sixteenth held-out set (つつじ県), written blind: built only when named, never by default
BLIND16 = ["tsutsuji_handout", "tsutsuji_sheet"]
# seventeenth held-out set (すずらん県), written blind: built only when named, never by default
BLIND17 = ["suzuran_booklet", "suzuran_chousahyou"]
# eighteenth held-out set (しらかね県), written blind: built only when named, never by default
BLIND18 = ["shirakane_sheet", "shirakane_notes"]
# nineteenth held-out set (こまち県), written blind: built only when named, never by default
BLIND19 = ["komachi_shitsugi", "komachi_tsuchi"]
# twentieth held-out set (あさぎ県), written blind: built only when named, never by default
BLIND20 = ["asagi_2up", "asagi_kouhou"]
# twenty-first held-out set (はやせ県), written blind: built only when named, never by default
BLIND21 = ["hayase_nenpou", "hayase_4up"]
# twenty-second held-out set (ふじなみ県), written blind: built only when named, never by default
BLIND22 = ["fujinami_kenpou", "fujinami_hyouka"]
# twenty-third held-out set (ゆうなぎ県), written blind: built only when named, never by default
BLIND23 = ["yunagi_kenkyu", "yunagi_worksheet"]
# twenty-fourth held-out set (やまぶき県), written blind: built only when named, never by default
BLIND24 = ["yamabuki_notes", "yamabuki_kaigiroku"]
# twenty-fifth held-out set (みささぎ県), written blind: built only when named, never by default
BLIND25 = ["misasagi_guide", "misasagi_houkoku"]
# twenty-sixth held-out set (しおさい県), written blind: built only when named, never by default
BLIND26 = ["shiosai_sanetsu", "shiosai_kohyo"]
# twenty-seventh held-out set (ほくと県), written blind: built only when named, never by default
BLIND27 = ["hokuto_web", "hokuto_yosan"]
# twenty-eighth held-out set (みかげ県), written blind: built only when named, never by default
BLIND28 = ["mikage_tebiki", "mikage_notes"]
# twenty-ninth held-out set (しろたえ県), written blind: built only when named, never by default
BLIND29 = ["shirotae_mikeshi", "shirotae_kinyurei"]
# thirtieth held-out set (あけぼの県), written blind: built only when named, never by default
BLIND30 = ["akebono_kansa", "akebono_youryou"]
# thirty-first held-out set (むつみ県), written blind: built only when named, never by default
BLIND31 = ["mutsumi_kisha", "mutsumi_guidebook"]
# thirty-second held-out set (風花県), written blind: built only when named, never by default
BLIND32 = ["kazahana_gijiroku", "kazahana_calendar"]
# thirty-third held-out set (ときわ県), written blind: built only when named, never by default
BLIND33 = ["tokiwa_soudan", "tokiwa_giansho"]
# thirty-fourth held-out set (いぶき県), written blind: built only when named, never by default
BLIND34 = ["ibuki_iinkai", "ibuki_qa"]
# thirty-fifth held-out set (みずなぎ県), written blind: built only when named, never by default
BLIND35 = ["mizunagi_tebiki", "mizunagi_nenpou"]
# thirty-sixth held-out set (はまなす県), written blind: built only when named, never by default
BLIND36 = ["hamanasu_youryou", "hamanasu_workshop"]
# thirty-seventh held-out set (かすみ県), written blind: built only when named, never by default
BLIND37 = ["kasumi_setsumeikai", "kasumi_nenpou"]
# thirty-eighth held-out set (なぎさ県), written blind: built only when named, never by default
BLIND38 = ["nagisa_taishohyo", "nagisa_poster"]
# thirty-ninth held-out set (ほたる県), written blind: built only when named, never by default
BLIND39 = ["hotaru_taiseizu", "hotaru_kairan"]
# fortieth held-out set (きらら県), written blind: built only when named, never by default
BLIND40 = ["kirara_menzuke", "kirara_mail"]
# forty-first held-out set (ひびき県), written blind: built only when named, never by default
BLIND41 = ["hibiki_scan", "hibiki_fukumei"]
# forty-second held-out set (のどか県), written blind: built only when named, never by default
BLIND42 = ["nodoka_kouetsu", "nodoka_manga"]
# forty-third held-out set (こよみ県), written blind: built only when named, never by default
BLIND43 = ["koyomi_koteihyo", "koyomi_chikujo"]
# forty-fourth set (さつき県), a Gantt-chart plan and an FAQ card sheet: read for fixes, built only when named
BLIND44 = ["satsuki_schedule", "satsuki_faq_card"]
# forty-fifth held-out set (もえぎ県), written blind: built only when named, never by default
BLIND45 = ["moegi_pabukome", "moegi_tenken"]
# forty-sixth held-out set (しののめ県), written blind: built only when named, never by default
BLIND46 = ["shinonome_handout", "shinonome_katsudou"]
# forty-seventh held-out set (わかば県), written blind: built only when named, never by default
BLIND47 = ["wakaba_bukai", "wakaba_houkoku"]
# forty-eighth held-out set (あきつ県), written blind: built only when named, never by default
BLIND48 = ["akitsu_kaiji", "akitsu_yasashii"]
# every document the generator can write: the layout set and all held-out sets
EVERY = (DOCS + FRESH + BLIND + BLIND3 + BLIND4 + BLIND5 + BLIND6 + BLIND7 + BLIND8 + BLIND11 + BLIND12 + BLIND13
         + BLIND14 + BLIND15 + BLIND16 + BLIND17 + BLIND18 + BLIND19 + BLIND20 + BLIND21 + BLIND22 + BLIND23 + BLIND24
         + BLIND25 + BLIND26 + BLIND27 + BLIND28 + BLIND29 + BLIND30 + BLIND31 + BLIND32 + BLIND33 + BLIND34
         + BLIND35 + BLIND36 + BLIND37 + BLIND38 + BLIND39 + BLIND40 + BLIND41 + BLIND42 + BLIND43 + BLIND44
         + BLIND45 + BLIND46 + BLIND47 + BLIND48)


def build_all(outdir: str | Path, only: list[str] | None = None, keep_docs: bool = False) -> dict[str, dict]:
    """Write every PDF and its <name>.truth.json into outdir; return {file: truth}.

    `only` may name any module in DOCS, FRESH, BLIND, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND11,
    BLIND12, BLIND13, BLIND14, BLIND15, BLIND16, BLIND17, BLIND18, BLIND19, BLIND20, BLIND21, BLIND22,
    BLIND23, BLIND24, BLIND25, BLIND26, BLIND27, BLIND28, BLIND29, BLIND30, BLIND31, BLIND32, BLIND33,
    BLIND34, BLIND35, BLIND36, BLIND37, BLIND38, BLIND39, BLIND40, BLIND41, BLIND42, BLIND43, BLIND44,
    BLIND45, BLIND46, BLIND47 or BLIND48;
    without it only DOCS are built.
    With keep_docs the engine's Doc object is kept under truth["_doc"] (used by check.py)."""
    import importlib

    out: dict[str, dict] = {}
    for name in only or DOCS:
        mod = importlib.import_module(f"{__name__}.{name}")
        doc = mod.build()
        out[doc.file] = doc.save(Path(outdir))
        if keep_docs:
            out[doc.file]["_doc"] = doc
    return out
