"""Frozen records: immutable dataclasses stored as tuples, so building one costs a tuple.

The engine builds two or three events on every choice a host makes. A `@dataclass(frozen=True)` sets
each field through `object.__setattr__` (on this Python build a 12-field `ChoiceMade` cost 2.7 µs, a
tuple of the same fields 0.5 µs). A `Record` subclass is declared exactly like a dataclass (typed fields,
defaults, `dataclasses.field(default_factory=...)`); the metaclass keeps the values in a tuple with a
generated `__new__` and read-only accessors, like a namedtuple.

It stays a dataclass for everyone who asks: type checkers see a frozen dataclass (PEP 681
`dataclass_transform`), and at run time `dataclasses.fields`, `asdict` and `replace` work on it, from
the same `Field` objects a dataclass has. Assigning a field raises, at check time and at run time. Unlike
a namedtuple, a record equals only a record of the same class with equal fields: never a plain tuple,
never another record class with equal fields. Records do not order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import itemgetter
from typing import Any, ClassVar, dataclass_transform

try:  # the C accessor namedtuple uses; a property over itemgetter does the same, only slower
    from collections import _tuplegetter  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Pythons

    def _tuplegetter(index: int, doc: str | None) -> Any:
        return property(itemgetter(index), doc=doc)


# What `dataclasses.fields` and `replace` test a Field for: a plain field (not a ClassVar or InitVar).
_PLAIN_FIELD = dataclasses._FIELD  # type: ignore[attr-defined]
_tuple_new = tuple.__new__


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
class _RecordMeta(type):
    """Builds a record class: `__slots__ = ()`, its Fields (inherited ones first), a `__new__` and one
    read-only accessor per field."""

    def __new__(
        mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kw: Any
    ) -> _RecordMeta:
        fields: dict[str, dataclasses.Field[Any]] = {}
        for base in reversed(bases):
            fields |= getattr(base, "__dataclass_fields__", {})
        for fname, annotation in namespace.get("__annotations__", {}).items():
            if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                continue
            fields[fname] = _field(fname, annotation, namespace.pop(fname, dataclasses.MISSING))
        namespace["__slots__"] = ()  # no __dict__: nothing can be added to a record either
        namespace["__dataclass_fields__"] = fields
        namespace["__match_args__"] = tuple(fields)
        namespace.setdefault("__new__", _make_new(name, fields))
        cls = super().__new__(mcls, name, bases, namespace, **kw)
        for index, fname in enumerate(fields):
            setattr(cls, fname, _tuplegetter(index, f"{name}.{fname}"))
        return cls


def _field(name: str, annotation: object, value: Any) -> dataclasses.Field[Any]:
    """The dataclass Field of a declared field, as `@dataclass` would make it."""
    made: dataclasses.Field[Any] = (
        value if isinstance(value, dataclasses.Field) else dataclasses.field(default=value)
    )
    if made.default is not dataclasses.MISSING and isinstance(made.default, (list, dict, set)):
        raise ValueError(f"mutable default {type(made.default)} for field {name}: use default_factory")
    made.name, made.type = name, annotation
    made._field_type = _PLAIN_FIELD  # type: ignore[attr-defined]
    return made


def _make_new(name: str, fields: dict[str, dataclasses.Field[Any]]) -> Callable[..., Any]:
    """A `__new__` taking the fields positionally or by name, as a dataclass's `__init__` does."""
    params: list[str] = []
    body: list[str] = []
    env: dict[str, Any] = {"_tuple_new": _tuple_new, "_MISSING": dataclasses.MISSING}
    with_default = False
    for fname, f in fields.items():
        if f.default is not dataclasses.MISSING:
            env[f"_default_{fname}"] = f.default
            params.append(f"{fname}=_default_{fname}")
        elif f.default_factory is not dataclasses.MISSING:
            env[f"_make_{fname}"] = f.default_factory
            params.append(f"{fname}=_MISSING")
            body.append(f"    if {fname} is _MISSING:\n        {fname} = _make_{fname}()\n")
        elif with_default:
            raise TypeError(f"{name}: field '{fname}' without a default follows one with a default")
        else:
            params.append(fname)
            continue
        with_default = True
    values = "".join(f"{fname}, " for fname in fields)
    source = (
        f"def __new__(_cls, {', '.join(params)}):\n{''.join(body)}    return _tuple_new(_cls, ({values}))\n"
    )
    exec(source, env)  # the namedtuple way: one plain function, so building a record is one call
    new: Callable[..., Any] = env["__new__"]
    new.__qualname__ = f"{name}.__new__"
    return new


class Record(tuple[Any, ...], metaclass=_RecordMeta):
    """Base of frozen records: subclass it and declare typed fields as for a dataclass."""

    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash((type(self), tuple(self)))

    def __lt__(self, other: object) -> bool:
        return NotImplemented

    __le__ = __gt__ = __ge__ = __lt__

    def __repr__(self) -> str:
        inner = ", ".join(f"{f}={v!r}" for f, v in zip(self.__dataclass_fields__, self, strict=True))
        return f"{type(self).__name__}({inner})"

    def __getnewargs__(self) -> tuple[Any, ...]:
        return tuple(self)  # so copy.copy rebuilds it through the generated __new__
