"""The ingest stage: from files and streams to segmented, cleaned articles.

Owns reading (``readers``: text, HTML, JSONL, RSS/Atom, directories, globs,
stdin, gzip), decoding (``decode``: encodings, binary and mojibake
refusal), HTML extraction (``html``), and the first pipeline stages
``segment``/``sentences``/``dateline`` (``segment``), ``clean``/``repeats``
(``clean``) and ``identify`` (``identify``). Boilerplate patterns are data:
``data/boilerplate.tsv``.

    from rasd.ingest import read
    for item in read(["news/"]):
        ...  # an Article, or an InputError to report
"""

from rasd.ingest.readers import DEFAULT_MAX_BYTES, read, read_file, read_stream

__all__ = ["DEFAULT_MAX_BYTES", "read", "read_file", "read_stream"]
