"""The extract stage: Arabic news text to event records with evidence.

Owns event mention finding (``mentions``: lexicon hits per sentence),
frames and the reported-event test (``frames``), slot filling (``slots``),
in-article merging and the pipeline stage (``stage``), the one-call API
(``api``), the CLI commands ``extract`` and ``explain`` (``commands``,
``explain``). Language knowledge is data in ``data/``: triggers, weapons,
targets, claims, casualties, modality cues, role words, settings; the
actor dictionary (``actors.py``, ``data/actors.tsv``) is kept beside it.

The stage is registered in ``rasd.pipeline`` as ``extract``.

``rasd.extract`` stays callable after this package is imported (the
package shadows the function of the same name in ``rasd/__init__.py``)::

    import rasd
    events = rasd.extract("قصفت طائرة مسيرة قاعدة عين الأسد أمس", published="2024-07-27")
"""

from __future__ import annotations

import sys
import types


class _CallableModule(types.ModuleType):
    """``rasd.extract(text, …)`` works whether or not the package was imported."""

    def __call__(self, text: str, published=None, lang: str | None = None, **kw):
        from rasd.extract.api import extract

        return extract(text, published=published, lang=lang, **kw)


sys.modules[__name__].__class__ = _CallableModule
