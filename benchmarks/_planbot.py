"""``planbot`` for the benchmarks: the real CLI, with optional shortcuts for big builds.

Building a 100k-item index through the real encoder takes hours on a shared 2-core
machine (see the ingest section of docs/benchmarks.md for the encoder's throughput), so
the latency and memory figures at 10k/100k may use one of these, and say so:

``PLANBOT_BENCH_MAX_SEQ=N``
    the encoder reads only the first N word pieces of each text (MiniLM's default: 256).
``PLANBOT_BENCH_FAST_EMBED=1``
    each text's vector is the normalised, weighted mean of the real model's vectors of
    its sentences, each distinct sentence encoded once (the synthetic rows reuse a few
    hundred real sentences with other councils' names and years, mapped back here), plus
    a little deterministic noise so that no two vectors coincide. The vectors are in the
    model's space and cluster the way the real ones do (the same commitment in many
    councils and quarters); everything else — parsing, nodes, Chroma, BM25, documents —
    is the real ingest.

Nothing here is used outside ``benchmarks/``.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_SPLIT = re.compile(r"\n|(?<=[.!?])\s+(?=[A-Z])")
_YEAR = re.compile(r"\b20[0-3]\d\b")
_REF = re.compile(r"^\d{1,3}(?:\.\d{1,2})?\.\s+")


def _canonical(sentence: str, names: list[tuple[re.Pattern[str], str]]) -> str:
    for pattern, real in names:
        sentence = pattern.sub(real, sentence)
    return _YEAR.sub("2017", _REF.sub("", sentence.strip()))


def fast_embed_factory():
    import numpy as np

    from benchmarks.synthetic import COUNCILS
    from indexing.embedding import get_model

    names = [
        (re.compile(re.escape(name)), "Milton Keynes")
        for name, _ in COUNCILS
        if name != "Milton Keynes"
    ]
    names += [
        (re.compile(rf"\b{re.escape(abbr)}\b"), "MKC") for _, abbr in COUNCILS if abbr != "MKC"
    ]
    cache: dict[str, np.ndarray] = {}
    model = get_model()

    def embed(texts: list[str], *, batch_size: int = 64) -> list[list[float]]:
        split = [[s for s in _SPLIT.split(t) if s.strip()] or [t] for t in texts]
        canon = [[_canonical(s, names) for s in parts] for parts in split]
        missing = sorted({c for parts in canon for c in parts if c not in cache})
        if missing:
            for c, v in zip(
                missing,
                model.encode(missing, batch_size=batch_size, normalize_embeddings=True),
                strict=False,
            ):
                cache[c] = v
        out = []
        for text, parts in zip(texts, canon, strict=False):
            weights = np.array([3.0] + [1.0] * (len(parts) - 1))
            vec = (weights[:, None] * np.stack([cache[c] for c in parts])).sum(0)
            seed = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=4).digest(), "little")
            vec = vec / np.linalg.norm(vec) + np.random.default_rng(seed).normal(0, 0.03, vec.shape)
            out.append((vec / np.linalg.norm(vec)).astype(np.float32).tolist())
        return out

    return embed


def apply_shortcuts() -> None:
    max_seq = os.environ.get("PLANBOT_BENCH_MAX_SEQ")
    if max_seq:
        from indexing.embedding import get_model

        get_model().max_seq_length = int(max_seq)
    if os.environ.get("PLANBOT_BENCH_FAST_EMBED"):
        from indexing import embedding

        embedding.embed = fast_embed_factory()


if __name__ == "__main__":
    apply_shortcuts()
    from connectors.cli import main

    sys.argv[0] = "planbot"
    main()
