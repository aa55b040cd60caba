"""What the typed report model costs: msgspec against pydantic v2, on real reports.

    python bench/serialise_cost.py REPORTS.jsonl [--repeat 5]

For every report of a JSONL batch (e.g. the PTC dev reports of ``presslens analyze``) this times, best of
``--repeat`` passes over all reports:

- ``json``: ``json.dumps`` of the plain dict (what the writers do; the floor);
- ``msgspec``: validate the dict into the typed model (:mod:`presslens.report.model`, each finding's
  attributes into its kind's model) and encode it to JSON;
- ``pydantic``: the same with pydantic v2 models built field for field from the msgspec classes (same types,
  same constraints, unknown fields forbidden), then ``model_dump_json``.

Prints seconds per pass and the pydantic/msgspec ratio. Needs pydantic, not a runtime dependency:
``pip install -e ".[bench]"``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import time
import types
import typing
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import msgspec

from presslens.report import model


def _pydantic_type(tp: Any, made: dict[type, Any]) -> Any:
    """The pydantic-side annotation for a msgspec-side one (structs become pydantic models)."""
    import annotated_types as at

    origin = typing.get_origin(tp)
    if isinstance(tp, type) and issubclass(tp, msgspec.Struct):
        return _pydantic_model(tp, made)
    if origin is Annotated:
        base, *metas = typing.get_args(tp)
        extra: list[Any] = []
        for m in metas:
            if isinstance(m, msgspec.Meta):
                if m.ge is not None:
                    extra.append(at.Ge(m.ge))
                if m.le is not None:
                    extra.append(at.Le(m.le))
                if m.min_length is not None:
                    extra.append(at.MinLen(m.min_length))
        inner = _pydantic_type(base, made)
        return Annotated[(inner, *extra)] if extra else inner  # type: ignore[valid-type]
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not msgspec.UnsetType]
        mapped = tuple(_pydantic_type(a, made) for a in args)
        return mapped[0] if len(mapped) == 1 else Union[mapped]  # noqa: UP007
    if origin is list:
        return list[_pydantic_type(typing.get_args(tp)[0], made)]  # type: ignore[misc]
    if origin is dict:
        k, v = typing.get_args(tp)
        return dict[_pydantic_type(k, made), _pydantic_type(v, made)]  # type: ignore[misc]
    if origin is tuple:
        return tuple[tuple(_pydantic_type(a, made) for a in typing.get_args(tp))]  # type: ignore[misc]
    if origin is Literal or tp in (int, float, str, bool, type(None), _dt.date) or tp is Any:
        return tp
    raise TypeError(f"no pydantic mapping for {tp!r}")


def _pydantic_model(cls: type[msgspec.Struct], made: dict[type, Any]) -> Any:
    from pydantic import ConfigDict, create_model

    if cls in made:
        return made[cls]
    hints = typing.get_type_hints(cls, include_extras=True)
    fields: dict[str, Any] = {}
    for f in msgspec.structs.fields(cls):
        annotation = _pydantic_type(hints[f.name], made)
        if f.required:
            fields[f.name] = (annotation, ...)
        else:
            default = None if f.default is msgspec.UNSET or f.default is msgspec.NODEFAULT else f.default
            fields[f.name] = (annotation | None if default is None else annotation, default)
    made[cls] = create_model(cls.__name__, __config__=ConfigDict(extra="forbid"), **fields)
    return made[cls]


def _best(fn: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("reports", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    dicts = [d for line in args.reports.read_text(encoding="utf-8").splitlines() if line.strip()
             if "article" in (d := json.loads(line))]
    made: dict[type, Any] = {}
    p_report = _pydantic_model(model.ReportDoc, made)
    p_kinds = {k: _pydantic_model(c, made) for k, c in model.KIND_ATTRIBUTES.items()}
    m_kinds = model.KIND_ATTRIBUTES

    def plain() -> None:
        for d in dicts:
            json.dumps(d, ensure_ascii=False, separators=(",", ":"))

    def with_msgspec() -> None:
        for d in dicts:
            doc = msgspec.convert(d, model.ReportDoc)
            for f in d["findings"]:
                msgspec.convert(f["attributes"], m_kinds[f["kind"]])
            msgspec.json.encode(doc)

    def with_pydantic() -> None:
        for d in dicts:
            doc = p_report.model_validate(d)
            for f in d["findings"]:
                p_kinds[f["kind"]].model_validate(f["attributes"])
            doc.model_dump_json(exclude_unset=True)

    with_msgspec()
    with_pydantic()  # both validate every report before timing
    n_findings = sum(len(d["findings"]) for d in dicts)
    t_json, t_msgspec, t_pydantic = (_best(fn, args.repeat) for fn in (plain, with_msgspec, with_pydantic))
    print(f"{len(dicts)} reports, {n_findings} findings; best of {args.repeat} passes (seconds per pass)")
    print(f"json.dumps of the dicts      {t_json:.3f}")
    print(f"msgspec validate + encode    {t_msgspec:.3f}")
    print(f"pydantic validate + dump     {t_pydantic:.3f}")
    print(f"pydantic / msgspec           {t_pydantic / t_msgspec:.1f}x")


if __name__ == "__main__":
    main()
