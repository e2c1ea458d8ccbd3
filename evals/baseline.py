"""The baseline: a plain llama-index pipeline over the same corpus files.

Issue 4 asks that the gain of the structured approach be *measured*, so the eval can
run, in the same process and on the same questions, the pipeline a tutorial would
build: ``SimpleDirectoryReader`` over the corpus text files, the default
``SentenceSplitter``, the same all-MiniLM-L6-v2 embeddings in an in-memory Chroma
collection, vector-only top-k, and the best chunk as the answer (it never abstains).
It returns the same ``Answer`` model, so the same scorer judges both.

One thing is added for scoring only, never for retrieval: each retrieved chunk is
labelled with the parsed plan rows it holds — its citation's ref is the row it holds
most of (by characters), and ``metadata['rows']`` lists every row with over half its
characters in the chunk — so hit@k, MRR and ref-based citation accuracy judge a chunk
by what it contains, like with like. Without it the baseline would score 0 on every
ref check by construction, which would measure the label, not the retrieval.
"""

from __future__ import annotations

import bisect
import uuid
from pathlib import Path

from llama_index.core.embeddings import BaseEmbedding

from assistant.config import Settings
from assistant.models import Answer, Citation, Location, PlanDocument
from indexing.embedding import MODEL_NAME, embed, embed_one
from indexing.manifest import load_manifest

TEXT_SUFFIXES = (".txt", ".md")


class _FileLines:
    """Character offset → line number for one corpus file."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self.length = len(text)

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def span(self, location: Location) -> tuple[int, int] | None:
        """The character range of a row's lines; None for a location without lines."""
        if location.line_start is None or location.line_end is None:
            return None
        end = (
            self.starts[location.line_end] if location.line_end < len(self.starts) else self.length
        )
        return self.starts[location.line_start - 1], end


class MiniLMEmbedding(BaseEmbedding):
    """llama-index's embedding interface over ``indexing.embedding``: the very model our
    own index uses, unit-length vectors — chunks embedded as ingest embeds them, questions
    as ``Assistant`` embeds them — so the two pipelines differ in structure, not in model."""

    model_name: str = MODEL_NAME

    def _get_query_embedding(self, query: str) -> list[float]:
        return embed_one(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return embed([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return embed(texts)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


class Baseline:
    """``ask(question) -> Answer`` from vector-only retrieval over ``SentenceSplitter`` chunks."""

    system = "baseline"

    def __init__(
        self,
        settings: Settings,
        documents: list[PlanDocument] | None = None,
        top_k: int | None = None,
    ) -> None:
        from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex
        from llama_index.core.node_parser import SentenceSplitter

        self.settings = settings
        self.top_k = top_k or settings.top_k
        manifest = load_manifest(settings.manifest_path)
        files = sorted(
            p
            for p in Path(settings.corpus_dir).iterdir()
            if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES and not manifest.ignores(p)
        )
        if not files:
            raise FileNotFoundError(
                f"no .txt or .md files in {settings.corpus_dir} for the baseline"
            )
        self._meta = {p.stem: manifest.meta_for(p) for p in files}
        self._lines = {p.stem: _FileLines(p.read_text(encoding="utf-8")) for p in files}
        self._items = {d.id: d.items for d in documents or []}
        loaded = SimpleDirectoryReader(
            input_files=[str(p) for p in files], encoding="utf-8"
        ).load_data()
        nodes = SentenceSplitter().get_nodes_from_documents(loaded)
        storage = StorageContext.from_defaults(vector_store=self._vector_store())
        index = VectorStoreIndex(nodes, storage_context=storage, embed_model=MiniLMEmbedding())
        self._retriever = index.as_retriever(similarity_top_k=self.top_k)
        self.chunks = len(nodes)

    @staticmethod
    def _vector_store():
        import chromadb
        from llama_index.vector_stores.chroma import ChromaVectorStore

        client = chromadb.EphemeralClient()
        collection = client.create_collection(
            f"baseline-{uuid.uuid4().hex[:12]}", metadata={"hnsw:space": "cosine"}
        )
        return ChromaVectorStore(chroma_collection=collection)

    def ask(self, question: str) -> Answer:
        hits = self._retriever.retrieve(question)
        citations = [self._citation(hit.node) for hit in hits]
        return Answer(
            question=question,
            answer=hits[0].node.get_content() if hits else "",
            answered=True,
            intent="baseline",
            citations=citations,
            metadata={
                "scores": [round(h.score or 0.0, 4) for h in hits],
                "rows": [self._rows(hit.node) for hit in hits],
            },
        )

    def _citation(self, node) -> Citation:
        file_name = node.metadata.get("file_name", "")
        stem, start, end = self._span(node)
        meta = self._meta.get(stem)
        text = node.get_content()
        lines = self._lines.get(stem)
        first, last = (lines.line(start), lines.line(max(start, end - 1))) if lines else (1, 1)
        return Citation(
            document=meta.title if meta else file_name,
            document_id=stem,
            date=(meta.period or meta.date) if meta else None,
            ref=self._label(stem, start, end),
            quote=text,
            source=f"{Path(self.settings.corpus_dir).name}/{file_name}:{first}-{last}",
        )

    def _span(self, node) -> tuple[str, int, int]:
        stem = Path(node.metadata.get("file_name", "")).stem
        start = node.start_char_idx if node.start_char_idx is not None else 0
        end = (
            node.end_char_idx if node.end_char_idx is not None else start + len(node.get_content())
        )
        return stem, start, end

    def _rows(self, node) -> list[str]:
        """ "document:ref" of every parsed row the chunk holds most of (over half its
        characters): a chunk is retrieved for each of them, for hit@k and citations."""
        stem, start, end = self._span(node)
        lines = self._lines.get(stem)
        held = []
        for item in self._items.get(stem, []):
            span = lines.span(item.location) if item.ref and lines is not None else None
            if span is None:
                continue
            row_start, row_end = span
            overlap = min(end, row_end) - max(start, row_start)
            if overlap > 0 and overlap * 2 > (row_end - row_start):
                held.append(f"{stem}:{item.ref}")
        label = self._label(stem, start, end)
        if label and f"{stem}:{label}" not in held:
            held.insert(0, f"{stem}:{label}")
        return held

    def _label(self, stem: str, start: int, end: int) -> str | None:
        """The ref of the parsed row with the most characters inside [start, end)."""
        lines = self._lines.get(stem)
        best, best_overlap = None, 0
        for item in self._items.get(stem, []):
            span = lines.span(item.location) if item.ref and lines is not None else None
            if span is None:
                continue
            row_start, row_end = span
            overlap = min(end, row_end) - max(start, row_start)
            if overlap > best_overlap:
                best, best_overlap = item.ref, overlap
        return best
