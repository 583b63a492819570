"""Plain-text articles: optional front matter (`---` / `key: value` / `---`) before the text."""

from __future__ import annotations

import re

FRONT_MATTER_KEYS = frozenset({"title", "source", "url", "published"})
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n((?:[^\n]*\n){0,40}?)---[ \t]*(?:\n|\Z)")
_FIELD = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*?)\s*$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front-matter fields we know (title, source, url, published) and the text after the block."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    fields = {}
    for line in match.group(1).splitlines():
        field = _FIELD.match(line)
        if field is None and line.strip():
            return {}, text
        if field and field.group(1).lower() in FRONT_MATTER_KEYS and field.group(2):
            fields[field.group(1).lower()] = field.group(2).strip("\"'")
    return fields, text[match.end() :]
