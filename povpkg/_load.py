"""Read a table into a pandas DataFrame typed from its Table Schema, strictly.

The CSV is read once, with every dtype decided before reading (booleans by the
schema's true/false values); enumerations are read with the values found and checked before
they take the declared categories (a misspelled value would otherwise turn into a
silent missing value); dates get one vectorized conversion; integers are read as text
and must be plain digits (pandas alone takes ``1e3`` as 1000). A value that does not fit
its field, a header other than the schema's fields in order, a row with another number
of cells (``_strict``: pandas would shift, pad or skip it) or a cell over the size limit
raises a DataError naming table, row, field and value. No frictionless, no pandera; the
one per-row loop (the csv module counting cells) runs only on this strict path.

With pyarrow installed, its CSV reader parses and types every column first (as
fast as an untyped ``pandas.read_csv``: pandas 3 takes a slow path for
``dtype="str"``); it accepts only clean input, and on anything else the pandas
reader above runs and says what is wrong. Both give the same frame.
"""
from __future__ import annotations

from pathlib import Path

from ._package import descriptor, descriptor_path, find_resource, json_copy, key_fields, resource_file, schema_of
from ._safety import boolean_values
from ._limits import MAX_CELL, MiB
from ._strict import check_header, check_structure, too_long
from .errors import DataError

# Table Schema type -> the pandas dtype a loaded column has (pandera checks the same map).
PANDAS_DTYPE = {"string": "str", "integer": "Int64", "number": "Float64", "year": "Int64", "boolean": "boolean",
                "date": "datetime64[us]", "datetime": "datetime64[us]"}
_TRUE = ["true", "True", "TRUE"]
_FALSE = ["false", "False", "FALSE"]
_PLANS: dict = {}


def read_plan(schema: dict):
    """read_csv keyword arguments for a Table Schema, plus the date columns and their formats."""
    import pandas as pd

    dtypes, dates, true, false = {}, {}, set(_TRUE), set(_FALSE)
    for field in schema.get("fields", []):
        name, ftype = field["name"], field.get("type", "string")
        enum = field.get("constraints", {}).get("enum")
        if enum and ftype == "string":
            dtypes[name] = pd.CategoricalDtype(categories=enum, ordered=bool(field.get("categoriesOrdered")))
        elif ftype in ("date", "datetime"):
            dtypes[name] = "str"
            fmt = field.get("format", "default")
            dates[name] = "%Y-%m-%d" if fmt in ("default", "any") and ftype == "date" else \
                "ISO8601" if fmt in ("default", "any") else fmt
        else:
            dtypes[name] = PANDAS_DTYPE.get(ftype, "str")
            if ftype == "boolean":
                words = boolean_values(field)  # PackageError for words that contradict
                true, false = true | words[0], false | words[1]
    kwargs = dict(dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8",
                  true_values=sorted(true), false_values=sorted(false))
    return kwargs, dates


