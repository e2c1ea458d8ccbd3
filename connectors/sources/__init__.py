"""Sources of council papers that Plan Assistant fetches itself (committee systems).

``moderngov`` talks to a ModernGov web service, ``sync`` turns what it lists into
files, manifest entries and a new index generation.
"""
