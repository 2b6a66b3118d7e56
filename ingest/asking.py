"""Does a sentence ask? One check for ingest (a turn of minutes read with its reply) and for the answer layer (a
question line is not an answer; the line after it is).

A sentence asks when it ends in ？ or in a か that asks (「…対象になりますか。」「…可能か。」, not 「次のいずれか」
「明らか」: the vocabulary's `not_asking`), or with a request for an answer (「…を教えてください。」「…について伺います。」:
`request_endings`). The word lists are data (`[records]` in vocabulary.toml), so an office can add its own.
"""

from __future__ import annotations

import re

from .clean import normalize
from .vocabulary import vocabulary

_ASKS_BY_SHAPE = re.compile(r"(か|\?)[。.]?$")
# a line marked as a question (an FAQ's 「Q1．」「Q　」「問2：」, a record's 【質問】 field: labels from the vocabulary)
_ASK_LABELS = "|".join(map(re.escape, vocabulary().ask_labels)) or "質問"
QUESTION_MARK = re.compile(rf"^(?:Q\s*\d*\s*[.．:：、]|Q\s*\d*\s*(?=[^\x00-\x7f])|【(?:{_ASK_LABELS})】|問\s*\d*\s*[.．:：]"
                           rf"|問\s*\d+\s+(?=[^\x00-\x7f]))")


def marked_question(line: str) -> bool:
    """Whether a normalised line opens with a question mark of an FAQ or a record (Q1．, Q1　, Q　, 問2：, 【質問】)."""
    return bool(QUESTION_MARK.search(line))


def asks_sentence(sentence: str) -> bool:
    """Whether this one sentence asks (see the module docstring)."""
    last = re.sub(r"\s+", "", normalize(sentence)).rstrip("」』)")
    if not last:
        return False
    v = vocabulary()
    if _ASKS_BY_SHAPE.search(last):
        return last.rstrip("。.").endswith("?") or not last.rstrip("。.").endswith(v.not_asking)
    return last.lower().rstrip("。.").endswith(v.request_endings)