def read_table(csv_path: Path, schema: dict, plan=None, table: str | None = None):
    """DataFrame of one CSV with the schema's types (empty cells are missing values).

    Raises DataError for a column the schema does not declare (or lacks), a value
    outside its enumeration, a number or boolean that does not parse, an impossible date.
    """
    import numpy as np
    import pandas as pd

    fast = _read_arrow(Path(csv_path), schema)
    if fast is not None:
        return fast
    kwargs, dates = plan or read_plan(schema)
    table = table or Path(csv_path).stem
    check_structure(csv_path, schema, table)  # pandas would shift, pad or skip what does not fit
    enums = {k: v for k, v in kwargs["dtype"].items() if isinstance(v, pd.CategoricalDtype)}
    ints = [n for n, t in kwargs["dtype"].items() if t == "Int64"]  # read as text: pandas takes '1e3' as 1000
    as_read = {**kwargs, "dtype": {**kwargs["dtype"], **dict.fromkeys(enums, "category"), **dict.fromkeys(ints, "str")},
               "index_col": False}
    try:
        df = pd.read_csv(csv_path, **as_read)
    except UnicodeDecodeError:
        raise  # the caller says which file is not UTF-8
    except (ValueError, TypeError, OverflowError) as exc:
        try:
            found = _diagnose(csv_path, schema, table, kwargs)
        except (ValueError, TypeError, OverflowError):
            found = None
        raise found or DataError(f"{table}: cannot be read as typed data: {str(exc).splitlines()[0][:200]}") from None
    _check_columns(df, schema, table)
    _check_cell_sizes(df, schema, table)
    for name in ints:
        col = df[name]
        bad = col.notna() & ~col.str.fullmatch(WHOLE).fillna(False)
        if bad.any():
            raise _cell_error(df, schema, table, name, bad, "is not a whole number")
        try:
            df[name] = col.str.removeprefix("+").astype("Int64")
        except (ValueError, TypeError, OverflowError):  # past 64 bits
            raise _cell_error(df, schema, table, name, col.str.len().fillna(0) > 18, "is out of range") from None
    for name, dtype in enums.items():  # read with the values found, then checked against the declared ones
        found = df[name].cat.categories
        pos = dtype.categories.get_indexer(found)
        if (pos < 0).any():
            raise _cell_error(df, schema, table, name, df[name].isin(found[pos < 0]), "is not one of the allowed values: "
                              + ", ".join(map(str, dtype.categories[:12])) + (", ..." if len(dtype.categories) > 12 else ""))
        codes = df[name].cat.codes.to_numpy()
        df[name] = pd.Categorical.from_codes(np.where(codes < 0, -1, pos[codes]) if len(pos) else codes, dtype=dtype)
    for name, fmt in dates.items():
        try:
            col = pd.to_datetime(df[name], format=fmt)
        except (ValueError, TypeError, OverflowError):
            bad = df[name].notna() & pd.to_datetime(df[name], format=fmt, errors="coerce").isna()
            raise _cell_error(df, schema, table, name, bad, f"is not a date ({fmt})") from None
        df[name] = col if str(col.dtype) == "datetime64[us]" else col.astype("datetime64[us]")
    return df


def _read_arrow(csv_path: Path, schema: dict):
    """The typed frame through pyarrow's reader, or None when pyarrow is missing or the input is
    anything but clean (the strict pandas reader then finds and names the problem).

    Numbers and dates are read as text and converted only when every cell has the plain
    form both readers parse alike (pyarrow alone would take ``0x10``, ``nan`` or a date
    with spaces around it); anything else is left to the strict reader.
    """
    try:
        import pandas as pd
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.csv as pacsv
    except ImportError:
        return None
    types, enums, dates, texts, true, false = _arrow_plan(schema, pa)
    pool = pa.system_memory_pool()  # hands freed buffers back (see release_memory)
    try:
        table = pacsv.read_csv(csv_path, convert_options=pacsv.ConvertOptions(
            column_types=types, null_values=[""], strings_can_be_null=True, true_values=true, false_values=false),
            parse_options=pacsv.ParseOptions(ignore_empty_lines=False), memory_pool=pool)  # a blank line: a short row
        if table.column_names != list(types) or _blank_row(table, pc):  # columns not the schema's; a blank row
            return None
        for i, name in enumerate(table.column_names):
            if table.schema.types[i] == pa.large_string() and name not in texts and \
                    (pc.max(pc.utf8_length(table.column(i), memory_pool=pool)).as_py() or 0) > MAX_CELL:
                return None
        for name, (pattern, longest, target) in texts.items():
            i = table.schema.get_field_index(name)
            col = table.column(i)
            if not _plain(col, pattern, longest, pc, pool):
                return None
            table = table.set_column(i, name, pc.cast(col, target, memory_pool=pool))
        codes = _enum_codes(table, enums, pa, pc, pool)
    except (pa.ArrowException, OSError):
        return None
    if codes is None:
        return None
    df = table.drop_columns(list(codes)).to_pandas(
        date_as_object=False, memory_pool=pool, split_blocks=True, self_destruct=True, types_mapper={
            pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(), pa.bool_(): pd.BooleanDtype()}.get)
    del table
    for i, name in enumerate(types):  # in the schema's order
        if name in codes:
            df.insert(i, name, pd.Categorical.from_codes(codes[name], dtype=enums[name]))
    for name, fmt in dates.items():
        if fmt is None:
            df[name] = df[name].astype("datetime64[us]")  # pyarrow's days come as [ms]
            continue
        try:
            col = pd.to_datetime(df[name], format=fmt)
        except (ValueError, TypeError, OverflowError):
            return None
        df[name] = col if str(col.dtype) == "datetime64[us]" else col.astype("datetime64[us]")
    return df


