"""Errors that a user can act on. Each declares the exit code it maps to in ``exit_code``, which the
CLI's error guard (``graph.cli.common.guard``) reads: a report that cannot be read is bad input."""

from __future__ import annotations

from pathlib import Path

EXIT_BAD_INPUT = 2  # graph.cli.common.ExitCode.BAD_INPUT


class IngestError(Exception):
    """A report that cannot be read or understood. The message says what is wrong and with which file."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, path: Path | str | None, reason: str) -> None:
        self.path = None if path is None else Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class UnsupportedFormat(IngestError):
    pass


class EmptyDocument(IngestError):
    pass


class UnreadableDocument(IngestError):
    """Binary garbage, a corrupt or encrypted PDF, or a broken DOCX."""


class TooLarge(IngestError):
    pass


class NotEnglish(IngestError):
    pass


class NotRegularFile(UnreadableDocument):
    """A FIFO, a device, a socket or a folder where a report file was expected."""


class EncryptedDocument(UnreadableDocument):
    """A PDF that needs a password (or a decryption package that is missing)."""


class LimitExceeded(IngestError):
    """A file that expands past the decompression cap, takes too long to read, or holds a paragraph
    too long to be a report's."""


class NotAReport(IngestError):
    """English text in which nothing of a consultation report's genre was found."""
