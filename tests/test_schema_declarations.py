"""Every field of the schema declares what the engine needs: list sizes, and how to get its value."""

import pytest
from graphql import GraphQLList, GraphQLObjectType, get_named_type, get_nullable_type

from graphql_api.engine.declarations import BINDING, LIST_SIZE, Binding, ListSize
from graphql_api.schema import graphql_schema

FIELDS = [
    (type_name, field_name, field)
    for type_name, graphql_type in sorted(graphql_schema.type_map.items())
    if isinstance(graphql_type, GraphQLObjectType) and not type_name.startswith("__")
    for field_name, field in graphql_type.fields.items()
]


def ids(entry) -> str:
    return f"{entry[0]}.{entry[1]}"


@pytest.mark.parametrize("entry", FIELDS, ids=ids)
def test_every_field_is_bound(entry):
    _, _, field = entry
    binding = field.extensions.get(BINDING)
    assert isinstance(binding, Binding)
    assert (binding.attribute is None) != (binding.function is None)
    assert set(binding.arguments) == set(field.args)


@pytest.mark.parametrize("entry", FIELDS, ids=ids)
def test_every_list_field_declares_its_size(entry):
    _, _, field = entry
    size = field.extensions.get(LIST_SIZE)
    if isinstance(get_nullable_type(field.type), GraphQLList):
        assert isinstance(size, ListSize), "a list field needs a ListSize declaration (graphql_api.schema.sizes)"
    if size is None:
        return
    if size.slicing_argument is not None:
        argument = field.args[size.slicing_argument]
        assert argument.default_value == size.default, "the declared default differs from the argument's"
        assert size.maximum is not None
        assert size.default <= size.maximum
    for path in size.sized_fields:
        _, child = sized_field(field, path)
        assert isinstance(get_nullable_type(child.type), GraphQLList)
        assert child.extensions[LIST_SIZE].sized_by_parent


def sized_field(field, path: str):
    """(type name, field) at a dotted path of fields below `field`."""
    for name in path.split("."):
        owner = get_named_type(field.type)
        field = owner.fields[name]
    return owner.name, field


def test_fields_sized_by_a_parent_have_one():
    sized_by = {
        (owner, path.rsplit(".", 1)[-1])
        for _, _, field in FIELDS
        if isinstance(field.extensions.get(LIST_SIZE), ListSize)
        for path in field.extensions[LIST_SIZE].sized_fields
        for owner in [sized_field(field, path)[0]]
    }
    sized = {
        (type_name, field_name)
        for type_name, field_name, field in FIELDS
        if isinstance(field.extensions.get(LIST_SIZE), ListSize) and field.extensions[LIST_SIZE].sized_by_parent
    }
    assert sized == sized_by
