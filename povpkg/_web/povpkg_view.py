"""Datasette plugin loaded by ``povpkg serve`` (``--plugins-dir``): the data first.

A table page opens on its rows: the column descriptions fold into one line that opens
on a click. A foreign key shows its row's label, on a row's page as on a table's. Cells read as the CSV writes them: a boolean is ``true``/``false`` (SQLite
stores 1/0), a whole number stored as a real has no ``.0`` and gets thousands
separators. Which columns are booleans and numbers comes from the descriptor, through
the plugin configuration ``povpkg serve`` writes into the metadata.

A search finds Chinese names: the search tables hold each Chinese character as a token,
and the query's Chinese runs become phrases of characters (``povpkg._cjk_search``), in
the default mode through ``escape_fts`` and in ``_searchmode=raw`` by rewriting the query.
"""
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.utils import escape_fts
from markupsafe import Markup, escape

from povpkg._cjk_search import phrase_query
from povpkg._export import quoted as _q  # an SQL identifier, quoted: names come from the descriptor, which is data

FOLD_DESCRIPTIONS = """
document.querySelectorAll("dl.column-descriptions").forEach(function (dl) {
  var details = document.createElement("details");
  details.className = "povpkg-columns";
  var summary = document.createElement("summary");
  summary.textContent = "What each column means (" + dl.querySelectorAll("dt").length + " columns)";
  dl.parentNode.insertBefore(details, dl);
  details.appendChild(summary);
  details.appendChild(dl);
});
"""


@hookimpl
def render_cell(value, column, table, database, datasette):
    config = datasette.plugin_config("povpkg", database=database, table=table) or {}
    if column in config.get("booleans", ()) and value in (0, 1):
        return "true" if value else "false"
    if column in config.get("numbers", ()) and isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    link = config.get("links", {}).get(column)
    if link and isinstance(value, str) and value:  # a table page passes labelled keys as dicts
        return _labelled(datasette, database, value, *link)
    return None


def _labelled(datasette, database, value, other, key, label):
    """An awaitable: the link to the referenced row, named by its label (Datasette awaits it)."""
    async def inner():
        db = datasette.get_database(database)
        found = (await db.execute(f"SELECT {_q(label)} FROM {_q(other)} WHERE {_q(key)} = ?", [value])).first()
        name = found[0] if found and found[0] else value
        href = datasette.urls.row(database, other, value)
        return Markup(f'<a href="{escape(href)}">{escape(name)}</a> <em>{escape(value)}</em>')
    return inner


@hookimpl
def extra_body_script(view_name):
    return FOLD_DESCRIPTIONS if view_name in ("table", "row") else None


@hookimpl(trylast=True)  # after Datasette's own prepare_connection, so this escape_fts replaces its
def prepare_connection(conn):
    conn.create_function("escape_fts", 1, lambda query: phrase_query(escape_fts(query)) if query is not None else None)


@hookimpl
def asgi_wrapper(datasette):
    """In ``_searchmode=raw`` the query reaches MATCH as written: its Chinese runs are made
    phrases of characters before Datasette reads it (FTS syntax around them stays)."""
    def wrap(app):
        async def inner(scope, receive, send):
            if scope.get("type") == "http" and b"_searchmode=raw" in scope.get("query_string", b""):
                scope = dict(scope, query_string=raw_query_string(scope["query_string"]))
            await app(scope, receive, send)
        return inner
    return wrap


def raw_query_string(qs: bytes) -> bytes:
    """The query string with each ``_search`` / ``_search_COLUMN`` value made a phrase query."""
    pairs = parse_qsl(qs.decode("utf-8", "replace"), keep_blank_values=True)
    return urlencode([(k, phrase_query(v) if k.startswith("_search") and k != "_searchmode" else v)
                      for k, v in pairs]).encode()
