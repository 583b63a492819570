"""Score parsed articles against `*.gold.json` files as SPEC.md "Gold files and scoring" defines."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsfacts.read import ReadError, load_manifest, read_file
from newsfacts.pipeline import parse_article
from newsfacts.records import Deal, Dialogue, ParsedArticle

GOLD_SUFFIX = ".gold.json"


@dataclass
class Counts:
    """True positives, false positives, false negatives and, for matched pairs, how many had each field right."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: dict[str, int] = field(default_factory=dict)

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        for name, value in other.right.items():
            self.right[name] = self.right.get(name, 0) + value

    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float:
        return self.right.get(name, 0) / self.tp if self.tp else 1.0


@dataclass
class ArticleScore:
    """One article's counts and what it got wrong, for reading the failures."""

    name: str
    countries: Counts
    dialogues: Counts
    deals: Counts
    misses: list[str]


def _date_agrees(predicted: str | None, gold: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return predicted[:len(gold)] == gold


def _close(predicted: float | None, gold: float | None) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    return abs(predicted - gold) <= 0.01 * abs(gold)


def _dialogue_matches(p: Dialogue, g: dict) -> bool:
    return (p.mechanism == g["mechanism"] and sorted(p.parties) == sorted(g["parties"])
            and _date_agrees(p.date, g.get("date")))


def _location_right(p: Dialogue, g: dict) -> bool:
    gold = g.get("location") or {}
    city_right = (p.location.city or "").casefold() == (gold.get("city") or "").casefold()
    return city_right and p.location.country == gold.get("country")


def _deal_matches(p: Deal, g: dict) -> bool:
    if p.buyer != g.get("buyer") or p.seller != g.get("seller"):
        return False
    quantity = p.quantity is not None and p.quantity == g.get("quantity")
    value = p.value_usd is not None and g.get("value_usd") is not None and _close(p.value_usd, g["value_usd"])
    return quantity or value or p.category == g.get("category")


def _dialogue_score(p: Dialogue, g: dict) -> int:
    return _location_right(p, g) + (p.status == g.get("status")) + (p.date == g.get("date"))


def _deal_score(p: Deal, g: dict) -> int:
    return ((p.quantity == g.get("quantity")) + _close(p.value_usd, g.get("value_usd"))
            + (p.category == g.get("category")) + (p.kind == g.get("kind")) + (p.status == g.get("status")))


def match_pairs(predicted: Sequence[Any], gold: Sequence[dict], matches: Callable[[Any, dict], bool],
                score: Callable[[Any, dict], int]) -> list[tuple[int, int]]:
    """One-to-one matching: the largest set of matching pairs, ties broken by the most fields agreeing."""
    candidates = [(i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold) if matches(p, g)]
    best: list[tuple[int, int]] = []
    best_key = (-1, -1)

    def search(k: int, chosen: list[tuple[int, int]], used_p: set[int], used_g: set[int]) -> None:
        nonlocal best, best_key
        if k == len(candidates):
            key = (len(chosen), sum(score(predicted[i], gold[j]) for i, j in chosen))
            if key > best_key:
                best, best_key = list(chosen), key
            return
        if len(chosen) + len(candidates) - k < best_key[0]:
            return
        i, j = candidates[k]
        if i not in used_p and j not in used_g:
            search(k + 1, chosen + [(i, j)], used_p | {i}, used_g | {j})
        search(k + 1, chosen, used_p, used_g)

    if len(candidates) <= 16:
        search(0, [], set(), set())
        return best
    return _greedy(candidates, predicted, gold, score)


def _greedy(candidates, predicted, gold, score) -> list[tuple[int, int]]:
    chosen, used_p, used_g = [], set(), set()
    for i, j in sorted(candidates, key=lambda c: -score(predicted[c[0]], gold[c[1]])):
        if i not in used_p and j not in used_g:
            chosen.append((i, j))
            used_p.add(i)
            used_g.add(j)
    return chosen


def _count(predicted: Sequence[Any], gold: Sequence[dict], pairs: list[tuple[int, int]],
           fields: dict[str, Callable[[Any, dict], bool]], describe: Callable[[Any], str], label: str,
           misses: list[str]) -> Counts:
    counts = Counts(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))
    counts.right = {name: sum(bool(check(predicted[i], gold[j])) for i, j in pairs) for name, check in fields.items()}
    matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
    misses += [f"{label} FP: {describe(p)}" for i, p in enumerate(predicted) if i not in matched_p]
    misses += [f"{label} FN: {json.dumps(g, ensure_ascii=False)}" for j, g in enumerate(gold) if j not in matched_g]
    for i, j in pairs:
        wrong = [name for name, check in fields.items() if not check(predicted[i], gold[j])]
        if wrong:
            misses.append(f"{label} wrong {', '.join(wrong)}: {describe(predicted[i])} vs gold "
                          f"{json.dumps(gold[j], ensure_ascii=False)}")
    return counts


