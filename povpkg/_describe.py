"""What a table is, readable: ``povpkg.describe("events")``.

A ``TableInfo`` is still the resource's dictionary (code that reads ``info["schema"]``
keeps working), with attributes a person reaches for first and a plain-text ``repr``;
``.fields`` is one row per field as a DataFrame. The row count and the sources read the
table, so they are computed when asked for, not when described.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

FIELD_COLUMNS = ["name", "type", "unit", "description", "constraints"]


class TableInfo(dict[str, Any]):
    """One table's metadata: title, description, fields, keys, row count, sources."""

    def __init__(self, resource: dict[str, Any], path: str | os.PathLike[str] | None = None) -> None:
        super().__init__(resource)
        self._path = path

    @property
    def name(self) -> str:
        return self["name"]

    @property
    def title(self) -> str:
        return self.get("title", "")

    @property
    def description(self) -> str:
        return self.get("description", "")

    @property
    def primary_key(self) -> list[str]:
        key = self.get("schema", {}).get("primaryKey", [])
        return [key] if isinstance(key, str) else list(key)

    @property
    def foreign_keys(self) -> list[tuple[list[str], str, list[str]]]:
        """(fields, table, its fields) of each foreign key."""
        return [(list(fk["fields"]), fk["reference"].get("resource") or self.name, list(fk["reference"]["fields"]))
                for fk in self.get("schema", {}).get("foreignKeys", [])]

    @property
    def fields(self) -> pd.DataFrame:
        """One row per field (name, type, unit, description, constraints) as a pandas DataFrame."""
        import pandas as pd

        from ._codebook import constraints_text

        rows = [(f["name"], f.get("type", "string"), f.get("unit"), f.get("description", ""), constraints_text(f))
                for f in self.get("schema", {}).get("fields", [])]
        return pd.DataFrame(rows, columns=FIELD_COLUMNS).astype({"unit": "str"})

    @property
    def rows(self) -> int:
        """Rows in the table's CSV (the header not counted)."""
        from . import load

        return len(load(self.name, self._path))

    @property
    def sources(self) -> list[str]:
        """The source_id of every source the table's rows cite, sorted."""
        from . import load

        df = load(self.name, self._path)
        return sorted(df["source_id"].dropna().unique().tolist()) if "source_id" in df.columns else []

    def __repr__(self) -> str:
        return text(self)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:  # IPython shows the text, not the dict
        p.text(text(self))


def text(res: dict) -> str:
    """A resource as plain text: title, description, keys, then each field with its type and unit.
    Safe to print: whatever the data says is shown, never run by the terminal (``shown``)."""
    from ._codebook import constraints_text, names
    from ._package import schema_of
    from ._safety import shown

    schema = schema_of(res)  # PackageError for a schema not shaped as a Table Schema
    lines = [f"{res['name']}: {res.get('title', '')}", "", res.get("description", ""), ""]
    lines.append(f"primary key: {names(schema.get('primaryKey', [])) or '-'}")
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        lines.append(f"foreign key: {names(fk['fields'])} -> {ref.get('resource') or res['name']}.{names(ref['fields'])}")
    lines.append("")
    for f in schema.get("fields", []):
        unit = f" [{f['unit']}]" if f.get("unit") else ""
        cons = constraints_text(f)
        lines.append(f"  {f['name']} ({f.get('type', 'string')}{unit}){': ' + cons if cons else ''}")
        lines.append(f"      {f.get('description', '')}")
    return "\n".join(map(shown, lines))
