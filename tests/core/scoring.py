"""A compact, in-process scorer for labelled corpora (tests/data/corpus, the seeds).

Gold files follow the shared format: one YAML file per article with `article`,
`reference_date`, `speakers` (name + `match` substrings), `quotes` (speaker + `key`,
optionally `optional: true`), `events` (`dates` list, `what`), `optional_dates` and
`summary` (`must` groups of alternatives, `must_not` strings).

The metrics are the ones the shared scorer prints: quote recall and precision (a quote
counts when a predicted quote contains the key under a speaker whose name contains one
of the `match` strings), speaker grouping (each gold speaker with a required quote is one
predicted speaker), event recall and precision (predicted dates outside every gold and
optional date are wrong), reference-date accuracy and summary coverage and leaks.

Predictions are dicts shaped like CONTRACT.md's article objects; `predict()` builds them
with `briefing.core.analyze.analyze` (and `briefing.views.json_view.to_contract` when it
exists).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
})
LONGEST_QUOTE = 900
"""A predicted quote longer than this many characters is not a quote."""


def norm(text: str | None) -> str:
    """Casefolded, NFKC, straight quote marks, single spaces."""
    folded = unicodedata.normalize("NFKC", text or "").translate(_FOLD).replace("\u2026", "...")
    return " ".join(folded.casefold().split())


def to_day(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def days_of(items: Iterable | None) -> set[dt.date]:
    """Dates and inclusive `lo..hi` ranges -> the set of days they cover."""
    out: set[dt.date] = set()
    for item in items or ():
        text = str(item)
        if ".." in text:
            lo, hi = (dt.date.fromisoformat(part.strip()) for part in text.split("..", 1))
            while lo <= hi:
                out.add(lo)
                lo += dt.timedelta(days=1)
        else:
            day = to_day(text)
            if day is not None:
                out.add(day)
    return out


def load_golds(gold_dir: Path) -> dict[str, dict]:
    """article file name -> gold dict, for every *.yaml in gold_dir."""
    golds: dict[str, dict] = {}
    for path in sorted(Path(gold_dir).glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        gold["_file"] = path.name
        golds[gold["article"]] = gold
    return golds


@dataclass
class ArticleScore:
    name: str
    quotes_required: int = 0
    quotes_found: int = 0
    quotes_predicted: int = 0
    quotes_correct: int = 0
    misattributed: int = 0
    groups_total: int = 0
    groups_ok: int = 0
    events_required: int = 0
    events_found: int = 0
    events_predicted: int = 0
    events_wrong: int = 0
    reference_ok: bool | None = None
    summary_must: int = 0
    summary_must_ok: int = 0
    summary_leaks: int = 0
    notes: list[str] = field(default_factory=list)


def score(gold: dict, pred: dict) -> ArticleScore:
    """Score one predicted article (contract-shaped dict) against its gold."""
    result = ArticleScore(gold["article"])
    matchers = {s["name"]: [norm(m) for m in s["match"]] for s in gold.get("speakers") or ()}

    def is_speaker(gold_name: str, predicted_name: str) -> bool:
        name = norm(predicted_name)
        return any(m in name for m in matchers[gold_name])

    gold_quotes = [(q["speaker"], norm(q["key"]), bool(q.get("optional"))) for q in gold.get("quotes") or ()]
    said = [(sp.get("name") or "", norm(q.get("text")))
            for sp in pred.get("speakers") or () for q in sp.get("quotes") or ()]

    def credited(speaker: str, key: str) -> bool:
        return any(key in text and len(text) <= LONGEST_QUOTE and is_speaker(speaker, name)
                   for name, text in said)

    for speaker, key, optional in gold_quotes:
        if optional:
            continue
        result.quotes_required += 1
        if credited(speaker, key):
            result.quotes_found += 1
        else:
            result.notes.append(f"missed quote  {speaker}: {key}")
            if any(key in text for _, text in said):
                result.misattributed += 1
    result.quotes_predicted = len(said)
    for name, text in said:
        if len(text) <= LONGEST_QUOTE and any(key in text and is_speaker(sp, name) for sp, key, _ in gold_quotes):
            result.quotes_correct += 1
        else:
            result.notes.append(f"false quote   {name}: {text[:70]}")

    for gold_name in matchers:
        if not any(sp == gold_name and not opt for sp, _, opt in gold_quotes):
            continue
        result.groups_total += 1
        clusters = [sp for sp in pred.get("speakers") or ()
                    if sp.get("quotes") and is_speaker(gold_name, sp.get("name") or "")]
        result.groups_ok += len(clusters) == 1

    predicted_days = [to_day(e.get("when")) for e in pred.get("events") or ()]
    allowed = days_of(gold.get("optional_dates"))
    for event in gold.get("events") or ():
        wanted = days_of(event["dates"])
        allowed |= wanted
        result.events_required += 1
        if wanted & set(predicted_days):
            result.events_found += 1
        else:
            result.notes.append(f"missed event  {event['what']}")
    result.events_predicted = len(predicted_days)
    for day in predicted_days:
        if day not in allowed:
            result.events_wrong += 1
            result.notes.append(f"wrong date    {day}")

    gold_ref = to_day(gold.get("reference_date"))
    if gold_ref is not None:
        result.reference_ok = gold_ref == to_day(pred.get("reference_time"))
        if not result.reference_ok:
            result.notes.append(f"reference     {pred.get('reference_time')} != {gold_ref}")

    summary = norm(" ".join(pred.get("summary") or ()))
    wanted_summary = gold.get("summary") or {}
    for group in wanted_summary.get("must") or ():
        result.summary_must += 1
        if any(norm(alt) in summary for alt in group):
            result.summary_must_ok += 1
        else:
            result.notes.append(f"summary lacks {' | '.join(map(str, group))}")
    for leak in wanted_summary.get("must_not") or ():
        if norm(leak) in summary:
            result.summary_leaks += 1
            result.notes.append(f"summary leak  {leak}")
    return result


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def figures(rows: Iterable[ArticleScore]) -> dict[str, float]:
    rows = list(rows)
    total = lambda attr: sum(getattr(r, attr) for r in rows)  # noqa: E731
    refs = [r.reference_ok for r in rows if r.reference_ok is not None]
    recall = _ratio(total("quotes_found"), total("quotes_required"))
    precision = _ratio(total("quotes_correct"), total("quotes_predicted"))
    return {
        "articles": len(rows),
        "quote_recall": round(recall, 3),
        "quote_precision": round(precision, 3),
        "quote_f1": round(2 * recall * precision / (recall + precision), 3) if recall + precision else 0.0,
        "misattributed": total("misattributed"),
        "speaker_grouping": round(_ratio(total("groups_ok"), total("groups_total")), 3),
        "event_recall": round(_ratio(total("events_found"), total("events_required")), 3),
        "event_precision": round(_ratio(total("events_predicted") - total("events_wrong"), total("events_predicted")), 3),
        "reference_date_accuracy": round(_ratio(sum(refs), len(refs)), 3),
        "summary_coverage": round(_ratio(total("summary_must_ok"), total("summary_must")), 3),
        "summary_leaks": total("summary_leaks"),
    }


# --- predictions -------------------------------------------------------------------------


def _iso(value) -> str | None:
    return None if value is None else value.isoformat()


def _from_model(article) -> dict:
    """A contract-shaped dict read straight off a `model.Article`."""
    return {
        "path": article.path,
        "reference_time": _iso(article.reference_time),
        "summary": [span.text for span in article.summary],
        "speakers": [
            {"name": sp.name, "aliases": list(sp.aliases), "role": sp.role,
             "quotes": [{"text": q.text, "via": q.via, "partial": q.partial} for q in sp.quotes]}
            for sp in article.speakers
        ],
        "events": [{"when": _iso(ev.when), "label": ev.label} for ev in article.events],
    }


def predict(paths: list[Path], now: dt.datetime) -> dict[str, dict]:
    """Run the engine in-process: article file name -> contract-shaped article dict."""
    from briefing.core.analyze import analyze

    briefing = analyze([str(p) for p in paths], now=now)
    articles: list[dict] | None = None
    try:
        from briefing.views.json_view import to_contract
    except ImportError:
        to_contract = None
    if to_contract is not None:
        contract = to_contract(briefing)
        if isinstance(contract, dict) and isinstance(contract.get("articles"), list):
            articles = contract["articles"]
    if articles is None:
        articles = [_from_model(a) for a in briefing.articles]
    return {Path(a.get("path") or "").name: a for a in articles}


def score_corpus(article_dir: Path, gold_dir: Path, now: dt.datetime) -> tuple[dict, list[ArticleScore]]:
    golds = load_golds(gold_dir)
    preds = predict([Path(article_dir) / name for name in golds], now)
    rows = [score(gold, preds.get(name, {})) for name, gold in golds.items()]
    return figures(rows), rows


def report(title: str, figs: dict, rows: list[ArticleScore]) -> str:
    lines = [f"== {title}"]
    for r in rows:
        ref = {None: "-", True: "ok", False: "WRONG"}[r.reference_ok]
        lines.append(f"{r.name[:34]:34} quotes {r.quotes_found}/{r.quotes_required} "
                     f"prec {r.quotes_correct}/{r.quotes_predicted} groups {r.groups_ok}/{r.groups_total} "
                     f"events {r.events_found}/{r.events_required} wrong {r.events_wrong} ref {ref} "
                     f"summary {r.summary_must_ok}/{r.summary_must}{' LEAK' if r.summary_leaks else ''}")
        lines.extend(f"    {note}" for note in r.notes)
    lines.append(" ".join(f"{k}={v}" for k, v in figs.items()))
    return "\n".join(lines)