def _describe_dialogue(d: Dialogue) -> str:
    return (f"{d.mechanism} {'-'.join(d.parties)} {d.date} {d.status} "
            f"{d.location.city}/{d.location.country} evidence={list(d.evidence)}")


def _describe_deal(d: Deal) -> str:
    return (f"{d.kind} {d.buyer}<-{d.seller} '{d.system}' {d.category} q={d.quantity} v={d.value_usd} "
            f"{d.status} y={d.year} evidence={list(d.evidence)}")


def score_article(name: str, parsed: ParsedArticle, gold: dict) -> ArticleScore:
    """Compare one parsed article with its gold record."""
    misses: list[str] = []
    predicted_countries = {c.code for c in parsed.countries}
    gold_countries = set(gold.get("countries", []))
    countries = Counts(tp=len(predicted_countries & gold_countries), fp=len(predicted_countries - gold_countries),
                       fn=len(gold_countries - predicted_countries))
    misses += [f"country FP: {c}" for c in sorted(predicted_countries - gold_countries)]
    misses += [f"country FN: {c}" for c in sorted(gold_countries - predicted_countries)]
    gold_dialogues = gold.get("dialogues", [])
    pairs = match_pairs(parsed.dialogues, gold_dialogues, _dialogue_matches, _dialogue_score)
    dialogues = _count(parsed.dialogues, gold_dialogues, pairs, {
        "location": _location_right,
        "status": lambda p, g: p.status == g.get("status"),
    }, _describe_dialogue, "dialogue", misses)
    gold_deals = gold.get("deals", [])
    pairs = match_pairs(parsed.deals, gold_deals, _deal_matches, _deal_score)
    deals = _count(parsed.deals, gold_deals, pairs, {
        "value": lambda p, g: _close(p.value_usd, g.get("value_usd")),
        "quantity": lambda p, g: p.quantity == g.get("quantity"),
        "kind": lambda p, g: p.kind == g.get("kind"),
        "status": lambda p, g: p.status == g.get("status"),
    }, _describe_deal, "deal", misses)
    return ArticleScore(name, countries, dialogues, deals, misses)


@dataclass
class Evaluation:
    articles: list[ArticleScore]
    errors: list[str]

    def totals(self) -> tuple[Counts, Counts, Counts]:
        totals = (Counts(), Counts(), Counts())
        for article in self.articles:
            for total, part in zip(totals, (article.countries, article.dialogues, article.deals)):
                total.add(part)
        return totals

    def as_dict(self) -> dict[str, Any]:
        """The object `evaluate --json` prints, exactly as SPEC.md gives it."""
        countries, dialogues, deals = self.totals()
        return {
            "articles": len(self.articles),
            "countries": _prf(countries),
            "dialogues": {**_prf(dialogues), "location_accuracy": dialogues.accuracy("location"),
                          "status_accuracy": dialogues.accuracy("status")},
            "deals": {**_prf(deals), "value_accuracy": deals.accuracy("value"),
                      "quantity_accuracy": deals.accuracy("quantity"), "kind_accuracy": deals.accuracy("kind"),
                      "status_accuracy": deals.accuracy("status")},
            "overall": (countries.f1() + dialogues.f1() + deals.f1()) / 3,
        }


def _prf(counts: Counts) -> dict[str, float]:
    return {"precision": counts.precision(), "recall": counts.recall(), "f1": counts.f1()}


def gold_articles(folder: Path) -> list[tuple[Path, Path]]:
    """(article, gold) pairs: every `*.txt` in `folder` with a `*.gold.json` beside it."""
    pairs = []
    for text_path in sorted(folder.glob("*.txt")):
        gold_path = text_path.with_name(text_path.stem + GOLD_SUFFIX)
        if gold_path.exists():
            pairs.append((text_path, gold_path))
    return pairs


def parse_gold_article(text_path: Path, manifest) -> ParsedArticle | ReadError:
    items = list(read_file(text_path, manifest))
    first = next((item for item in items if not isinstance(item, ReadError)), None)
    return parse_article(first) if first is not None else items[0]


def evaluate_folder(folder: Path) -> Evaluation:
    """Parse every gold-annotated article of `folder` (with its manifest.csv) and score it."""
    manifest_path = folder / "manifest.csv"
    manifest = load_manifest(manifest_path) if manifest_path.exists() else {}
    return evaluate_pairs(gold_articles(folder), manifest)


def evaluate_pairs(pairs: Iterable[tuple[Path, Path]], manifest) -> Evaluation:
    scores, errors = [], []
    for text_path, gold_path in pairs:
        parsed = parse_gold_article(text_path, manifest)
        if isinstance(parsed, ReadError):
            errors.append(f"{text_path.name}: {parsed.problem}")
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        scores.append(score_article(text_path.name, parsed, gold))
    return Evaluation(scores, errors)
