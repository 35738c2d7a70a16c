"""Immutable value classes: what :class:`~newsclip.model.Article` and :class:`~newsclip.settings.Settings` share.

A frozen dataclass would do, but importing :mod:`dataclasses` (which imports
:mod:`inspect`, :mod:`ast` and :mod:`dis`) and building each class's methods
from generated source cost more at start-up than parsing a typical article,
and ``newsclip parse`` starts once per file in shell loops. So each value
class writes its own typed ``__init__``, and this base gives it the rest:
immutability, equality and hashing over the compared fields, a readable repr,
``replace`` and pickling.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # without importing typing, which a plain parse does not need
    from typing import Any, TypeVar

    V = TypeVar("V", bound="FrozenValue")


class FrozenValue:
    """A slotted, immutable value; subclasses list ``_fields`` (constructor order) and ``_compared``.

    ``_compared`` is the part of ``_fields`` that equality, hashing and the
    repr look at (a record's provenance, say, is carried but not compared).
    Subclasses set their slots with ``object.__setattr__`` in ``__init__``.
    """

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _compared: tuple[str, ...] = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: use .replace({name}=...) for a changed copy")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._compared)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._compared)
        return f"{type(self).__name__}({shown})"

    def replace(self: V, **changes: Any) -> V:
        """A copy with ``changes`` applied (as ``dataclasses.replace`` gives for a dataclass)."""
        values = {name: getattr(self, name) for name in self._fields}
        unknown = changes.keys() - values.keys()
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        values.update(changes)
        return type(self)(**values)

    #: ``copy.replace(value, ...)`` (Python 3.13) works as on a dataclass.
    __replace__ = replace

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # pickle and copy rebuild through __init__, since __setattr__ refuses
        return type(self), tuple(getattr(self, name) for name in self._fields)
