"""A datatrove pipeline step that cleans `doc.text` with sluice (`pip install sluice[datatrove]`)."""
from __future__ import annotations

from typing import List, Optional, Tuple, Union

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.writers.disk_base import DiskWriter

from ._cleaner import Cleaner, RulesArg

__all__ = ["SluiceFilter"]


class SluiceFilter(BaseFilter):
    """Cleans each document's text with sluice rules, in batches, keeping its metadata.

    `rules`, `paragraphs` and `jobs` are those of `sluice.Cleaner` (rules are checked
    here, on construction; `jobs` defaults to 1, one sluice thread per datatrove task).
    Each batch of `batch_size` documents goes through one `sluice --jsonl` process.
    With `drop_empty` (the default) a document whose cleaned text is empty or only white
    space is dropped (stat `dropped_empty`, and written to `exclusion_writer` if given);
    otherwise it is passed on with its empty text. Stats: `changed` counts documents
    whose text the rules changed, `chars_removed` the characters they removed.
    """

    name = "🧹 Sluice"

    def __init__(self, rules: RulesArg = None, paragraphs: str = "auto", jobs: Optional[int] = 1,
                 batch_size: int = 1000, drop_empty: bool = True,
                 exclusion_writer: Optional[DiskWriter] = None) -> None:
        super().__init__(exclusion_writer=exclusion_writer, batch_size=batch_size)
        with Cleaner(rules, paragraphs=paragraphs, jobs=jobs):
            pass  # bad rules raise RuleError here, before the pipeline starts
        self.rules, self.paragraphs, self.jobs = rules, paragraphs, jobs
        self.drop_empty = drop_empty
        self._cleaner: Optional[Cleaner] = None

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_cleaner"] = None  # made again in each worker: its rule file is local
        return state

    def _get_cleaner(self) -> Cleaner:
        if self._cleaner is None:
            self._cleaner = Cleaner(self.rules, paragraphs=self.paragraphs, jobs=self.jobs)
        return self._cleaner

    def filter(self, doc: Document) -> Union[bool, Tuple[bool, str]]:
        """Cleans one document (a batch of one)."""
        return self.filter_batch([doc])[0]

    def filter_batch(self, batch: List[Document]) -> List[Union[bool, Tuple[bool, str]]]:
        """Cleans the batch's texts with one sluice run; True keeps a document."""
        results: List[Union[bool, Tuple[bool, str]]] = []
        cleaned = self._get_cleaner().clean_many(doc.text for doc in batch)
        for doc, text in zip(batch, cleaned):
            if text != doc.text:
                self.stat_update("changed")
                self.stat_update("chars_removed", value=max(0, len(doc.text) - len(text)))
            doc.text = text
            results.append((False, "empty") if self.drop_empty and not text.strip() else True)
        for _ in cleaned:
            pass  # finish the run: it checks that every record came back
        return results

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        try:
            yield from super().run(data, rank, world_size)
        finally:
            if self._cleaner is not None:
                self._cleaner.close()
                self._cleaner = None
