"""The one home of rasd's errors.

One base class, a family per stage. Each error carries the offending value
(and, for input problems, the place: file and line) so a message can name
it. Third-party exceptions are mapped to these at the boundary where they
arise; callers catch ``RasdError`` families, never bare ``Exception``.
"""

from __future__ import annotations


class RasdError(Exception):
    """Base of every error rasd raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, value: object = None) -> None:
        super().__init__(message)
        self.message = message
        self.value = value


class InputError(RasdError):
    """A file or record could not be read as an article.

    ``where`` is ``PATH`` or ``PATH:LINE``; ``str(err)`` is the one-line
    rejection message the CLI prints (``PATH[:LINE]: reason``).
    """

    code = "E100"

    def __init__(self, where: str, reason: str, *, value: object = None) -> None:
        super().__init__(f"{where}: {reason}", value=value)
        self.where = where
        self.reason = reason


class DecodeError(InputError):
    """Bytes that no supported encoding decodes cleanly."""

    code = "E101"


class RecordError(InputError):
    """A structured record (JSONL line, feed item) is malformed."""

    code = "E102"


class ResourceError(RasdError):
    """A packaged language resource (lexicon, month table …) is missing or malformed."""

    code = "E200"


class TextError(RasdError):
    """Misuse of the text layer, e.g. offsets outside the text."""

    code = "E300"


class DateError(RasdError):
    """A date expression that cannot be turned into a calendar window."""

    code = "E310"


class StoreError(RasdError):
    """The store could not be opened, migrated or written."""

    code = "E400"


class UnknownStoreURL(StoreError):
    code = "E401"


class MigrationError(StoreError):
    code = "E402"


class NotFound(StoreError):
    """A requested article or event id is not in the store."""

    code = "E404"


class ExtractError(RasdError):
    code = "E500"


class GeoError(RasdError):
    code = "E600"


class FuseError(RasdError):
    code = "E700"


class EvalError(RasdError):
    code = "E800"