def _enum_codes(table, enums: dict, pa, pc, pool) -> dict | None:
    """Each enumeration's codes in its declared categories (-1: missing), or None when a
    column holds a value the enumeration lacks. The codes make the Categorical in one step
    (pyarrow's own conversion makes one of the values found, to be recoded)."""
    out = {}
    for name, dtype in enums.items():
        col = table.column(name)
        pos = pc.index_in(col, value_set=pa.array(dtype.categories), memory_pool=pool)
        if pos.null_count != col.null_count:
            return None
        out[name] = pos.fill_null(-1).to_numpy()
    return out


def _blank_row(table, pc) -> bool:
    """Whether a row has no value at all (a blank line, or only commas): frictionless's blank-row.
    Column by column, stopping at the first column that leaves no row blank (usually the key)."""
    blank = None
    for col in table.columns:
        empty = pc.is_null(col)
        blank = empty if blank is None else pc.and_(blank, empty)
        if not pc.any(blank).as_py():
            return False
    return blank is not None


def _plain(col, pattern: str, longest: int | None, pc, pool) -> bool:
    """Whether every cell of a text column has the plain form ``pattern`` (and at most ``longest`` characters).

    Cells of digits alone, most numbers by far, have the plain form of every numeric
    type, and pyarrow tests for them six times faster than it runs the pattern; the
    pattern runs only on a column with other cells (a sign, a decimal point, a date).
    """
    ok = pc.ascii_is_decimal(col, memory_pool=pool) if pattern in _DIGITS_ARE_PLAIN else None
    if ok is None or not pc.all(ok, skip_nulls=True, min_count=0).as_py():
        ok = pc.match_substring_regex(col, pattern, memory_pool=pool)
    if longest:
        ok = pc.and_(ok, pc.less_equal(pc.utf8_length(col), longest))
    return pc.all(ok, skip_nulls=True, min_count=0).as_py()


