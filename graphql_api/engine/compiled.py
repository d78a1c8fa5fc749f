"""A plan's fields compiled into Python functions, so that nothing is decided per field at run time.

Executing a plan field by field (`plan._Run.object`) asks for every field whether it is an attribute
or a resolver, a scalar, an object or a list, for every request. The same plan written out as Python
source, one function per selection set with each field's access, arguments and serializer inlined,
decides all of that once (`python -m bench --only plans` measures what it saves).

The functions handle errors as the walk does: a field's error is recorded by the run (`fail`) and
its null rises to the nearest nullable position, the path growing on the way. Each step sits in a
`try` block, which costs nothing on Python 3.11 until something raises. Arguments that need
graphql-core's coercion (a variable given as null where one is required) are read by the run's own
`resolve`, which reports them.

Resolvers, serializers, constants and variable names reach the source as values bound to names of
this module's own choosing; response keys, GraphQL names, are written as Python string literals
(`repr`). Nothing a client sends is written into the source any other way.
"""

import keyword
from collections.abc import Callable
from typing import Any

from graphql.pyutils import Undefined

from graphql_api.engine.planned import (
    SERIALIZED_UNCHANGED,
    TEST_NAMES,
    Aborted,
    NullSignal,
    PlannedField,
    null_error,
)

MAX_FIELDS = 64  # a larger plan is walked: compiling costs 80-90 µs and 1.1-1.3 KB a field

# (root value, the run, coerced variables, deadline) -> data; raises NullSignal and Aborted as the walk does
Compiled = Callable[[Any, Any, dict[str, Any], Any], dict[str, Any]]


def compile_fields(fields: tuple[PlannedField, ...], info: Any) -> Compiled | None:
    """The fields' answer as one function; None when they are too many to be worth compiling."""
    if count_fields(fields) > MAX_FIELDS:
        return None
    writer = _Writer(info)
    root = writer.selection(fields)
    namespace = dict(writer.namespace)
    exec(compile("\n".join(writer.lines), "<compiled plan>", "exec"), namespace)
    return namespace[root]


def count_fields(fields: tuple[PlannedField, ...]) -> int:
    """The fields of a plan, those of every selection set below them included."""
    return sum(1 + (count_fields(field.children) if field.children else 0) for field in fields)


def _indented(lines: list[str], levels: int = 1) -> list[str]:
    return ["    " * levels + line for line in lines]


