"""Near-duplicate articles: MinHash signatures with LSH banding.

Syndicated copies and republished agency text are the same report, not
new evidence. Each article's matching form is cut into word shingles; a
MinHash signature estimates Jaccard similarity, and LSH banding finds
candidates without comparing every pair (a candidate shares one whole band).
The index is plain data (signatures and band keys), so the store can keep
it in a table and a later ingest knows every earlier article.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from rasd.fuse.settings import settings
from rasd.text import match_form

# hashes are (a*h + b) mod p with p the largest prime below 2**32 and a < 2**31,
# so every product fits an unsigned 64-bit integer and numpy does all
# permutations at once
_PRIME = (1 << 32) - 5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Params:
    shingle_words: int
    permutations: int
    bands: int
    threshold: float
    min_words: int
    seed: int
    max_candidates: int = 64

    @classmethod
    def default(cls) -> Params:
        s = settings()["neardup"]
        return cls(**{k: s[k] for k in cls.__slots__})

    @property
    def rows(self) -> int:
        return self.permutations // self.bands


def words(text: str) -> list[str]:
    """Words of the matching form (punctuation dropped, so punctuation edits do not matter)."""
    return _WORD.findall(match_form(text))


def shingles(text: str, size: int) -> set[int]:
    """32-bit hashes of the ``size``-word shingles of ``text``."""
    ws = words(text)
    if len(ws) < size:
        grams = [" ".join(ws)] if ws else []
    else:
        grams = [" ".join(ws[i : i + size]) for i in range(len(ws) - size + 1)]
    return {
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "big") for g in grams
    }


class MinHasher:
    """Signatures of one fixed family of hash permutations (same seed, same signatures)."""

    def __init__(self, params: Params | None = None) -> None:
        self.params = params or Params.default()
        rng = random.Random(self.params.seed)
        ab = [
            (rng.randrange(1, 1 << 31), rng.randrange(0, _PRIME))
            for _ in range(self.params.permutations)
        ]
        self._a = np.array([a for a, _ in ab], dtype=np.uint64)[:, None]
        self._b = np.array([b for _, b in ab], dtype=np.uint64)[:, None]

    def signature(self, text: str) -> tuple[int, ...] | None:
        """The MinHash signature, or None when the text is too short to judge."""
        if len(words(text)) < self.params.min_words:
            return None
        hs = np.fromiter(shingles(text, self.params.shingle_words), dtype=np.uint64)
        return tuple(((self._a * hs[None, :] + self._b) % _PRIME).min(axis=1).tolist())

    def band_keys(self, sig: tuple[int, ...]) -> list[str]:
        """One key per band: band number plus a hash of its rows."""
        r = self.params.rows
        keys = []
        for band in range(self.params.bands):
            chunk = ",".join(map(str, sig[band * r : (band + 1) * r]))
            keys.append(f"{band}:{hashlib.blake2b(chunk.encode(), digest_size=8).hexdigest()}")
        return keys


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity: the share of equal signature slots."""
    if len(a) != len(b):
        raise ValueError("signatures of different lengths")
    return sum(map(int.__eq__, a, b)) / len(a)


def pack(sig: tuple[int, ...]) -> bytes:
    return np.asarray(sig, dtype=">u4").tobytes()


def unpack(blob: bytes) -> tuple[int, ...]:
    return tuple(np.frombuffer(blob, dtype=">u4").tolist())


class NearDuplicateIndex:
    """Articles seen so far; ``add`` answers "is this a copy of an earlier one?".

    Kept in memory; ``rasd.fuse.persist`` stores signatures and band keys so
    a later run can ``load`` them back."""

    def __init__(self, params: Params | None = None) -> None:
        self.hasher = MinHasher(params)
        self.threshold = self.hasher.params.threshold
        self.max_candidates = self.hasher.params.max_candidates
        self.signatures: dict[str, tuple[int, ...]] = {}
        self.buckets: dict[str, list[str]] = {}
        self.duplicate_of: dict[str, str] = {}
        self._seq: dict[str, int] = {}  # indexing order: the earliest is the original

    def __len__(self) -> int:
        return len(self.signatures)

    def load(self, article_id: str, sig: tuple[int, ...], duplicate_of: str | None = None) -> None:
        """Put back an article indexed by an earlier run."""
        self.signatures[article_id] = sig
        self._seq.setdefault(article_id, len(self._seq))
        for key in self.hasher.band_keys(sig):
            self.buckets.setdefault(key, []).append(article_id)
        if duplicate_of:
            self.duplicate_of[article_id] = duplicate_of

    def candidates(self, sig: tuple[int, ...]) -> Iterable[str]:
        seen: set[str] = set()
        for key in self.hasher.band_keys(sig):
            for other in self.buckets.get(key, ()):
                if other not in seen:
                    seen.add(other)
                    yield other

    def query(self, sig: tuple[int, ...], *, exclude: str | None = None) -> str | None:
        """The earliest-indexed article whose estimated Jaccard reaches the threshold
        (the original rather than another copy of it)."""
        best = None
        for other in self.candidates(sig):
            if other != exclude and similarity(sig, self.signatures[other]) >= self.threshold:
                root = self.duplicate_of.get(other, other)
                if best is None or self._order(root) < self._order(best):
                    best = root
        return best

    def _order(self, article_id: str) -> int:
        return self._seq.get(article_id, len(self._seq))

    def add(self, article_id: str, text: str) -> str | None:
        """Index ``text``; return the id of an earlier near-duplicate, or None."""
        if article_id in self.signatures:
            return self.duplicate_of.get(article_id)
        sig = self.hasher.signature(text)
        if sig is None:
            return None
        original = self.query(sig, exclude=article_id)
        self.load(article_id, sig, original)
        return original
