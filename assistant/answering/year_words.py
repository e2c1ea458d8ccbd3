"""Financial years written one way, so that a question's "2025/26" is a header's "2025-26".

Budget books and questions write the same year as "2025-26", "2025/26", "2025–26",
"25-26" or "2025-2026"; word matching treats each as a different word (or two). Only a
pair of consecutive years is rewritten: "2025-27", "12-14" and "£12-13m" stay as written.
"""

from __future__ import annotations

import re

_YEAR_PAIR = re.compile(
    r"(?<![\w/.,£$€-])((?:19|20)?\d{2})\s*[-/\u2013\u2014]\s*((?:19|20)?\d{2})(?![\w/.,]*\d)(?!\w)"
)


def _one_year(match: re.Match[str]) -> str:
    """ "2025/26", "25-26", "2025-2026" → "2025-26"; other pairs of numbers as written."""
    first, second = match.group(1), match.group(2)
    start = int(first) if len(first) == 4 else 2000 + int(first)
    if int(second) % 100 != (start + 1) % 100 or (len(second) == 4 and int(second) != start + 1):
        return match.group(0)
    return f"{start}-{(start + 1) % 100:02d}"


def financial_years(text: str) -> str:
    """``text`` with every financial year written one way ("2025-26")."""
    return _YEAR_PAIR.sub(_one_year, text)
