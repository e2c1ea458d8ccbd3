"""The sample corpus shipped with Plan Assistant (one council's plan papers), as package data.

The papers and ``manifest.yaml`` beside this file are found through ``importlib.resources``
(``indexing.settings.sample_corpus``), so ``planbot ingest`` with no path indexes them from
an installed wheel as from a source checkout. Ingest skips this marker; it holds no code.
"""
