"""Direct quotes: where each quotation starts and ends in the body.

Double marks (curly, straight, low-9, guillemets) are found first; single marks (British
style) only outside them, so a quote inside a quote stays part of its outer quote. A quote
left open at the end of a paragraph runs on into the next (an opening mark on each paragraph
and a closing mark only at the end, or none on the following paragraphs). Attribution lives in
`speakers.py`; this module only finds the words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.core.sentences import paragraphs
from briefing.model import Span

DOUBLE_OPEN = {"“": "”", "„": "“", "«": "»", "‟": "”", "»": "«"}
DOUBLE_CLOSE = set("”»“«")
SINGLE_OPEN = "‘'‚‹"
SINGLE_CLOSE = "’'‹›"
_DOUBLE_MARK = re.compile('[“”„«»‟"]')
_SINGLE_OPEN_MARK = re.compile("[‘'‚‹]")
_MAX_CARRY = 6  # paragraphs a quote may run on without closing before it is given up


@dataclass(slots=True)
class QuotePiece:
    """One quoted stretch inside a single paragraph."""

    start: int
    """Offset of the first quoted character (after the opening mark)."""
    end: int
    """Offset after the last quoted character (before the closing mark)."""
    open_mark: int | None
    """Offset of the opening mark, or None when the quote runs on from the last paragraph."""
    close_mark: int | None
    """Offset of the closing mark, or None when the quote runs on into the next paragraph."""
    paragraph: int
    group: int = -1
    """Pieces of one run-on quote share a group number."""
    bare: str | None = None
    """Words quoted without marks: "answer" (a Q&A transcript's A: paragraph), "signed" (a
    paragraph with an attribution line under it) or "embed" (a social post under its header)."""
    signer: tuple[int, int] | None = None
    """For an embedded post: the span of its "Name @handle · date" header line."""


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] == ","):
        end -= 1
    return start, end


def _is_word(char: str) -> bool:
    return char.isalnum()


def _double_pieces(body: str, paras: Sequence[Span]) -> list[QuotePiece]:
    pieces: list[QuotePiece] = []
    open_piece: QuotePiece | None = None
    expected_close = ""
    carried = 0
    for number, para in enumerate(paras):
        if open_piece is not None:
            first = body[para.start]
            if first in "—–" or carried >= _MAX_CARRY:
                open_piece = None
            else:
                skip = 1 if first in DOUBLE_OPEN or first == '"' else 0
                open_piece = QuotePiece(para.start + skip, para.end, None if not skip else para.start, None, number,
                                        open_piece.group)
                carried += 1
        for mark in _DOUBLE_MARK.finditer(body, para.start, para.end):
            index = mark.start()
            char = body[index]
            if open_piece is None:
                if char in DOUBLE_OPEN or char == '"':
                    if char in "»”" and index + 1 < para.end and not _is_word(body[index + 1]):
                        continue  # a closing-shaped mark with nothing after it opens nothing
                    if char == '"' and index > para.start and _is_word(body[index - 1]):
                        continue  # inch marks and stray closers: 5'10"
                    expected_close = '"' if char == '"' else DOUBLE_OPEN[char]
                    open_piece = QuotePiece(index + 1, para.end, index, None, number, len(pieces))
                    carried = 0
                continue
            if index < open_piece.start:
                continue
            if expected_close == '"':
                closes = char == '"'
            elif expected_close in "«»":
                # Guillemets close only with their pair: a "…" inside them is a quote in the quote.
                closes = char == expected_close
            else:
                closes = char == expected_close or char in "”»" or char == '"'
            if closes:
                if open_piece.open_mark is None and index == para.start:
                    continue
                open_piece.end = index
                open_piece.close_mark = index
                pieces.append(open_piece)
                open_piece = None
        if open_piece is not None:
            open_piece.end = para.end
            pieces.append(open_piece)
    return _drop_unclosed(pieces)


def _drop_unclosed(pieces: list[QuotePiece]) -> list[QuotePiece]:
    """Keep a run-on group only if it closes, or if it fills whole paragraphs from their start."""
    groups: dict[int, list[QuotePiece]] = {}
    for piece in pieces:
        groups.setdefault(piece.group, []).append(piece)
    kept: list[QuotePiece] = []
    for members in groups.values():
        if members[-1].close_mark is not None:
            kept.extend(members)
    kept.sort(key=lambda piece: piece.start)
    return kept


def _single_closer(body: str, start: int, end: int) -> int | None:
    """The offset of the mark that closes a single quote opened before `start`, within a paragraph.

    An apostrophe inside a word (don’t) never closes. A mark after sentence punctuation or before
    punctuation closes for sure; a mark before a space closes only if no surer one follows, and
    a plural possessive (players’ wage) is the last resort."""
    weak: int | None = None
    possessive: int | None = None
    for index in range(start, end):
        char = body[index]
        if char not in SINGLE_CLOSE:
            continue
        before = body[index - 1] if index > start else " "
        after = body[index + 1] if index + 1 < end else "\n"
        if before.isspace():
            continue
        if _is_word(before) and _is_word(after):
            continue
        if before in ",.!?…;:—–" or after in ",.;:!?)—–\n" or index + 1 == end:
            return index
        if after.isspace():
            if before == "s":
                possessive = possessive if possessive is not None else index
            elif weak is None:
                weak = index
                # A sure closer later in the same sentence wins over this one.
    if weak is not None:
        return weak
    return possessive


def _single_pieces(body: str, paras: Sequence[Span], covered: list[tuple[int, int]]) -> list[QuotePiece]:
    pieces: list[QuotePiece] = []
    scan = body
    if covered:
        chars = list(body)
        for left, right in covered:
            chars[left:right] = "x" * (right - left)
        scan = "".join(chars)
    cover_index = 0
    for number, para in enumerate(paras):
        resume = para.start
        for mark in _SINGLE_OPEN_MARK.finditer(body, para.start, para.end):
            index = mark.start()
            if index < resume:
                continue
            while cover_index < len(covered) and covered[cover_index][1] <= index:
                cover_index += 1
            if cover_index < len(covered) and covered[cover_index][0] <= index < covered[cover_index][1]:
                continue
            before = body[index - 1] if index > para.start else " "
            after = body[index + 1] if index + 1 < para.end else " "
            if _is_word(before) or before in "’'" or not (_is_word(after) or after in "“\"…"):
                continue
            # A double-quoted phrase inside the single quote ('We were told "any week now",') is
            # part of it: the closer is looked for in text where such phrases are blanked out.
            closer = _single_closer(scan, index + 1, para.end)
            if closer is not None and closer > index + 1:
                pieces.append(QuotePiece(index + 1, closer, index, closer, number, -1))
                resume = closer + 1
                continue
            if closer is None and (index == para.start or _next_paragraph_reopens(body, paras, number)):
                # British run-on: a quote that does not close by the end of its paragraph, the
                # next paragraph opening with a mark ("... said: 'I want to be clear. [¶] 'It is ...'").
                pieces.append(QuotePiece(index + 1, para.end, index, None, number, -1))
                break
    return _join_single_runs(body, pieces, paras)


def _next_paragraph_reopens(body: str, paras: Sequence[Span], number: int) -> bool:
    """Whether paragraph `number` ends a sentence and the next one opens with a single mark."""
    if number + 1 >= len(paras):
        return False
    return body[paras[number].end - 1] in ".!?…" and body[paras[number + 1].start] in "‘'"


def _join_single_runs(body: str, pieces: list[QuotePiece], paras: Sequence[Span]) -> list[QuotePiece]:
    """Give run-on single-quoted paragraphs one group, ending at the first piece that closes."""
    result: list[QuotePiece] = []
    group = 10_000
    run: list[QuotePiece] = []
    for piece in pieces:
        if run and piece.paragraph == run[-1].paragraph + 1 and piece.open_mark == paras[piece.paragraph].start:
            run.append(piece)
        elif run:
            run = []
        if not run:
            group += 1
            run = [piece] if piece.close_mark is None else []
        piece.group = group
        result.append(piece)
        if piece.close_mark is not None:
            run = []
    return result


def find_quote_pieces(body: str) -> list[QuotePiece]:
    """Every quoted stretch in the body, in order, trimmed of spaces and a trailing comma."""
    paras = paragraphs(body)
    doubles = _double_pieces(body, paras)
    covered = [(piece.open_mark if piece.open_mark is not None else piece.start,
                (piece.close_mark + 1) if piece.close_mark is not None else piece.end) for piece in doubles]
    singles = _single_pieces(body, paras, covered)
    outer = [(piece.start, piece.end) for piece in singles]
    doubles = [piece for piece in doubles if not any(start <= piece.start < end for start, end in outer)]
    marked = doubles + singles
    bare = _bare_pieces(body, paras, marked)
    pieces = sorted(marked + bare, key=lambda piece: piece.start)
    trimmed: list[QuotePiece] = []
    for piece in pieces:
        piece.start, piece.end = _trim(body, piece.start, piece.end)
        if piece.end > piece.start:
            trimmed.append(piece)
    return trimmed


_EMBED_HEADER = re.compile(r"[^\n@]{2,60}\s@\w{2,30}\s*[·•|-]\s*[^\n]{0,40}$")
_EMBED_STATS = re.compile(r"[\d.,]+[KkMm]?\s+(?:likes?|reposts?|retweets?|replies|views|comments|shares)\b")
_EMBED_REPLYING = re.compile(r"Replying to @\w+")


def _para_index(paras: Sequence[Span], start: int) -> int:
    return next(index for index, para in enumerate(paras) if para.start == start)


_ATTRIBUTION_LINE = re.compile(r"[—–]\s*(?:@\w|[A-Z])")
_QUESTION = re.compile(r"Q\s*[:.]\s")
_ANSWER = re.compile(r"A\s*[:.]\s")


_QUESTION_END = re.compile(r"\?[\"'”’)*_]*$")
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|my|me|we|We|our|Our|us)\b")
_MAX_ANSWER_PARAGRAPHS = 4


def _interview_answers(body: str, paras: Sequence[Span]) -> set[int]:
    """Paragraph numbers of an interview's answers when the questions stand as paragraphs of
    their own, without "Q:" ("You closed at the height of your success. Why?").

    It takes three questions or more, each answered by the paragraphs after it, and answers in
    the first person, as an interviewee speaks: an explainer ("What happens next? The council
    votes ...") answers in the third person and is left alone."""
    questions = [number for number, para in enumerate(paras)
                 if para.end - para.start < 300 and body[para.start] not in "\"“‘'«"
                 and _QUESTION_END.search(body, para.start, para.end)]
    if len(questions) < 3:
        return set()
    answers: list[int] = []
    for index, question in enumerate(questions):
        last = questions[index + 1] if index + 1 < len(questions) else len(paras)
        for number in range(question + 1, min(last, question + 1 + _MAX_ANSWER_PARAGRAPHS)):
            if number > question + 1 and not _FIRST_PERSON.search(body, paras[number].start, paras[number].end):
                break  # the answer has ended: a footer line, the interviewer's own words
            answers.append(number)
    in_first_person = sum(1 for number in answers if _FIRST_PERSON.search(body, paras[number].start, paras[number].end))
    if len(answers) < 3 or in_first_person < 0.6 * len(answers):
        return set()
    return set(answers)


def _bare_pieces(body: str, paras: Sequence[Span], marked: list[QuotePiece]) -> list[QuotePiece]:
    """Quotes without quotation marks: the answers of a Q&A transcript, and a paragraph signed by
    an attribution line under it ("— Name, title" or "— Name (@handle)")."""
    with_marks = {piece.paragraph for piece in marked}
    questions = sum(1 for para in paras if _QUESTION.match(body, para.start))
    answers = [para for para in paras if _ANSWER.match(body, para.start)]
    transcript = questions >= 2 and len(answers) >= 2
    answered = set() if transcript else _interview_answers(body, paras)
    pieces: list[QuotePiece] = []
    embed_header: tuple[int, int] | None = None
    for number, para in enumerate(paras):
        if _EMBED_HEADER.match(body, para.start, para.end):
            embed_header = (para.start, para.end)
            continue
        if embed_header is not None:
            if _EMBED_STATS.match(body, para.start, para.end) or number - _para_index(paras, embed_header[0]) > 6:
                embed_header = None
                continue
            if _EMBED_REPLYING.match(body, para.start, para.end):
                continue
            pieces.append(QuotePiece(para.start, para.end, None, None, number, 40_000 + number, bare="embed",
                                     signer=embed_header))
            continue
        if transcript and _ANSWER.match(body, para.start):
            start = _ANSWER.match(body, para.start).end()  # type: ignore[union-attr]
            pieces.append(QuotePiece(start, para.end, None, None, number, 20_000 + number, bare="answer"))
            continue
        if number in answered:
            pieces.append(QuotePiece(para.start, para.end, None, None, number, 20_000 + number, bare="answer"))
            continue
        if number in with_marks or number + 1 >= len(paras) or _ATTRIBUTION_LINE.match(body, para.start):
            continue
        signature = paras[number + 1]
        if signature.end - signature.start <= 120 and _ATTRIBUTION_LINE.match(body, signature.start):
            pieces.append(QuotePiece(para.start, para.end, None, None, number, 30_000 + number, bare="signed"))
    embed_spans = [(piece.start, piece.end) for piece in pieces if piece.bare == "embed"]
    if embed_spans:
        marked[:] = [piece for piece in marked if not any(start <= piece.start < end for start, end in embed_spans)]
    if transcript:
        # A quote inside an answer belongs to the answer ("My predecessor used to say, ...").
        answer_spans = [(piece.start, piece.end) for piece in pieces if piece.bare == "answer"]
        marked[:] = [piece for piece in marked
                     if not any(start <= piece.start < end for start, end in answer_spans)]
    return pieces