class _Writer:
    """Writes a function (s, R, V, D) for each selection set; every value the source uses is bound by a name."""

    def __init__(self, info: Any) -> None:
        self.lines: list[str] = []
        self.namespace: dict[str, Any] = {
            "_Null": NullSignal,
            "_Aborted": Aborted,
            "_null_error": null_error,
            **TEST_NAMES,
            "_MISSING": Undefined,
        }
        self._names = 0
        self._info = self.bind(info, "info")

    def bind(self, value: Any, kind: str) -> str:
        name = self.name(kind)
        self.namespace[name] = value
        return name

    def name(self, kind: str) -> str:
        self._names += 1
        return f"_{kind}{self._names}"

    def selection(self, fields: tuple[PlannedField, ...]) -> str:
        """The name of the function giving the selection set's dict."""
        body: list[str] = []
        values = []
        for index, field in enumerate(fields):
            if field.typename is not None:
                values.append(f"{field.key!r}: {field.typename!r}")
                continue
            body += [*self._field(field), f"v{index} = v"]
            values.append(f"{field.key!r}: v{index}")
        name = self.name("selection")
        returned = f"    return {{{', '.join(values)}}}"
        self.lines += [f"def {name}(s, R, V, D):", *_indented(body), returned]
        return name

    def _field(self, field: PlannedField) -> list[str]:
        """Statements leaving the field's value in `v`: null, its error recorded, where it failed."""
        planned = self.bind(field, "field")
        resolved = self._resolved(field, planned)
        if field.scalar:
            resolved += ["if v is not None:", *_indented(self._leaf(field))]
        if not field.is_list and field.children is None:  # a leaf: no null can rise from below it
            if not field.non_null:
                return ["try:", *_indented(resolved), "except Exception as error:",
                        f"    R.failed_leaf(error, {planned})", "    v = None"]  # fmt: skip
            return ["try:", *_indented(resolved), "except Exception as error:",
                    f"    raise R.failed_leaf(error, {planned}) from None",
                    "if v is None:", f"    raise R.failed_leaf(_null_error({planned}), {planned})"]  # fmt: skip
        if field.is_list:
            completion = self._list(field, planned)
        else:
            completion = [f"v = {self.selection(field.children)}(v, R, V, D)"]  # type: ignore[arg-type]
        if field.non_null:
            completion = ["if v is None:", f"    raise R.fail(_null_error({planned}), {planned})", *completion]
        else:
            completion = ["if v is not None:", *_indented(completion)]
        return [
            "try:",
            "    try:",
            *_indented(resolved, 2),
            "    except Exception as error:",
            f"        raise R.fail(error, {planned}) from None",
            *_indented(completion),
            "except _Null as null:",
            f"    null.path.append({field.key!r})",
            "    raise" if field.non_null else "    v = None",
        ]

    def _resolved(self, field: PlannedField, planned: str) -> list[str]:
        """Statements leaving the field's resolved value in `v`."""
        if field.resolver is None:
            attribute = field.attribute or ""
            if attribute.isidentifier() and not keyword.iskeyword(attribute):
                return [f"v = s.{attribute}"]
            return [f"v = getattr(s, {self.bind(attribute, 'attribute')})"]
        resolver = self.bind(field.resolver, "resolver")
        if field.bare_call:
            return [f"v = {resolver}(s)"]
        if field.python_names and field.arguments is None:
            return [f"v = R.resolve({planned}, s)"]  # arguments graphql-core must coerce
        lines = ["k = {}"]
        checked = False  # whether a required variable may be null or missing: then graphql-core reports it
        if field.python_names:
            constants, from_variables = field.arguments  # type: ignore[misc]
            python_names = field.python_names
            given = {python_names[name]: value for name, value in constants.items()}
            lines = [f"k = {{**{self.bind(given, 'constants')}}}"]
            for name, variable, required, default in from_variables:
                parameter = repr(python_names[name])
                lines.append(f"a = V.get({self.bind(variable, 'variable')}, _MISSING)")
                if default is not Undefined:
                    lines.append(f"k[{parameter}] = {self.bind(default, 'default')} if a is _MISSING else a")
                elif required:
                    lines.append(f"k[{parameter}] = a")
                else:
                    lines += ["if a is not _MISSING:", f"    k[{parameter}] = a"]
                if required:
                    missing = " or a is _MISSING" if default is Undefined else ""
                    lines.append(f"g = g or a is None{missing}")
                    checked = True
        if field.info_parameter is not None:
            lines.append(f"k[{field.info_parameter!r}] = {self._info}")
        call = f"v = {resolver}(s, **k)"
        if not checked:
            return [*lines, call]
        return ["g = False", *lines, "if g:", f"    v = R.resolve({planned}, s)", "else:", f"    {call}"]

    def _leaf(self, field: PlannedField) -> list[str]:
        serialize = self.bind(field.leaf_type.serialize, "serialize")  # type: ignore[union-attr]
        unchanged = SERIALIZED_UNCHANGED.get(field.leaf_type.name)  # type: ignore[union-attr]
        if unchanged is None:
            return [f"v = {serialize}(v)"]
        return [f"if not ({unchanged}):", f"    v = {serialize}(v)"]

    def _list(self, field: PlannedField, planned: str) -> list[str]:
        if field.children is not None:
            item = [f"w.append({self.selection(field.children)}(x, R, V, D))"]
        else:
            serialize = self.bind(field.serialize, "serialize")
            item = [
                "try:",
                f"    w.append({serialize}(x))",
                "except Exception as error:",
                f"    raise R.fail(error, {planned}) from None",
            ]
        if field.item_non_null:
            if_null = [f"raise R.fail(_null_error({planned}), {planned})"]
            on_null = ["null.path.append(n)", "raise"]
        else:
            if_null = ["w.append(None)"]
            on_null = ["null.path.append(n)", "w.append(None)"]
        loop = [
            "try:",
            "    if x is None:",
            *_indented(if_null, 2),
            "    else:",
            *_indented(item, 2),
            "except _Null as null:",
            *_indented(on_null),
        ]
        return ["if D.aborted:", "    raise _Aborted", "w = []", "for n, x in enumerate(v):", *_indented(loop), "v = w"]
