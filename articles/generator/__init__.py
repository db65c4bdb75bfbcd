"""Realistic Party-committee meeting articles of our own making, with their gold labels.

`generate(n, seed)` yields `GeneratedArticle`s: the text as a site would show it, the gold labels in
the shape `../shared/eval/score.py` reads (see EXTRACTION.md), and the hints staff would pass along
(the page's URL and publisher). The same seed gives the same articles. Pure Python: no Django.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from articles.extraction.gazetteer import slugify

from .compose import Composer
from .people import Pool
from .places import places
from .write import meeting_article, other_article

# Share of pages that report no Party meeting (HĐND/UBND sessions, ceremonies).
OTHER_SHARE = 0.1


@dataclass
class GeneratedArticle:
    name: str
    text: str
    gold: dict
    hints: dict


@cache
def _composer(seed: int) -> Composer:
    return Composer(places(), Pool(places(), seed))


def composer(seed: int) -> Composer:
    """The places and the pool of officials for a seed (built once, in about half a second)."""
    return _composer(seed)


def generate(n: int, seed: int = 0) -> Iterator[GeneratedArticle]:
    c = _composer(seed)
    rng = random.Random(seed)
    for i in range(n):
        if rng.random() < OTHER_SHARE:
            text, gold, _unit, source = other_article(c, rng)
        else:
            text, gold, _unit, source = meeting_article(c, rng)
        name = f"g{seed}_{i:07d}.txt"
        slug = slugify(gold["title"])[:80]
        url = f"https://{source[1]}/{slug}-{rng.randrange(10**6, 10**7)}.html"
        yield GeneratedArticle(
            name=name,
            text=text,
            gold={"file": name, **gold},
            hints={"file": name, "url": url, "source": source[0]},
        )


__all__ = ["GeneratedArticle", "generate", "composer"]