# Cells pyarrow converts only in these plain forms: (pattern, most characters, type).
# Up to 15 digits a decimal converts to the same float in both readers (exactly rounded).
_PLAIN = {"integer": (r"^-?[0-9]+$", None, "int64"), "year": (r"^-?[0-9]+$", None, "int64"),
          "number": (r"^-?[0-9]+(\.[0-9]+)?$", 16, "float64"), "date": (r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", None, "date32")}
_DIGITS_ARE_PLAIN = {_PLAIN[t][0] for t in ("integer", "year", "number")}


_ARROW_PLANS: dict = {}


def _arrow_plan(schema: dict, pa):
    """``_arrow_types`` of a schema, remembered by the text of its fields: building the
    categorical dtypes costs ~10 ms a ``load_all``, writing the fields as JSON under 1 ms
    (and a schema edited in place gets a plan of its own)."""
    import json

    key = json.dumps(schema.get("fields"), sort_keys=True)
    plan = _ARROW_PLANS.get(key)
    if plan is None:
        if len(_ARROW_PLANS) > 256:
            _ARROW_PLANS.clear()
        plan = _ARROW_PLANS[key] = _arrow_types(schema, pa)
    return plan


def _arrow_types(schema: dict, pa):
    """pyarrow column types of a Table Schema, the enumerations' dtypes, the date columns
    (format None: converted from plain ISO dates), the columns read as text and converted
    when plain (``_PLAIN``) and the boolean words."""
    import pandas as pd

    types, enums, dates, texts, true, false = {}, {}, {}, {}, set(_TRUE), set(_FALSE)
    for field in schema.get("fields", []):
        name, ftype = field["name"], field.get("type", "string")
        enum = field.get("constraints", {}).get("enum")
        fmt = field.get("format", "default")
        types[name] = pa.large_string()
        if enum and ftype == "string":
            types[name] = pa.dictionary(pa.int32(), pa.string())
            enums[name] = pd.CategoricalDtype(categories=enum, ordered=bool(field.get("categoriesOrdered")))
        elif ftype == "date" and fmt in ("default", "any"):
            pattern, longest, target = _PLAIN["date"]
            texts[name], dates[name] = (pattern, longest, getattr(pa, target)()), None
        elif ftype in ("date", "datetime"):
            dates[name] = "ISO8601" if fmt in ("default", "any") else fmt
        elif ftype in _PLAIN:
            pattern, longest, target = _PLAIN[ftype]
            texts[name] = (pattern, longest, getattr(pa, target)())
        elif ftype == "boolean":
            types[name] = pa.bool_()
            words = boolean_values(field)  # PackageError for words that contradict
            true, false = true | words[0], false | words[1]
    return types, enums, dates, texts, sorted(true), sorted(false)


def release_memory() -> None:
    """Hand memory freed while reading back to the system (pyarrow's pool, glibc's heap).

    A validation holds every table at once; without this the allocators keep the
    reader's freed buffers, a third again as much as the frames themselves. A release
    walks the heap and the memory it hands back faults in again when it is reused, so
    it is made only once the process's resident memory has grown by ``RELEASE_STEP``
    since the last one: at most that much is held back (the shipped package's steps
    mostly free a few hundred KiB; a large table's, megabytes).
    """
    import sys

    global _TRIM, _RELEASED_AT
    resident = _resident()
    if resident is not None and resident - _RELEASED_AT < RELEASE_STEP:
        return
    pa = sys.modules.get("pyarrow")
    if pa is not None:
        pa.default_memory_pool().release_unused()
    if _TRIM is None:
        try:
            import ctypes

            _TRIM = ctypes.CDLL(None).malloc_trim
        except (OSError, AttributeError):
            _TRIM = False
    if _TRIM:
        _TRIM(0)
    _RELEASED_AT = _resident() or 0


def _resident() -> int | None:
    """The process's resident memory in bytes (Linux's /proc), or None where it cannot be read."""
    import os

    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


RELEASE_STEP = 4 * MiB
_TRIM = None
_RELEASED_AT = 0


WHOLE = r"[+-]?[0-9]+"  # an integer cell: digits and a sign, as frictionless takes it (no exponent, no point)


def _check_cell_sizes(df, schema: dict, table: str) -> None:
    """SizeLimitError for the first cell over MAX_CELL characters (text columns only:
    a longer number or date does not parse)."""
    for name in df.columns:
        col = df[name]
        if str(col.dtype) not in ("str", "category", "object"):
            continue
        sizes = col.astype("str").str.len()
        if (sizes > MAX_CELL).any():
            i = sizes[sizes > MAX_CELL].index[0]
            raise too_long(table, int(i) + 2, _key(df, schema, i), name, int(sizes[i]))


def _check_columns(df, schema: dict, table: str) -> None:
    check_header(list(df.columns), schema, table)


def _diagnose(csv_path, schema, table, kwargs) -> DataError | None:
    """After read_csv refused a typed column: which row, field and value."""
    import pandas as pd

    df = pd.read_csv(csv_path, dtype="str", keep_default_na=False, na_values=[""], encoding="utf-8")
    _check_columns(df, schema, table)
    for field in schema.get("fields", []):
        name, ftype = field["name"], field.get("type", "string")
        col = df[name]
        if ftype in ("integer", "year", "number"):
            num = pd.to_numeric(col, errors="coerce")
            bad = col.notna() & (num.isna() | ((num % 1 != 0) if ftype != "number" else False))
            what = "a whole number" if ftype != "number" else "a number"
        elif ftype == "boolean":
            bad = col.notna() & ~col.isin(kwargs["true_values"] + kwargs["false_values"])
            what = "true or false"
        else:
            continue
        if bad.any():
            return _cell_error(df, schema, table, name, bad, f"is not {what}")
    return None


def _key(df, schema, i) -> str:
    return "/".join(str(df.at[i, k]) for k in key_fields(schema.get("primaryKey")) if k in df.columns)


def _cell_error(df, schema, table, field, bad, what) -> DataError:
    i = bad[bad].index[0]
    key = _key(df, schema, i)
    row = f"row {int(i) + 2}" + (f" ({key})" if key else "")
    return DataError(f"{table}, {row}, field {field}: {df.at[i, field]!r} {what}")


def load(name: str, path=None):
    """Load table ``name`` as a typed pandas DataFrame with its metadata in ``.attrs``."""
    dp = descriptor_path(path).resolve()
    desc = descriptor(dp)
    res = find_resource(desc, name)
    schema = schema_of(res)
    key = (str(dp), dp.stat().st_mtime_ns, name)
    if key not in _PLANS:
        _PLANS[key] = read_plan(schema)
    df = read_table(resource_file(dp.parent, res), schema, _PLANS[key], table=name)
    df.attrs.update(json_copy(dict(
        name=name,
        title=res.get("title"),
        description=res.get("description"),
        version=desc.get("version"),
        source=f"{desc.get('name')} {desc.get('version')}: {res.get('path')}",
        primary_key=schema.get("primaryKey"),
        fields={f["name"]: f for f in schema.get("fields", [])},
    )))
    return df

