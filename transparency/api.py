"""The public entry point: ``transparency.evaluate(text_or_path, ...)``."""

from __future__ import annotations

from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .language import detect_language
from .models import ClientRef, Document, DocumentKind, Evaluation, Language, LegalStatus

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config
    from .rules.loader import RuleSet


def _client(client: ClientRef | dict[str, Any] | str | None) -> ClientRef | None:
    if client is None or isinstance(client, ClientRef):
        return client
    if isinstance(client, str):
        return ClientRef(id=client)
    return ClientRef.model_validate(client)


def _looks_like_path(value: str) -> bool:
    return "\n" not in value and len(value) < 1024 and Path(value).is_file()


def load_document(source: str | PathLike[str], *, language: Language | None = None,
                  kind: DocumentKind | None = None, client: Any = None,
                  legal_status: LegalStatus | None = None) -> Document:
    """A :class:`Document` from text or from a file path (``.txt``, ``.md``, ``.docx``, ``.html``)."""
    if isinstance(source, PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        from . import io

        return io.load_document(source, language=language, kind=kind, client=_client(client),
                                legal_status=legal_status)
    text = str(source)
    return Document(text=text, language=language or detect_language(text), kind=kind or "letter",
                    client=_client(client), legal_status=legal_status)


def evaluate(text_or_path: str | PathLike[str], *, language: Language | None = None,
             kind: DocumentKind | None = None, client: ClientRef | dict[str, Any] | str | None = None,
             config: "Config | None" = None, ruleset: "RuleSet | None" = None,
             backend: str | None = None, legal_status: LegalStatus | None = None) -> Evaluation:
    """Evaluate one letter, FAQ, meeting script or notice.

    ``text_or_path`` is the text itself or the path of a file. ``language`` (``zh``/``en``) is
    detected when not given; ``kind`` defaults to ``letter``; ``client`` is a :class:`ClientRef`, a
    mapping with ``id``/``name``/``tier``/``remote``, or a client id. ``legal_status``
    (``unit_closure``, ``dissolution``, ``bankruptcy``) lets rules about liquidation notices apply.
    ``backend`` picks the rules engine (``durable`` or ``python``; default from
    ``TRANSPARENCY_ENGINE``, else durable).
    """
    from .pipeline import evaluate_document

    document = load_document(text_or_path, language=language, kind=kind, client=client,
                             legal_status=legal_status)
    return evaluate_document(document, ruleset=ruleset, config=config, backend=backend)
