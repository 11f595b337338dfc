"""Field documentation for the schemas: the docstring written under each model field.

Read from the source with :mod:`ast` only when schemas are generated, so importing the models
does not pay for it.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import textwrap
from functools import cache

from pydantic import BaseModel


def field_docstrings(model: type) -> dict[str, str]:
    """Field name → the string literal that follows its annotation in the class body."""
    try:
        source = textwrap.dedent(inspect.getsource(model))
    except (OSError, TypeError):
        return {}
    (class_def,) = [node for node in ast.parse(source).body if isinstance(node, ast.ClassDef)]
    docs: dict[str, str] = {}
    body = class_def.body
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[statement.target.id] = inspect.cleandoc(following.value.value)
    return docs


def _models_in(annotation: object) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for argument in getattr(annotation, "__args__", ()) or ():
        found.extend(_models_in(argument))
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and hasattr(annotation, "__metadata__"):
        found.extend(_models_in(origin))
    return found


def all_models(*roots: type[BaseModel]) -> list[type[BaseModel]]:
    """Every model reachable from ``roots`` through field types and base classes."""
    seen: list[type[BaseModel]] = []
    pending = list(roots)
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.append(model)
        pending.extend(
            base
            for base in model.__mro__[1:]
            if isinstance(base, type) and issubclass(base, BaseModel) and base is not BaseModel
        )
        for info in model.model_fields.values():
            pending.extend(_models_in(info.annotation))
    return seen


@cache
def describe_fields(*roots: type[BaseModel]) -> None:
    """Give every field of every model reachable from ``roots`` its docstring as description."""
    models = all_models(*roots)
    for model in models:
        docs: dict[str, str] = {}
        for klass in reversed(model.__mro__):
            if isinstance(klass, type) and issubclass(klass, BaseModel) and klass is not BaseModel:
                docs.update(field_docstrings(klass))
        for name, info in model.model_fields.items():
            if info.description is None and name in docs:
                info.description = docs[name]
    # A model's schema embeds the schemas of the models in its fields as they were when it was
    # built: the models it uses are rebuilt first, or a model built before this call (by
    # ``load()``) would keep field schemas without their descriptions.
    for model in _uses_first(models):
        model.model_rebuild(force=True)


def _uses_first(models: list[type[BaseModel]]) -> list[type[BaseModel]]:
    """``models`` ordered so that each comes after the models its fields and bases use (a
    depth-first post-order; a model on a cycle of uses comes where the cycle is entered)."""
    ordered: list[type[BaseModel]] = []
    entered: set[type[BaseModel]] = set()

    def visit(model: type[BaseModel]) -> None:
        entered.add(model)
        uses = [base for base in model.__mro__[1:] if base in models]
        for info in model.model_fields.values():
            uses.extend(_models_in(info.annotation))
        for used in uses:
            if used in models and used not in entered:
                visit(used)
        ordered.append(model)

    for model in models:
        if model not in entered:
            visit(model)
    return ordered
